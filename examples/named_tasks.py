# current_task and all_tasks, as named_tasks.rs: asyncio names every task and knows them all.
import asyncio

from timeline import say


async def worker(delay):
    name = asyncio.current_task().get_name()
    say(f"{name}: working")
    await asyncio.sleep(delay)
    say(f"{name}: done")


async def main():
    say("main: starting two workers")
    tasks = [
        asyncio.create_task(worker(delay), name=f"worker-{i + 1}")
        for i, delay in enumerate([0.1, 0.3])
    ]
    await asyncio.sleep(0.2)
    me = asyncio.current_task()
    running = sorted(t.get_name() for t in asyncio.all_tasks() if t is not me)
    say(f"still running: {', '.join(running)}")
    await asyncio.gather(*tasks)


if __name__ == "__main__":
    asyncio.run(main())
