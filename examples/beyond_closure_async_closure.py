# beyond_closure_async_closure.rs in asyncio: a helper lends each line to a coroutine function;
# nothing to declare in Python, where a coroutine may keep any object it is given.
import asyncio

from timeline import say


async def for_each_line(text, f):
    for line in text.splitlines():
        await f(line)


async def slow_echo(line):
    await asyncio.sleep(0.1)
    say(f"echo: {line}")


async def main():
    text = "one\ntwo"
    await for_each_line(text, slow_echo)

    prefix = "closure"

    async def closure(line):
        await asyncio.sleep(0.1)
        say(f"{prefix}: {line}")

    await for_each_line(text, closure)


asyncio.run(main())
