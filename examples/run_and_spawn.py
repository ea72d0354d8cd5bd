# asyncio.run and create_task, as run_and_spawn.rs: when main returns, asyncio.run cancels the
# tasks still running, and their `finally:` blocks run.
import asyncio

from timeline import say


async def child():
    say("child: started")
    await asyncio.sleep(0.3)
    say("child: done")
    return 42


async def background():
    try:
        while True:
            await asyncio.sleep(0.2)
            say("background: tick")
    finally:
        say("background: cleaned up")


async def main():
    say("main: start")
    task = asyncio.create_task(child())
    say("main: spawned the child; it starts when main awaits")
    # The loop keeps only a weak reference to a task: keep a strong one while it runs.
    kept = asyncio.create_task(background())
    result = await task
    say(f"main: child returned {result}")


if __name__ == "__main__":
    asyncio.run(main())
    say("done")
