//! A `block_on` from scratch: poll the future; on `Pending`, park the thread until a wake-up.
//!
//! The `block_on` (in `examples/workbook/block_on.rs`) has a waker that notes the wake-up and
//! unparks the thread that called it. Here it drives the hand-made `ThreadTimer`.
//! Run it with `cargo run --example block_on_by_hand`.

use std::time::Duration;

use workbook::block_on::block_on;
use workbook::thread_timer::ThreadTimer;
use workbook::{say, thread_name};

// ANCHOR: main
fn main() {
    let answer = block_on(async {
        say!("[{}] the future starts", thread_name());
        ThreadTimer::after(Duration::from_millis(500)).await;
        42
    });
    say!("[{}] block_on returned {answer}", thread_name());
}
// ANCHOR_END: main
