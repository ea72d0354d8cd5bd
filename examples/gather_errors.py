# expected output: gather_errors.py.stdout
#
# Errors in gather, as gather_errors.rs. With return_exceptions=True the same; without it,
# gather raises the first error and leaves the other tasks running: c finishes anyway.
import asyncio

from timeline import say


async def job(name, delay, fails):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        say(f"{name}: cancelled")
        raise
    if fails:
        say(f"{name}: failed")
        raise RuntimeError(f"{name} failed")
    say(f"{name}: done")
    return name


def three_jobs():
    say("three jobs: a, b fails, c")
    return [job("a", 0.1, False), job("b", 0.2, True), job("c", 0.4, False)]


def show(result):
    return f'Err("{result}")' if isinstance(result, Exception) else f'Ok("{result}")'


async def main():
    results = await asyncio.gather(*three_jobs(), return_exceptions=True)
    say(f"all results: [{', '.join(show(r) for r in results)}]")

    try:
        await asyncio.gather(*three_jobs())
    except RuntimeError as error:
        say(f"gather: {show(error)}")
    await asyncio.sleep(0.3)
    say("end")


if __name__ == "__main__":
    asyncio.run(main())
