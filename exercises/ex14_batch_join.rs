//! Say "batch: all done" only once the workers have finished every item of the batch, at 0.2 s.
//!
//! As it is, the main task says so at once, while the workers have not even started.
//! Run it: `cargo exercise ex14_batch_join`
//! Check it: `cargo xtask check ex14_batch_join`
//!
//! Hint: send each item with a clone of a `Sender<()>`, which the worker drops when it is done
//! with the item; `recv()` on the `Receiver` returns once every clone is gone (the queues page of
//! the phrasebook).

use std::time::Duration;

use async_channel::Receiver;
use smol::{LocalExecutor, Timer};
use workbook::say;

// TODO: an item, and a token that says it is not done yet.
type Job = &'static str;

async fn worker(name: &str, items: Receiver<Job>) {
    while let Ok(item) = items.recv().await {
        say!("{name}: working on {item}");
        Timer::after(Duration::from_millis(100)).await;
        // TODO: the item is done (`queue.task_done()`).
    }
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        let (queue, items) = async_channel::unbounded::<Job>();
        let workers = [
            ex.spawn(worker("w1", items.clone())),
            ex.spawn(worker("w2", items)),
        ];
        // TODO: a channel for this batch's tokens.
        for item in ["a", "b", "c"] {
            queue.send(item).await.unwrap();
        }
        // TODO: wait until every item is done (`await queue.join()`).
        say!("batch: all done");

        drop(queue); // the workers stop when the queue is closed and empty
        for worker in workers {
            worker.await;
        }
        say!("workers: stopped");
    }));
}
