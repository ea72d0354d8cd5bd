# asyncio.to_thread, as unblock_to_thread.rs.
import asyncio
import threading
import time

from timeline import say


def blocking_call(delay):
    time.sleep(delay)
    main = threading.current_thread() is threading.main_thread()
    return "main thread" if main else "another thread"


def slow():
    time.sleep(0.3)
    say("slow: finished anyway")


async def meanwhile():
    await asyncio.sleep(0.1)
    say("loop: free meanwhile")


async def main():
    say("two blocking calls of 200 ms")
    a, b, _ = await asyncio.gather(
        asyncio.to_thread(blocking_call, 0.2),
        asyncio.to_thread(blocking_call, 0.2),
        meanwhile(),
    )
    say(f"both done, on {a} and {b}")

    try:
        await asyncio.wait_for(asyncio.to_thread(slow), 0.1)
    except TimeoutError:
        say('slow: Err("timed out")')
    await asyncio.sleep(0.4)
    say("end")


if __name__ == "__main__":
    asyncio.run(main())
