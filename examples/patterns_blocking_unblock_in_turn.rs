//! A variation of `blocking_work`: four `smol::unblock` calls, each awaited before the next.
//!
//! The calls still run on smol's blocking thread pool, and the executor's thread stays free, but
//! the loop waits for each call before it starts the next, so the four take 1 s, not 0.25 s. Run
//! it with `cargo run --example patterns_blocking_unblock_in_turn`.

use std::thread;
use std::time::Duration;

use workbook::say;

const JOB: Duration = Duration::from_millis(250);

/// A blocking call, such as a synchronous database driver or `std::fs`: the thread waits.
fn blocking_call() {
    thread::sleep(JOB);
}

fn main() {
    smol::block_on(async {
        // ANCHOR: main
        say!("four blocking calls of 0.25 s, with smol::unblock");
        for _ in 0..4 {
            smol::unblock(blocking_call).await;
        }
        say!("done");
        // ANCHOR_END: main
    });
}
