//! `send` on a full channel, raced by a timer: the dropped future drops the message it owned.
//!
//! A bounded channel of one slot, already full. A `send` made afresh for one try loses its
//! message; a `send` future kept across tries keeps it. Run it with
//! `cargo run --example beyond_cancel_send`.

use std::future::Future;
use std::pin::pin;
use std::time::Duration;

use smol::Timer;
use smol::future::{self, FutureExt};
use workbook::say;

/// A message that says so if it is dropped before anyone received it.
struct Message {
    number: u32,
    received: bool,
}

impl Drop for Message {
    fn drop(&mut self) {
        if !self.received {
            say!("message {}: dropped, never received", self.number);
        }
    }
}

fn message(number: u32) -> Message {
    Message {
        number,
        received: false,
    }
}

/// Races `future` against a 100 ms timer: `None` if the timer wins.
async fn within_100_ms<T>(future: impl Future<Output = T>) -> Option<T> {
    let give_up = async {
        Timer::after(Duration::from_millis(100)).await;
        None
    };
    async { Some(future.await) }.or(give_up).await
}

// ANCHOR: main
fn main() {
    let (tx, rx) = async_channel::bounded::<Message>(1);
    let sender = async {
        tx.send(message(1)).await.ok();
        say!("sent message 1; the channel's one slot is full");
        // One try, with a `send` future made for it: the time-out drops the future.
        if within_100_ms(tx.send(message(2))).await.is_none() {
            say!("send(2) timed out");
        }
        // One `send` future, kept across tries: a time-out drops only the borrow `&mut sending`.
        let mut sending = pin!(tx.send(message(3)));
        while within_100_ms(&mut sending).await.is_none() {
            say!("send(3) timed out; the same future is tried again");
        }
        say!("send(3) done");
        tx.close();
    };
    let receiver = async {
        Timer::after(Duration::from_millis(250)).await;
        while let Ok(mut message) = rx.recv().await {
            message.received = true;
            say!("received message {}", message.number);
        }
    };
    smol::block_on(future::zip(sender, receiver));
}
// ANCHOR_END: main
