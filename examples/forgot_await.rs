//! A call without `.await` is a future that is never polled: the sleep and the print never happen.
//!
//! The compiler warns about it (`unused_must_use`); this example silences that warning on
//! purpose, to show what the program does. Run it with `cargo run --example forgot_await`.

use std::time::Duration;

use smol::Timer;
use workbook::say;

// ANCHOR: forgot
async fn pause_and_report() {
    Timer::after(Duration::from_secs(1)).await;
    say!("paused for a second");
}

fn main() {
    smol::block_on(async {
        say!("before");
        #[allow(unused_must_use)] // the mistake on purpose; normally the compiler warns here
        pause_and_report(); // no `.await`: the future is created and dropped
        say!("after: no pause, and no report");
        pause_and_report().await;
        say!("with .await: paused");
    });
}
// ANCHOR_END: forgot
