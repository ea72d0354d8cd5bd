//! A DatagramProtocol in smol: a UdpSocket that a task reads; a datagram too big for the buffer.
//!
//! asyncio has no awaitable UDP socket: `loop.create_datagram_endpoint` calls a protocol's
//! `datagram_received(data, addr)` for each datagram, and its transport's `sendto` answers.
//! `smol::net::UdpSocket` is awaited instead: `recv_from` gives the next datagram and who sent
//! it, `send_to` answers. Each call takes one whole datagram; a buffer too small for it keeps
//! what fits, and the rest is lost. Run it with `cargo run --example phrase_udp_echo`.

use smol::LocalExecutor;
use smol::net::UdpSocket;
use workbook::say;

// ANCHOR: server
/// The protocol's `datagram_received`, as a loop: answer each datagram in capitals.
async fn echo(server: UdpSocket) -> std::io::Result<()> {
    let mut buf = [0; 1500];
    loop {
        let (n, peer) = server.recv_from(&mut buf).await?;
        server.send_to(&buf[..n].to_ascii_uppercase(), peer).await?;
    }
}
// ANCHOR_END: server

fn main() -> std::io::Result<()> {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // ANCHOR: main
        let server = UdpSocket::bind("127.0.0.1:0").await?; // port 0: any free port
        let addr = server.local_addr()?;
        let server = ex.spawn(echo(server));

        let client = UdpSocket::bind("127.0.0.1:0").await?;
        client.connect(addr).await?; // send() and recv() now mean the server
        let mut buf = [0; 4]; // room for 4 bytes
        for word in ["hi", "hello", "hey"] {
            client.send(word.as_bytes()).await?;
            let n = client.recv(&mut buf).await?;
            say!(
                "sent {word:?}, got {:?}",
                String::from_utf8_lossy(&buf[..n])
            );
        }
        drop(server); // transport.close(): cancels the task, which closes its socket
        // ANCHOR_END: main
        Ok(())
    }))
}
