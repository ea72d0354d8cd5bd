# The Python side of rules_lazy_await_later.rs: a coroutine kept and awaited a second later runs
# none of its body, not even its sleep, until it is awaited. The same output as the Rust program.
import asyncio

from timeline import say


async def pause_and_report():
    await asyncio.sleep(1)
    say("paused for a second")


async def main():
    report = pause_and_report()  # made at 0 s, kept for later
    say("made the future; now a 1 s sleep of our own")
    await asyncio.sleep(1)
    say("now awaiting the future")
    await report
    say("done")


if __name__ == "__main__":
    asyncio.run(main())
