//! Readiness I/O: dropping a read future that was already woken loses no bytes.
//!
//! On loopback, a read is polled once, the peer's bytes arrive and wake it, and a timeout drops it
//! before it runs again; a new read gets every byte. Run it with
//! `cargo run --example read_cancel_keeps_data`.

use std::future::Future;
use std::net::{TcpListener, TcpStream};
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Wake, Waker};
use std::time::Duration;

use smol::io::{AsyncReadExt, AsyncWriteExt};
use smol::{Async, Timer};
use workbook::say;

/// A waker that only notes that it was called.
#[derive(Default)]
struct Called(AtomicBool);

impl Wake for Called {
    fn wake(self: Arc<Self>) {
        self.0.store(true, Ordering::SeqCst);
    }
}

// ANCHOR: main
fn main() -> std::io::Result<()> {
    smol::block_on(async {
        let listener = Async::<TcpListener>::bind(([127, 0, 0, 1], 0))?;
        let mut client = Async::<TcpStream>::connect(listener.get_ref().local_addr()?).await?;
        let (mut peer, _) = listener.accept().await?;
        let mut buf = [0u8; 64];

        // Poll a read once: the socket is empty, so it registers its waker with the reactor.
        let called = Arc::new(Called::default());
        let waker = Waker::from(called.clone());
        let mut read = client.read(&mut buf);
        let first = Pin::new(&mut read).poll(&mut Context::from_waker(&waker));
        say!("read polled: ready: {}", first.is_ready());

        // The bytes arrive; the reactor sees the socket readable and calls the read's waker.
        peer.write_all(b"hello world").await?;
        Timer::after(Duration::from_millis(100)).await;
        let woken = called.0.load(Ordering::SeqCst);
        say!("the peer sent 11 bytes; the read's waker was called: {woken}");

        // Now a timeout gives up on the read, in the window after its wake and before its next
        // poll: the future is dropped.
        drop(read);
        say!("the read future is dropped, unpolled");

        // The bytes were never taken out of the socket, so the next read gets them all.
        let n = client.read(&mut buf).await?;
        let text = String::from_utf8_lossy(&buf[..n]);
        say!("a new read: {n} bytes, {text:?}");
        Ok(())
    })
}
// ANCHOR_END: main
