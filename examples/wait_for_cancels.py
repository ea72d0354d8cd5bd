# expected output: wait_for_cancels.py.stdout
#
# The same three runs as wait_for_cancels.rs. wait_for always waits until what it cancelled has
# stopped, so each clean-up comes before the TimeoutError, the task's too.
import asyncio

from timeline import say


async def job(name):
    try:
        # Never reached: the time limit cancels the job first.
        await asyncio.sleep(1)
    finally:
        say(f"{name}: cleaned up")
    return name


async def run(label, awaitable):
    say(f"{label}: 100 ms to do a 1 s job")
    try:
        say(f'{label}: Ok("{await asyncio.wait_for(awaitable, 0.1)}")')
    except TimeoutError:
        say(f'{label}: Err("timed out")')


async def main():
    await run("future", job("future"))
    await run("task", asyncio.create_task(job("task")))
    await asyncio.sleep(0.1)
    label = "task, cancel().await"
    await run(label, asyncio.create_task(job(label)))


if __name__ == "__main__":
    asyncio.run(main())
