# expected output: phrase_unix_socket.py.stdout
#
# start_unix_server and open_unix_connection, as phrase_unix_socket.rs: the socket file stays
# after the server is closed (in 3.11), but start_unix_server removes an old socket file before
# it binds, so binding the same path again works.
import asyncio
import os
import shutil
import tempfile

from timeline import say


async def handle(reader, writer):
    line = await reader.readline()
    writer.write(line.upper())
    await writer.drain()
    writer.close()


async def main(path):
    server = await asyncio.start_unix_server(handle, path)
    reader, writer = await asyncio.open_unix_connection(path)
    writer.write(b"hello\n")
    answer = await reader.readline()
    say(f'client: got "{answer.decode().rstrip()}"')
    writer.close()
    server.close()
    await server.wait_closed()

    say(f"server closed; the socket file is still there: {str(os.path.exists(path)).lower()}")
    server = await asyncio.start_unix_server(handle, path)
    say("bind again: ok")
    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    directory = tempfile.mkdtemp(prefix="phrase_unix_socket-")
    try:
        asyncio.run(main(os.path.join(directory, "echo.sock")))
    finally:
        shutil.rmtree(directory)
