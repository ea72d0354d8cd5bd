//! A `Stream` written by hand, like a Python class with `__aiter__` and `__anext__`.
//!
//! `poll_next` is asked for the next item and answers `Ready(Some(item))`, `Ready(None)` at the
//! end, or `Pending` to be asked again later. Run it with `cargo run --example stream_by_hand`.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use smol::Timer;
use smol::future::FutureExt;
use smol::stream::{Stream, StreamExt};
use workbook::say;

// ANCHOR: ticks
/// Yields 1, 2, ..., `count`, one every `every`.
struct Ticks {
    next: u32,
    count: u32,
    every: Duration,
    timer: Timer,
}

impl Ticks {
    fn new(count: u32, every: Duration) -> Ticks {
        Ticks {
            next: 1,
            count,
            every,
            timer: Timer::after(every),
        }
    }
}

impl Stream for Ticks {
    type Item = u32;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u32>> {
        if self.next > self.count {
            return Poll::Ready(None); // `raise StopAsyncIteration`
        }
        // Not time yet? Then the timer has stored `cx`'s waker, and we answer Pending:
        // this task will be polled again when the timer fires.
        if self.timer.poll(cx).is_pending() {
            return Poll::Pending;
        }
        let item = self.next;
        self.next += 1;
        let every = self.every;
        self.timer = Timer::after(every); // the next tick is `every` from now
        Poll::Ready(Some(item))
    }
}
// ANCHOR_END: ticks

fn main() {
    smol::block_on(async {
        // ANCHOR: use
        let mut ticks = Ticks::new(3, Duration::from_millis(250));
        say!("waiting for ticks");
        while let Some(n) = ticks.next().await {
            say!("tick {n}");
        }
        say!("no more ticks");
        // ANCHOR_END: use
    });
}
