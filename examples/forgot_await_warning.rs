//! The warning the compiler gives for a forgotten `.await`, made an error so that it is checked.
//!
//! `forgot_await` silences this warning to show what the program does. Here the lint is turned
//! into an error instead. See it with
//! `cargo build --example forgot_await_warning --features compile-fail`.

// ANCHOR: deny
#![deny(unused_must_use)] // make the warning an error, as `-D warnings` does in CI

async fn pause_and_report() {}

fn main() {
    smol::block_on(async {
        pause_and_report(); // forgot `.await`
    });
}
// ANCHOR_END: deny
