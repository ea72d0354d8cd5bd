//! Producers and consumers on a bounded `async-channel`: backpressure, shutdown, and an account.
//!
//! Producers wait while the queue is full; closing the channel stops the consumers once it is
//! drained; at the end, every item produced was consumed exactly once. Run it with
//! `cargo run --example producer_consumer`.

use std::time::Duration;

use async_channel::{Receiver, Sender, TrySendError};
use smol::{LocalExecutor, Timer};
use workbook::ledger::account;
use workbook::say;

// ANCHOR: producer
/// Puts `count` items on the queue as fast as the queue takes them.
async fn producer(name: &'static str, count: u32, queue: Sender<String>) -> Vec<String> {
    let mut produced = Vec::new();
    for i in 1..=count {
        let item = format!("{name}{i}");
        // `try_send` first, only to be able to say when the queue is full.
        if let Err(TrySendError::Full(item)) = queue.try_send(item.clone()) {
            say!("producer {name}: queue full, waiting to put {item}");
            // Backpressure: this `.await` returns once a consumer has made room.
            queue.send(item).await.expect("the consumers stopped early");
        }
        produced.push(item);
    }
    say!("producer {name}: done");
    produced
    // `queue`, this producer's `Sender`, is dropped here. When the last one is dropped, the
    // channel closes.
}
// ANCHOR_END: producer

// ANCHOR: consumer
/// Takes items until the channel is closed and empty; each item takes 200 ms.
/// Starts after `late`, so that no two consumers finish an item at the same moment.
async fn consumer(name: &'static str, late: Duration, queue: Receiver<String>) -> Vec<String> {
    Timer::after(late).await;
    let mut consumed = Vec::new();
    // `recv` fails only when the channel is closed *and* empty: items sent before the close are
    // still delivered.
    while let Ok(item) = queue.recv().await {
        say!("consumer {name}: working on {item}");
        Timer::after(Duration::from_millis(200)).await;
        consumed.push(item);
    }
    say!("consumer {name}: queue closed and empty, stopping");
    consumed
}
// ANCHOR_END: consumer

// ANCHOR: main
fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        let (sender, receiver) = async_channel::bounded(2);
        let producers = [
            ex.spawn(producer("a", 4, sender.clone())),
            ex.spawn(producer("b", 4, sender)), // the last sender: moved, not cloned
        ];
        let consumers = [
            ex.spawn(consumer("1", Duration::ZERO, receiver.clone())),
            ex.spawn(consumer("2", Duration::from_millis(100), receiver)),
        ];

        let (mut produced, mut consumed) = (Vec::new(), Vec::new());
        for task in producers {
            produced.extend(task.await);
        }
        for task in consumers {
            consumed.extend(task.await);
        }
        match account(&produced, &consumed) {
            Ok(summary) => say!("account: {summary}"),
            Err(problem) => say!("account does not balance! {problem}"),
        }
    }));
}
// ANCHOR_END: main
