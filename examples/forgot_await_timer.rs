//! A forgotten `.await` on a `smol::Timer` compiles without a word, and does not wait.
//!
//! `Timer` is a plain struct that implements `Future`, and it is not marked `#[must_use]`, so
//! the `unused_must_use` lint that catches a forgotten `.await` on an `async fn`'s future (see
//! `forgot_await_warning`) says nothing here, even made an error. Run it with
//! `cargo run --example forgot_await_timer`.

// ANCHOR: timer
#![deny(unused_must_use)] // the same lint as `forgot_await_warning`, made an error

use std::time::Duration;

use smol::Timer;
use workbook::say;

fn main() {
    smol::block_on(async {
        say!("before");
        Timer::after(Duration::from_secs(1)); // forgot `.await`: it compiles, and waits for nothing
        say!("after the Timer without .await: no pause");
        Timer::after(Duration::from_secs(1)).await;
        say!("after the Timer with .await: paused");
    });
}
// ANCHOR_END: timer
