"""The Python counterparts' `say`: print a line stamped with the time since the program started.

The same stamps as the Rust examples' `say!` macro (examples/workbook/lib.rs), so that both
print the same text, and the harness checks both against the same expected output.
"""

import time

# The clock starts when this module is imported, which every counterpart does first, before it
# creates any task or timer: no line can be stamped earlier than the sleeps before it.
_start = time.perf_counter()


def elapsed():
    """Seconds since the program started (since this module was imported)."""
    return time.perf_counter() - _start


def say(message):
    """Print `[t.tts] message`, and flush, so that the order is kept in a pipe."""
    print(f"[{elapsed():.2f}s] {message}", flush=True)
