//! Async closures and `AsyncFn`: a function that lends its argument to an async function.
//!
//! `F: AsyncFn(&str)` says what `Fn(&str) -> Fut` could not: each call returns a future that may
//! keep the `&str` it was lent, for as long as it runs. An async closure, `async |line| ...`,
//! and an `async fn` both fit (stable since Rust 1.85). Run it with
//! `cargo run --example beyond_closure_async_closure`.

use std::time::Duration;

use smol::Timer;
use workbook::say;

// ANCHOR: helper
/// Calls `f` on each line of `text`, lending it the line, one call at a time.
async fn for_each_line<F>(text: &str, f: F)
where
    F: AsyncFn(&str),
{
    for line in text.lines() {
        f(line).await;
    }
}
// ANCHOR_END: helper

// ANCHOR: main
/// Says a line after 100 ms.
async fn slow_echo(line: &str) {
    Timer::after(Duration::from_millis(100)).await;
    say!("echo: {line}");
}

fn main() {
    let text = String::from("one\ntwo");
    smol::block_on(async {
        for_each_line(&text, slow_echo).await;

        let prefix = String::from("closure");
        // The closure owns `prefix`; each call's future borrows it from the closure, and
        // borrows `line` from the text.
        for_each_line(&text, async move |line| {
            Timer::after(Duration::from_millis(100)).await;
            say!("{prefix}: {line}");
        })
        .await;
    });
}
// ANCHOR_END: main
