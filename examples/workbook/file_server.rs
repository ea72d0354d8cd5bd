//! The downloader project's test server (`ex17_downloader`): a file server on 127.0.0.1 that
//! answers each request by a script, and keeps a log of what its client did, so that a report
//! can show how many requests came at once, when each file was asked for again, and what was
//! still going on after a fatal answer.
//!
//! The protocol, one request per connection:
//!
//! ```text
//! client: GET a.txt\n
//! server: OK 5\nalpha          (the length of the body in bytes, a newline, the body)
//!     or: ERR busy\n           (try again later)
//!     or: ERR gone\n           (or any other ERR: it will never work)
//! ```
//!
//! then the server closes the connection. A client that closes its connection before the answer
//! has given up on that request: the server logs it as "hung up", and answers nothing.
//!
//! The server is scaffolding, not a lesson, so it is plain blocking std code: a thread accepts
//! connections, and each connection gets a thread of its own, which waits for the request (2 s at
//! most), then for the answer's delay or the client's hang-up, whichever comes first, then
//! answers. Each of those threads ends by itself; the accepting thread ends when the server is
//! dropped; all of them end when the program does.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// How long a connection may take to send its request line.
const REQUEST_WAIT: Duration = Duration::from_secs(2);

/// How long a stalled request is held before the server closes it without an answer: far longer
/// than any client here waits.
const STALL: Duration = Duration::from_secs(5);

/// One answer of a script: what the server replies to one request, and after how long.
#[derive(Clone, Copy, Debug)]
pub struct Answer {
    after: Duration,
    reply: Reply,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Reply {
    Ok(&'static str),
    Busy,
    Gone,
    /// No answer at all: the connection is held open, then closed.
    Silence,
    /// `ERR no such file`, for a name no script has.
    Unknown,
    /// `ERR bad request`, for a line that is not `GET name`.
    Bad,
}

/// `OK` with `body`, `after_ms` milliseconds after the request came.
pub fn ok(after_ms: u64, body: &'static str) -> Answer {
    Answer {
        after: Duration::from_millis(after_ms),
        reply: Reply::Ok(body),
    }
}

/// `ERR busy` (try again later), `after_ms` milliseconds after the request came.
pub fn busy(after_ms: u64) -> Answer {
    Answer {
        after: Duration::from_millis(after_ms),
        reply: Reply::Busy,
    }
}

/// `ERR gone` (the file will never be there), `after_ms` milliseconds after the request came.
pub fn gone(after_ms: u64) -> Answer {
    Answer {
        after: Duration::from_millis(after_ms),
        reply: Reply::Gone,
    }
}

/// No answer: the request is held for 5 s, longer than any client waits, then closed.
pub fn stall() -> Answer {
    Answer {
        after: STALL,
        reply: Reply::Silence,
    }
}

/// A file's script: the answers to its first, second, third... request. Once the script is used
/// up, its last answer is given again.
pub type Script = (&'static str, Vec<Answer>);

/// How one request ended, with when (time since the program started).
#[derive(Clone, Copy, Debug)]
enum End {
    Open,
    Answered(Reply, Duration),
    HungUp(Duration),
}

impl End {
    fn at(self) -> Option<Duration> {
        match self {
            End::Open => None,
            End::Answered(_, at) | End::HungUp(at) => Some(at),
        }
    }
}

/// One request, as the server saw it.
#[derive(Debug)]
struct Ask {
    name: String,
    at: Duration,
    end: End,
}

#[derive(Debug, Default)]
struct Log {
    scripts: Vec<Script>,
    asks: Vec<Ask>,
    open: usize,
    most_open: usize,
    /// The first `ERR gone` answered: which file, and when.
    gone: Option<(String, Duration)>,
}

/// A running file server. Dropping it stops it accepting connections.
pub struct FileServer {
    addr: SocketAddr,
    log: Arc<Mutex<Log>>,
    stop: Arc<AtomicBool>,
    acceptor: Option<JoinHandle<()>>,
}

impl FileServer {
    /// Starts a server on 127.0.0.1, on a port the system picks, answering by `scripts`. A file
    /// that no script names gets `ERR no such file`.
    pub fn start(scripts: Vec<Script>) -> FileServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("cannot listen on 127.0.0.1");
        let addr = listener.local_addr().expect("no local address");
        let log = Arc::new(Mutex::new(Log {
            scripts,
            ..Log::default()
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let acceptor = {
            let (log, stop) = (log.clone(), stop.clone());
            thread::Builder::new()
                .name("file-server".to_string())
                .spawn(move || accept(listener, log, stop))
                .expect("cannot start the server's thread")
        };
        FileServer {
            addr,
            log,
            stop,
            acceptor: Some(acceptor),
        }
    }

    /// Where the server listens.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// What the server saw, a line each: the most requests open at once; for each file, when it
    /// was asked for and how each request ended; and, if a file was gone, which requests were
    /// open when it was answered, when they ended, and which came after.
    pub fn report(&self) -> Vec<String> {
        let log = lock(&self.log);
        let mut lines = vec![format!(
            "at most {} at once",
            plural(log.most_open, "request", "requests")
        )];
        let mut names: Vec<&str> = log.scripts.iter().map(|(name, _)| *name).collect();
        for ask in &log.asks {
            if !names.contains(&ask.name.as_str()) {
                names.push(&ask.name);
            }
        }
        for name in names {
            let asks: Vec<String> = log
                .asks
                .iter()
                .filter(|ask| ask.name == name)
                .map(|ask| format!("{} ({})", seconds(ask.at), outcome(ask.end)))
                .collect();
            if asks.is_empty() {
                lines.push(format!("{name}: never asked"));
            } else {
                lines.push(format!("{name}: asked at {}", asks.join(", ")));
            }
        }
        if let Some((gone, at)) = &log.gone {
            lines.push(after_gone(&log, gone, *at));
        }
        lines
    }
}

impl Drop for FileServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accepting thread with a connection of our own, and wait for it to end. If the
        // connection cannot be made, the thread ends with the program instead.
        let woken = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1)).is_ok();
        if let (true, Some(acceptor)) = (woken, self.acceptor.take()) {
            let _ = acceptor.join();
        }
    }
}

fn lock(log: &Mutex<Log>) -> MutexGuard<'_, Log> {
    log.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn accept(listener: TcpListener, log: Arc<Mutex<Log>>, stop: Arc<AtomicBool>) {
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let Ok(stream) = stream else { continue };
        let log = log.clone();
        let started = thread::Builder::new()
            .name("file-server".to_string())
            .spawn(move || converse(stream, &log));
        if started.is_err() {
            // Out of threads: this connection is dropped, and the client sees it closed.
            continue;
        }
    }
}

/// One connection: read the request, wait, answer, and log it all.
fn converse(stream: TcpStream, log: &Mutex<Log>) {
    if stream.set_read_timeout(Some(REQUEST_WAIT)).is_err() {
        return;
    }
    let mut reader = BufReader::new(&stream);
    let mut line = String::new();
    match reader.read_line(&mut line) {
        Ok(n) if n > 0 => {}
        _ => return, // closed, or no request in time: nothing was asked
    }
    let came = Instant::now();
    let request = line.trim_end();
    let Some(name) = request.strip_prefix("GET ") else {
        let at = crate::elapsed();
        lock(log).asks.push(Ask {
            name: format!("{request:?}"),
            at,
            end: End::Answered(Reply::Bad, at),
        });
        let _ = (&stream).write_all(b"ERR bad request\n");
        return;
    };
    let name = name.trim().to_string();

    // Log the request, and find its answer in the script.
    let (index, answer) = {
        let mut log = lock(log);
        let earlier = log.asks.iter().filter(|ask| ask.name == name).count();
        let answer = match log.scripts.iter().find(|(n, _)| *n == name) {
            Some((_, answers)) => answers[earlier.min(answers.len() - 1)],
            None => Answer {
                after: Duration::ZERO,
                reply: Reply::Unknown,
            },
        };
        log.asks.push(Ask {
            name: name.clone(),
            at: crate::elapsed(),
            end: End::Open,
        });
        log.open += 1;
        log.most_open = log.most_open.max(log.open);
        (log.asks.len() - 1, answer)
    };

    // Wait for the answer's time, unless the client hangs up first.
    let due = came + answer.after;
    let mut buffer = [0; 64];
    loop {
        let left = due.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        // A read timeout of zero would mean "none": wait at least a millisecond.
        let _ = stream.set_read_timeout(Some(left.max(Duration::from_millis(1))));
        match reader.read(&mut buffer) {
            Ok(0) => {
                end(log, index, End::HungUp(crate::elapsed()));
                return;
            }
            Ok(_) => {} // more than the request: ignored
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_) => {
                end(log, index, End::HungUp(crate::elapsed()));
                return;
            }
        }
    }

    // Log the end first, then answer: the client cannot act on the answer before it is logged.
    let text = match answer.reply {
        Reply::Ok(body) => format!("OK {}\n{body}", body.len()),
        Reply::Busy => "ERR busy\n".to_string(),
        Reply::Gone => "ERR gone\n".to_string(),
        Reply::Unknown => "ERR no such file\n".to_string(),
        Reply::Bad => "ERR bad request\n".to_string(),
        Reply::Silence => String::new(),
    };
    end(log, index, End::Answered(answer.reply, crate::elapsed()));
    let _ = (&stream).write_all(text.as_bytes());
}

/// Logs how request `index` ended.
fn end(log: &Mutex<Log>, index: usize, end: End) {
    let mut log = lock(log);
    log.open -= 1;
    if let (End::Answered(Reply::Gone, at), None) = (end, &log.gone) {
        log.gone = Some((log.asks[index].name.clone(), at));
    }
    log.asks[index].end = end;
}

/// How a request ended, as the report says it.
fn outcome(end: End) -> String {
    match end {
        End::Open => "still open".to_string(),
        End::Answered(Reply::Ok(_), _) => "OK".to_string(),
        End::Answered(Reply::Busy, _) => "busy".to_string(),
        End::Answered(Reply::Gone, _) => "gone".to_string(),
        End::Answered(Reply::Unknown, _) => "no such file".to_string(),
        End::Answered(Reply::Bad, _) => "bad request".to_string(),
        End::Answered(Reply::Silence, at) => format!("no answer, closed at {}", seconds(at)),
        End::HungUp(at) => format!("hung up at {}", seconds(at)),
    }
}

/// What happened around the first `ERR gone`: the other requests open then, and when the last of
/// them ended; and the requests that came after it.
fn after_gone(log: &Log, gone: &str, at: Duration) -> String {
    let open: Vec<&Ask> = log
        .asks
        .iter()
        .filter(|ask| ask.at <= at && ask.name != gone && ask.end.at().is_none_or(|end| end > at))
        .collect();
    let mut line = format!("{gone} was gone at {}; ", seconds(at));
    let last = open
        .iter()
        .max_by_key(|ask| ask.end.at().unwrap_or(Duration::MAX));
    if let Some(last) = last {
        let how = match last.end {
            End::Open => "is still open".to_string(),
            End::HungUp(end) => format!("hung up at {}", seconds(end)),
            End::Answered(_, end) => format!("was answered at {}", seconds(end)),
        };
        if open.len() == 1 {
            let _ = write!(line, "1 other request was open, and {how}");
        } else {
            let _ = write!(
                line,
                "{} other requests were open, the last {how}",
                open.len()
            );
        }
    } else {
        line.push_str("no other request was open");
    }
    let after: Vec<String> = log
        .asks
        .iter()
        .filter(|ask| ask.at > at)
        .map(|ask| format!("{} at {}", ask.name, seconds(ask.at)))
        .collect();
    if after.is_empty() {
        line.push_str("; none came after");
    } else {
        let _ = write!(line, "; then came {}", after.join(", "));
    }
    line
}

fn seconds(at: Duration) -> String {
    format!("{:.2} s", at.as_secs_f64())
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
