//! Solution: a waker that notes the wake-up and unparks this thread, and a loop that parks
//! until a wake-up has come.

use std::cell::Cell;
use std::future::{self, Future};
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};
use std::time::Duration;

use smol::Timer;
use workbook::say;

struct Unparker {
    thread: Thread,
    /// Set by a wake-up, cleared before each poll: a wake-up is never lost, even if something
    /// else (a nested `park`) used up the thread's unpark token.
    woken: AtomicBool,
}

impl Wake for Unparker {
    fn wake(self: Arc<Self>) {
        self.woken.store(true, Ordering::Release);
        self.thread.unpark();
    }
}

fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let unparker = Arc::new(Unparker {
        thread: thread::current(),
        woken: AtomicBool::new(false),
    });
    let waker = Waker::from(unparker.clone());
    let mut cx = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
        // `park` may return without a wake-up; only a set flag means one came.
        while !unparker.woken.swap(false, Ordering::Acquire) {
            thread::park();
        }
    }
}

fn main() {
    let mut job = pin!(async {
        say!("start");
        Timer::after(Duration::from_millis(200)).await;
        say!("timer done");
        7
    });
    // The job, counting how often `block_on` polls it: once to start it, once more when the
    // timer wakes it. A `block_on` that polls again without waiting for a wake-up polls more.
    let polls = Cell::new(0);
    let counted = future::poll_fn(|cx| {
        polls.set(polls.get() + 1);
        job.as_mut().poll(cx)
    });
    let answer = block_on(counted);
    say!("block_on returned {answer}, after {} polls", polls.get());
}
