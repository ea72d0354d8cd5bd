# The Python side of executor_borrows_locals.rs: coroutines may refer to any local they can
# see, and the garbage collector keeps it alive as long as one of them still refers to it.
# Rust has no collector, so there the compiler proves that `log` outlives every task.
import asyncio
import json

from timeline import say


async def write(log, name, after):
    await asyncio.sleep(after)
    log.append(name)
    say(f"{name}: wrote to the log")


async def main(log):
    a = asyncio.create_task(write(log, "a", 0.1))
    b = asyncio.create_task(write(log, "b", 0.2))
    await a
    await b


log = []
asyncio.run(main(log))
say(f"the log, back in main: {json.dumps(log)}")  # the list, written as Rust prints it
