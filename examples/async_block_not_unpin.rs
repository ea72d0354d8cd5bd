//! An async block polled without pinning: Rust rejects it with error E0277.
//!
//! `Pin::new` accepts only `Unpin` types, and the future an async block makes (like the one an
//! `async fn` returns) is not `Unpin`: it must be pinned with `pin!` or `Box::pin` before it can
//! be polled. See the error with
//! `cargo build --example async_block_not_unpin --features compile-fail`.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Waker};

// ANCHOR: mistake
fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut future = async { 42 };
    // The fix: `let future = std::pin::pin!(async { 42 });`, then `future.poll(&mut cx)`.
    let _ = Pin::new(&mut future).poll(&mut cx);
}
// ANCHOR_END: mistake
