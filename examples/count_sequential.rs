//! The same three counts awaited one after another: One, Two, One, Two, One, Two, in about 3 s.
//!
//! The contrast to `count_concurrent`: `.await` on each count in turn means each one must finish
//! before the next starts. Run it with `cargo run --example count_sequential`.

use std::time::{Duration, Instant};

use smol::Timer;
use workbook::say;

async fn count() {
    say!("One");
    Timer::after(Duration::from_secs(1)).await;
    say!("Two");
}

fn main() {
    let start = Instant::now();
    // ANCHOR: sequential
    smol::block_on(async {
        // Like `await count(); await count(); await count()` in Python: nothing overlaps.
        count().await;
        count().await;
        count().await;
    });
    // ANCHOR_END: sequential
    println!("executed in {:.2} seconds.", start.elapsed().as_secs_f64());
}
