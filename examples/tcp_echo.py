# asyncio.start_server and open_connection, as tcp_echo.rs.
import asyncio

from timeline import say


async def handle(reader, writer):
    while line := await reader.readline():
        await asyncio.sleep(0.2)
        writer.write(line.upper())
        await writer.drain()
    writer.close()


async def client(name, port, line):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"{line}\n".encode())
    await writer.drain()
    say(f'{name}: sent "{line}"')
    answer = await reader.readline()
    say(f'{name}: got "{answer.decode().rstrip()}"')
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    say("server: listening on 127.0.0.1")

    first = asyncio.create_task(client("client 1", port, "hello"))
    await asyncio.sleep(0.1)
    second = asyncio.create_task(client("client 2", port, "world"))
    await first
    await second

    server.close()
    await server.wait_closed()
    say("server: closed")
    try:
        await asyncio.open_connection("127.0.0.1", port)
        say("client 3: connected, to a server that should be closed")
    except ConnectionRefusedError:
        say("client 3: connection refused")


if __name__ == "__main__":
    asyncio.run(main())
