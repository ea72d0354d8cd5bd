//! asyncio.start_server and open_connection in smol: a server and its clients.
//!
//! A listener whose accept loop spawns a task per client, and clients that connect to it.
//!
//! `smol::net` has `TcpListener` and `TcpStream`; reading by lines comes from `smol::io`
//! (futures-lite). A stream is both ends of Python's `(reader, writer)` pair: clone it to read
//! and write from different places. Everything stays on 127.0.0.1, on a port the system picks.
//! Run it with `cargo run --example tcp_echo`.

use std::io::ErrorKind;
use std::net::SocketAddr;
use std::rc::{Rc, Weak};
use std::time::Duration;

use smol::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use smol::net::{TcpListener, TcpStream};
use smol::stream::StreamExt;
use smol::{LocalExecutor, Timer};
use workbook::say;

// ANCHOR: server
/// The `client_connected_cb` of start_server: answers each line in capitals, 200 ms later.
async fn handle(stream: TcpStream) -> std::io::Result<()> {
    let mut lines = BufReader::new(stream.clone()).lines();
    let mut writer = stream;
    while let Some(line) = lines.next().await {
        Timer::after(Duration::from_millis(200)).await;
        writer
            .write_all(format!("{}\n", line?.to_uppercase()).as_bytes())
            .await?;
    }
    Ok(())
}

/// asyncio.start_server(handle, "127.0.0.1", 0): each client gets a task of its own.
async fn serve(ex: Weak<LocalExecutor<'static>>, listener: TcpListener) -> std::io::Result<()> {
    let mut incoming = listener.incoming();
    while let Some(stream) = incoming.next().await {
        // A `Weak`, not an `Rc`: the executor owns this task, so the task must not own the
        // executor (see the page). While this task runs, its executor is alive.
        let ex = ex
            .upgrade()
            .expect("a task runs only while its executor lives");
        ex.spawn(handle(stream?)).detach();
    }
    Ok(())
}
// ANCHOR_END: server

// ANCHOR: client
/// asyncio.open_connection("127.0.0.1", port): send a line, read the answer.
async fn client(name: &str, addr: SocketAddr, line: &str) -> std::io::Result<()> {
    let mut stream = TcpStream::connect(addr).await?;
    stream.write_all(format!("{line}\n").as_bytes()).await?;
    say!("{name}: sent {line:?}");
    let mut answer = String::new();
    BufReader::new(stream).read_line(&mut answer).await?;
    say!("{name}: got {:?}", answer.trim_end());
    Ok(())
}
// ANCHOR_END: client

// ANCHOR: main
fn main() -> std::io::Result<()> {
    // In an `Rc`, so that a task (`serve`) can have a `Weak` handle on it: see the page.
    let ex = Rc::new(LocalExecutor::new());
    smol::block_on(ex.run(async {
        let listener = TcpListener::bind("127.0.0.1:0").await?; // port 0: any free port
        let addr = listener.local_addr()?;
        say!("server: listening on 127.0.0.1");
        let server = ex.spawn(serve(Rc::downgrade(&ex), listener));

        let first = ex.spawn(client("client 1", addr, "hello"));
        Timer::after(Duration::from_millis(100)).await;
        let second = ex.spawn(client("client 2", addr, "world"));
        first.await?;
        second.await?;

        // server.close(), then wait_closed(): cancel the accepting task, and wait until its
        // future, and the listener in it, are dropped.
        server.cancel().await;
        say!("server: closed");
        match TcpStream::connect(addr).await {
            Err(e) if e.kind() == ErrorKind::ConnectionRefused => {
                say!("client 3: connection refused")
            }
            Err(e) => say!("client 3: {e}"),
            Ok(_) => say!("client 3: connected, to a server that should be closed"),
        }
        Ok(())
    }))
}
// ANCHOR_END: main
