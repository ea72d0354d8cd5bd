# asyncio.BoundedSemaphore and Barrier, as semaphore_and_barrier.rs. A Python barrier has no
# leader; `wait()` returns the arrival index, and the last to arrive is the one Rust calls leader.
import asyncio

from timeline import say


async def job(name, permits):
    async with permits:
        say(f"{name}: got a permit")
        await asyncio.sleep(0.2)


async def runner(name, delay, barrier):
    await asyncio.sleep(delay)
    say(f"{name}: at the barrier")
    index = await barrier.wait()
    leader = "true" if index == barrier.parties - 1 else "false"
    say(f"{name}: through, leader: {leader}")


async def main():
    permits = asyncio.BoundedSemaphore(2)
    await asyncio.gather(*(job(name, permits) for name in ["j1", "j2", "j3"]))
    say("jobs: done")

    barrier = asyncio.Barrier(3)
    await asyncio.gather(*(runner(n, d, barrier) for n, d in [("r1", 0.1), ("r2", 0.3), ("r3", 0.2)]))


if __name__ == "__main__":
    asyncio.run(main())
