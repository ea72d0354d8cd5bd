# asyncio.shield, as shield_with_task.rs: wait_for cancels what it waits for, unless it is shielded.
import asyncio

from timeline import elapsed, say


async def save(name):
    try:
        say(f"{name}: started")
        await asyncio.sleep(0.3)
    except asyncio.CancelledError:
        say(f"{name}: cancelled")
        raise
    say(f"{name}: finished")
    return "saved"


async def main():
    elapsed()  # start the clock now: wait_for sets its timer before save() first runs
    try:
        await asyncio.wait_for(save("unshielded"), 0.1)
    except TimeoutError:
        say('unshielded: Err("timed out")')

    task = asyncio.create_task(save("shielded"))
    try:
        await asyncio.wait_for(asyncio.shield(task), 0.1)
    except TimeoutError:
        say('shielded: Err("timed out"), the task goes on')
    say(f"shielded: {await task}")


if __name__ == "__main__":
    asyncio.run(main())
