//! `count()` called without its argument: Rust rejects it with error E0061.
//!
//! The notes' first program calls `count()` without its argument `i`. Python only finds out when
//! the call runs (a `TypeError`); Rust refuses to compile the program. See the error with
//! `cargo build --example count_missing_argument --features compile-fail`.

use std::time::Duration;

use smol::Timer;
use smol::future;
use workbook::say;

// ANCHOR: mistake
async fn count(i: u64) {
    say!("One {i}");
    Timer::after(Duration::from_secs(1)).await;
    say!("Two {i}");
}

fn main() {
    smol::block_on(async {
        // The notes' call: `gather(count(), count(), count())`, with no argument.
        future::zip(count(), future::zip(count(), count())).await;
    });
}
// ANCHOR_END: mistake
