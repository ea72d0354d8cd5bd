# expected output: beyond_pin_set_idle.py.stdout
#
# The asyncio habit that beyond_pin_set_idle.rs replaces: one `asyncio.timeout` around the loop,
# pushed back at each message with `reschedule`. The Timeout object is mutated where it is, on
# the heap; in Rust, the idle future is replaced in its pinned place with `Pin::set`.
import asyncio
import threading
import time

from timeline import say

IDLE = 0.25


def producer(loop, queue):
    for message in range(1, 4):
        time.sleep(0.1)
        loop.call_soon_threadsafe(queue.put_nowait, message)


async def main():
    queue = asyncio.Queue()
    loop = asyncio.get_running_loop()
    threading.Thread(target=producer, args=(loop, queue), daemon=True).start()
    try:
        async with asyncio.timeout(IDLE) as idle:
            while True:
                message = await queue.get()
                say(f"message {message}: reschedule the idle timeout")
                idle.reschedule(loop.time() + IDLE)
    except TimeoutError:
        say(f"no message for {IDLE:.2f} s: closing")


asyncio.run(main())
