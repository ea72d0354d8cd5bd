//! The chat project's scripted clients (ex22_chat_server): four clients that talk to the reader's
//! server, then say what each of them received.
//!
//! They are scaffolding, not the lesson: plain threads and blocking sockets, every wait bounded,
//! only 127.0.0.1. The script runs on the program's clock (the one `say!` prints):
//!
//! | when   | what happens                                                                       |
//! | ------ | ---------------------------------------------------------------------------------- |
//! | 0.00 s | `ann`, `bob`, `slow` and `hal` connect, and each sends its name                    |
//! | 0.10 s | `hal` sends half a line, and leaves                                                |
//! | 0.20 s | `bob` sends 30 photos, one every 10 ms: more than the system buffers for `slow`    |
//! | 0.60 s | `bob` sends 20 pings in one write, so that the server reads them all at once       |
//! | 0.70 s | `ann` asks "anyone there?"                                                         |
//! | 0.80 s | `bob` leaves: ends its side of the connection, and reads until the server ends its |
//! | 0.90 s | Ctrl-C: SIGINT to this process, and to nothing else                                |
//! | 1.10 s | `slow`, which has read nothing so far, reads                                       |
//!
//! `ann` and `bob` read all along, each on a thread of its own. After the photos, the pings and
//! the question, the script says so as soon as bob has his `OK`s and ann (or bob) the lines, or
//! what came if they do not come within 0.5 s. When the server has returned, [`Script::report`]
//! says whether it left tasks behind, what each client received, and whether the server closed
//! its connection. A server that does not handle Ctrl-C dies of it, as any program does; one that
//! is still running 1 s after it is stopped here, with exit code 1.
//!
//! The photos' size is measured, not guessed: `buffered_bytes` measures how much the system
//! buffers for a connection whose reader reads nothing (about 4 MB on a Linux of 2025), and a
//! photo is a twentieth of that: the 30 photos fill `slow`'s buffers on any machine, and the pings
//! then overflow its queue.

use std::io::{self, BufRead, BufReader, ErrorKind, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crate::{elapsed, say};

/// How many photos, and how many pings, `bob` sends.
const PHOTOS: u32 = 30;
const PINGS: u32 = 20;
/// How many lines the server's queue for a client holds (the handout's `QUEUE`).
const QUEUE: usize = 8;
/// The script's times, in seconds on the program's clock.
const HAL_LEAVES: f64 = 0.10;
const PHOTOS_FROM: f64 = 0.20;
const PHOTO_EVERY: f64 = 0.01;
const PINGS_AT: f64 = 0.60;
const ASK_AT: f64 = 0.70;
const BOB_LEAVES: f64 = 0.80;
const CTRL_C: f64 = 0.90;
const SLOW_READS: f64 = 1.10;
/// How long the script waits for what a step should bring, before it says what came.
const WAIT: Duration = Duration::from_millis(500);
/// How long the server has, after Ctrl-C, to return.
const GIVE_UP: Duration = Duration::from_secs(1);
/// How long a client waits for the end of its connection after the server has returned.
const AFTER_RETURN: Duration = Duration::from_millis(300);
/// How long the server has to call `ready`.
const READY_WITHIN: Duration = Duration::from_secs(1);

/// The clients, and what main tells them.
pub struct Script {
    address: mpsc::Sender<SocketAddr>,
    shared: Arc<Shared>,
    clients: Option<JoinHandle<Vec<String>>>,
}

/// What the threads share: when Ctrl-C was sent, and when the server returned.
#[derive(Default)]
struct Shared {
    ctrl_c: Mutex<Option<Instant>>,
    returned: Mutex<Option<Instant>>,
}

impl Shared {
    fn returned(&self) -> Option<Instant> {
        *self.returned.lock().unwrap()
    }

    /// Whether the server had its time after Ctrl-C.
    fn past_its_time(&self) -> bool {
        let ctrl_c = *self.ctrl_c.lock().unwrap();
        ctrl_c.is_some_and(|at| at.elapsed() >= GIVE_UP)
    }

    /// Whether a client should stop waiting for its connection to end: the server returned a
    /// while ago, or it is past its time.
    fn stop_waiting(&self) -> bool {
        self.returned()
            .is_some_and(|at| at.elapsed() >= AFTER_RETURN)
            || self.past_its_time()
    }
}

impl Script {
    /// Starts the clients' thread, which waits until [`Script::start`] gives it the address.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Script {
        let (address, addresses) = mpsc::channel();
        let shared = Arc::new(Shared::default());
        let clients = {
            let shared = shared.clone();
            thread::Builder::new()
                .name("clients".into())
                .spawn(move || run(shared, addresses))
                .expect("cannot start the clients' thread")
        };
        Script {
            address,
            shared,
            clients: Some(clients),
        }
    }

    /// The server listens on `addr`: the clients connect and the script begins.
    pub fn start(&self, addr: SocketAddr) {
        let _ = self.address.send(addr);
    }

    /// The server has returned `served`, leaving its executor empty or not: says so, waits for
    /// the clients to finish, and prints what each received.
    pub fn report(mut self, served: io::Result<()>, no_task_left: bool) {
        *self.shared.returned.lock().unwrap() = Some(Instant::now());
        match (&served, no_task_left) {
            (Ok(()), true) => say!("main: the server returned, and left no task unfinished"),
            (Ok(()), false) => say!(
                "main: the server returned, but left unfinished tasks on its executor \
                 (every task should end before serve returns)"
            ),
            (Err(e), _) => say!("main: the server returned an error: {e}"),
        }
        let clients = self.clients.take().expect("report is called once");
        for line in clients.join().expect("the clients' thread panicked") {
            say!("{line}");
        }
    }
}

/// One line a client received.
#[derive(Clone, Debug, PartialEq)]
enum Got {
    /// `bob: photo N ...`, whole.
    Photo(u32),
    /// `bob: photo N ...`, not of its size.
    Cut(u32),
    /// `bob: ping N`.
    Ping(u32),
    /// Any other line, without its `\n`.
    Text(String),
}

impl Got {
    fn text(text: &str) -> Got {
        Got::Text(text.to_string())
    }
}

/// What a client received, and how its connection ended, with a way to wait for either.
#[derive(Default)]
struct Inbox {
    received: Mutex<Received>,
    changed: Condvar,
}

#[derive(Default)]
struct Received {
    /// Each line, with when it came.
    lines: Vec<(Instant, Got)>,
    /// How the connection ended, once it has.
    end: Option<String>,
}

impl Inbox {
    fn push(&self, got: Got) {
        self.received
            .lock()
            .unwrap()
            .lines
            .push((Instant::now(), got));
        self.changed.notify_all();
    }

    fn end(&self, how: String) {
        self.received.lock().unwrap().end = Some(how);
        self.changed.notify_all();
    }

    /// The lines received so far.
    fn lines(&self) -> Vec<Got> {
        let received = self.received.lock().unwrap();
        received.lines.iter().map(|(_, got)| got.clone()).collect()
    }

    /// How the connection ended, as far as the client knows.
    fn ending(&self) -> String {
        let received = self.received.lock().unwrap();
        received
            .end
            .clone()
            .unwrap_or_else(|| "the connection is still open".into())
    }

    /// The lines received since `since`.
    fn lines_since(&self, since: Instant) -> Vec<Got> {
        let received = self.received.lock().unwrap();
        let lines = received.lines.iter().filter(|(at, _)| *at >= since);
        lines.map(|(_, got)| got.clone()).collect()
    }

    /// Waits until `done` holds for the lines received since `since`, or until `deadline`.
    /// Returns whether it holds.
    fn wait_for(&self, since: Instant, deadline: Instant, done: impl Fn(&[Got]) -> bool) -> bool {
        let mut received = self.received.lock().unwrap();
        loop {
            let lines = received.lines.iter().filter(|(at, _)| *at >= since);
            let lines: Vec<Got> = lines.map(|(_, got)| got.clone()).collect();
            if done(&lines) {
                return true;
            }
            let now = Instant::now();
            if now >= deadline || received.end.is_some() {
                return false;
            }
            received = self
                .changed
                .wait_timeout(received, deadline - now)
                .unwrap()
                .0;
        }
    }
}

/// The script. Returns the clients' report, one line each.
fn run(shared: Arc<Shared>, addresses: mpsc::Receiver<SocketAddr>) -> Vec<String> {
    let photo = photo_size(buffered_bytes().unwrap_or(4 << 20));
    let addr = match addresses.recv_timeout(READY_WITHIN) {
        Ok(addr) => addr,
        Err(_) => {
            if shared.returned().is_some() {
                return vec!["main: the server returned without calling `ready`".into()];
            }
            say!("main: the server did not call `ready` within 1 s; stopping here");
            std::process::exit(1);
        }
    };
    let connect = |name: &str| -> TcpStream {
        let stream = TcpStream::connect(addr)
            .and_then(|mut s| s.write_all(format!("{name}\n").as_bytes()).map(|()| s))
            .unwrap_or_else(|e| {
                say!("main: {name} cannot connect to {addr}: {e}; stopping here");
                std::process::exit(1);
            });
        stream
            .set_write_timeout(Some(WAIT))
            .expect("a write timeout");
        stream
    };
    let mut ann = connect("ann");
    let mut bob = connect("bob");
    let slow = connect("slow");
    let mut hal = connect("hal");
    say!("main: ann, bob, slow and hal join; slow reads nothing until 1.10 s");
    let (ann_inbox, ann_reader) = listen(&ann, &shared, photo);
    let (bob_inbox, bob_reader) = listen(&bob, &shared, photo);
    let ok = Got::text("OK");

    at(HAL_LEAVES);
    say!("hal: sends half a line, and leaves");
    let _ = hal.write_all(b"I was about to s");
    drop(hal);

    at(PHOTOS_FROM);
    say!("bob: sends {PHOTOS} photos over 0.3 s, more than the system buffers for slow");
    let since = Instant::now();
    let filler = "~".repeat(photo);
    for n in 1..=PHOTOS {
        at(PHOTOS_FROM + PHOTO_EVERY * f64::from(n));
        let head = format!("photo {n} ");
        let line = format!("{head}{}\n", &filler[head.len()..]);
        if bob.write_all(line.as_bytes()).is_err() {
            break; // the server stopped reading bob: the check below says so
        }
    }
    let photos: Vec<Got> = (1..=PHOTOS).map(Got::Photo).collect();
    let deadline = Instant::now() + WAIT;
    let oks = |got: &[Got]| got.iter().filter(|g| **g == ok).count();
    let acknowledged = bob_inbox.wait_for(since, deadline, |got| oks(got) == PHOTOS as usize);
    let delivered = ann_inbox.wait_for(since, deadline, |got| got == photos);
    if acknowledged && delivered {
        say!("bob: all {PHOTOS} photos acknowledged, and ann got them, in order");
    } else {
        say!(
            "bob: {} of the {PHOTOS} photos acknowledged; ann got {}",
            oks(&bob_inbox.lines_since(since)),
            summary(&ann_inbox.lines_since(since))
        );
    }

    at(PINGS_AT);
    say!("bob: sends {PINGS} pings at once");
    let since = Instant::now();
    let pings: String = (1..=PINGS).map(|n| format!("ping {n}\n")).collect();
    let _ = bob.write_all(pings.as_bytes());
    let pings: Vec<Got> = (1..=PINGS).map(Got::Ping).collect();
    let deadline = Instant::now() + WAIT;
    let acknowledged = bob_inbox.wait_for(since, deadline, |got| oks(got) == PINGS as usize);
    let delivered = ann_inbox.wait_for(since, deadline, |got| got == pings);
    if acknowledged && delivered {
        say!("bob: all {PINGS} pings acknowledged, and ann got them, in order");
    } else {
        say!(
            "bob: {} of the {PINGS} pings acknowledged; ann got {}",
            oks(&bob_inbox.lines_since(since)),
            summary(&ann_inbox.lines_since(since))
        );
    }

    at(ASK_AT);
    say!("ann: asks \"anyone there?\"");
    let since = Instant::now();
    let _ = ann.write_all(b"anyone there?\n");
    let question = Got::text("ann: anyone there?");
    let deadline = Instant::now() + WAIT;
    let acknowledged = ann_inbox.wait_for(since, deadline, |got| got.contains(&ok));
    let delivered = bob_inbox.wait_for(since, deadline, |got| got.contains(&question));
    match (acknowledged, delivered) {
        (true, true) => say!("ann: got OK, and bob got the question"),
        (false, true) => say!("ann: no OK within 0.5 s, though bob got the question"),
        (true, false) => say!("ann: got OK, but bob not the question within 0.5 s"),
        (false, false) => say!("ann: no OK, and bob no question, within 0.5 s"),
    }

    at(BOB_LEAVES);
    say!("bob: leaves");
    let _ = bob.shutdown(Shutdown::Write);

    at(CTRL_C);
    if shared.returned().is_some() {
        say!("main: the server returned before Ctrl-C, which is not sent");
    } else {
        say!("main: Ctrl-C (SIGINT)");
        *shared.ctrl_c.lock().unwrap() = Some(Instant::now());
        ctrl_c();
    }

    at(SLOW_READS);
    say!("slow: starts reading");
    let slow_inbox = Inbox::default();
    receive(slow, &shared, photo, &slow_inbox);
    let ended = ann_reader.join().is_ok() && bob_reader.join().is_ok();
    assert!(ended, "a client's thread panicked");

    // The watchdog: a server still running now will not stop.
    while shared.returned().is_none() {
        if shared.past_its_time() {
            say!("main: the server is still running, 1 s after Ctrl-C; stopping here");
            for line in report(&ann_inbox, &bob_inbox, &slow_inbox) {
                say!("{line}");
            }
            std::process::exit(1);
        }
        thread::sleep(Duration::from_millis(10));
    }
    report(&ann_inbox, &bob_inbox, &slow_inbox)
}

/// Each client's line: what it received, and how its connection ended.
fn report(ann: &Inbox, bob: &Inbox, slow: &Inbox) -> Vec<String> {
    // What slow must have: the first photos (all that the system buffered for it, and the one
    // the server was writing when that was full), then the newest lines, which its queue kept.
    let newest: Vec<Got> = (PINGS + 2 - QUEUE as u32..=PINGS)
        .map(Got::Ping)
        .chain([Got::text("ann: anyone there?")])
        .collect();
    let slow_got = slow.lines();
    let first = slow_got.len().saturating_sub(QUEUE);
    let slow_ok = slow_got.ends_with(&newest)
        && (1..=PHOTOS as usize).contains(&first)
        && slow_got[..first]
            .iter()
            .zip(1..)
            .all(|(got, n)| *got == Got::Photo(n));
    let slow_says = if slow_ok {
        format!(
            "the first photos (all that the system buffered), then the newest {QUEUE} lines: {}",
            summary(&newest)
        )
    } else {
        summary(&slow_got)
    };
    vec![
        format!("ann: received {}; {}", summary(&ann.lines()), ann.ending()),
        format!("bob: received {}; {}", summary(&bob.lines()), bob.ending()),
        format!("slow: received {slow_says}; {}", slow.ending()),
    ]
}

/// Starts a thread that receives what `stream` brings into an inbox.
fn listen(stream: &TcpStream, shared: &Arc<Shared>, photo: usize) -> (Arc<Inbox>, JoinHandle<()>) {
    let inbox = Arc::new(Inbox::default());
    let stream = stream.try_clone().expect("a clone of a stream");
    let (shared, filled) = (shared.clone(), inbox.clone());
    let reader = thread::spawn(move || receive(stream, &shared, photo, &filled));
    (inbox, reader)
}

/// Receives lines from `stream` into `inbox` until the connection ends, or until the script
/// stops waiting for it to.
fn receive(stream: TcpStream, shared: &Shared, photo: usize, inbox: &Inbox) {
    stream
        .set_read_timeout(Some(Duration::from_millis(50)))
        .expect("a read timeout");
    let mut reader = BufReader::with_capacity(1 << 16, stream);
    let mut line = Vec::new();
    let end = loop {
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break "the server closed the connection".to_string(),
            Ok(_) if line.ends_with(b"\n") => {
                line.pop();
                inbox.push(parse(&line, photo));
                line.clear();
            }
            Ok(_) => {
                break format!(
                    "the server closed the connection in the middle of a line ({})",
                    summary(&[parse(&line, photo)])
                );
            }
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                if shared.stop_waiting() {
                    break match shared.returned() {
                        Some(_) => "the connection is still open, 0.3 s after the server returned"
                            .to_string(),
                        None => "the connection is still open".to_string(),
                    };
                }
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => break format!("the connection failed: {e}"),
        }
    };
    inbox.end(end);
}

/// A line as received, without its `\n`.
fn parse(line: &[u8], photo: usize) -> Got {
    // Only a photo's head is read: the rest is filler, and a photo is big.
    let head = String::from_utf8_lossy(&line[..line.len().min(40)]);
    if let Some(rest) = head.strip_prefix("bob: photo ")
        && let Some(number) = rest.split(' ').next()
        && let Ok(n) = number.parse()
    {
        return if line.len() == "bob: ".len() + photo {
            Got::Photo(n)
        } else {
            Got::Cut(n)
        };
    }
    let text = String::from_utf8_lossy(line);
    match text.strip_prefix("bob: ping ").map(str::parse) {
        Some(Ok(n)) => Got::Ping(n),
        _ => Got::Text(text.into_owned()),
    }
}

/// Lines in a few words: `photos 1 to 40, pings 1 to 20, 2 × "OK", "ann: anyone there?"`.
fn summary(lines: &[Got]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let mut j = i + 1;
        let mut run = |kind: &str, first: u32, next: fn(u32) -> Got| {
            while j < lines.len() && lines[j] == next(first + (j - i) as u32) {
                j += 1;
            }
            let last = first + (j - i - 1) as u32;
            parts.push(if last == first {
                format!("{kind} {first}")
            } else {
                format!("{kind}s {first} to {last}")
            });
        };
        match &lines[i] {
            Got::Photo(first) => run("photo", *first, Got::Photo),
            Got::Ping(first) => run("ping", *first, Got::Ping),
            Got::Cut(n) => parts.push(format!("photo {n} cut short")),
            Got::Text(text) => {
                while j < lines.len() && lines[j] == lines[i] {
                    j += 1;
                }
                let shown: String = text.chars().take(40).collect();
                let more = if shown.len() < text.len() { "..." } else { "" };
                parts.push(match j - i {
                    1 => format!("{shown:?}{more}"),
                    n => format!("{n} × {shown:?}{more}"),
                });
            }
        }
        i = j;
    }
    if parts.is_empty() {
        "nothing".into()
    } else {
        parts.join(", ")
    }
}

/// Sleeps until `seconds` on the program's clock.
fn at(seconds: f64) {
    let now = elapsed().as_secs_f64();
    if seconds > now {
        thread::sleep(Duration::from_secs_f64(seconds - now));
    }
}

/// Sends SIGINT to this process, as Ctrl-C in a terminal does, and to nothing else: `kill(2)`
/// with its own pid, from the C library that std already links (a `kill` command would be a
/// child, left behind when the signal ends the program).
fn ctrl_c() {
    /// SIGINT's number on Linux and macOS.
    const SIGINT: i32 = 2;
    unsafe extern "C" {
        fn kill(pid: i32, signal: i32) -> i32;
    }
    let pid = std::process::id() as i32;
    // SAFETY: kill(2) takes two integers and touches no memory of ours.
    if unsafe { kill(pid, SIGINT) } != 0 {
        say!("main: cannot send SIGINT: {}", io::Error::last_os_error());
    }
}

/// The size of a photo, for a system that buffers `buffered` bytes for a connection whose
/// reader reads nothing: the 30 photos are one and a half times that.
fn photo_size(buffered: usize) -> usize {
    (buffered / 20).max(16 << 10)
}

/// How many bytes the system buffers for a connection on 127.0.0.1 whose reader reads nothing:
/// what a writer can write before a write would block.
fn buffered_bytes() -> io::Result<usize> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let reader = TcpStream::connect(listener.local_addr()?)?;
    let (mut writer, _) = listener.accept()?;
    writer.set_nonblocking(true)?;
    let chunk = vec![0u8; 64 << 10];
    let mut total = 0;
    let mut blocked = 0;
    // Writes until a write would block three times in a row, a millisecond apart: the system
    // may still be growing the buffers at the first.
    while blocked < 3 {
        match writer.write(&chunk) {
            Ok(n) => {
                total += n;
                blocked = 0;
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => {
                blocked += 1;
                thread::sleep(Duration::from_millis(1));
            }
            Err(e) => return Err(e),
        }
    }
    drop(reader);
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_groups_runs() {
        let lines = [
            Got::Photo(1),
            Got::Photo(2),
            Got::Photo(3),
            Got::Photo(5),
            Got::Cut(6),
            Got::Ping(1),
            Got::Ping(2),
            Got::text("OK"),
            Got::text("OK"),
            Got::text("ann: anyone there?"),
        ];
        assert_eq!(
            summary(&lines),
            "photos 1 to 3, photo 5, photo 6 cut short, pings 1 to 2, 2 × \"OK\", \
             \"ann: anyone there?\""
        );
        assert_eq!(summary(&[]), "nothing");
    }

    #[test]
    fn lines_are_read_as_photos_pings_or_text() {
        let photo = format!("bob: photo 7 {}", "~".repeat(100 - "photo 7 ".len()));
        assert_eq!(parse(photo.as_bytes(), 100), Got::Photo(7));
        assert_eq!(parse(&photo.as_bytes()[..50], 100), Got::Cut(7));
        assert_eq!(parse(b"bob: ping 12", 100), Got::Ping(12));
        assert_eq!(parse(b"hal: I was", 100), Got::text("hal: I was"));
    }

    #[test]
    fn slow_is_judged_by_the_newest_lines() {
        let ended = Inbox::default();
        let newest = (14..=PINGS)
            .map(Got::Ping)
            .chain([Got::text("ann: anyone there?")]);
        for got in (1..=21).map(Got::Photo).chain(newest) {
            ended.push(got);
        }
        ended.end("the server closed the connection".into());
        let empty = Inbox::default();
        let lines = report(&empty, &empty, &ended);
        assert!(lines[2].contains("then the newest 8 lines"), "{}", lines[2]);
        // Every line, nothing dropped: not what a queue of 8 gives.
        let all = Inbox::default();
        for got in (1..=PHOTOS)
            .map(Got::Photo)
            .chain((1..=PINGS).map(Got::Ping))
        {
            all.push(got);
        }
        let lines = report(&empty, &empty, &all);
        assert_eq!(
            lines[2],
            "slow: received photos 1 to 30, pings 1 to 20; the connection is still open"
        );
    }
}
