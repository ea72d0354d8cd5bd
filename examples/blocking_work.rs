//! When async helps and when it does not: four blocking calls, and four CPU-bound jobs.
//!
//! In tasks on one thread they run one after another (1 s); `smol::unblock` moves them to
//! other threads, and the waits overlap (0.25 s). Run it with `cargo run --example blocking_work`.
//!
//! Its CPU-bound jobs keep a core busy for a second on purpose, so the harness allows it:
//! verify-cpu: 1.5

use std::thread;
use std::time::{Duration, Instant};

use smol::LocalExecutor;
use workbook::say;

const JOB: Duration = Duration::from_millis(250);

// ANCHOR: jobs
/// A blocking call, such as a synchronous database driver or `std::fs`: the thread waits.
fn blocking_call() {
    thread::sleep(JOB);
}

/// CPU-bound work: the thread computes (here, it spins until `JOB` has passed, so that the time
/// is the same on every machine).
fn cpu_work() -> u64 {
    let start = Instant::now();
    let mut x = 0u64;
    while start.elapsed() < JOB {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
    }
    x
}
// ANCHOR_END: jobs

// ANCHOR: main
fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        say!("four blocking calls of 0.25 s, as tasks on one thread");
        let tasks: Vec<_> = (0..4)
            .map(|_| ex.spawn(async { blocking_call() }))
            .collect();
        for task in tasks {
            task.await;
        }
        say!("done: one after another");

        say!("four blocking calls of 0.25 s, with smol::unblock");
        let tasks: Vec<_> = (0..4).map(|_| smol::unblock(blocking_call)).collect();
        for task in tasks {
            task.await;
        }
        say!("done: side by side, on smol's blocking thread pool");

        say!("four CPU-bound jobs of 0.25 s, as tasks on one thread");
        let tasks: Vec<_> = (0..4).map(|_| ex.spawn(async { cpu_work() })).collect();
        for task in tasks {
            task.await;
        }
        say!("done: one after another");
    }));
}
// ANCHOR_END: main
