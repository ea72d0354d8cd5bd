//! Build a one-shot channel by hand: a `Sender` for a plain thread, a `Receiver` that is a future.
//!
//! `oneshot()` makes the pair. `Sender::send` stores the value and wakes the receiver, which then
//! yields `Some(value)`; a sender dropped without sending wakes it too, and it yields `None`.
//! `main` tries three cases and prints what each poll of the receiver answers: (1) the value is
//! sent at 0.20 s, after `main` has polled the receiver once and handed it to a task of its own;
//! (2) it is sent before the first poll, which must be `Ready` at once; (3) the sender is dropped
//! at 0.30 s without sending, and the receiver must end then, with `None`.
//!
//! Run it: `cargo exercise ex09_oneshot`
//! Check it: `cargo xtask check ex09_oneshot`

// Until your code uses every field and argument (then delete this line):
#![allow(dead_code, unused_variables)]

use std::fmt::Debug;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::Duration;

use smol::future;
use workbook::say;

/// What the two halves share, behind one lock.
struct Shared<T> {
    /// The value, from `send` until the receiver takes it.
    value: Option<T>,
    // TODO: what else must the two halves share, so that the receiver is woken when the value
    // comes, and learns that the sender is gone if it goes without sending?
}

/// Calls the waker, if there is one. Call it with no lock held: a `wake` may poll the receiver
/// at once, on this very thread, and that poll takes the lock.
fn wake(waker: Option<Waker>) {
    if let Some(waker) = waker {
        waker.wake();
    }
}

pub struct Sender<T> {
    shared: Arc<Mutex<Shared<T>>>,
}

pub struct Receiver<T> {
    shared: Arc<Mutex<Shared<T>>>,
}

pub fn oneshot<T>() -> (Sender<T>, Receiver<T>) {
    // TODO: one `Shared`, nothing sent yet, for both halves.
    todo!()
}

impl<T> Sender<T> {
    /// Sends `value` to the receiver; called from any thread.
    pub fn send(self, value: T) {
        // TODO: store the value, and see to it that the receiver is woken.
        todo!()
    }
}

impl<T> Drop for Sender<T> {
    fn drop(&mut self) {
        // TODO: the sender is gone (after `send`, or without it): the receiver must learn it.
    }
}

impl<T> Future for Receiver<T> {
    type Output = Option<T>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        // TODO: `Some(value)` once it is there; `None` once the sender is gone without sending;
        // until then, `Pending`, with the wake-up arranged.
        todo!()
    }
}

/// The receiver (or a borrow of it), printing what each of its polls answers.
fn watched<F>(mut rx: F) -> impl Future<Output = F::Output>
where
    F: Future + Unpin,
    F::Output: Debug,
{
    future::poll_fn(move |cx| {
        let answer = Pin::new(&mut rx).poll(cx);
        say!("rx polled: {answer:?}");
        answer
    })
}

fn main() {
    say!("case 1: sent at 0.20 s, to a receiver that has changed hands");
    let (tx, mut rx) = oneshot();
    thread::spawn(move || {
        thread::sleep(Duration::from_millis(200));
        say!("sender: sending 7");
        tx.send(7);
    });
    smol::block_on(async {
        // Main polls the receiver once, from its own task...
        if future::poll_once(watched(&mut rx)).await.is_none() {
            say!("main: nothing yet; a task of its own waits for it now");
        }
        // ...and hands it to another task: the polls from now on bring that task's waker.
        let waiter = smol::spawn(watched(rx));
        say!("main: the task got {:?}", waiter.await);
    });

    say!("case 2: sent before the first poll");
    let (tx, rx) = oneshot();
    thread::spawn(move || {
        say!("sender: sending 8");
        tx.send(8);
    })
    .join()
    .unwrap();
    say!("main: got {:?}", smol::block_on(watched(rx)));

    say!("case 3: the sender is dropped at 0.30 s without sending");
    let (tx, rx) = oneshot::<u32>();
    thread::spawn(move || {
        thread::sleep(Duration::from_millis(100));
        say!("sender: dropping it without sending");
        drop(tx);
    });
    say!("main: got {:?}", smol::block_on(watched(rx)));
}
