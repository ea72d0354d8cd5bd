# The asyncio side of `cargo run --release --example scale`, which runs it in a child process.
#
#   python3 scale_asyncio.py sleep N            N tasks that each sleep 1 s
#   python3 scale_asyncio.py sleep-gc-off N     the same, with the cyclic garbage collector off
#   python3 scale_asyncio.py queue-bounded N    N messages through an asyncio.Queue(maxsize=1024)
#   python3 scale_asyncio.py queue-unbounded N  the same through an unbounded asyncio.Queue
#
# Prints the seconds it took, the peak memory it added, in bytes, and the CPU seconds it used.
import asyncio
import gc
import resource
import sys
import time


def peak_memory():
    """Peak resident memory so far, in bytes (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


async def sleepers(n):
    await asyncio.gather(*(asyncio.sleep(1) for _ in range(n)))


async def queue(n, maxsize):
    q = asyncio.Queue(maxsize=maxsize)

    async def produce():
        for i in range(n):
            await q.put(i)
        await q.put(None)

    producer = asyncio.create_task(produce())
    total = 0
    while (i := await q.get()) is not None:
        total += i
    await producer
    assert total == n * (n - 1) // 2


def cpu_time():
    """CPU time this process has used so far (user and system), in seconds."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main(mode, n):
    before = peak_memory()
    cpu_before = cpu_time()
    start = time.perf_counter()
    if mode == "sleep-gc-off":
        gc.disable()  # reference counting still frees memory; only the cycle collector stops
    if mode.startswith("sleep"):
        asyncio.run(sleepers(n))
    else:
        asyncio.run(queue(n, 1024 if mode == "queue-bounded" else 0))
    print(time.perf_counter() - start, peak_memory() - before, cpu_time() - cpu_before)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
