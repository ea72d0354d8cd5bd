//! Three counts run concurrently: One, One, One, then Two, Two, Two, all in about 1 s.
//!
//! The notes' first program (코드 예시1), in Rust. Run it with
//! `cargo run --example count_concurrent`; its expected output is `count_concurrent.stdout`.

use std::time::{Duration, Instant};

use smol::Timer;
use smol::future;
use workbook::say;

// ANCHOR: count
async fn count() {
    say!("One");
    // Like `await asyncio.sleep(1)`: this count waits here, and the others run meanwhile.
    Timer::after(Duration::from_secs(1)).await;
    say!("Two");
}
// ANCHOR_END: count

// ANCHOR: main
fn main() {
    let start = Instant::now();
    // `block_on` plays the part of `asyncio.run`: it runs one future until it is done.
    smol::block_on(async {
        // Like `gather(count(), count(), count())`: all three at once, and wait for all of them.
        future::zip(count(), future::zip(count(), count())).await;
    });
    println!("executed in {:.2} seconds.", start.elapsed().as_secs_f64());
}
// ANCHOR_END: main
