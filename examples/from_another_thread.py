# call_soon_threadsafe and run_coroutine_threadsafe, as from_another_thread.rs.
import asyncio
import threading
import time

from timeline import say


def on_main_thread():
    return "true" if threading.current_thread() is threading.main_thread() else "false"


async def coroutine():
    await asyncio.sleep(0.1)
    say(f"coroutine: runs on the main thread: {on_main_thread()}")
    return 42


def worker(loop, queue):
    time.sleep(0.1)
    loop.call_soon_threadsafe(queue.put_nowait, "hello from a thread")

    time.sleep(0.1)
    future = asyncio.run_coroutine_threadsafe(coroutine(), loop)
    say(f"thread: got {future.result()}")


async def main():
    queue = asyncio.Queue()
    thread = threading.Thread(target=worker, args=(asyncio.get_running_loop(), queue))
    say("loop: starting a thread")
    thread.start()
    say(f'loop: got "{await queue.get()}"')
    await asyncio.to_thread(thread.join)


if __name__ == "__main__":
    asyncio.run(main())
