# expected output: count_missing_argument.py.stdout
#
# The notes' first program as written: `count` declares a parameter `i`, and `main` calls it
# with none. Python accepts the file; the mistake surfaces only when `main` runs, at the first
# call of `count()`, before `gather` is entered and before any count has run.
import asyncio

from timeline import say


async def count(i):
    say("One")
    await asyncio.sleep(1)
    say("Two")


async def main():
    await asyncio.gather(count(), count(), count())


say("the file was accepted; now running main()")
try:
    asyncio.run(main())
except TypeError as error:
    say(f"TypeError: {error}")
