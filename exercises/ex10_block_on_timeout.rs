//! Write `block_on_timeout`: run a future on this thread, but give up on it at a deadline.
//!
//! It starts as the book's `block_on`, which polls, then parks until the waker says a wake-up
//! came, for as long as it takes. Make it give up once `limit` has passed since the call: return
//! `None`, dropping the future (whose guard says so), in the middle of a wait, and also when the
//! future keeps waking itself and the thread never parks. The first run ends with `Some(1)` at
//! 0.10 s; the second gives up at 0.35 s, during a wait; the third at 0.65 s, after the poll that
//! overran its deadline at 0.60 s (a poll cannot be cut short).
//!
//! Run it: `cargo exercise ex10_block_on_timeout`
//! Check it: `cargo xtask check ex10_block_on_timeout`

// Until your code uses `limit` (then delete this line):
#![allow(unused_variables)]

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};
use std::time::Duration;

use smol::{Timer, future};
use workbook::say;

/// The waker of one call: it notes the wake-up, then unparks the thread (as in the book).
struct Unparker {
    thread: Thread,
    woken: AtomicBool,
}

impl Wake for Unparker {
    fn wake(self: Arc<Self>) {
        self.woken.store(true, Ordering::Release);
        self.thread.unpark();
    }
}

/// Runs `future` on this thread until it is done (`Some(output)`), or until `limit` has passed
/// since the call (`None`; the future is dropped on the way out).
fn block_on_timeout<F: Future>(future: F, limit: Duration) -> Option<F::Output> {
    let mut future = pin!(future);
    let unparker = Arc::new(Unparker {
        thread: thread::current(),
        woken: AtomicBool::new(false),
    });
    let waker = Waker::from(unparker.clone());
    let mut cx = Context::from_waker(&waker);
    // TODO: this is the book's `block_on`, which waits as long as it takes. Give up once `limit`
    // has passed: in the middle of a wait (`thread::park_timeout` parks no longer than it is
    // told, and may return sooner, for no reason), and also when every poll leaves a wake-up
    // behind, so that the thread never parks at all.
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return Some(output);
        }
        while !unparker.woken.swap(false, Ordering::Acquire) {
            thread::park();
        }
    }
}

/// Says so if it is dropped before the end of the future that holds it.
struct Unfinished {
    name: &'static str,
    finished: bool,
}

impl Drop for Unfinished {
    fn drop(&mut self) {
        if !self.finished {
            say!("{}: dropped before its end", self.name);
        }
    }
}

/// Waits for a 100 ms timer, `steps` times: between polls, the thread can park.
async fn job(steps: u32) -> u32 {
    let mut guard = Unfinished {
        name: "job",
        finished: false,
    };
    for step in 1..=steps {
        Timer::after(Duration::from_millis(100)).await;
        say!("job: step {step} of {steps} done");
    }
    guard.finished = true;
    steps
}

/// Computes in slices of 100 ms, and yields after each, as a long computation should: it waits
/// for nothing, and each poll leaves a wake-up behind (`yield_now` wakes its task at once).
async fn crunch(slices: u32) -> u32 {
    let mut guard = Unfinished {
        name: "crunch",
        finished: false,
    };
    for slice in 1..=slices {
        thread::sleep(Duration::from_millis(100)); // stands for 100 ms of computation
        say!("crunch: slice {slice} of {slices} done");
        future::yield_now().await;
    }
    guard.finished = true;
    slices
}

fn run(what: &str, future: impl Future<Output = u32>, limit: Duration) {
    say!("{what}, under a {} ms limit", limit.as_millis());
    say!("main: got {:?}", block_on_timeout(future, limit));
}

fn main() {
    let limit = Duration::from_millis(300);
    run("a job of 1 step", job(1), limit);
    let limit = Duration::from_millis(250);
    run("-- again: a job of 5 steps", job(5), limit);
    run("-- again: 5 slices of work", crunch(5), limit);
}
