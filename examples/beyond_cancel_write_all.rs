//! `write_all` of a big message, cut by a time-out: the peer gets part of it, glued to the next.
//!
//! The peer does not read for 0.3 s, so the socket's buffers fill, and `write_all` waits; a 0.2 s
//! time-out drops it. Run it with `cargo run --example beyond_cancel_write_all`.

use std::io;
use std::os::unix::net::UnixStream;
use std::time::Duration;

use smol::future::{self, FutureExt};
use smol::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use smol::stream::StreamExt;
use smol::{Async, Timer};
use workbook::say;

/// The message: a line of 1 MiB of `x`, more than the socket's buffers hold.
const LEN: usize = 1 << 20;

// ANCHOR: writer
async fn writer(mut out: Async<UnixStream>) -> io::Result<()> {
    let mut message = vec![b'x'; LEN];
    message.push(b'\n');
    let give_up = async {
        Timer::after(Duration::from_millis(200)).await;
        Err(io::ErrorKind::TimedOut.into())
    };
    match out.write_all(&message).or(give_up).await {
        Ok(()) => say!("writer: the message went out whole"),
        Err(e) if e.kind() == io::ErrorKind::TimedOut => say!("writer: write_all timed out"),
        Err(e) => return Err(e),
    }
    // The next message, as if nothing had happened.
    out.write_all(b"next\n").await?;
    say!("writer: sent \"next\\n\", and closes");
    Ok(())
}
// ANCHOR_END: writer

// ANCHOR: reader
async fn reader(input: Async<UnixStream>) -> io::Result<()> {
    Timer::after(Duration::from_millis(300)).await;
    say!("reader: starts reading");
    let mut lines = BufReader::new(input).lines();
    while let Some(line) = lines.next().await {
        let line = line?;
        let xs = line.bytes().take_while(|&b| b == b'x').count();
        match xs {
            LEN => say!("reader: the whole message"),
            0 => say!("reader: {line:?}"),
            _ => {
                say!("reader: part of the message, then {:?}", &line[xs..]);
                say!("reader: ({xs} of its {LEN} x's)");
            }
        }
    }
    Ok(())
}
// ANCHOR_END: reader

fn main() -> io::Result<()> {
    smol::block_on(async {
        let (ours, theirs) = Async::<UnixStream>::pair()?;
        let (sent, read) = future::zip(writer(ours), reader(theirs)).await;
        sent.and(read)
    })
}
