//! A function that takes an async function: `F: Fn(I) -> Fut, Fut: Future<Output = O>`.
//!
//! `time_each` calls `f` on each input in turn, awaits it, and says how long each call took:
//! what a Python decorator or helper does with `await f(x)`. It accepts an `async fn` and a
//! closure that returns an async block alike, since both are functions that return a future.
//! Run it with `cargo run --example beyond_closure_time_each`.

use std::future::Future;
use std::time::{Duration, Instant};

use smol::Timer;
use workbook::say;

// ANCHOR: helper
/// Calls `f` on each input, one at a time, and says how long each call took.
async fn time_each<I, O, F, Fut>(f: F, inputs: Vec<I>) -> Vec<O>
where
    F: Fn(I) -> Fut,
    Fut: Future<Output = O>,
{
    let mut outputs = Vec::new();
    for input in inputs {
        let start = Instant::now();
        outputs.push(f(input).await); // a new future from each call, awaited at once
        say!("  that call took {:.2} s", start.elapsed().as_secs_f64());
    }
    outputs
}
// ANCHOR_END: helper

// ANCHOR: main
/// Page `n` takes `n` * 100 ms to fetch.
async fn fetch(page: u64) -> String {
    Timer::after(Duration::from_millis(100 * page)).await;
    format!("page {page}")
}

fn main() {
    smol::block_on(async {
        say!("an async fn");
        let pages = time_each(fetch, vec![1, 3]).await;
        say!("{pages:?}");

        say!("a closure that captures extra = 100");
        let extra = 100; // captured by the closure, copied into each future
        let slower = move |ms: u64| async move {
            Timer::after(Duration::from_millis(ms + extra)).await;
            ms + extra
        };
        let waited = time_each(slower, vec![100, 0]).await;
        say!("{waited:?}");
    });
}
// ANCHOR_END: main
