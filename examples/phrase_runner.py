# asyncio.Runner, as phrase_runner.rs: one loop for two runs; a task left by the first waits while
# the loop is not running, goes on in the second, and is cancelled when the runner closes.
import asyncio
import time

from timeline import say


async def ticker():
    try:
        n = 0
        while True:
            await asyncio.sleep(0.2)
            n += 1
            say(f"ticker: tick {n}")
    finally:
        say("ticker: cleaned up")


kept = set()  # the loop keeps only a weak reference to a task: keep a strong one


async def first():
    kept.add(asyncio.create_task(ticker()))
    say("run 1: spawned the ticker")
    await asyncio.sleep(0.5)
    say("run 1: done")


async def second():
    say("run 2: started")
    await asyncio.sleep(0.5)
    say("run 2: done")


if __name__ == "__main__":
    with asyncio.Runner() as runner:
        runner.run(first())
        time.sleep(0.4)  # nothing runs the loop here, so its tasks wait
        runner.run(second())
    # Leaving the `with` block closes the runner: the tasks left are cancelled.
    say("closed")
