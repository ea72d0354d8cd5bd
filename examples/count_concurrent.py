# The notes' first program (코드 예시1), with timestamps, and without the parameter `i` that its
# `count` declares but `main` never passes (see "The missing argument" in the book).
# Run it with `python3 examples/count_concurrent.py`; it prints what count_concurrent.rs prints.
import asyncio
import time

from timeline import say


async def count():
    say("One")
    await asyncio.sleep(1)
    say("Two")


async def main():
    await asyncio.gather(count(), count(), count())


if __name__ == "__main__":
    start = time.perf_counter()
    asyncio.run(main())
    print(f"executed in {time.perf_counter() - start:.2f} seconds.")
