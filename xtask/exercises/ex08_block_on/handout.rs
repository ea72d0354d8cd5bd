//! Write `block_on`: poll the future, and park the thread until its waker unparks it.
//!
//! Expected: the timer finishes after 200 ms and `block_on` returns 7, after polling the job
//! twice.
//! Run it: `cargo exercise ex08_block_on`
//! Check it: `cargo xtask check ex08_block_on`
//!
//! Hint: make a `Waker` from an `Arc` of a type that implements `std::task::Wake`: its `wake`
//! sets an `AtomicBool` flag, then calls `unpark()` on the thread that runs `block_on`
//! (`std::thread::current()`). Loop: poll; on `Pending`, park until the flag says a wake-up came
//! (`while !woken.swap(false, Ordering::Acquire) { thread::park() }`): `park` can return for no
//! reason, and its token can be used up by someone else. `poll` needs the future pinned: pin it
//! once with `std::pin::pin!`, then poll `future.as_mut()` (see the book's page "The Future trait
//! in one page").

use std::cell::Cell;
use std::future::{self, Future};
use std::pin::pin;
use std::time::Duration;

use smol::Timer;
use workbook::say;

fn block_on<F: Future>(_future: F) -> F::Output {
    // TODO: drive the future to completion on this thread (rename `_future` to `future`).
    todo!("write block_on")
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
