# asyncio.wait, as wait_first_completed.rs: the pending tasks run on, unless they are cancelled.
import asyncio

from timeline import say


async def job(name, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        say(f"{name}: cancelled")
        raise
    say(f"{name}: done")
    return name


async def main():
    say("three tasks")
    tasks = [
        asyncio.create_task(job("slow", 0.5)),
        asyncio.create_task(job("fast", 0.1)),
        asyncio.create_task(job("medium", 0.3)),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    first = done.pop().result()
    say(f"first completed: {first}; {len(pending)} still pending")
    await asyncio.wait(pending)  # return_when=ALL_COMPLETED, the default
    say("all completed")

    # What `or` does: the first to finish wins, the other is cancelled.
    race = [asyncio.create_task(job("fast2", 0.1)), asyncio.create_task(job("slow2", 0.3))]
    done, pending = await asyncio.wait(race, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    await asyncio.wait(pending)
    say(f"or: {done.pop().result()} won")


if __name__ == "__main__":
    asyncio.run(main())
