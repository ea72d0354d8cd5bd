//! The real thing: which thread calls a `smol::Timer`'s waker, and how soon after the deadline.
//!
//! With futures-lite's `block_on`, which never runs smol's reactor, the "async-io" thread does;
//! with `smol::block_on`, whichever thread holds the reactor at the time. Run it with
//! `cargo run --example smol_timer_wakeup`.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Wake, Waker};
use std::time::{Duration, Instant};

use smol::Timer;
use workbook::{say, thread_name};

// ANCHOR: spy
/// A waker that notes who wakes it, and when, before waking the real one.
struct Spy {
    deadline: Instant,
    inner: Waker,
    seen: Seen,
}

/// What a spy saw: printed as it happens, or kept to be counted.
#[derive(Clone)]
enum Seen {
    Print,
    Keep(Arc<Mutex<Vec<String>>>),
}

impl Seen {
    fn note(&self, line: String) {
        match self {
            Seen::Print => say!("  {line}"),
            Seen::Keep(lines) => lines.lock().unwrap().push(line),
        }
    }
}

impl Wake for Spy {
    fn wake(self: Arc<Self>) {
        let late = Instant::now().saturating_duration_since(self.deadline);
        let when = if late < Duration::from_millis(50) {
            "within 50 ms of"
        } else {
            "long after"
        };
        let thread = thread_name();
        self.seen.note(format!(
            "wake() called on the {thread:?} thread, {when} the deadline"
        ));
        self.inner.wake_by_ref();
    }
}

/// Awaits a 100 ms `Timer`, handing it a `Spy` in place of the task's own waker.
async fn spied_sleep(seen: Seen) {
    let deadline = Instant::now() + Duration::from_millis(100);
    let mut timer = Timer::at(deadline);
    std::future::poll_fn(|cx| {
        let spy = Spy {
            deadline,
            inner: cx.waker().clone(),
            seen: seen.clone(),
        };
        let spy = Waker::from(Arc::new(spy));
        let poll = Pin::new(&mut timer).poll(&mut Context::from_waker(&spy));
        let result = if poll.is_ready() { "Ready" } else { "Pending" };
        let thread = thread_name();
        seen.note(format!("timer polled on the {thread:?} thread: {result}"));
        poll.map(|_| ())
    })
    .await;
}
// ANCHOR_END: spy

// ANCHOR: main
fn main() {
    say!("futures_lite::future::block_on: parks this thread, never runs the reactor");
    futures_lite::future::block_on(spied_sleep(Seen::Print));

    say!("smol::block_on: runs the reactor on this thread, if no other thread is running it");
    let seen = Arc::new(Mutex::new(Vec::new()));
    for _ in 0..10 {
        smol::block_on(spied_sleep(Seen::Keep(seen.clone())));
    }
    let seen = seen.lock().unwrap();
    let threads: Vec<&String> = seen
        .iter()
        .filter(|line| line.starts_with("wake"))
        .collect();
    let main = threads
        .iter()
        .filter(|l| l.contains("\"main\" thread, within"))
        .count();
    let helper = threads
        .iter()
        .filter(|l| l.contains("\"async-io\" thread, within"))
        .count();
    say!("  10 sleeps: woken by main {main} times, by async-io {helper} times");
    say!(
        "  woken on time by one of the two: {} of {}",
        main + helper,
        threads.len()
    );
}
// ANCHOR_END: main
