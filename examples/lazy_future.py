# expected output: lazy_future.py.stdout
#
# The Python side of lazy_future.rs: calling a coroutine function runs none of its body either,
# but a coroutine dropped without being awaited makes Python warn, when it is collected. The
# warning normally goes to stderr; here it is caught and printed, so that the harness checks it.
import asyncio
import gc
import warnings

from timeline import say


async def greet(name):
    say(f"hello, {name}")


def main():
    say('calling greet("never")')
    never = greet("never")  # a coroutine object: the body has not started
    say("got a coroutine; dropping it without awaiting it")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        del never
        gc.collect()
    for warning in caught:
        say(f"{warning.category.__name__}: {warning.message}")

    later = greet("later")
    say("got another coroutine; now running it")
    asyncio.run(later)  # running it runs the body
    say("done")


main()
