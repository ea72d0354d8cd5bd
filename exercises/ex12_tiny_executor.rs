//! Write `run_all`: a single-threaded executor whose ready queue the wakers fill.
//!
//! Give each future a waker of its own, which puts the future's number in a shared ready queue
//! and unparks the executor's thread. `run_all` polls only the futures in that queue, parks the
//! thread while the queue is empty, and returns once every future is done. Each future says when
//! it is polled: `a`, `b` and `c` wait for timers (`a` until 0.10 and 0.40 s, `b` until 0.30 s,
//! `c` until 0.20 and 0.50 s), and `d` yields twice; at the end, `main` prints how often each was
//! polled, which is once more than it was woken.
//!
//! Run it: `cargo exercise ex12_tiny_executor`
//! Check it: `cargo xtask check ex12_tiny_executor`

// Until your code uses `futures` (then delete this line):
#![allow(unused_variables)]

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::time::Duration;

use async_io::Timer;
use futures_lite::future;
use workbook::say;

type BoxedFuture = Pin<Box<dyn Future<Output = ()>>>;

/// Runs every future to its end on this thread, polling each only when its waker asked for it.
fn run_all(futures: Vec<BoxedFuture>) {
    // TODO: a ready queue that starts with every future's number, and a waker for each future
    // that queues its number and unparks this thread. Then, until every future is done: take a
    // number from the queue and poll that future; or, with the queue empty, park.
    todo!()
}

/// `future`, saying each time it is polled, and counting its polls in `polls`.
fn watched(
    name: &'static str,
    future: impl Future<Output = ()> + 'static,
) -> (BoxedFuture, Rc<Cell<u32>>) {
    let polls = Rc::new(Cell::new(0));
    let counted = polls.clone();
    let mut future = Box::pin(future);
    let watched = future::poll_fn(move |cx| {
        counted.set(counted.get() + 1);
        let answer = future.as_mut().poll(cx);
        let what = if answer.is_ready() { "done" } else { "Pending" };
        say!("{name}: poll {} -> {what}", counted.get());
        answer
    });
    (Box::pin(watched), polls)
}

fn main() {
    // `async_io::Timer` has a thread of its own to wake it (async-io's reactor thread), so it
    // works under any executor, this one too.
    let (a, a_polls) = watched("a", async {
        Timer::after(Duration::from_millis(100)).await;
        Timer::after(Duration::from_millis(300)).await;
    });
    let (b, b_polls) = watched("b", async {
        Timer::after(Duration::from_millis(300)).await;
    });
    let (c, c_polls) = watched("c", async {
        Timer::after(Duration::from_millis(200)).await;
        Timer::after(Duration::from_millis(300)).await;
    });
    // `yield_now` wakes its task during the poll, and answers `Pending`: poll me again soon.
    let (d, d_polls) = watched("d", async {
        future::yield_now().await;
        future::yield_now().await;
    });
    run_all(vec![a, b, c, d]);
    say!(
        "main: run_all returned; polls: a {}, b {}, c {}, d {}",
        a_polls.get(),
        b_polls.get(),
        c_polls.get(),
        d_polls.get()
    );
}
