//! Solution: each stream in a `Pin<Box<_>>` that is `None` once ended, and a flag for whose turn.
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
struct Merge<A, B> {
    // Each stream gets a pin of its own, on the heap: a `Pin<Box<_>>` is `Unpin`, so `Merge` is
    // too, and `poll_next` may take a plain `&mut` to its fields. (`pin_project!` would pin them
    // in place instead, with `#[pin]` fields; the page on pinning shows both ways.) `None` once
    // the stream has ended, so that it is never polled again, and is dropped at once.
    a: Option<Pin<Box<A>>>,
    b: Option<Pin<Box<B>>>,
    /// Whose turn it is to be polled first at the next call.
    a_first: bool,
}

impl<A, B> Merge<A, B> {
    fn new(a: A, b: B) -> Merge<A, B> {
        Merge {
            a: Some(Box::pin(a)),
            b: Some(Box::pin(b)),
            a_first: true,
        }
    }
}

/// Polls `side` if it has not ended: its item if it has one ready, `None` if it is pending or
/// ends now (and then it is set to `None`, so that nobody polls it again).
fn poll_side<S: Stream>(side: &mut Option<Pin<Box<S>>>, cx: &mut Context<'_>) -> Option<S::Item> {
    match side.as_mut()?.as_mut().poll_next(cx) {
        Poll::Ready(Some(item)) => Some(item),
        Poll::Ready(None) => {
            *side = None;
            None
        }
        Poll::Pending => None,
    }
}

impl<A, B> Stream for Merge<A, B>
where
    A: Stream,
    B: Stream<Item = A::Item>,
{
    type Item = A::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut(); // allowed: `Merge` is `Unpin`
        // Take turns: the stream polled second this time is polled first the next time.
        let a_first = this.a_first;
        this.a_first = !a_first;
        let item = if a_first {
            poll_side(&mut this.a, cx).or_else(|| poll_side(&mut this.b, cx))
        } else {
            poll_side(&mut this.b, cx).or_else(|| poll_side(&mut this.a, cx))
        };
        match item {
            Some(item) => Poll::Ready(Some(item)),
            // Both polled streams had nothing: the end, if both have ended; otherwise each one
            // still running answered `Pending`, and has stored the waker.
            None if this.a.is_none() && this.b.is_none() => Poll::Ready(None),
            None => Poll::Pending,
        }
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
