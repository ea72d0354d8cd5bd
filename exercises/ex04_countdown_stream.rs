//! Write a `Stream` that counts down from `n` to 1, one number every 200 ms.
//!
//! Expected: 3 at 0.20 s, 2 at 0.40 s, 1 at 0.60 s, then "liftoff".
//! Run it: `cargo exercise ex04_countdown_stream`
//! Check it: `cargo xtask check ex04_countdown_stream`
//!
//! Hint: `stream::unfold(n, |n| async move { ... })` returns `None` to end, `Some((item, next))`
//! otherwise; sleep with `Timer::after` before each item.

use std::pin::pin;

use smol::stream::{self, Stream, StreamExt};
use workbook::say;

fn countdown(n: u32) -> impl Stream<Item = u32> {
    // TODO: yield n, n - 1, ..., 1, each 200 ms after the one before.
    let _ = n;
    stream::empty()
}

fn main() {
    smol::block_on(async {
        say!("counting down");
        let mut numbers = pin!(countdown(3));
        while let Some(n) = numbers.next().await {
            say!("{n}");
        }
        say!("liftoff");
    });
}
