//! Mistake: each `Task` is bound to `_` (as the compiler's warning suggests, for a `spawn` as a
//! statement of its own, like `create_task` in Python): dropped on that line, so cancelled.
//! feedback: drops the `Task` that `spawn` returns

use std::fmt;
use std::net::SocketAddr;
use std::rc::Rc;
use std::time::Duration;

use smol::future::FutureExt;
use smol::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use smol::lock::Semaphore;
use smol::net::TcpStream;
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

/// How one request can fail: worth another try after a pause, or not.
enum Failure {
    /// `ERR busy`, or no answer within the time limit; says which.
    TryAgain(&'static str),
    Fatal(String),
}

impl From<std::io::Error> for Failure {
    fn from(error: std::io::Error) -> Failure {
        Failure::Fatal(error.to_string())
    }
}

/// One request for `name`: connect, ask, read the answer.
async fn request(addr: SocketAddr, name: &str) -> Result<String, Failure> {
    let mut stream = BufReader::new(TcpStream::connect(addr).await?);
    stream
        .get_mut()
        .write_all(format!("GET {name}\n").as_bytes())
        .await?;
    let mut head = String::new();
    stream.read_line(&mut head).await?;
    match head.trim_end().split_once(' ') {
        Some(("OK", length)) => {
            let length = length
                .parse()
                .map_err(|_| Failure::Fatal(format!("bad length in {head:?}")))?;
            let mut body = vec![0; length];
            stream.read_exact(&mut body).await?;
            String::from_utf8(body).map_err(|e| Failure::Fatal(e.to_string()))
        }
        Some(("ERR", "busy")) => Err(Failure::TryAgain("busy")),
        Some(("ERR", why)) => Err(Failure::Fatal(why.to_string())),
        _ => Err(Failure::Fatal(format!("unexpected answer {head:?}"))),
    }
}

/// Downloads one file: each request within the time limit, retried after a growing pause while
/// the server is busy or slow. Only a fatal error ends it without the file.
async fn download(addr: SocketAddr, name: &'static str) -> Result<Download, Fatal> {
    let mut pause = FIRST_PAUSE;
    loop {
        // The race drops the request that loses it, and with it its connection: the server sees
        // the hang-up.
        let too_slow = async {
            Timer::after(TIME_LIMIT).await;
            Err(Failure::TryAgain("timed out"))
        };
        match request(addr, name).or(too_slow).await {
            Ok(body) => return Ok(Download { name, body }),
            Err(Failure::Fatal(why)) => return Err(Fatal { name, why }),
            Err(Failure::TryAgain(why)) => {
                say!("{name}: {why}, again in {} ms", pause.as_millis());
                Timer::after(pause).await;
                pause *= 2;
            }
        }
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
    let places = Rc::new(Semaphore::new(places));
    let (results, finished) = smol::channel::unbounded();
    for (index, &name) in names.iter().enumerate() {
        let (places, results) = (places.clone(), results.clone());
        // (Clippy would warn here too; the reader who writes this does not run it.)
        #[allow(clippy::let_underscore_future)]
        let _ = ex.spawn(async move {
            let _place = places.acquire().await;
            let result = download(addr, name).await;
            let _ = results.send((index, result)).await;
        });
    }
    // The last sender goes, so the channel closes once every download has sent its result.
    drop(results);
    let mut files: Vec<Option<Download>> = names.iter().map(|_| None).collect();
    let mut done = 0;
    while let Ok((index, result)) = finished.recv().await {
        let file = result?;
        done += 1;
        say!(
            "{done}/{} done: {} ({} bytes)",
            names.len(),
            file.name,
            file.body.len()
        );
        files[index] = Some(file);
    }
    Ok(files.into_iter().flatten().collect())
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
