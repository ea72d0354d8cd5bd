//! When does a task spawned on Tokio's multi-threaded runtime start? It depends on who spawns it.
//!
//! Spawned from outside the runtime's worker threads (here, the `block_on` thread), a task is
//! queued where any worker can take it, and an idle worker starts it at once. Spawned by a task
//! that runs on a worker, it goes to that worker's LIFO slot, which no other worker takes from:
//! it starts only once the spawner gives its worker back. Each spawner here blocks for 0.2 s
//! without yielding. Run it with `cargo run --example tokio_spawn_starts`.

use std::thread;
use std::time::Duration;

use tokio::runtime::Builder;
use workbook::say;

fn main() {
    let runtime = Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    runtime.block_on(async {
        // ANCHOR: outside
        say!("block_on thread: spawn child 1, then block for 0.2 s");
        let child = tokio::spawn(async { say!("child 1: running") });
        thread::sleep(Duration::from_millis(200)); // holds this thread, never yields
        say!("block_on thread: await child 1");
        child.await.unwrap();
        // ANCHOR_END: outside

        // ANCHOR: inside
        let spawner = tokio::spawn(async {
            say!("worker task: spawn child 2, then block for 0.2 s");
            let child = tokio::spawn(async { say!("child 2: running") });
            thread::sleep(Duration::from_millis(200)); // holds its worker, never yields
            say!("worker task: await child 2");
            child.await.unwrap();
        });
        spawner.await.unwrap();
        // ANCHOR_END: inside
    });
}
