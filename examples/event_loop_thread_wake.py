# expected output: event_loop_thread_wake.py.stdout
#
# asyncio's side of event_loop_thread_wake.rs: while the loop waits in select() for a 1 s sleep,
# a thread hands it a callback with call_soon_threadsafe, which writes to the loop's self-pipe
# and so ends the wait at 0.1 s. (No "poll" or "loop:" lines: asyncio does not print them.)
# Run it with `python3 examples/event_loop_thread_wake.py`.
import asyncio
import threading

from timeline import say


async def sleeper():
    say("sleeping 1 s on the loop's timer")
    await asyncio.sleep(1)
    say("the 1 s sleep is over")


async def main():
    loop = asyncio.get_running_loop()
    long = asyncio.create_task(sleeper())
    done = loop.create_future()

    def time_is_up():  # runs on the timer thread
        say("[timer] time is up: calling call_soon_threadsafe()")
        loop.call_soon_threadsafe(done.set_result, None)

    say("awaiting a 100 ms thread timer")
    threading.Timer(0.1, time_is_up).start()
    await done
    say("the thread timer is over")
    await long


if __name__ == "__main__":
    asyncio.run(main())
