# An exception in a task, as task_panic.rs: it is stored in the task and raised where the task
# is awaited; the other tasks run on.
import asyncio

from timeline import say


async def faulty():
    await asyncio.sleep(0.1)
    say("faulty: about to panic")
    raise RuntimeError("boom")


async def other():
    await asyncio.sleep(0.2)
    say("other: still runs")


async def main():
    say("spawning a task that panics and one that does not")
    faulty_task = asyncio.create_task(faulty())
    other_task = asyncio.create_task(other())
    try:
        await faulty_task
        say("faulty: finished")
    except RuntimeError as error:
        say(f'faulty: panicked with Some("{error}")')
    await other_task


if __name__ == "__main__":
    asyncio.run(main())
