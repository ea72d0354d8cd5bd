//! `Waker::will_wake`: which wakers count as the same, and how a `smol::Timer` uses it.
//!
//! First pairs of wakers compared; then one `Timer` polled with two different wakers, and one
//! polled twice with the same waker. Run it with `cargo run --example will_wake`.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

use smol::future;
use smol::{LocalExecutor, Timer};
use workbook::say;

// ANCHOR: pairs
/// Returns a clone of the waker of the task that polls it.
fn waker_of_this_task() -> impl Future<Output = Waker> {
    future::poll_fn(|cx| Poll::Ready(cx.waker().clone()))
}

fn compare_pairs() {
    let ex = LocalExecutor::new();
    let (first, second) = future::block_on(ex.run(async {
        let task_a = ex.spawn(async {
            let early = waker_of_this_task().await;
            future::yield_now().await; // a second poll of the same task
            (early, waker_of_this_task().await)
        });
        let task_b = ex.spawn(waker_of_this_task());
        (task_a.await, task_b.await)
    }));
    let (a_first_poll, a_later_poll) = first;
    let b = second;
    say!(
        "task A's waker, and a clone of it: {}",
        a_first_poll.will_wake(&a_first_poll.clone())
    );
    say!(
        "task A's waker at two polls: {}",
        a_first_poll.will_wake(&a_later_poll)
    );
    say!(
        "task A's waker, and task B's: {}",
        a_first_poll.will_wake(&b)
    );

    let one = Waker::from(Arc::new(Named("one", channel().0)));
    let other = Waker::from(Arc::new(Named("other", channel().0)));
    say!(
        "a Waker from an Arc, and its clone: {}",
        one.will_wake(&one.clone())
    );
    say!(
        "Wakers from two Arcs of the same type: {}",
        one.will_wake(&other)
    );
}
// ANCHOR_END: pairs

// ANCHOR: timer
/// A waker that reports its name on a channel when it is woken.
struct Named(&'static str, Sender<&'static str>);

impl Wake for Named {
    fn wake(self: Arc<Self>) {
        self.1.send(self.0).unwrap();
    }
}

/// Polls a 100 ms `Timer` once with each waker, in order, then reports who gets woken.
fn poll_timer_with(wakers: &[&Waker], woken: &Receiver<&'static str>) {
    let mut timer = Timer::after(Duration::from_millis(100));
    for waker in wakers {
        let poll = Pin::new(&mut timer).poll(&mut Context::from_waker(waker));
        assert!(poll.is_pending());
    }
    // The reactor calls the registered waker at the deadline, on its own thread.
    while let Ok(name) = woken.recv_timeout(Duration::from_millis(200)) {
        say!("  woken: {name}");
    }
    say!("  and no one else");
}

fn main() {
    say!("will_wake compares the data pointer and the vtable:");
    compare_pairs();

    let (tx, woken) = channel();
    let a = Waker::from(Arc::new(Named("A", tx.clone())));
    let b = Waker::from(Arc::new(Named("B", tx)));
    say!("a Timer polled with A, then with B:");
    poll_timer_with(&[&a, &b], &woken);
    say!("a Timer polled with A, then with a clone of A:");
    poll_timer_with(&[&a, &a.clone()], &woken);
}
// ANCHOR_END: timer
