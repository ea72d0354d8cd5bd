//! A `block_on` from scratch: poll the future; on `Pending`, park the thread until a wake-up.
//!
//! Its waker unparks the thread that called `block_on`. It drives the hand-made `ThreadTimer`.
//! Run it with `cargo run --example block_on_by_hand`.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};
use std::time::Duration;

use workbook::thread_timer::ThreadTimer;
use workbook::{say, thread_name};

// ANCHOR: block_on
/// Wakes a task by unparking the thread that runs it.
struct Unparker(Thread);

impl Wake for Unparker {
    fn wake(self: Arc<Self>) {
        say!(
            "[{}] wake(): unparking the {:?} thread",
            thread_name(),
            self.0.name().unwrap()
        );
        self.0.unpark();
    }
}

/// Runs `future` to the end on this thread, sleeping while it cannot make progress.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let waker = Waker::from(Arc::new(Unparker(thread::current())));
    let mut cx = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
        say!("[{}] block_on: Pending, so park this thread", thread_name());
        // Sleeps until `unpark` is called. It may also return early, for no reason at all: that
        // is fine, the loop just polls again.
        thread::park();
        say!("[{}] block_on: unparked, poll again", thread_name());
    }
}
// ANCHOR_END: block_on

// ANCHOR: main
fn main() {
    let answer = block_on(async {
        say!("[{}] the future starts", thread_name());
        ThreadTimer::after(Duration::from_millis(500)).await;
        42
    });
    say!("[{}] block_on returned {answer}", thread_name());
}
// ANCHOR_END: main
