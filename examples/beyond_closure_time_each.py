# beyond_closure_time_each.rs in asyncio: a helper that takes a coroutine function and awaits
# f(x) for each input, saying how long each call took.
import asyncio
import json
import time

from timeline import say


async def time_each(f, inputs):
    outputs = []
    for x in inputs:
        start = time.monotonic()
        outputs.append(await f(x))
        say(f"  that call took {time.monotonic() - start:.2f} s")
    return outputs


async def fetch(page):
    await asyncio.sleep(0.1 * page)
    return f"page {page}"


async def main():
    say("an async fn")
    pages = await time_each(fetch, [1, 3])
    say(json.dumps(pages))

    say("a closure that captures extra = 100")
    extra = 100

    async def slower(ms):
        await asyncio.sleep((ms + extra) / 1000)
        return ms + extra

    waited = await time_each(slower, [100, 0])
    say(json.dumps(waited))


asyncio.run(main())
