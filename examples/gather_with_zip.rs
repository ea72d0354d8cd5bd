//! The notes' nested gather with `zip`: 1, 2, 3, main2 start, 1, 2, main2 end, 3, in about 3 s.
//!
//! The notes' second program with `future::zip` in place of `gather`: no tasks, just futures
//! polled in order inside one task. Same total time, different order. Run it with
//! `cargo run --example gather_with_zip`, and compare with `gather_with_tasks`.

use std::time::{Duration, Instant};

use smol::Timer;
use smol::future;
use workbook::say;

async fn count(i: u64) {
    say!("{i}");
    Timer::after(Duration::from_secs(i)).await;
    say!("{i}");
}

// ANCHOR: zips
async fn main1() {
    // No task is created: the zip polls count(1), then count(2), then count(3), each time it is
    // polled itself, and only when it is polled.
    future::zip(count(1), future::zip(count(2), count(3))).await;
}

async fn main2() {
    say!("main2 start");
    Timer::after(Duration::from_secs(2)).await;
    say!("main2 end");
}

async fn main_of_main() {
    // main1 goes first, all the way to its first pending await, before main2 is polled at all.
    future::zip(main1(), main2()).await;
}
// ANCHOR_END: zips

fn main() {
    let start = Instant::now();
    smol::block_on(main_of_main());
    println!("executed in {:.2} seconds.", start.elapsed().as_secs_f64());
}
