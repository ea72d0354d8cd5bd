//! A small complete program: a concurrent HTTP fetcher, with bounded concurrency and timeouts.
//!
//! A tiny HTTP/1 server and its client, both on 127.0.0.1 (an ephemeral port, nothing else on
//! the network). The client fetches eight pages, three at a time, each within 500 ms, and
//! reports the one that fails. Run it with `cargo run --example concurrent_fetcher`.

use std::cell::Cell;
use std::future::Future;
use std::net::SocketAddr;
use std::rc::{Rc, Weak};
use std::time::{Duration, Instant};

use smol::future::FutureExt;
use smol::io::{AsyncReadExt, AsyncWriteExt};
use smol::lock::Semaphore;
use smol::net::{TcpListener, TcpStream};
use smol::{LocalExecutor, Timer};
use workbook::say;

// ANCHOR: server
/// Serves `/page/N` after 100 ms, `/slow` after 5 s, and 404 for anything else.
async fn serve(listener: TcpListener, ex: Weak<LocalExecutor<'static>>) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        // One task per connection. A `Weak` handle on the executor, which owns this task: see
        // the running page of the phrasebook.
        let ex = ex
            .upgrade()
            .expect("a task runs only while its executor lives");
        ex.spawn(answer(stream)).detach();
    }
}

async fn answer(mut stream: TcpStream) -> std::io::Result<()> {
    // Read the request head; this client sends nothing after it.
    let mut head = Vec::new();
    let mut byte = [0; 1];
    while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).await? == 1 {
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head);
    let path = head.split_whitespace().nth(1).unwrap_or("/");
    let (status, body) = if let Some(n) = path.strip_prefix("/page/") {
        Timer::after(Duration::from_millis(100)).await;
        ("200 OK", format!("page {n}"))
    } else if path == "/slow" {
        // Longer than the client waits: it gives up after 500 ms.
        Timer::after(Duration::from_secs(5)).await;
        ("200 OK", "finally".to_string())
    } else {
        ("404 Not Found", "no such page".to_string())
    };
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(response.as_bytes()).await
}
// ANCHOR_END: server

// ANCHOR: client
/// Fetches `path`: the status code and the body, or why it failed.
async fn fetch(addr: SocketAddr, path: &str) -> Result<(u16, String), String> {
    let mut stream = TcpStream::connect(addr).await.map_err(|e| e.to_string())?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    stream
        .write_all(request.as_bytes())
        .await
        .map_err(|e| e.to_string())?;
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .await
        .map_err(|e| e.to_string())?;
    let (head, body) = response.split_once("\r\n\r\n").ok_or("no end of headers")?;
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok());
    Ok((status.ok_or("no status code")?, body.to_string()))
}

/// `future`, or an error if it takes longer than `limit`.
async fn within<T>(
    limit: Duration,
    future: impl Future<Output = Result<T, String>>,
) -> Result<T, String> {
    let give_up = async {
        Timer::after(limit).await;
        Err(format!("timed out after {} ms", limit.as_millis()))
    };
    future.or(give_up).await
}
// ANCHOR_END: client

// ANCHOR: main
fn main() {
    let ex = Rc::new(LocalExecutor::new());
    smol::block_on(ex.run(async {
        // Port 0: the system picks a free port, on the loopback interface only.
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("cannot listen");
        let addr = listener.local_addr().expect("no address");
        say!("server: listening on {addr}");
        ex.spawn(serve(listener, Rc::downgrade(&ex))).detach();

        let paths = [
            "/page/1", "/page/2", "/slow", "/page/3", "/page/4", "/missing", "/page/5", "/page/6",
        ];
        let limit = Rc::new(Semaphore::new(3)); // at most three requests in flight
        let in_flight = Rc::new((Cell::new(0), Cell::new(0))); // now, and the most so far
        let start = Instant::now();
        let requests: Vec<_> = paths
            .iter()
            .map(|&path| {
                let limit = limit.clone();
                let in_flight = in_flight.clone();
                ex.spawn(async move {
                    let _permit = limit.acquire().await;
                    in_flight.0.set(in_flight.0.get() + 1);
                    in_flight.1.set(in_flight.1.get().max(in_flight.0.get()));
                    let result = within(Duration::from_millis(500), fetch(addr, path)).await;
                    in_flight.0.set(in_flight.0.get() - 1);
                    result
                })
            })
            .collect();
        // Fan in, in the order of the list.
        for (path, request) in paths.iter().zip(requests) {
            match request.await {
                Ok((200, body)) => say!("GET {path}: {body:?}"),
                Ok((status, _)) => say!("GET {path}: failed with status {status}"),
                Err(problem) => say!("GET {path}: failed: {problem}"),
            }
        }
        say!(
            "at most {} requests were in flight at once",
            in_flight.1.get()
        );
        say!(
            "fetched {} pages in {:.1} s",
            paths.len(),
            start.elapsed().as_secs_f64()
        );
    }));
}
// ANCHOR_END: main
