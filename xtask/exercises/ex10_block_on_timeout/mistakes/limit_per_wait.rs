//! Mistake: it gives each wait the whole limit, and gives up only when one wait ends without a
//! wake-up: a job whose steps are each shorter than the limit is never cut off.

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
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return Some(output);
        }
        if !unparker.woken.swap(false, Ordering::Acquire) {
            thread::park_timeout(limit);
            if !unparker.woken.swap(false, Ordering::Acquire) {
                return None;
            }
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
