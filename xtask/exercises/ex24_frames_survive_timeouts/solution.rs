//! Solution: the frame so far lives in a `Partial` made before the loop; each race only borrows it.
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

/// What has come of the frame being read. Made once, before the loop: when a heartbeat drops the
/// future that reads into it, it stays as it was, and the next future goes on from there.
#[derive(Default)]
struct Partial {
    /// The header line so far: `read_until` appends each byte to it as it takes it.
    header: Vec<u8>,
    /// Once the header is whole: the body, as long as the header says, and how much has come.
    body: Option<(Vec<u8>, usize)>,
}

impl Partial {
    /// Reads on from where the last call stopped: the next frame, or `None` at the end of the
    /// stream. Cancel-safe: every byte it takes from `input` is in `self` before the next `.await`.
    async fn next(
        &mut self,
        input: &mut BufReader<Async<TcpStream>>,
    ) -> io::Result<Option<String>> {
        loop {
            match &mut self.body {
                None => {
                    if input.read_until(b'\n', &mut self.header).await? == 0 {
                        return Ok(None);
                    }
                    let length = body_length(&self.header)?;
                    self.header.clear();
                    self.body = Some((vec![0; length], 0));
                }
                Some((body, filled)) if *filled == body.len() => {
                    let frame = String::from_utf8_lossy(body).into_owned();
                    self.body = None;
                    return Ok(Some(frame));
                }
                // `read`, not `read_exact`: `read_exact` counts what it has read in the future,
                // which a heartbeat drops. `read` returns its count, added here at once.
                Some((body, filled)) => match input.read(&mut body[*filled..]).await? {
                    0 => return Err(io::ErrorKind::UnexpectedEof.into()),
                    n => *filled += n,
                },
            }
        }
    }
}

/// Prints each frame as it comes, and `heartbeat` every `HEARTBEAT`, until the stream ends.
async fn receive(input: Async<TcpStream>) -> io::Result<()> {
    let mut input = BufReader::new(input);
    // Made once: it fires every 200 ms from now, however long each turn of the loop takes.
    let mut heartbeat = Timer::interval(HEARTBEAT);
    let mut partial = Partial::default();
    loop {
        // The raced future borrows `partial`: dropped, it leaves what it read there.
        let frame = async { Some(partial.next(&mut input).await) };
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
