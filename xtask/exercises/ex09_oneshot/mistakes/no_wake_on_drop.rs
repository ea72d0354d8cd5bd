//! Mistake: `send` wakes the receiver, but a sender dropped without sending only sets the flag,
//! and wakes no one: the receiver waits forever in case 3.

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
    /// The waker of the receiver's latest `Pending` poll: the one to call when the value comes,
    /// or when the sender goes.
    waker: Option<Waker>,
    /// Whether the sender is gone: dropped, with or without sending.
    sender_gone: bool,
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
    let shared = Arc::new(Mutex::new(Shared {
        value: None,
        waker: None,
        sender_gone: false,
    }));
    let sender = Sender {
        shared: shared.clone(),
    };
    (sender, Receiver { shared })
}

impl<T> Sender<T> {
    /// Sends `value` to the receiver; called from any thread.
    pub fn send(self, value: T) {
        let mut shared = self.shared.lock().unwrap();
        shared.value = Some(value);
        let waker = shared.waker.take();
        drop(shared);
        wake(waker);
    }
}

impl<T> Drop for Sender<T> {
    fn drop(&mut self) {
        // The receiver will see the flag at its next poll.
        self.shared.lock().unwrap().sender_gone = true;
    }
}

impl<T> Future for Receiver<T> {
    type Output = Option<T>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        let mut shared = self.shared.lock().unwrap();
        // The value first: a sender that sent is gone too (`send` drops it).
        if let Some(value) = shared.value.take() {
            return Poll::Ready(Some(value));
        }
        if shared.sender_gone {
            return Poll::Ready(None);
        }
        // Keep the waker of this poll, replacing any earlier one: the receiver may have changed
        // tasks since (as in case 1), and only the latest waker reaches the task that waits now.
        // The check and the store are under one lock, so the sender cannot come in between.
        shared.waker = Some(cx.waker().clone());
        Poll::Pending
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
