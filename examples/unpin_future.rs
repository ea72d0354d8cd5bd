//! A hand-written future that is `Unpin`: polled through `Pin::new`, moved between polls.
//!
//! Its fields are a `Timer` and a counter, both `Unpin`, so the future is too, and pinning it
//! costs nothing: `Pin::new(&mut f)` pins it, `mut self` reaches its fields, and moving it after a
//! poll breaks nothing, since nothing points into it. Run it with
//! `cargo run --example unpin_future`.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use smol::Timer;
use smol::future::FutureExt;
use workbook::say;

// ANCHOR: counted
/// Waits for its timer, and counts how often it was polled.
struct Counted {
    timer: Timer,
    polls: u32,
}

impl Future for Counted {
    type Output = u32;

    // `mut self`: for an `Unpin` type, `Pin<&mut Self>` gives `&mut` access to the fields.
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        self.polls += 1;
        // `Timer` is `Unpin` too, so `FutureExt::poll` polls it without any pinning.
        match self.timer.poll(cx) {
            Poll::Ready(_) => Poll::Ready(self.polls),
            Poll::Pending => Poll::Pending,
        }
    }
}
// ANCHOR_END: counted

/// Compiles only for `Unpin` types: this is the check that `Counted` is one.
fn assert_unpin<T: Unpin>(_: &T) {}

// ANCHOR: main
fn main() {
    let mut counted = Counted {
        timer: Timer::after(Duration::from_millis(300)),
        polls: 0,
    };
    assert_unpin(&counted);

    // `Pin::new` accepts only `Unpin` types: no `pin!`, no `Box`. A waker that does nothing is
    // enough for one look, since `block_on` below polls it again with its own waker.
    let mut cx = Context::from_waker(Waker::noop());
    let poll = Pin::new(&mut counted).poll(&mut cx);
    say!("poll 1 with Pin::new returned {poll:?}");

    // Moved after a poll: fine, nothing points into it.
    let mut moved = counted;
    say!("moved it to another variable");

    // `&mut F` is a future too when `F: Unpin`, so we can await it and keep `moved`.
    let polls = smol::block_on(&mut moved);
    say!("block_on(&mut moved) returned Ready after {polls} polls");
    say!("and `moved` is still ours: moved.polls = {}", moved.polls);
}
// ANCHOR_END: main
