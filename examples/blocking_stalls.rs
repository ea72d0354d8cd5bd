//! A blocking `std::thread::sleep` in one task stalls every task on its executor.
//!
//! A task that awaits a 10 ms timer wakes after about 200 ms, because another task blocks the
//! thread for 200 ms; with `Timer` or `smol::unblock` it wakes on time. Run it with
//! `cargo run --example blocking_stalls`.

use std::thread;
use std::time::{Duration, Instant};

use smol::{LocalExecutor, Timer};
use workbook::say;

// ANCHOR: ticker
/// Sleeps 10 ms, and says how long it really took.
async fn ticker(label: &str) {
    let start = Instant::now();
    Timer::after(Duration::from_millis(10)).await;
    say!(
        "{label}: a 10 ms timer woke me after {} ms",
        start.elapsed().as_millis()
    );
}
// ANCHOR_END: ticker

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // ANCHOR: stalls
        // The mistake: a blocking sleep inside a task. Nothing else runs on this thread meanwhile.
        say!("a ticker, next to a task that calls thread::sleep for 200 ms");
        let tick = ex.spawn(ticker("with thread::sleep"));
        let block = ex.spawn(async { thread::sleep(Duration::from_millis(200)) });
        tick.await;
        block.await;
        // ANCHOR_END: stalls

        // ANCHOR: fixes
        // Fix 1: wait with a timer, which gives control back to the executor.
        say!("a ticker, next to a task that awaits a 200 ms Timer");
        let tick = ex.spawn(ticker("with Timer"));
        let wait = ex.spawn(async { Timer::after(Duration::from_millis(200)).await });
        tick.await;
        wait.await;

        // Fix 2: blocking work that cannot be avoided goes to smol's thread pool.
        say!("a ticker, next to a task that runs thread::sleep in smol::unblock");
        let tick = ex.spawn(ticker("with unblock"));
        let block = ex.spawn(smol::unblock(|| thread::sleep(Duration::from_millis(200))));
        tick.await;
        block.await;
        // ANCHOR_END: fixes
    }));
}
