# beyond_cancel_record.rs in asyncio: wait_for around a coroutine that reads two lines. The
# StreamReader keeps the bytes it has not handed out; the line the coroutine already took is a
# local of its frame, and goes with it when wait_for cancels it.
import asyncio
import socket

from timeline import say


async def peer(writer):
    """The other side: records of two lines, a name and a count; the second record's count is late."""
    writer.write(b"apples\n3\n")
    say('peer: sent "apples\\n3\\n"')
    await asyncio.sleep(0.1)
    writer.write(b"pears\n")
    say('peer: sent "pears\\n"')
    await asyncio.sleep(0.3)
    writer.write(b"5\n")
    say('peer: sent "5\\n"')
    await asyncio.sleep(0.1)
    writer.write(b"plums\n7\n")
    say('peer: sent "plums\\n7\\n", and closes')
    writer.close()


# ANCHOR: record
async def read_record(reader):
    """Two lines make a record. The name is a local of this coroutine until the count comes."""
    name = await reader.readline()
    if not name:
        return None
    count = await reader.readline()
    return name.decode().rstrip(), count.decode().rstrip()


async def read_records(reader):
    while True:
        try:
            record = await asyncio.wait_for(read_record(reader), 0.3)
        except TimeoutError:
            say("no whole record in 0.3 s")
            continue
        if record is None:
            say("end of the stream")
            return
        name, count = record
        say(f'record: {name} = "{count}"')
# ANCHOR_END: record


async def main():
    ours, theirs = socket.socketpair()
    reader, our_writer = await asyncio.open_connection(sock=ours)
    _, writer = await asyncio.open_connection(sock=theirs)
    await asyncio.gather(peer(writer), read_records(reader))
    our_writer.close()


asyncio.run(main())
