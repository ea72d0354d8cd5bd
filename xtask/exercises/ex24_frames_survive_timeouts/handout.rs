//! Make a frame reader cancel-safe, so that a heartbeat in the middle of a frame loses nothing.
//!
//! The peer sends frames: a header line with the body's length in bytes, then the body (which
//! may hold newlines). `receive` must print each frame as soon as its last byte has come, and
//! `heartbeat` every 200 ms, on time, whatever is half-read. As handed out, each turn of its loop
//! races `read_frame` against the heartbeat's timer, and a heartbeat that comes mid-frame drops
//! the frame's first part with the `read_frame` future: out come a corrupt frame and a lost one.
//! Keep what has come of the frame outside the raced future, so that the next turn goes on.
//!
//! Run it: `cargo exercise ex24_frames_survive_timeouts`
//! Check it: `cargo xtask check ex24_frames_survive_timeouts`

use std::io;
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use smol::future::{self, FutureExt};
use smol::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use smol::stream::StreamExt;
use smol::{Async, Timer};
use workbook::say;

/// How often `receive` says it is alive, whatever it is reading.
const HEARTBEAT: Duration = Duration::from_millis(200);

/// The other side: four frames, "hello", "half a frame", "two\nlines" and "bye", sent in pieces
/// at 0.00, 0.10, 0.30, 0.50 and 0.70 s, the second cut twice across heartbeats: once in its
/// header, once in its body. Then it closes the connection.
async fn peer(mut out: Async<TcpStream>) -> io::Result<()> {
    let pieces: [(u64, &[u8]); 5] = [
        (0, b"5\nhello"),
        (100, b"1"),
        (200, b"2\nhalf a "),
        (200, b"frame"),
        (200, b"9\ntwo\nlines3\nbye"),
    ];
    for (pause, piece) in pieces {
        Timer::after(Duration::from_millis(pause)).await;
        out.write_all(piece).await?;
    }
    Ok(())
}

/// The length that a header line (with or without its `\n`) gives.
fn body_length(header: &[u8]) -> io::Result<usize> {
    let text = String::from_utf8_lossy(header);
    text.trim_end()
        .parse()
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, format!("bad header {text:?}")))
}

/// Reads one frame: `None` at the end of the stream. Not cancel-safe: what it has read of the
/// frame so far lives in its locals, `header` and `body`, and dies with the future.
async fn read_frame(input: &mut BufReader<Async<TcpStream>>) -> io::Result<Option<String>> {
    let mut header = String::new();
    if input.read_line(&mut header).await? == 0 {
        return Ok(None);
    }
    let mut body = vec![0; body_length(header.as_bytes())?];
    input.read_exact(&mut body).await?;
    Ok(Some(String::from_utf8_lossy(&body).into_owned()))
}

// TODO: a frame reader whose progress outlives the future that `receive` races: what has come of
// the header, and of the body, kept in a value made once, before the loop.

/// Prints each frame as it comes, and `heartbeat` every `HEARTBEAT`, until the stream ends.
async fn receive(input: Async<TcpStream>) -> io::Result<()> {
    let mut input = BufReader::new(input);
    // Made once: it fires every 200 ms from now, however long each turn of the loop takes.
    let mut heartbeat = Timer::interval(HEARTBEAT);
    loop {
        // TODO: race something that keeps its progress outside the future, not `read_frame`.
        let frame = async { Some(read_frame(&mut input).await) };
        let beat = async {
            heartbeat.next().await;
            None
        };
        match frame.or(beat).await {
            None => say!("heartbeat"),
            Some(Ok(Some(body))) => say!("frame: {body:?}"),
            Some(Ok(None)) => break,
            Some(Err(e)) => return Err(e),
        }
    }
    say!("end of the stream");
    Ok(())
}

fn main() {
    let run = smol::block_on(async {
        let listener = Async::<TcpListener>::bind(([127, 0, 0, 1], 0))?;
        let ours = Async::<TcpStream>::connect(listener.get_ref().local_addr()?).await?;
        let (theirs, _) = listener.accept().await?;
        let (sent, read) = future::zip(peer(theirs), receive(ours)).await;
        sent.and(read)
    });
    if let Err(e) = run {
        say!("error: {e}");
    }
}
