# expected output: phrase_udp_echo.py.stdout
#
# A UDP echo with asyncio's DatagramProtocol, as phrase_udp_echo.rs: the loop calls
# datagram_received for each datagram, whole (it reads up to 256 KiB at once), so no datagram
# is cut short here.
import asyncio

from timeline import say


class Echo(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        self.transport.sendto(data.upper(), addr)


class Client(asyncio.DatagramProtocol):
    def __init__(self):
        self.answers = asyncio.Queue()

    def datagram_received(self, data, addr):
        self.answers.put_nowait(data)


async def main():
    loop = asyncio.get_running_loop()
    server, _ = await loop.create_datagram_endpoint(Echo, local_addr=("127.0.0.1", 0))
    addr = server.get_extra_info("sockname")
    client, protocol = await loop.create_datagram_endpoint(Client, remote_addr=addr)
    for word in ["hi", "hello", "hey"]:
        client.sendto(word.encode())
        answer = await protocol.answers.get()
        say(f'sent "{word}", got "{answer.decode()}"')
    client.close()
    server.close()


if __name__ == "__main__":
    asyncio.run(main())
