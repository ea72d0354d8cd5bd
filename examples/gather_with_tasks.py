# The notes' second program (코드 예시2), with timestamps: gather wraps every coroutine in a task.
# It prints what gather_with_tasks.rs prints.
import asyncio
import time

from timeline import say


async def count(i):
    say(i)
    await asyncio.sleep(i)
    say(i)


async def main():
    await asyncio.gather(count(1), count(2), count(3))


async def main2():
    say("main2 start")
    await asyncio.sleep(2)
    say("main2 end")


async def main_of_main():
    await asyncio.gather(main(), main2())


def run():
    start = time.perf_counter()
    asyncio.run(main_of_main())
    print(f"executed in {time.perf_counter() - start:.2f} seconds.")


if __name__ == "__main__":
    run()
