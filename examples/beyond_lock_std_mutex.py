# beyond_lock_std_mutex.rs in asyncio: a threading.Lock held across await. The second task's
# acquire() blocks the loop's only thread, so the first never resumes to release it.
import asyncio
import os
import threading
import time

from timeline import say

steps = 0


def step(what):
    global steps
    say(what)
    steps += 1


# ANCHOR: watchdog
def watchdog():
    """A thread that ends the process if `steps` stays still for 0.3 s."""

    def watch():
        seen, since = steps, time.monotonic()
        while True:
            time.sleep(0.01)
            if steps != seen:
                seen, since = steps, time.monotonic()
            elif time.monotonic() - since >= 0.3:
                say("watchdog: no progress for 0.30 s: a deadlock")
                os._exit(0)

    threading.Thread(target=watch, daemon=True).start()
# ANCHOR_END: watchdog


# ANCHOR: tasks
async def a(lock):
    lock.acquire()
    step("a: locked; awaits a 50 ms timer with the guard held")
    await asyncio.sleep(0.05)
    lock.release()
    step("a: done, unlocks")


async def b(lock):
    step("b: calls lock()")
    with lock:
        pass
    step("b: done")
# ANCHOR_END: tasks


async def main():
    lock = threading.Lock()
    await asyncio.gather(a(lock), b(lock))
    step("both tasks done")


watchdog()
asyncio.run(main())
