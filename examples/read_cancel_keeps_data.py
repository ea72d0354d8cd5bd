# expected output: read_cancel_keeps_data.py.stdout
#
# The same window in asyncio: a read task is cancelled after its bytes arrived, before it ran
# again. loop.sock_recv loses them; a StreamReader keeps them.
#
# loop.sock_recv reads for the task: when the socket becomes readable, the loop's callback calls
# recv() and puts the bytes in a future; the task runs one loop iteration later. A StreamReader
# puts arriving bytes in its own buffer, and a read takes them out only when the task runs.

import asyncio
import socket

from timeline import say


# ANCHOR: window
def cancel_in_the_window(loop, task):
    """Cancel `task` after the loop's next I/O callbacks, before the task runs again.

    Called just after the bytes were sent: the next iteration runs this outer call_soon, then
    the reader callback (which completes the task's future); the inner call_soon then runs
    before the task's wake-up, queued by that callback.
    """
    loop.call_soon(loop.call_soon, task.cancel)


async def with_sock_recv():
    loop = asyncio.get_running_loop()
    ours, peer = socket.socketpair()
    ours.setblocking(False)
    say("loop.sock_recv: a read task waits; after 0.1 s the peer sends 11 bytes")
    read = asyncio.create_task(loop.sock_recv(ours, 64))
    await asyncio.sleep(0.1)
    peer.send(b"hello world")
    cancel_in_the_window(loop, read)
    try:
        await read
    except asyncio.CancelledError:
        say("  the read task was cancelled after its bytes arrived")
    try:
        data = await asyncio.wait_for(loop.sock_recv(ours, 64), 0.2)
        say(f"  a new read: {len(data)} bytes")
    except asyncio.TimeoutError:
        say("  a new read: nothing within 0.2 s; the loop had read the 11 bytes for the cancelled task")
    ours.close()
    peer.close()
# ANCHOR_END: window


async def with_stream_reader():
    loop = asyncio.get_running_loop()
    ours, peer = socket.socketpair()
    reader, writer = await asyncio.open_connection(sock=ours)
    say("StreamReader.read: a read task waits; after 0.1 s the peer sends 11 bytes")
    read = asyncio.create_task(reader.read(64))
    await asyncio.sleep(0.1)
    peer.send(b"hello world")
    cancel_in_the_window(loop, read)
    try:
        await read
    except asyncio.CancelledError:
        say("  the read task was cancelled after its bytes arrived")
    data = await asyncio.wait_for(reader.read(64), 0.2)
    say(f"  a new read: {len(data)} bytes, {data.decode()!r}")
    writer.close()
    peer.close()


async def main():
    await with_sock_recv()
    await with_stream_reader()


asyncio.run(main())
