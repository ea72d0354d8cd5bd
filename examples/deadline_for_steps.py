# asyncio.timeout and timeout_at, as deadline_for_steps.rs: one deadline over several awaits.
import asyncio

from timeline import say


async def step(name, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        say(f"{name}: cancelled")
        raise
    say(f"{name}: done")


async def main():
    say("timeout: 500 ms for three steps")
    try:
        async with asyncio.timeout(0.5):
            await step("one", 0.2)
            await step("two", 0.1)
            await step("three", 0.4)
        say("timeout: Ok(())")
    except TimeoutError:
        say('timeout: Err("timed out")')

    say("timeout_at: one deadline, 400 ms from now, for two waits")
    deadline = asyncio.get_running_loop().time() + 0.4
    for name, delay in [("first", 0.2), ("second", 0.4)]:
        try:
            async with asyncio.timeout_at(deadline):
                await step(name, delay)
            say("timeout_at: Ok(())")
        except TimeoutError:
            say('timeout_at: Err("timed out")')


if __name__ == "__main__":
    asyncio.run(main())
