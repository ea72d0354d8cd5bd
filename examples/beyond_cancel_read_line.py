# expected output: beyond_cancel_read_line.py.stdout
#
# beyond_cancel_read_line.rs in asyncio: wait_for(reader.readline(), 0.2) in a loop. The line that
# straddles a time-out comes out whole: the StreamReader keeps the bytes it has not returned yet.
import asyncio
import socket

from timeline import say


async def peer(writer):
    """The other side: "one", then "two" in two pieces 0.2 s apart, then "three", and the end."""
    writer.write(b"one\n")
    say('peer: sent "one\\n"')
    await asyncio.sleep(0.1)
    writer.write(b"two: the start, ")
    say('peer: sent "two: the start, "')
    await asyncio.sleep(0.2)
    writer.write(b"and the end\n")
    say('peer: sent "and the end\\n"')
    await asyncio.sleep(0.1)
    writer.write(b"three\n")
    say('peer: sent "three\\n", and closes')
    writer.close()


# ANCHOR: reader
async def read_lines(reader):
    while True:
        try:
            # wait_for cancels readline() if no whole line came within 0.2 s.
            line = await asyncio.wait_for(reader.readline(), 0.2)
        except TimeoutError:
            say("no whole line in 0.2 s")
            continue
        if not line:
            say("end of the stream")
            return
        say(f'line: "{line.decode().rstrip()}"')
# ANCHOR_END: reader


async def main():
    ours, theirs = socket.socketpair()
    reader, our_writer = await asyncio.open_connection(sock=ours)
    _, writer = await asyncio.open_connection(sock=theirs)
    await asyncio.gather(peer(writer), read_lines(reader))
    our_writer.close()


asyncio.run(main())
