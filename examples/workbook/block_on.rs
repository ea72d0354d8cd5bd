//! A `block_on` built from scratch, for the chapter "How a sleeping task wakes up": poll the
//! future; while it is `Pending`, park the thread until its waker says that a wake-up came.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};

use crate::{say, thread_name};

// ANCHOR: block_on
/// The waker of one `block_on` call: it notes the wake-up, then unparks the waiting thread.
struct Unparker {
    thread: Thread,
    /// Set by every wake-up, cleared by `block_on` before it polls again.
    woken: AtomicBool,
}

impl Wake for Unparker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        say!("[{}] wake(): unparking the block_on thread", thread_name());
        // Release, paired with `block_on`'s Acquire: what this thread did before `wake()` (such
        // as setting `done`) is visible to the poll that the wake-up causes.
        self.woken.store(true, Ordering::Release);
        self.thread.unpark();
    }
}

/// Runs `future` to the end on this thread, sleeping while it cannot make progress.
pub fn block_on<F: Future>(future: F) -> F::Output {
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
        say!("[{}] block_on: Pending, so park this thread", thread_name());
        // Park until a wake-up has come. One that came already (during the poll, or since) is in
        // `woken`, so we do not park at all. `park` may also return for no reason: then `woken`
        // is still false, and we park again.
        while !unparker.woken.swap(false, Ordering::Acquire) {
            thread::park();
        }
        say!("[{}] block_on: woken up, poll again", thread_name());
    }
}
// ANCHOR_END: block_on
