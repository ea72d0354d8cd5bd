//! A `ThreadTimer` made 300 ms before its first poll: its 500 ms count from that poll, not before.
//!
//! A variation of `thread_timer`: the timer is made, then the thread does 300 ms of other work
//! before `block_on` polls it for the first time. Run it with
//! `cargo run --example wakeup_timer_made_early`.

use std::thread;
use std::time::Duration;

use workbook::say;
use workbook::thread_timer::ThreadTimer;

// ANCHOR: main
fn main() {
    let timer = ThreadTimer::after(Duration::from_millis(500));
    say!("made a 500 ms ThreadTimer; 300 ms of other work before awaiting it");
    thread::sleep(Duration::from_millis(300));
    smol::block_on(async {
        say!("awaiting the ThreadTimer");
        timer.await;
        say!("the await is over");
    });
}
// ANCHOR_END: main
