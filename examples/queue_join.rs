//! asyncio.Queue.join in smol: a batch is done when its channel closes.
//!
//! Every item carries a clone of the batch's sender, and a worker drops it when it is done.
//!
//! async-channel has no `task_done` or `join`. To wait until the workers have finished a batch,
//! send each item with a clone of the batch's `Sender<()>`: dropping the clone is
//! `task_done()`, and `recv()` on the batch's `Receiver` returns (with `Err`, the channel being
//! closed) once the last clone is dropped: that is `join()`. A worker that fails or is cancelled
//! drops its clone too, so no batch waits forever. Run it with `cargo run --example queue_join`.

use std::time::Duration;

use async_channel::{Receiver, Sender};
use smol::{LocalExecutor, Timer};
use workbook::say;

// ANCHOR: worker
/// An item, and the token of its batch: dropping the token is `queue.task_done()`.
type Job = (&'static str, Sender<()>);

/// `items` is the receiving end of the queue: `get()`.
async fn worker(name: &str, items: Receiver<Job>) {
    while let Ok((item, done)) = items.recv().await {
        say!("{name}: working on {item}");
        Timer::after(Duration::from_millis(100)).await;
        drop(done); // queue.task_done()
    }
}
// ANCHOR_END: worker

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // ANCHOR: main
        // `queue` sends (`put`), and stays here; the workers get clones of `items` (`get`).
        let (queue, items) = async_channel::unbounded::<Job>();
        let workers = [
            ex.spawn(worker("w1", items.clone())),
            ex.spawn(worker("w2", items)),
        ];
        for batch in [&["a", "b", "c"][..], &["d"]] {
            let (unfinished, all_done) = async_channel::bounded::<()>(1);
            for &item in batch {
                queue.send((item, unfinished.clone())).await.unwrap();
            }
            drop(unfinished); // keep no token here, or the batch never ends
            let _ = all_done.recv().await; // queue.join(): returns when every token is dropped
            say!("batch {batch:?}: all done");
        }
        drop(queue); // the workers stop when the queue is closed and empty
        for worker in workers {
            worker.await;
        }
        // ANCHOR_END: main
    }));
}
