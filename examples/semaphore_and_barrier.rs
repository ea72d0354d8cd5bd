//! asyncio.Semaphore, BoundedSemaphore and Barrier in smol: `lock::Semaphore`, `lock::Barrier`.
//!
//! The semaphore's permits are guards; the barrier's last arrival leads.
//!
//! A permit is a guard: dropping it releases the permit, exactly once, so the over-release that
//! `BoundedSemaphore` guards against cannot happen (`add_permits` is the plain `release()` of an
//! unbounded `Semaphore`). A `Barrier` lets its tasks through together, once all have arrived.
//! Run it with `cargo run --example semaphore_and_barrier`.

use std::time::Duration;

use smol::lock::{Barrier, Semaphore};
use smol::{LocalExecutor, Timer};
use workbook::say;

// ANCHOR: semaphore
async fn job(name: &str, permits: &Semaphore) {
    let _permit = permits.acquire().await; // async with semaphore:
    say!("{name}: got a permit");
    Timer::after(Duration::from_millis(200)).await;
} // the permit is released here, when `_permit` is dropped
// ANCHOR_END: semaphore

// ANCHOR: barrier
async fn runner(name: &str, ms: u64, barrier: &Barrier) {
    Timer::after(Duration::from_millis(ms)).await;
    say!("{name}: at the barrier");
    let passed = barrier.wait().await;
    say!("{name}: through, leader: {}", passed.is_leader());
}
// ANCHOR_END: barrier

fn main() {
    // ANCHOR: main
    // asyncio.Semaphore(2) and asyncio.Barrier(3), made before the executor: the tasks borrow them.
    let (permits, barrier) = (Semaphore::new(2), Barrier::new(3));
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        let jobs = ["j1", "j2", "j3"].map(|name| ex.spawn(job(name, &permits)));
        for job in jobs {
            job.await;
        }
        say!("jobs: done");

        let runners = [("r1", 100), ("r2", 300), ("r3", 200)];
        let runners = runners.map(|(name, ms)| ex.spawn(runner(name, ms, &barrier)));
        for runner in runners {
            runner.await;
        }
    }));
    // ANCHOR_END: main
}
