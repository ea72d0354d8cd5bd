# asyncio.as_completed, as as_completed_order.rs: results in the order they finish.
import asyncio

from timeline import say


async def fetch(page, delay):
    await asyncio.sleep(delay)
    return f"page {page} ({round(delay * 1000)} ms)"


async def main():
    say("fetching pages 1, 2 and 3")
    tasks = [fetch(1, 0.3), fetch(2, 0.1), fetch(3, 0.2)]
    for next_page in asyncio.as_completed(tasks):
        page = await next_page
        say(f"got {page}")


if __name__ == "__main__":
    asyncio.run(main())
