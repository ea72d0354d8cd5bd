//! Solution: each item carries a clone of the batch's `Sender<()>`; the batch is done when the channel closes.

use std::time::Duration;

use async_channel::{Receiver, Sender};
use smol::{LocalExecutor, Timer};
use workbook::say;

type Job = (&'static str, Sender<()>);

async fn worker(name: &str, items: Receiver<Job>) {
    while let Ok((item, done)) = items.recv().await {
        say!("{name}: working on {item}");
        Timer::after(Duration::from_millis(100)).await;
        drop(done);
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
        let (unfinished, all_done) = async_channel::bounded::<()>(1);
        for item in ["a", "b", "c"] {
            queue.send((item, unfinished.clone())).await.unwrap();
        }
        drop(unfinished);
        let _ = all_done.recv().await;
        say!("batch: all done");

        drop(queue);
        for worker in workers {
            worker.await;
        }
        say!("workers: stopped");
    }));
}
