//! The blocking task spawned before the ticker: the ticker waits 200 ms, yet says 10 ms.
//!
//! A variation of `blocking_stalls` with its two `spawn` lines swapped: the task that calls
//! `thread::sleep` runs first, and the ticker's first poll, which starts its clock and its timer,
//! comes only when the thread is free again. Run it with
//! `cargo run --example wakeup_blocking_spawned_first`.

use std::thread;
use std::time::{Duration, Instant};

use smol::{LocalExecutor, Timer};
use workbook::say;

/// Sleeps 10 ms, and says how long it really took (as in `blocking_stalls`).
async fn ticker(label: &str) {
    let start = Instant::now();
    Timer::after(Duration::from_millis(10)).await;
    say!(
        "{label}: a 10 ms timer woke me after {} ms",
        start.elapsed().as_millis()
    );
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // ANCHOR: swapped
        say!("the task that calls thread::sleep for 200 ms, spawned before the ticker");
        let block = ex.spawn(async { thread::sleep(Duration::from_millis(200)) });
        let tick = ex.spawn(ticker("spawned second"));
        tick.await;
        block.await;
        // ANCHOR_END: swapped
    }));
}
