# The three counts awaited one after another: about 3 s, as in count_sequential.rs.
import asyncio
import time

from count_concurrent import count


async def main():
    await count()
    await count()
    await count()


if __name__ == "__main__":
    start = time.perf_counter()
    asyncio.run(main())
    print(f"executed in {time.perf_counter() - start:.2f} seconds.")
