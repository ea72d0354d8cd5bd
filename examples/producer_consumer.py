# expected output: producer_consumer.py.stdout
#
# Producers and consumers on a bounded asyncio.Queue, as producer_consumer.rs.
#
# asyncio.Queue (before Python 3.13) cannot be closed, so each consumer stops at a sentinel,
# `None`, put after every item: like a closed channel, it comes once the queue is drained.
import asyncio

from timeline import say

CLOSED = None


async def producer(name, count, queue):
    produced = []
    for i in range(1, count + 1):
        item = f"{name}{i}"
        try:
            queue.put_nowait(item)
        except asyncio.QueueFull:
            say(f"producer {name}: queue full, waiting to put {item}")
            await queue.put(item)  # backpressure
        produced.append(item)
    say(f"producer {name}: done")
    return produced


async def consumer(name, late, queue):
    await asyncio.sleep(late)
    consumed = []
    while (item := await queue.get()) is not CLOSED:
        say(f"consumer {name}: working on {item}")
        await asyncio.sleep(0.2)
        consumed.append(item)
    say(f"consumer {name}: queue closed and empty, stopping")
    return consumed


def account(produced, consumed):
    if sorted(produced) == sorted(consumed) and len(set(produced)) == len(produced):
        return f"{len(produced)} produced, {len(consumed)} consumed, each exactly once"
    return None


async def main():
    queue = asyncio.Queue(maxsize=2)
    producers = [
        asyncio.create_task(producer("a", 4, queue)),
        asyncio.create_task(producer("b", 4, queue)),
    ]
    consumers = [
        asyncio.create_task(consumer("1", 0, queue)),
        asyncio.create_task(consumer("2", 0.1, queue)),
    ]
    produced = [item for items in await asyncio.gather(*producers) for item in items]
    for _ in consumers:
        await queue.put(CLOSED)  # "close" the queue: one sentinel per consumer
    consumed = [item for items in await asyncio.gather(*consumers) for item in items]
    summary = account(produced, consumed)
    say(f"account: {summary}" if summary else "account does not balance!")


if __name__ == "__main__":
    asyncio.run(main())
