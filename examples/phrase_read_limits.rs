//! readexactly and a readuntil limit in smol: read_exact's UnexpectedEof, take(n) on read_until.
//!
//! asyncio's `readexactly(n)` raises `IncompleteReadError`, which holds the bytes it got, when the
//! stream ends first; `readuntil` raises `LimitOverrunError` when no separator comes within the
//! reader's limit (64 KiB by default). futures-lite's `read_exact` returns an `UnexpectedEof`
//! error and says nothing of the bytes it got; `read_until` has no limit at all, so the limit is a
//! `take(n)` around it. A byte slice stands in for the connection: it is an async reader too. Run
//! it with `cargo run --example phrase_read_limits`.

use smol::io::{AsyncBufReadExt, AsyncReadExt};
use workbook::say;

fn main() -> std::io::Result<()> {
    smol::block_on(async {
        // ANCHOR: limit
        // readuntil(b"\n") on a reader whose limit is 16 bytes
        let mut stream: &[u8] = b"hello\nthis line is far longer than 16 bytes\n";
        for _ in 0..2 {
            let mut line = Vec::new();
            (&mut stream).take(16).read_until(b'\n', &mut line).await?;
            let text = String::from_utf8_lossy(&line);
            if line.ends_with(b"\n") {
                say!("line: {}", text.trim_end());
            } else {
                say!("too long: no newline in 16 bytes; {text:?} taken from the stream");
            }
        }
        // ANCHOR_END: limit

        // ANCHOR: exact
        // readexactly(4) when the stream ends after 3 bytes
        let mut stream: &[u8] = b"abc";
        let mut buf = [0; 4];
        if let Err(e) = stream.read_exact(&mut buf).await {
            say!("read_exact: {:?}; {} bytes left", e.kind(), stream.len());
        }
        // To keep what came before the end: take(4), then read to the end.
        let mut stream: &[u8] = b"abc";
        let mut partial = Vec::new();
        (&mut stream).take(4).read_to_end(&mut partial).await?;
        say!(
            "take(4): {} of 4 bytes, {:?}",
            partial.len(),
            String::from_utf8_lossy(&partial)
        );
        // ANCHOR_END: exact
        Ok(())
    })
}
