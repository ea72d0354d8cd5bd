# expected output: blocking_stalls.py.stdout
#
# The Python twin of blocking_stalls.rs: a time.sleep in one coroutine stalls the whole event
# loop; asyncio.sleep, or asyncio.to_thread for blocking work, does not. It prints the same
# timings as blocking_stalls.rs, with Python's names.
import asyncio
import time

from timeline import say


async def ticker(label):
    """Sleeps 10 ms, and says how long it really took."""
    start = time.perf_counter()
    await asyncio.sleep(0.01)
    say(f"{label}: a 10 ms timer woke me after {int((time.perf_counter() - start) * 1000)} ms")


async def blocking_sleep():
    time.sleep(0.2)  # the mistake: nothing else runs on the loop meanwhile


async def main():
    say("a ticker, next to a task that calls time.sleep for 200 ms")
    tick = asyncio.create_task(ticker("with time.sleep"))
    block = asyncio.create_task(blocking_sleep())
    await tick
    await block

    say("a ticker, next to a task that awaits asyncio.sleep(0.2)")
    tick = asyncio.create_task(ticker("with asyncio.sleep"))
    wait = asyncio.create_task(asyncio.sleep(0.2))
    await tick
    await wait

    say("a ticker, next to a task that runs time.sleep in asyncio.to_thread")
    tick = asyncio.create_task(ticker("with to_thread"))
    block = asyncio.create_task(asyncio.to_thread(time.sleep, 0.2))
    await tick
    await block


asyncio.run(main())
