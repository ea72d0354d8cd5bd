# Queue.join and task_done, as queue_join.rs. The workers never stop by themselves, so they are
# cancelled at the end.
import asyncio

from timeline import say


async def worker(name, queue):
    while True:
        item = await queue.get()
        say(f"{name}: working on {item}")
        await asyncio.sleep(0.1)
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    workers = [asyncio.create_task(worker(name, queue)) for name in ["w1", "w2"]]
    for batch in [["a", "b", "c"], ["d"]]:
        for item in batch:
            await queue.put(item)
        await queue.join()
        say(f"batch {batch}: all done".replace("'", '"'))
    for task in workers:
        task.cancel()


if __name__ == "__main__":
    asyncio.run(main())
