//! The same loop with `read_until` into one `Vec<u8>` made before it: nothing is lost.
//!
//! `read_until` appends each byte it takes from the reader to the caller's buffer at once, so the
//! buffer keeps what a dropped future had read. Run it with
//! `cargo run --example beyond_cancel_read_until`.

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
    // Bytes, not a String: `read_until` puts every byte it takes straight into this buffer.
    let mut line = Vec::new();
    loop {
        let give_up = async {
            Timer::after(Duration::from_millis(200)).await;
            Err(io::ErrorKind::TimedOut.into())
        };
        match input.read_until(b'\n', &mut line).or(give_up).await {
            Ok(0) => break,
            Ok(_) => say!("line: {:?}", String::from_utf8_lossy(&line).trim_end()),
            Err(e) if e.kind() == io::ErrorKind::TimedOut => {
                say!(
                    "no whole line in 0.2 s; kept so far: {:?}",
                    String::from_utf8_lossy(&line)
                );
                continue;
            }
            Err(e) => return Err(e),
        }
        line.clear();
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
