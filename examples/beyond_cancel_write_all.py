# expected output: beyond_cancel_write_all.py.stdout
#
# beyond_cancel_write_all.rs in asyncio: writer.write() never waits; the transport keeps whatever
# the socket does not take yet. A time-out on drain() gives up waiting, and loses nothing.
import asyncio
import socket

from timeline import say

LEN = 1 << 20


# ANCHOR: writer
async def write(writer):
    # All of it goes to the transport's buffer at once; drain() waits until it is mostly sent.
    writer.write(b"x" * LEN + b"\n")
    try:
        await asyncio.wait_for(writer.drain(), 0.2)
        say("writer: the message went out whole")
    except TimeoutError:
        say("writer: drain timed out")
    writer.write(b"next\n")
    await writer.drain()
    writer.close()
# ANCHOR_END: writer


async def read(sock):
    await asyncio.sleep(0.3)
    say("reader: starts reading")
    reader, writer = await asyncio.open_connection(sock=sock, limit=2 * LEN)
    while line := await reader.readline():
        line = line.decode().rstrip("\n")
        xs = len(line) - len(line.lstrip("x"))
        if xs == LEN:
            say("reader: the whole message")
        elif xs == 0:
            say(f'reader: "{line}"')
        else:
            say(f'reader: part of the message, then "{line[xs:]}"')
            say(f"reader: ({xs} of its {LEN} x's)")
    writer.close()


async def main():
    ours, theirs = socket.socketpair()
    _, writer = await asyncio.open_connection(sock=ours)
    await asyncio.gather(write(writer), read(theirs))


asyncio.run(main())
