//! Make the consumers stop once the queue is drained: the program must end, after 0.4 s.
//!
//! As it is, it never ends (the check stops it after a few seconds). It is done when both
//! consumers stop once all items are taken.
//! Run it: `cargo exercise ex10_closing_queue`
//! Check it: `cargo xtask check ex10_closing_queue`
//!
//! Hint: the channel closes when its last `Sender` is dropped. Who still holds one?

use std::time::Duration;

use async_channel::{Receiver, Sender};
use smol::{LocalExecutor, Timer};
use workbook::say;

async fn producer(queue: Sender<u32>) {
    for item in 1..=4 {
        queue.send(item).await.expect("the consumers stopped early");
    }
    say!("producer: done");
}

async fn consumer(name: &'static str, queue: Receiver<u32>) {
    while let Ok(item) = queue.recv().await {
        say!("consumer {name}: item {item}");
        Timer::after(Duration::from_millis(200)).await;
    }
    say!("consumer {name}: queue closed, stopping");
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        let (sender, receiver) = async_channel::bounded(1);
        // TODO: the consumers wait forever. Why?
        let producer = ex.spawn(producer(sender.clone()));
        let one = ex.spawn(consumer("1", receiver.clone()));
        let two = ex.spawn(consumer("2", receiver));
        producer.await;
        one.await;
        two.await;
        say!("all done");
        drop(sender);
    }));
}
