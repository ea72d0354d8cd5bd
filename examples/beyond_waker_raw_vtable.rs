//! A waker by hand: a `RawWaker` and its four functions, each call counted through a `block_on`.
//!
//! The waker's data is an `Arc` turned into a raw pointer; `clone` and `drop` keep its count,
//! `wake` and `wake_by_ref` unpark the `block_on` thread. The future awaits a smol `Timer` and
//! yields once. Run it with `cargo run --example beyond_waker_raw_vtable`.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};
use std::thread::{self, Thread};
use std::time::Duration;

use smol::{Timer, future};
use workbook::{say, thread_name};

// ANCHOR: vtable
/// What a waker points at: the thread to unpark, and a note that a wake-up came.
struct Signal {
    thread: Thread,
    woken: AtomicBool,
}

impl Signal {
    fn notify(&self) {
        self.woken.store(true, Ordering::Release);
        self.thread.unpark();
    }
}

static VTABLE: RawWakerVTable = RawWakerVTable::new(clone, wake, wake_by_ref, drop_waker);
static CALLS: [AtomicUsize; 4] = [const { AtomicUsize::new(0) }; 4];

fn count(i: usize, name: &str) {
    CALLS[i].fetch_add(1, Ordering::Relaxed);
    say!("  {name}, on {}", thread_name());
}

// Each function gets `data`, the pointer of a live waker: `Arc::into_raw` of a `Signal`. A waker
// owns one count of that Arc; so does each clone.
unsafe fn clone(data: *const ()) -> RawWaker {
    count(0, "clone");
    // SAFETY: `data` is a live Arc pointer (see above). One more count, for the new waker.
    unsafe { Arc::increment_strong_count(data.cast::<Signal>()) };
    RawWaker::new(data, &VTABLE)
}

unsafe fn wake(data: *const ()) {
    count(1, "wake");
    // SAFETY: takes over this waker's count; it is released when `signal` goes out of scope.
    let signal = unsafe { Arc::from_raw(data.cast::<Signal>()) };
    signal.notify();
}

unsafe fn wake_by_ref(data: *const ()) {
    count(2, "wake_by_ref");
    // SAFETY: borrows the Signal; this waker keeps its count.
    unsafe { &*data.cast::<Signal>() }.notify();
}

unsafe fn drop_waker(data: *const ()) {
    count(3, "drop");
    // SAFETY: releases this waker's count.
    drop(unsafe { Arc::from_raw(data.cast::<Signal>()) });
}
// ANCHOR_END: vtable

// ANCHOR: block_on
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let signal = Arc::new(Signal {
        thread: thread::current(),
        woken: AtomicBool::new(false),
    });
    let data = Arc::into_raw(signal.clone()).cast::<()>();
    // SAFETY: the four functions keep RawWakerVTable's contract, from any thread (the counts
    // are atomic; Signal is Send + Sync), and `data` owns one count of the Arc.
    let waker = unsafe { Waker::from_raw(RawWaker::new(data, &VTABLE)) };
    let mut cx = Context::from_waker(&waker);
    let mut polls = 0;
    let output = loop {
        polls += 1;
        say!("block_on: poll {polls}");
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            break output;
        }
        while !signal.woken.swap(false, Ordering::Acquire) {
            thread::park();
        }
    };
    drop(waker); // block_on's own waker: the last `drop`
    output
}
// ANCHOR_END: block_on

// ANCHOR: main
fn main() {
    block_on(async {
        say!("awaiting a 100 ms Timer");
        Timer::after(Duration::from_millis(100)).await;
        say!("yielding once");
        future::yield_now().await;
        say!("the future is done");
    });
    let [clones, wakes, by_ref, drops] = CALLS.each_ref().map(|c| c.load(Ordering::Relaxed));
    say!("clone {clones}, wake {wakes}, wake_by_ref {by_ref}, drop {drops}");
}
// ANCHOR_END: main
