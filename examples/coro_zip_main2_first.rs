//! The zip version of the nested gather with main2 first in the outer zip: asyncio's order again.
//!
//! A variation of `gather_with_zip` with the two halves of the outer `zip` swapped: the zip polls
//! `main2` before `main1`, at the start and at each wake-up, so `main2 start` comes first and, at
//! the two-second mark, `main2 end` before `2`: the order `gather_with_tasks` prints. Run it with
//! `cargo run --example coro_zip_main2_first`.

use std::time::{Duration, Instant};

use smol::Timer;
use smol::future;
use workbook::say;

async fn count(i: u64) {
    say!("{i}");
    Timer::after(Duration::from_secs(i)).await;
    say!("{i}");
}

async fn main1() {
    future::zip(count(1), future::zip(count(2), count(3))).await;
}

async fn main2() {
    say!("main2 start");
    Timer::after(Duration::from_secs(2)).await;
    say!("main2 end");
}

// ANCHOR: swapped
async fn main_of_main() {
    // Swapped: main2 first, then main1.
    future::zip(main2(), main1()).await;
}
// ANCHOR_END: swapped

fn main() {
    let start = Instant::now();
    smol::block_on(main_of_main());
    println!("executed in {:.2} seconds.", start.elapsed().as_secs_f64());
}
