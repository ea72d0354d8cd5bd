//! A future made now and awaited a second later: its body, and so its sleep, start at the await.
//!
//! A variation of `forgot_await`: the future of `pause_and_report()` is kept, not dropped, and
//! awaited after a sleep of `main`'s own. Run it with `cargo run --example rules_lazy_await_later`.

use std::time::Duration;

use smol::Timer;
use workbook::say;

async fn pause_and_report() {
    Timer::after(Duration::from_secs(1)).await;
    say!("paused for a second");
}

fn main() {
    smol::block_on(async {
        // ANCHOR: later
        let report = pause_and_report(); // made at 0 s, kept for later
        say!("made the future; now a 1 s sleep of our own");
        Timer::after(Duration::from_secs(1)).await;
        say!("now awaiting the future");
        report.await;
        say!("done");
        // ANCHOR_END: later
    });
}
