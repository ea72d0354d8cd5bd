//! Who gets control at an `.await`? Every poll traced, from a task down to a timer and back.
//!
//! `Pending` travels up through each caller to the task, and so back to the executor, which
//! runs another task. After the wake-up, the next poll comes down the same chain. Run it with
//! `cargo run --example await_chain_trace`.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;

// ANCHOR: chain
async fn outer() {
    traced("middle()", middle()).await;
}

async fn middle() {
    traced("inner()", inner()).await;
}

async fn inner() {
    let timer = Timer::after(Duration::from_millis(100));
    traced("timer", loud_waker(timer)).await;
}
// ANCHOR_END: chain

// ANCHOR: main
fn main() {
    let ex = LocalExecutor::new();
    let task = ex.spawn(traced("task outer()", outer()));
    let other = ex.spawn(async { say!("(the executor runs another task)") });
    smol::block_on(ex.run(async {
        task.await;
        other.await;
    }));
}
// ANCHOR_END: main

// ANCHOR: traced
thread_local! {
    /// How deep the current poll is: each traced poll inside another is indented one step more.
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// A future that logs every poll of `future` and what it returned.
struct Traced<F> {
    name: &'static str,
    future: Pin<Box<F>>,
}

fn traced<F: Future>(name: &'static str, future: F) -> Traced<F> {
    Traced {
        name,
        future: Box::pin(future),
    }
}

impl<F: Future> Future for Traced<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let depth = DEPTH.get();
        let indent = "    ".repeat(depth);
        say!("{indent}poll {}", self.name);
        DEPTH.set(depth + 1);
        let result = self.future.as_mut().poll(cx);
        DEPTH.set(depth);
        let verdict = if result.is_ready() {
            "Ready"
        } else {
            "Pending"
        };
        say!("{indent}{} returns {verdict}", self.name);
        result
    }
}
// ANCHOR_END: traced

// ANCHOR: loud
/// Polls `future` with a waker that announces each wake-up, then wakes the real waker.
async fn loud_waker<F: Future>(future: F) -> F::Output {
    let mut future = Box::pin(future);
    std::future::poll_fn(|cx| {
        let waker = Waker::from(Arc::new(Loud(cx.waker().clone())));
        future.as_mut().poll(&mut Context::from_waker(&waker))
    })
    .await
}

struct Loud(Waker);

impl Wake for Loud {
    fn wake(self: Arc<Self>) {
        say!("the timer is due: its waker's wake() is called");
        self.0.wake_by_ref();
    }
}
// ANCHOR_END: loud
