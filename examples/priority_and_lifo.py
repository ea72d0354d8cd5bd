# asyncio.PriorityQueue and LifoQueue, as priority_and_lifo.rs.
import asyncio

from timeline import say


async def getter(name, queue):
    for _ in range(3):
        say(f"{name}: got {await queue.get()}")


async def demo(name, queue):
    say(f"{name}: get() waits for an item")
    task = asyncio.create_task(getter(name, queue))
    await asyncio.sleep(0.1)
    say(f"{name}: put 3, 1, 2")
    for item in [3, 1, 2]:
        queue.put_nowait(item)
    await task


async def main():
    await demo("priority", asyncio.PriorityQueue())
    await demo("lifo", asyncio.LifoQueue())


if __name__ == "__main__":
    asyncio.run(main())
