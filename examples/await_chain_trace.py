# expected output: await_chain_trace.py.stdout
#
# The chain of await_chain_trace.rs in asyncio, traced with sys.settrace: a trace function is
# told each time a coroutine's frame starts or resumes ("call") and each time it stops
# ("return", with the value it yields when it suspends, or the value it returns). It shows that
# when the task resumes, every frame of the chain is entered again, from the top.
import asyncio
import sys

from timeline import say

DEPTH = {"outer": 0, "middle": 1, "inner": 2, "sleep": 3}


def trace(frame, event, arg):
    name = frame.f_code.co_name
    if name not in DEPTH:
        return None
    indent = "    " * DEPTH[name]
    if event == "call":
        say(f"{indent}{name}() runs")
    elif event == "return" and arg is not None:
        say(f"{indent}{name}() suspends, passing up a {type(arg).__name__}")
    elif event == "return":
        say(f"{indent}{name}() returns")
    return trace  # keep tracing this frame, to see it stop


async def outer():
    await middle()


async def middle():
    await inner()


async def inner():
    await asyncio.sleep(0.1)  # its frame is traced too: sleep() is a coroutine of asyncio


async def other():
    say("(the loop runs another task)")


async def main():
    sys.settrace(trace)
    await asyncio.gather(outer(), other())
    sys.settrace(None)


asyncio.run(main())
