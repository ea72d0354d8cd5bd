# asyncio.Future, as once_cell_future.rs: set once, awaited by every waiter.
import asyncio

from timeline import say


async def waiter(name, future):
    say(f"{name}: waiting")
    say(f"{name}: got {await future}")


async def main():
    say("main: two waiters, and the value in 200 ms")
    future = asyncio.get_running_loop().create_future()
    waiters = [asyncio.create_task(waiter(name, future)) for name in ["w1", "w2"]]

    await asyncio.sleep(0.2)
    future.set_result(42)
    await asyncio.gather(*waiters)
    try:
        future.set_result(43)
    except asyncio.InvalidStateError:
        say(f"second set: 43 refused, the value stays {future.result()}")


if __name__ == "__main__":
    asyncio.run(main())
