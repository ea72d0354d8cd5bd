# patterns_timeout_thread_goes_on.rs in asyncio: wait_for cancels the coroutine, not its thread.
import asyncio
import time

from timeline import say


async def job(name, takes):
    say(f"{name}: started, needs {round(takes * 1000)} ms")

    def call():
        time.sleep(takes)
        say(f"{name}: finished")

    try:
        # The wait runs on a thread of the default executor, and the job awaits it.
        await asyncio.to_thread(call)
    finally:
        say(f"{name}: clean-up runs")
    return name


async def main():
    try:
        slow = await asyncio.wait_for(job("slow", 1.0), 0.3)
        say(f'slow: Ok("{slow}")')
    except TimeoutError:
        say("slow: Err(TimedOut)")
    # Stay a while before the program ends.
    await asyncio.sleep(1)
    say("main: done")


if __name__ == "__main__":
    asyncio.run(main())
