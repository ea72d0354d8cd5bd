//! `F: Fn(&str) -> Fut` cannot take a closure whose future keeps the `&str` it was given.
//!
//! `Fut` is one type, named once for every call; but the closure's async block holds the line
//! it borrows, so its type names that borrow's lifetime, a different one at each call. rustc
//! reports it as "lifetime may not live long enough", an error with no code. See it with
//! `cargo build --example beyond_closure_borrow_rejected --features compile-fail`.

use std::future::Future;
use std::time::Duration;

use smol::Timer;

// ANCHOR: mistake
/// Calls `f` on each line of `text`, lending it the line, one call at a time.
async fn for_each_line<F, Fut>(text: &str, f: F)
where
    F: Fn(&str) -> Fut,
    Fut: Future<Output = ()>,
{
    for line in text.lines() {
        f(line).await;
    }
}

fn main() {
    smol::block_on(for_each_line("one\ntwo", |line: &str| async move {
        Timer::after(Duration::from_millis(100)).await;
        println!("{line}"); // the future holds `line`, a borrow of `text`
    }));
}
// ANCHOR_END: mistake
