# expected output: phrase_read_limits.py.stdout
#
# readuntil past the limit, and readexactly at the end of the stream, as phrase_read_limits.rs:
# asyncio raises LimitOverrunError and leaves the line in the buffer, and IncompleteReadError,
# which holds the bytes read.
import asyncio

from timeline import say


def stream(data, limit=2**16):
    """A StreamReader fed `data`, then the end: what a connection that sent `data` gives."""
    reader = asyncio.StreamReader(limit=limit)
    reader.feed_data(data)
    reader.feed_eof()
    return reader


async def main():
    reader = stream(b"hello\nthis line is far longer than 16 bytes\n", limit=16)
    for _ in range(2):
        try:
            line = await reader.readuntil(b"\n")
            say(f"line: {line.decode().rstrip()}")
        except asyncio.LimitOverrunError as e:
            left = len(await reader.read())
            say(f"too long: LimitOverrunError, consumed={e.consumed}; {left} bytes still to read")

    try:
        await stream(b"abc").readexactly(4)
    except asyncio.IncompleteReadError as e:
        say(f"readexactly: IncompleteReadError, {len(e.partial)} of {e.expected} bytes, {e.partial!r}")


if __name__ == "__main__":
    asyncio.run(main())
