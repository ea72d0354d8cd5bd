# beyond_scope_executor.rs in asyncio: a TaskGroup is the scope. Its `async with` exits once every
# task created in it has ended, and the loop runs other tasks meanwhile.
import asyncio

from timeline import say


# ANCHOR: scope
async def count_all(texts):
    """Counts the words of each text in a task of its own, and returns when every task has ended."""
    total = 0

    async def count(i, text):
        nonlocal total
        await asyncio.sleep(0.1 * (i + 1))
        words = len(text.split())
        total += words
        say(f"task {i}: {words} words")

    async with asyncio.TaskGroup() as group:
        for i, text in enumerate(texts):
            group.create_task(count(i, text))
        say(f"scope: {len(texts)} tasks spawned, each borrowing `texts` and `total`")
    say("scope: every task has ended")
    return total
# ANCHOR_END: scope


async def elsewhere():
    await asyncio.sleep(0.15)
    say("elsewhere: a task of the outer executor runs meanwhile")


async def main():
    background = asyncio.create_task(elsewhere())
    total = await count_all(["two words", "now three words", "and then four words"])
    say(f"main: {total} words in all")
    await background


asyncio.run(main())
