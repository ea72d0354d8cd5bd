//! A barrier wait given up by a time limit: smol's Barrier still counts it, asyncio's does not.
//!
//! Nothing breaks a smol `Barrier`: it has no `abort()` or `reset()`, so there is no
//! `BrokenBarrierError`. But a `wait()` that is dropped after it arrived has been counted, and
//! stays counted: the next task to arrive goes through without waiting for a real second party.
//! asyncio takes a cancelled waiter off the count (`Barrier.wait`'s `finally:`). Run it with
//! `cargo run --example phrase_barrier_gave_up`.

use std::time::Duration;

use smol::Timer;
use smol::future::FutureExt;
use smol::lock::Barrier;
use workbook::say;

fn main() {
    smol::block_on(async {
        // ANCHOR: main
        let barrier = Barrier::new(2); // two parties
        // a: asyncio.wait_for(barrier.wait(), 0.1)
        say!("a: at the barrier, for 100 ms at most");
        let waited = async {
            barrier.wait().await;
            Ok(())
        }
        .or(async {
            Timer::after(Duration::from_millis(100)).await;
            Err("gave up")
        })
        .await;
        say!("a: {waited:?}");

        Timer::after(Duration::from_millis(200)).await;
        say!("b: at the barrier");
        let passed = barrier.wait().await;
        say!("b: through, leader: {}", passed.is_leader());
        // ANCHOR_END: main
    });
}
