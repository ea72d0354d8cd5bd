//! A variation of `producer_consumer`: an unbounded channel, so the producers never wait.
//!
//! `async_channel::unbounded()` instead of `bounded(2)`: no backpressure, the producers put all
//! their items at once, and the consumers take as long as before. Run it with
//! `cargo run --example patterns_queue_unbounded`.

use std::time::Duration;

use async_channel::{Receiver, Sender, TrySendError};
use smol::{LocalExecutor, Timer};
use workbook::say;

/// Puts `count` items on the queue as fast as the queue takes them.
async fn producer(name: &'static str, count: u32, queue: Sender<String>) {
    for i in 1..=count {
        let item = format!("{name}{i}");
        if let Err(TrySendError::Full(item)) = queue.try_send(item) {
            say!("producer {name}: queue full, waiting to put {item}");
            queue.send(item).await.expect("the consumers stopped early");
        }
    }
    say!("producer {name}: done");
}

/// Takes items until the channel is closed and empty; each item takes 200 ms.
async fn consumer(name: &'static str, late: Duration, queue: Receiver<String>) {
    Timer::after(late).await;
    while let Ok(item) = queue.recv().await {
        say!("consumer {name}: working on {item}");
        Timer::after(Duration::from_millis(200)).await;
    }
    say!("consumer {name}: queue closed and empty, stopping");
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // ANCHOR: channel
        let (sender, receiver) = async_channel::unbounded(); // was: bounded(2)
        // ANCHOR_END: channel
        let tasks = [
            ex.spawn(producer("a", 4, sender.clone())),
            ex.spawn(producer("b", 4, sender)),
            ex.spawn(consumer("1", Duration::ZERO, receiver.clone())),
            ex.spawn(consumer("2", Duration::from_millis(100), receiver)),
        ];
        for task in tasks {
            task.await;
        }
    }));
}
