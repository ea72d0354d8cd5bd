//! futures-lite's `or` merges two streams, preferring the first, and ends when the second ends.
//!
//! `StreamExt::or` polls its first stream, and only if that has no item ready, the second; the
//! second's answer is then the merged stream's, its end included. So two streams that are both
//! always ready come out one after the other, and a short second stream ends the merge early.
//! Run it with `cargo run --example beyond_many_merge_or`.

use std::pin::pin;
use std::time::Duration;

use smol::Timer;
use smol::stream::{self, Stream, StreamExt};
use workbook::say;

// ANCHOR: ticks
/// `count` items named `name 1`, `name 2`..., one every 100 ms.
fn ticks(name: &'static str, count: u32) -> impl Stream<Item = String> {
    stream::unfold(1, move |n| async move {
        if n > count {
            return None;
        }
        Timer::after(Duration::from_millis(100)).await;
        Some((format!("{name} {n}"), n + 1))
    })
}
// ANCHOR_END: ticks

// ANCHOR: main
fn main() {
    smol::block_on(async {
        // Both streams always ready: the first one wins every time.
        let both_ready = stream::iter(["a1", "a2", "a3"]).or(stream::iter(["b1", "b2"]));
        say!("both ready: {:?}", both_ready.collect::<Vec<_>>().await);

        // Ticks first, a short stream second.
        let mut merged = pin!(ticks("tick", 3).or(stream::iter([String::from("hello")])));
        while let Some(item) = merged.next().await {
            say!("ticks.or(hello): {item}");
        }
        say!("ticks.or(hello) has ended");

        // The same two, the other way round.
        let mut merged = pin!(stream::iter([String::from("hello")]).or(ticks("tick", 3)));
        while let Some(item) = merged.next().await {
            say!("hello.or(ticks): {item}");
        }
        say!("hello.or(ticks) has ended");
    });
}
// ANCHOR_END: main
