"""The Python counterparts' `say`: print a line stamped with the time since the first `say`.

The same stamps as the Rust examples' `say!` macro (examples/workbook/lib.rs), so that both
print the same text, and the harness checks both against the same expected output.
"""

import time

_start = None


def elapsed():
    """Seconds since the clock started; it starts the first time it is read."""
    global _start
    if _start is None:
        _start = time.perf_counter()
    return time.perf_counter() - _start


def say(message):
    """Print `[t.tts] message`, and flush, so that the order is kept in a pipe."""
    print(f"[{elapsed():.2f}s] {message}", flush=True)
