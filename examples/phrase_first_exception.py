# asyncio.wait with FIRST_EXCEPTION, as phrase_first_exception.rs: it returns at the first
# exception, and the pending tasks run on.
import asyncio

from timeline import say


async def job(name, delay, fails):
    await asyncio.sleep(delay)
    if fails:
        say(f"{name}: failed")
        raise RuntimeError(f"{name} failed")
    say(f"{name}: done")
    return name


async def main():
    tasks = [
        asyncio.create_task(job("a", 0.1, False)),
        asyncio.create_task(job("b", 0.2, True)),
        asyncio.create_task(job("c", 0.4, False)),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    say(f"wait: {len(done)} done, {len(pending)} pending")
    for task in pending:
        say(f'then: Ok("{await task}")')


if __name__ == "__main__":
    asyncio.run(main())
