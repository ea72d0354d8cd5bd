//! `.await` outside async code does not compile (error E0728), just as `await` outside `async def`.
//!
//! Python says "SyntaxError: 'await' outside async function". See Rust's error with
//! `cargo build --example await_outside_async --features compile-fail`.

use std::time::Duration;

use smol::Timer;

// ANCHOR: outside
fn pause() {
    // An ordinary function cannot wait: only async code can give control back.
    Timer::after(Duration::from_secs(1)).await;
}
// ANCHOR_END: outside

fn main() {
    pause();
}
