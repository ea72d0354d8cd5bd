# beyond_many_at_most.rs in asyncio: at most two coroutines in flight, a new one started as each
# finishes, results in the order they finish, with asyncio.wait(FIRST_COMPLETED).
import asyncio

from timeline import say


async def at_most(limit, jobs, each):
    jobs = iter(jobs)
    running = {asyncio.create_task(j) for _, j in zip(range(limit), jobs)}
    while running:
        done, running = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
        for task in done:  # one at a time here: no two jobs end at the same moment
            each(task.result())
            job = next(jobs, None)
            if job is not None:
                running.add(asyncio.create_task(job))


async def job(name, ms):
    say(f"start {name} ({ms} ms)")
    await asyncio.sleep(ms / 1000)
    return name


async def main():
    jobs = (job(name, ms) for name, ms in [("a", 300), ("b", 100), ("c", 100), ("d", 300), ("e", 100)])
    await at_most(2, jobs, lambda name: say(f"got {name}"))
    say("all done")


asyncio.run(main())
