# An async generator and `async for`, as async_generator.rs writes them with a Stream.
import asyncio

from timeline import say


async def countdown(n):
    while n > 0:
        await asyncio.sleep(0.25)
        yield n
        n -= 1


async def launch():
    # `yield from` is a syntax error in an async generator: delegate with `async for`.
    for n in [10, 20]:
        yield n
    async for n in countdown(2):
        yield n


async def main():
    say("counting down")
    async for n in countdown(3):
        say(f"got {n}")
    everything = [n async for n in launch()]
    say(f"launch: {everything}")


if __name__ == "__main__":
    asyncio.run(main())
