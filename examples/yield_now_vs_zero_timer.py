# expected output: yield_now_vs_zero_timer.py.stdout
#
# asyncio.sleep(0), as yield_now_vs_zero_timer.rs: in Python, a sleep of zero always yields, so
# the second round interleaves too, where Rust's zero-length Timer does not.
import asyncio

from timeline import say


async def three_steps(name):
    for step in range(1, 4):
        say(f"{name}{step}")
        await asyncio.sleep(0)


async def main():
    for label in ["yield_now:", "zero timer:"]:
        say(label)
        await asyncio.gather(three_steps("a"), three_steps("b"))


if __name__ == "__main__":
    asyncio.run(main())
