# loop.call_soon and call_later, as callbacks_as_tasks.rs.
import asyncio

from timeline import say


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(say, "call_soon: runs once main awaits")
    loop.call_later(0.2, say, "call_later: 200 ms")
    handle = loop.call_later(0.1, say, "never printed")
    handle.cancel()
    say("main: three callbacks scheduled, one cancelled")
    await asyncio.sleep(0.3)
    say("main: done")


if __name__ == "__main__":
    asyncio.run(main())
