# expected output: lock_fairness.py.stdout
#
# The same two users as lock_fairness.rs. asyncio.Lock hands the lock to the first waiter: a task
# that releases it and asks again at once goes to the back of the line, so a and b alternate.
import asyncio

from timeline import say


turns_taken = 0  # what the lock guards


async def user(name, turns, lock):
    global turns_taken
    for _ in range(turns):
        async with lock:
            turns_taken += 1
            say(f"{name}: has the lock, turn {turns_taken}")
            await asyncio.sleep(0.2)


async def late_user(lock):
    # b asks for the lock while a holds it (from 0 to 0.2 s).
    await asyncio.sleep(0.1)
    await user("b", 2, lock)


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(user("a", 3, lock), late_user(lock))
    say("done")


if __name__ == "__main__":
    asyncio.run(main())
