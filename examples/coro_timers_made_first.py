# expected output: count_sequential.stdout
#
# The Python twin of coro_timers_made_first.rs: three asyncio.sleep(1) made first, then awaited
# one after another. Each is a coroutine object with no deadline until it is awaited, so the
# three seconds add up, and it prints exactly what count_sequential prints.
import asyncio
import time

from timeline import say


async def count(sleep):
    say("One")
    await sleep
    say("Two")


async def main():
    a, b, c = asyncio.sleep(1), asyncio.sleep(1), asyncio.sleep(1)  # no deadlines yet
    await count(a)
    await count(b)
    await count(c)


if __name__ == "__main__":
    start = time.perf_counter()
    asyncio.run(main())
    print(f"executed in {time.perf_counter() - start:.2f} seconds.")
