//! An `AsyncFn` bound cannot promise a `Send` future: it cannot be run on another thread.
//!
//! `F: AsyncFn() -> u32 + Send` makes the closure `Send`, not the futures its calls return, and
//! stable Rust has no way to name those futures to ask more of them. So code that must move
//! them to another thread (`smol::spawn`, `tokio::spawn`) takes `Fn() -> Fut` with `Fut: Send`.
//! See the error with `cargo build --example beyond_closure_not_send --features compile-fail`.

use std::thread;

// ANCHOR: mistake
/// Runs `f()` on another thread, as a multi-threaded executor's worker would.
fn on_another_thread<F>(f: F) -> thread::JoinHandle<u32>
where
    F: AsyncFn() -> u32 + Send + 'static,
{
    let job = async move { f().await };
    thread::spawn(move || smol::block_on(job))
}
// ANCHOR_END: mistake

fn main() {
    let answer = on_another_thread(async || 42);
    println!("{}", answer.join().unwrap());
}
