//! `AsyncFn`, `AsyncFnMut`, `AsyncFnOnce`: what each lets the function that takes it do.
//!
//! Like `Fn`, `FnMut` and `FnOnce`, they say how the callee may call the closure: many times,
//! even two calls at once (`AsyncFn`); many times, one call at a time, while the closure changes
//! what it captured (`AsyncFnMut`); or once, so the closure may give away what it captured
//! (`AsyncFnOnce`). Run it with `cargo run --example beyond_closure_kinds`.

use std::time::Duration;

use smol::{Timer, future};
use workbook::say;

// ANCHOR: helpers
/// Two calls at once: both futures borrow `f` at the same time, which only `AsyncFn` allows.
async fn both_at_once<F: AsyncFn(&str) -> usize>(f: F) -> usize {
    let (a, b) = future::zip(f("apple"), f("fig")).await;
    a + b
}

/// Calls `f` for 1 to `n`, each call after the last one has finished.
async fn each_in_turn<F: AsyncFnMut(u32)>(mut f: F, n: u32) {
    for i in 1..=n {
        f(i).await;
    }
}

/// Calls `f` once.
async fn once<T, F: AsyncFnOnce() -> T>(f: F) -> T {
    f().await
}
// ANCHOR_END: helpers

// ANCHOR: main
fn main() {
    smol::block_on(async {
        let length = async |word: &str| {
            Timer::after(Duration::from_millis(100)).await;
            say!("length of {word}");
            word.len()
        };
        say!("both at once: {}", both_at_once(length).await);

        let mut seen = Vec::new();
        each_in_turn(
            async |i| {
                Timer::after(Duration::from_millis(100)).await;
                seen.push(i); // changes what the closure captured: AsyncFnMut, not AsyncFn
            },
            3,
        )
        .await;
        say!("in turn: seen {seen:?}");

        let report = String::from("the report");
        // `async move` owns `report`, and its future hands it out: it can run only once.
        let handed = once(async move || {
            Timer::after(Duration::from_millis(100)).await;
            report
        })
        .await;
        say!("once: {handed}");
    });
}
// ANCHOR_END: main
