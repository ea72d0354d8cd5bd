//! A spawner that blocks 0.5 s after spawning: its tasks start at 0.5 s, and end 0.5 s late.
//!
//! A variation of `spawn_queues_tasks`: in place of `yield_now`, the spawner keeps the thread
//! for 0.5 s (`thread::sleep`, blocking on purpose) before it awaits the tasks. The tasks are
//! queued at 0 s, but nothing runs them until the spawner gives control back, and each count's
//! timer is made when its count runs. Run it with `cargo run --example coro_spawn_then_block`.

use std::rc::Rc;
use std::thread;
use std::time::Duration;

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
    say!("spawner: three tasks queued; now 0.5 s of blocking work");
    // In place of `yield_now().await`: the thread is kept, and control is not given back.
    thread::sleep(Duration::from_millis(500));
    say!("spawner: work done, awaiting the tasks");
    for task in tasks {
        task.await;
    }
    say!("spawner: all three done");
}
// ANCHOR_END: spawner

fn main() {
    let ex = Rc::new(LocalExecutor::new());
    let spawner = ex.spawn(spawner(ex.clone()));
    smol::block_on(ex.run(spawner));
}
