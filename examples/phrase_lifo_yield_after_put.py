# A LIFO queue whose getter runs after each put, as phrase_lifo_yield_after_put.rs: asyncio's
# LifoQueue, with `await asyncio.sleep(0)` after each put_nowait.
import asyncio

from timeline import say


async def getter(queue):
    for _ in range(3):
        say(f"lifo: got {await queue.get()}")


async def main():
    queue = asyncio.LifoQueue()
    say("lifo: get() waits for an item")
    task = asyncio.create_task(getter(queue))
    await asyncio.sleep(0.1)
    for item in [3, 1, 2]:
        say(f"lifo: put {item}")
        queue.put_nowait(item)
        await asyncio.sleep(0)  # a turn for the others after each put
    await task


if __name__ == "__main__":
    asyncio.run(main())
