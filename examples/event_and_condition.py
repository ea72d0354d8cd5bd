# asyncio.Event and Condition, as event_and_condition.rs.
import asyncio

from timeline import say


async def wait_for_event(name, event):
    say(f"{name}: waits for the event")
    await event.wait()
    say(f"{name}: event set")


async def main():
    say("event: set in 100 ms")
    event = asyncio.Event()
    waiters = [asyncio.create_task(wait_for_event(name, event)) for name in ["w1", "w2"]]
    await asyncio.sleep(0.1)
    event.set()
    await asyncio.gather(*waiters)

    say("condition: wait until count >= 3")
    count = 0
    condition = asyncio.Condition()

    async def waiter():
        async with condition:
            await condition.wait_for(lambda: count >= 3)
            say(f"waiter: count reached {count}")

    waiter_task = asyncio.create_task(waiter())
    for _ in range(3):
        await asyncio.sleep(0.1)
        async with condition:
            count += 1
            say(f"counter: count is {count}")
            condition.notify_all()
    await waiter_task


if __name__ == "__main__":
    asyncio.run(main())
