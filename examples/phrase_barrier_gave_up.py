# expected output: phrase_barrier_gave_up.py.stdout
#
# A barrier wait given up by a time limit, as phrase_barrier_gave_up.rs: asyncio takes the
# cancelled waiter off the count, so b waits for a second party that never comes. b has a time
# limit of its own here, so that the program ends; the Rust b needs none.
import asyncio

from timeline import say


async def main():
    barrier = asyncio.Barrier(2)
    say("a: at the barrier, for 100 ms at most")
    try:
        await asyncio.wait_for(barrier.wait(), 0.1)
        say("a: Ok(())")
    except TimeoutError:
        say('a: Err("gave up")')

    await asyncio.sleep(0.2)
    say("b: at the barrier")
    try:
        index = await asyncio.wait_for(barrier.wait(), 0.2)
        say(f"b: through, leader: {str(index == barrier.parties - 1).lower()}")
    except TimeoutError:
        say(f"b: gave up, {barrier.n_waiting} waiting, broken: {str(barrier.broken).lower()}")


if __name__ == "__main__":
    asyncio.run(main())
