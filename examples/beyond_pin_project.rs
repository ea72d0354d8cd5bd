//! A combinator with two fields, projected by hand (unsafe) and with `pin_project!` (no unsafe).
//!
//! `Deadline` polls a future and a timer, and gives up when the timer fires. The future may be
//! `!Unpin` (an async block), so it is pinned with the struct: pinning is structural for it, not
//! for the timer. Run it with `cargo run --example beyond_pin_project`.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use smol::Timer;
use smol::future::FutureExt;
use workbook::say;

// ANCHOR: by_hand
/// Waits for `future`, or gives up with `None` when `timer` fires.
struct Deadline<F> {
    future: F,    // pinned with the struct (structural): an async block must never move
    timer: Timer, // not structural: the projection hands out a plain `&mut Timer`
}

impl<F> Deadline<F> {
    fn new(future: F, timer: Timer) -> Self {
        Deadline { future, timer }
    }

    fn project(self: Pin<&mut Self>) -> (Pin<&mut F>, &mut Timer) {
        // SAFETY: `future` is pinned whenever `self` is, and this type keeps the rules that
        // make that sound: it is `Unpin` only if `F` is (the automatic impl; we write none);
        // it has no `Drop` impl that could move `future` out of a pinned value; no method
        // moves `future` out of a `Pin<&mut Self>`; and it is not `#[repr(packed)]`.
        // `timer` is never handed out pinned, so a plain `&mut` to it is fine.
        unsafe {
            let this = self.get_unchecked_mut();
            (Pin::new_unchecked(&mut this.future), &mut this.timer)
        }
    }
}

impl<F: Future> Future for Deadline<F> {
    type Output = Option<F::Output>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let (future, timer) = self.project();
        if let Poll::Ready(output) = future.poll(cx) {
            return Poll::Ready(Some(output));
        }
        timer.poll(cx).map(|_| None) // `Timer` is `Unpin`: FutureExt::poll takes `&mut`
    }
}
// ANCHOR_END: by_hand

// ANCHOR: with_crate
mod with_crate {
    use super::*;

    pin_project_lite::pin_project! {
        /// The same combinator; the macro writes `project` and checks the rules.
        pub struct Deadline<F> {
            #[pin]
            future: F,
            timer: Timer,
        }
    }

    impl<F> Deadline<F> {
        pub fn new(future: F, timer: Timer) -> Self {
            Deadline { future, timer }
        }
    }

    impl<F: Future> Future for Deadline<F> {
        type Output = Option<F::Output>;

        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
            let this = self.project(); // `this.future`: Pin<&mut F>; `this.timer`: &mut Timer
            if let Poll::Ready(output) = this.future.poll(cx) {
                return Poll::Ready(Some(output));
            }
            this.timer.poll(cx).map(|_| None)
        }
    }
}
// ANCHOR_END: with_crate

// ANCHOR: main
/// A job that takes `time`: an `async fn`, so its future is `!Unpin`.
async fn job(time: Duration) -> &'static str {
    Timer::after(time).await;
    "report"
}

fn main() {
    let jobs = [Duration::from_millis(100), Duration::from_millis(500)];
    let limit = || Timer::after(Duration::from_millis(300));
    smol::block_on(async {
        for time in jobs {
            let output = Deadline::new(job(time), limit()).await;
            say!("by hand, {:.2} s job: {output:?}", time.as_secs_f64());
        }
        for time in jobs {
            let output = with_crate::Deadline::new(job(time), limit()).await;
            say!("pin_project!, {:.2} s job: {output:?}", time.as_secs_f64());
        }
    });
}
// ANCHOR_END: main
