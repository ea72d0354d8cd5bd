//! Write `Merge`, a stream that yields the items of two `!Unpin` streams as they come, fairly.
//!
//! `Merge` polls both inner streams, and yields whatever either of them has, until both have
//! ended. When both have an item ready, it takes turns: each call of `poll_next` starts with the
//! other stream than the call before, so a stream that is always ready cannot keep the other
//! waiting. An inner stream must not be polled again once it has ended. `main` merges two streams
//! that are always ready (`a` has five items, `b` three): their items must come out interleaved,
//! `a1 b1 a2 b2 ...`; then two streams with timers inside, whose items come as their timers fire.
//!
//! Run it: `cargo exercise ex23_merge_fairly`
//! Check it: `cargo xtask check ex23_merge_fairly`

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use smol::Timer;
use smol::stream::{self, Stream, StreamExt};
use workbook::say;

/// A stream that is always ready: `name1`, `name2`, ... `name{count}`, then the end. The async
/// block makes it `!Unpin`. Like every stream of `stream::unfold`, it panics if it is polled again
/// after it has ended (after it returned `Ready(None)`).
fn always_ready(name: &'static str, count: u32) -> impl Stream<Item = String> {
    stream::unfold(1, move |n| async move {
        (n <= count).then(|| (format!("{name}{n}"), n + 1))
    })
}

/// A stream with a timer inside: one item each `every`, `count` of them, then the end. `!Unpin`
/// too, and it panics too if it is polled after its end.
fn ticking(name: &'static str, count: u32, every: Duration) -> impl Stream<Item = String> {
    stream::unfold(1, move |n| async move {
        if n > count {
            return None;
        }
        Timer::after(every).await;
        Some((format!("{name}{n}"), n + 1))
    })
}

/// Yields the items of `a` and `b` as they come, taking turns when both are ready.
#[allow(dead_code)] // until your `poll_next` uses them
struct Merge<A, B> {
    a: A,
    b: B,
    // TODO: `A` and `B` are `!Unpin`, and `poll_next` gets a `Pin<&mut Self>`: how will it poll
    // them? Change these fields as you need, and add what `Merge` must remember between calls.
}

impl<A, B> Merge<A, B> {
    fn new(a: A, b: B) -> Merge<A, B> {
        // TODO: make the `Merge` your fields ask for.
        Merge { a, b }
    }
}

impl<A, B> Stream for Merge<A, B>
where
    A: Stream,
    B: Stream<Item = A::Item>,
{
    type Item = A::Item;

    #[allow(unused_variables)] // until you write it
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        // TODO: poll the stream whose turn it is first, then the other if the first had no
        // item; yield the first item found. `Ready(None)` once both have ended; `Pending` only
        // when every stream still running answered `Pending` (then each has stored the waker).
        todo!()
    }
}

/// Prints every item of `merged`, as `async for item in merged:` would.
async fn show(merged: impl Stream<Item = String>) {
    let mut merged = std::pin::pin!(merged);
    while let Some(item) = merged.next().await {
        say!("{item}");
    }
    say!("both have ended");
}

fn main() {
    smol::block_on(async {
        say!("a and b are always ready");
        show(Merge::new(always_ready("a", 5), always_ready("b", 3))).await;
        say!("-- again, with timers: a every 200 ms, twice; b every 300 ms, three times");
        let a = ticking("a", 2, Duration::from_millis(200));
        let b = ticking("b", 3, Duration::from_millis(300));
        show(Merge::new(a, b)).await;
    });
}
