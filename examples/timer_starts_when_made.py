# expected output: timer_starts_when_made.py.stdout
#
# The Python twin of timer_starts_when_made.rs: asyncio.sleep(0.5) makes a coroutine, which does
# nothing until it is awaited, so its 0.5 s start at the `await`, after the other work.
import asyncio
import time

from timeline import say


async def main():
    sleep = asyncio.sleep(0.5)  # a coroutine object: no deadline yet
    say("made a 0.5 s sleep; now 0.5 s of other work before awaiting it")
    time.sleep(0.5)  # work that keeps the thread, before the `await`
    say("awaiting the sleep")
    await sleep
    say("the sleep is over")


asyncio.run(main())
