# expected output: timer_starts_when_created.py.stdout
#
# The same steps as timer_starts_when_created.rs. asyncio.sleep(0.5) is a coroutine: its deadline
# is set when it is awaited, so both sleeps end 500 ms after their await.
import asyncio

from timeline import say


async def main():
    for label in ["timer", "lazy sleep"]:
        say(f"{label}: created, 500 ms")
        sleep = asyncio.sleep(0.5)  # a coroutine object: nothing runs yet
        await asyncio.sleep(0.3)
        say(f"{label}: awaited")
        await sleep
        say(f"{label}: done, 500 ms after it was awaited")


if __name__ == "__main__":
    asyncio.run(main())
