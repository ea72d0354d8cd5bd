//! Make three counts run concurrently, so that the program takes 1 s instead of 3 s.
//!
//! Expected: One, One, One at 0.00 s, then Two, Two, Two at 1.00 s.
//! Run it: `cargo exercise ex01_concurrent_counts`
//! Check it: `cargo xtask check ex01_concurrent_counts`
//!
//! Hint: `smol::future::zip` runs two futures at once; a zip inside a zip runs three.

use std::time::Duration;

use smol::Timer;
use workbook::say;

async fn count() {
    say!("One");
    Timer::after(Duration::from_secs(1)).await;
    say!("Two");
}

fn main() {
    smol::block_on(async {
        // TODO: these three counts run one after another. Make them run at the same time.
        count().await;
        count().await;
        count().await;
    });
}
