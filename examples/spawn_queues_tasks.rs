//! Spawning a task queues it without running it; queued tasks start in spawn order.
//!
//! They start only when the running task gives control back to the executor. This answers the
//! notes' question "does gather register all the tasks at that point?". Run it with
//! `cargo run --example spawn_queues_tasks`.

use std::rc::Rc;
use std::time::Duration;

use smol::future;
use smol::{LocalExecutor, Timer};
use workbook::say;

async fn count(i: u64) {
    say!("count({i}) starts");
    Timer::after(Duration::from_secs(i)).await;
    say!("count({i}) ends");
}

// ANCHOR: spawner
async fn spawner(ex: Rc<LocalExecutor<'static>>) {
    let tasks = [ex.spawn(count(1)), ex.spawn(count(2)), ex.spawn(count(3))];
    say!("spawner: three tasks queued, none started");
    // Give control back once, as `await asyncio.sleep(0)` does. The spawner goes to the back of
    // the queue, behind the three counts, so each count runs up to its first `.await` first.
    future::yield_now().await;
    say!("spawner: back again, after all three started");
    for task in tasks {
        task.await;
    }
    say!("spawner: all three done");
}
// ANCHOR_END: spawner

fn main() {
    let ex = Rc::new(LocalExecutor::new());
    // Run the spawner as a task too, so that it waits in the same queue as the others.
    let spawner = ex.spawn(spawner(ex.clone()));
    smol::block_on(ex.run(spawner));
}
