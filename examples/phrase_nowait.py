# put_nowait and get_nowait, as phrase_nowait.rs: QueueFull on a full queue, QueueEmpty on an
# empty one.
import asyncio

from timeline import say


async def main():
    queue = asyncio.Queue(maxsize=2)
    for item in [1, 2, 3]:
        try:
            queue.put_nowait(item)
            say(f"put_nowait({item}): ok")
        except asyncio.QueueFull:
            say(f"put_nowait({item}): QueueFull")
    while True:
        try:
            say(f"get_nowait(): {queue.get_nowait()}")
        except asyncio.QueueEmpty:
            say("get_nowait(): QueueEmpty")
            break


if __name__ == "__main__":
    asyncio.run(main())
