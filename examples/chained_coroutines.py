# Chaining coroutines, as chained_coroutines.rs: the same seeded delays, the same output.
import asyncio
import time

from timeline import say

MASK = (1 << 64) - 1


class Random:
    """The same xorshift generator as the Rust example, on 64-bit integers."""

    def __init__(self, seed):
        self.state = seed

    def delay(self):
        """A delay of 0.1 to 0.5 s, in steps of 0.1 s."""
        self.state ^= (self.state << 13) & MASK
        self.state ^= self.state >> 7
        self.state ^= (self.state << 17) & MASK
        return 0.1 * (1 + self.state % 5)


async def part1(n, delay):
    say(f"part1({n}) sleeping for {round(delay * 1000)} ms")
    await asyncio.sleep(delay)
    return f"result{n}-1"


async def part2(n, arg, delay):
    say(f'part2({n}, "{arg}") sleeping for {round(delay * 1000)} ms')
    await asyncio.sleep(delay)
    return f"result{n}-2 derived from {arg}"


async def chain(n, delays):
    start = time.perf_counter()
    p1 = await part1(n, delays[0])
    p2 = await part2(n, p1, delays[1])
    took = time.perf_counter() - start
    say(f'chain {n} -> "{p2}" (took {took:.1f} s)')
    return took


async def main():
    random = Random(2024)
    delays = [(random.delay(), random.delay()) for _ in range(3)]
    total = sum(a + b for a, b in delays)
    start = time.perf_counter()
    took = await asyncio.gather(*(chain(n, d) for n, d in zip([1, 2, 3], delays)))
    say(
        f"all chains done in {time.perf_counter() - start:.1f} s: "
        f"the slowest chain took {max(took):.1f} s; one after another would take {total:.1f} s"
    )


if __name__ == "__main__":
    asyncio.run(main())
