# expected output: poll_by_hand.py.stdout
#
# The Python side of poll_by_hand.rs: a coroutine object driven by hand, with `send(None)`, the
# way asyncio's Task drives it. Each `send` runs the coroutine to its next wait; what it yields
# there is Rust's `Pending`, and the `StopIteration` it raises at its end carries the result:
# Rust's `Ready(value)`. Python needs no pinning: the coroutine object stays where it was made.
import time

from timeline import say


class Sleep:
    """An awaitable that yields itself once: the coroutine's way of saying "not yet"."""

    def __init__(self, seconds):
        self.deadline = time.monotonic() + seconds

    def __await__(self):
        yield self  # this is what `send` returns to whoever drives the coroutine


async def sum_later():
    numbers = [1, 2, 3]
    say("  coroutine: started; waiting 200 ms")
    await Sleep(0.2)
    say(f"  coroutine: resumed; numbers[0] is {numbers[0]}")
    return sum(numbers)


def drive(coro):
    """Sends None into the coroutine until it returns, and sleeps until the deadline in between."""
    n = 0
    while True:
        n += 1
        say(f"send {n}")
        try:
            waiting_for = coro.send(None)
        except StopIteration as done:
            say(f"send {n} raised StopIteration({done.value})")
            return done.value
        say(f"send {n} returned a {type(waiting_for).__name__}: the coroutine waits")
        time.sleep(max(0.0, waiting_for.deadline - time.monotonic()))


say("a coroutine object, driven by hand with send(None)")
say(f"output: {drive(sum_later())}")
