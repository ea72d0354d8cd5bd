//! asyncio.sleep(0) is `future::yield_now()`.
//!
//! A zero-length `Timer` is ready at once and does not yield.
//!
//! `await asyncio.sleep(0)` always gives the other tasks a turn. In Rust, `yield_now().await`
//! does the same, but `Timer::after(Duration::ZERO).await` does not: its deadline has passed by
//! the time it is first polled, so it is ready then, and the task runs on. Run it with
//! `cargo run --example yield_now_vs_zero_timer`.

use std::time::Duration;

use smol::{LocalExecutor, Timer, future};
use workbook::say;

// ANCHOR: steps
async fn three_steps(name: &str, zero_timer: bool) {
    for step in 1..=3 {
        say!("{name}{step}");
        if zero_timer {
            Timer::after(Duration::ZERO).await; // ready at once: no turn for the others
        } else {
            future::yield_now().await; // asyncio.sleep(0): back of the queue
        }
    }
}
// ANCHOR_END: steps

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // ANCHOR: main
        for zero_timer in [false, true] {
            say!(
                "{}",
                if zero_timer {
                    "zero timer:"
                } else {
                    "yield_now:"
                }
            );
            let a = ex.spawn(three_steps("a", zero_timer));
            let b = ex.spawn(three_steps("b", zero_timer));
            a.await;
            b.await;
        }
        // ANCHOR_END: main
    }));
}
