# beyond_lifo_smol.rs in asyncio: call_soon queues every step, of a new task or a woken one,
# first in, first out, so `other` runs before the woken `ping`.
import asyncio

from timeline import say


async def main():
    to_pong, to_ping = asyncio.Queue(1), asyncio.Queue(1)
    kept = set()  # the loop keeps only a weak reference to a task: keep a strong one

    async def other():
        say("other: runs")

    async def pong():
        while (n := await to_pong.get()) is not None:
            say(f"pong {n}")
            if n == 1:
                kept.add(asyncio.create_task(other()))  # ready to run from now on
            await to_ping.put(n)

    async def ping():
        for n in range(1, 6):
            say(f"ping {n}")
            await to_pong.put(n)
            await to_ping.get()
        await to_pong.put(None)  # ends pong's loop, as dropping the sender does in Rust

    ping_task, pong_task = asyncio.create_task(ping()), asyncio.create_task(pong())
    await ping_task
    await pong_task


asyncio.run(main())
