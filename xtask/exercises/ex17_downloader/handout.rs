//! Write a downloader: at most N requests at once, each timed, retried after a pause; stop on ERR.
//!
//! `download_all` fetches files from a test server on 127.0.0.1, with at most `places` requests
//! open at once; a file keeps its place through its retries. Each request gets `TIME_LIMIT`. A
//! file that is busy or too slow is asked for again after a pause, `FIRST_PAUSE` the first time,
//! twice as long each time after. The first fatal answer (`ERR gone`) stops everything at once:
//! no request left open, none started after. Print a line at each retry and as each file is done.
//!
//! Run it: `cargo exercise ex17_downloader`
//! Check it: `cargo xtask check ex17_downloader`

use std::fmt;
use std::net::SocketAddr;
use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::file_server::{FileServer, Script, busy, gone, ok, stall};
use workbook::say;

// The protocol: one request per connection. Connect, send one line, `GET a.txt\n`, then read
// the answer, which is one of:
//
//   OK 5\nalpha     the file: its length in bytes, a newline, then that many bytes of body
//   ERR busy\n      not now: ask again after a pause
//   ERR gone\n      it will never work (so does any other `ERR ...`): stop everything
//
// The server closes the connection after its answer. Keep yours open until you have read the
// answer: the server takes a closed connection for a client that gave up on its request.

/// The longest one request may take, from connecting to the end of the answer. A request that
/// takes longer is given up (its connection closed) and asked for again, as a busy one is.
const TIME_LIMIT: Duration = Duration::from_millis(300);

/// The pause before the first retry of a file; each further retry of the same file waits twice
/// as long as the one before (100 ms, 200 ms, 400 ms...).
const FIRST_PAUSE: Duration = Duration::from_millis(100);

/// A file, downloaded.
struct Download {
    name: &'static str,
    body: String,
}

/// Why `download_all` stopped: the first fatal error, and the file it came from.
#[derive(Debug)]
struct Fatal {
    name: &'static str,
    /// What went wrong: `gone` for `ERR gone`, the error of a failed connection...
    why: String,
}

impl fmt::Display for Fatal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.why)
    }
}

/// Downloads `names` from the server at `addr`, at most `places` requests at once, and returns
/// the files in the order of `names`; or, at the first fatal error, stops every other download
/// at once and returns that error.
///
/// Prints, as it goes, exactly these lines (see the expected output):
/// - when a request fails and will be tried again: `b.txt: busy, again in 100 ms`, or
///   `c.txt: timed out, again in 100 ms`, with the pause it is about to take;
/// - when a file is done, counting the files done so far: `3/4 done: d.txt (5 bytes)`.
async fn download_all(
    ex: &LocalExecutor<'static>,
    addr: SocketAddr,
    names: &[&'static str],
    places: usize,
) -> Result<Vec<Download>, Fatal> {
    // TODO: the whole downloader, of your own design, in this function and your own helpers: one
    // request (connect, ask, read the answer), one file (requests within the time limit, pauses
    // between them), all the files (places, progress lines, and stopping everything at the first
    // fatal error). You will want some of: `smol::net::TcpStream`,
    // `smol::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader}`,
    // `smol::future::FutureExt`, `smol::lock::Semaphore`, `smol::channel`, `smol::Task`,
    // `std::rc::Rc`; and `ex`, to spawn tasks on.
    let _ = (ex, addr, names, places, TIME_LIMIT, FIRST_PAUSE);
    todo!("download the files")
}

/// Starts a server with `scripts`, downloads `names` from it, and prints what came of it: the
/// files or the error, then, a moment later, the server's report.
async fn run(ex: &LocalExecutor<'static>, scripts: Vec<Script>, names: &[&'static str]) {
    let server = FileServer::start(scripts);
    match download_all(ex, server.addr(), names, 2).await {
        Ok(files) => {
            let files: Vec<String> = files
                .iter()
                .map(|file| format!("{} {:?}", file.name, file.body))
                .collect();
            say!("got {}", files.join(", "));
        }
        Err(fatal) => say!("stopped: {fatal}"),
    }
    // Anything still running has 200 ms to show itself to the server before it reports.
    Timer::after(Duration::from_millis(200)).await;
    for line in server.report() {
        say!("server: {line}");
    }
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // Each file's script: the server's answers to its first, second... request, each after
        // so many milliseconds. `stall()` never answers.
        let scripts = vec![
            ("a.txt", vec![ok(200, "alpha")]),
            ("b.txt", vec![busy(100), busy(100), ok(100, "bravo")]),
            ("c.txt", vec![stall(), ok(200, "charlie")]),
            ("d.txt", vec![ok(100, "delta")]),
        ];
        run(&ex, scripts, &["a.txt", "b.txt", "c.txt", "d.txt"]).await;
        say!("-- again, with a file that is gone");
        let scripts = vec![
            ("e.txt", vec![busy(200), ok(100, "echo")]),
            (
                "f.txt",
                vec![busy(100), busy(100), stall(), ok(100, "foxtrot")],
            ),
            ("g.txt", vec![gone(200)]),
            ("h.txt", vec![ok(100, "hotel")]),
        ];
        run(&ex, scripts, &["e.txt", "f.txt", "g.txt", "h.txt"]).await;
    }));
}
