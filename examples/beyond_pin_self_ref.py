# expected output: beyond_pin_self_ref.py.stdout
#
# The Python side of beyond_pin_self_ref.rs: a coroutine whose frame holds a buffer and a view
# into it, across its awaits. "Moving" it (into a list, into a dict) copies a reference to it; the
# coroutine object, its frame and the buffer stay where they are on the heap, so the view is never
# stale, and nothing needs pinning. `id()` is the object's address in CPython.
import types

from timeline import say


@types.coroutine
def next_poll():
    """Yields once: the coroutine's way of saying "not yet, poll me again"."""
    yield


async def words(text):
    line = bytearray(text, "ascii")  # the buffer...
    view = memoryview(line)  # ...and a view into it, kept across each await
    polls = 0
    while True:
        polls += 1
        end = view.tobytes().find(b" ")
        word = view[: end if end >= 0 else len(view)].tobytes().decode()
        say(f"  send {polls}: read {word!r} through the view")
        if end < 0:
            return polls
        view = view[end + 1 :]
        await next_poll()


coro = words("pin me down")
address = id(coro)
coro.send(None)
held = [coro]  # a "move" in Python: one more reference to the same object
say(f"moved into a list: same object, same address: {id(held[0]) == address}")
table = {"it": held.pop()}
say(f"moved into a dict: same object, same address: {id(table['it']) == address}")
try:
    while True:
        table["it"].send(None)
except StopIteration as done:
    say(f"ready after {done.value} sends")
