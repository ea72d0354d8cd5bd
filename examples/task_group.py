# A TaskGroup, as task_group.rs: the first failure cancels the other tasks, the group waits for
# them to stop, and then raises.
import asyncio

from timeline import say


async def job(name, delay, fails):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        say(f"{name}: cancelled, cleaning up")
        raise
    if fails:
        say(f"{name}: failed")
        raise RuntimeError(f"{name} failed")
    say(f"{name}: done")
    return name


async def main():
    say("group: a, b and c")
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(job("a", 0.1, False))
            group.create_task(job("b", 0.2, True))
            group.create_task(job("c", 0.5, False))
    except* RuntimeError as errors:
        say(f"group: {errors.exceptions[0]}")

    say("try_zip: d and e")
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(job("d", 0.1, True))
            group.create_task(job("e", 0.3, False))
    except* RuntimeError as errors:
        say(f"try_zip: {errors.exceptions[0]}")


if __name__ == "__main__":
    asyncio.run(main())
