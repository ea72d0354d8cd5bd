# asyncio.create_subprocess_exec, as subprocess_pipe.rs.
import asyncio
from asyncio.subprocess import PIPE

from timeline import say


async def sh(name, script):
    process = await asyncio.create_subprocess_exec("sh", "-c", script, stdout=PIPE)
    stdout, _ = await process.communicate()
    say(f"{name}: {stdout.decode().rstrip()}")


async def main():
    say("two shells, side by side")
    await asyncio.gather(sh("slow", "sleep 0.3; echo slow"), sh("fast", "echo fast"))

    cat = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    echoed, _ = await cat.communicate(b"hello\n")
    say(f'cat: "{echoed.decode().rstrip()}"')

    sleeper = await asyncio.create_subprocess_exec("sleep", "10")
    try:
        await asyncio.wait_for(sleeper.wait(), 0.2)
    except TimeoutError:
        sleeper.kill()
        await sleeper.wait()
        say(f"sleep 10: timed out, killed by signal Some({-sleeper.returncode})")


if __name__ == "__main__":
    asyncio.run(main())
