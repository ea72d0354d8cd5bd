//! An `AsyncFnMut` cannot be called twice at once: error E0499, two mutable borrows of `f`.
//!
//! The future of an `AsyncFnMut` call borrows the closure mutably until it finishes, since the
//! closure may change what it captured while the call runs. Two such futures alive at once would
//! be two `&mut` borrows of the same closure. See the error with
//! `cargo build --example beyond_closure_mut_at_once_rejected --features compile-fail`.

use smol::future;

// ANCHOR: mistake
/// Two calls at once, with a bound that allows only one call at a time.
async fn both_at_once<F: AsyncFnMut(&str) -> usize>(mut f: F) -> usize {
    let (a, b) = future::zip(f("apple"), f("fig")).await;
    a + b
}
// ANCHOR_END: mistake

fn main() {
    let total = smol::block_on(both_at_once(async |word: &str| word.len()));
    println!("{total}");
}
