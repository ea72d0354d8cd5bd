//! The same loop over one `lines()` stream, made before it: nothing is lost.
//!
//! The stream keeps its half-read line in itself; each time-out drops only the `next()` future
//! that borrowed it. Run it with `cargo run --example beyond_cancel_lines`.

use std::io;
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use smol::future::{self, FutureExt};
use smol::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use smol::stream::StreamExt;
use smol::{Async, Timer};
use workbook::say;

// ANCHOR: peer
/// The other side: "one", then "two" in two pieces 0.2 s apart, then "three", and the end.
async fn peer(mut out: Async<TcpStream>) -> io::Result<()> {
    out.write_all(b"one\n").await?;
    say!("peer: sent \"one\\n\"");
    Timer::after(Duration::from_millis(100)).await;
    out.write_all(b"two: the start, ").await?;
    say!("peer: sent \"two: the start, \"");
    Timer::after(Duration::from_millis(200)).await;
    out.write_all(b"and the end\n").await?;
    say!("peer: sent \"and the end\\n\"");
    Timer::after(Duration::from_millis(100)).await;
    out.write_all(b"three\n").await?;
    say!("peer: sent \"three\\n\", and closes");
    Ok(())
}
// ANCHOR_END: peer

// ANCHOR: reader
async fn reader(input: Async<TcpStream>) -> io::Result<()> {
    // Made once: the stream, and the half-read line inside it, live as long as the loop.
    let mut lines = BufReader::new(input).lines();
    loop {
        let give_up = async {
            Timer::after(Duration::from_millis(200)).await;
            Some(Err(io::ErrorKind::TimedOut.into()))
        };
        match lines.next().or(give_up).await {
            None => break,
            Some(Ok(line)) => say!("line: {line:?}"),
            Some(Err(e)) if e.kind() == io::ErrorKind::TimedOut => say!("no whole line in 0.2 s"),
            Some(Err(e)) => return Err(e),
        }
    }
    say!("end of the stream");
    Ok(())
}
// ANCHOR_END: reader

fn main() -> io::Result<()> {
    smol::block_on(async {
        let listener = Async::<TcpListener>::bind(([127, 0, 0, 1], 0))?;
        let ours = Async::<TcpStream>::connect(listener.get_ref().local_addr()?).await?;
        let (theirs, _) = listener.accept().await?;
        let (sent, read) = future::zip(peer(theirs), reader(ours)).await;
        sent.and(read)
    })
}
