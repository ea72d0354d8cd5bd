//! Three counts awaited one after another, their timers made first: all done in 1 s, not 3.
//!
//! A variation of `count_sequential`: each count is handed a `Timer` that `main` made before the
//! first count ran. A `Timer`'s deadline is fixed when it is made (`timer_starts_when_made`), so
//! the three deadlines are the same instant, however late each count awaits its timer. Run it
//! with `cargo run --example coro_timers_made_first`.

use std::time::{Duration, Instant};

use smol::Timer;
use workbook::say;

// ANCHOR: count
async fn count(timer: Timer) {
    say!("One");
    timer.await;
    say!("Two");
}
// ANCHOR_END: count

fn main() {
    let start = Instant::now();
    // ANCHOR: main
    smol::block_on(async {
        // Three 1 s timers, made before any count runs.
        let a = Timer::after(Duration::from_secs(1));
        let b = Timer::after(Duration::from_secs(1));
        let c = Timer::after(Duration::from_secs(1));
        // Awaited one after another, as in `count_sequential`.
        count(a).await;
        count(b).await;
        count(c).await;
    });
    // ANCHOR_END: main
    println!("executed in {:.2} seconds.", start.elapsed().as_secs_f64());
}
