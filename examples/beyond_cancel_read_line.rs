//! A time-out around each `read_line`: a line that straddles a time-out loses its first part.
//!
//! The loop gives each line 0.2 s, as `asyncio.wait_for(reader.readline(), 0.2)` would; the peer
//! sends its second line in two pieces, 0.2 s apart. Run it with
//! `cargo run --example beyond_cancel_read_line`.

use std::io;
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use smol::future::{self, FutureExt};
use smol::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
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
    let mut input = BufReader::new(input);
    loop {
        // A new line, and a new `read_line` future, each time round; the time-out drops the
        // future if no whole line came within 0.2 s.
        let mut line = String::new();
        let give_up = async {
            Timer::after(Duration::from_millis(200)).await;
            Err(io::ErrorKind::TimedOut.into())
        };
        match input.read_line(&mut line).or(give_up).await {
            Ok(0) => break,
            Ok(_) => say!("line: {:?}", line.trim_end()),
            Err(e) if e.kind() == io::ErrorKind::TimedOut => say!("no whole line in 0.2 s"),
            Err(e) => return Err(e),
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
