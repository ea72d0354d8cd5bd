//! A timer future from scratch: poll → Pending, a thread calls wake(), poll → Ready.
//!
//! The timer (in `examples/workbook/thread_timer.rs`) starts a thread that sleeps, then wakes the
//! task through its `Waker`. Run it with `cargo run --example thread_timer`.

use std::time::Duration;

use workbook::say;
use workbook::thread_timer::ThreadTimer;

// ANCHOR: main
fn main() {
    smol::block_on(async {
        say!("awaiting a 500 ms ThreadTimer");
        ThreadTimer::after(Duration::from_millis(500)).await;
        say!("the await is over");
    });
}
// ANCHOR_END: main
