//! A `Timer`'s deadline is fixed when it is made, not when it is awaited.
//!
//! The program makes a 0.5 s timer, works (blocks) for 0.5 s, and only then awaits the timer,
//! which is already due. Its Python twin, `timer_starts_when_made.py`, does the same with
//! `asyncio.sleep`, which waits its 0.5 s after the `await`. Run it with
//! `cargo run --example timer_starts_when_made`.

use std::time::Duration;

use smol::Timer;
use workbook::say;

// ANCHOR: main
fn main() {
    smol::block_on(async {
        let sleep = Timer::after(Duration::from_millis(500)); // the deadline: now + 0.5 s
        say!("made a 0.5 s sleep; now 0.5 s of other work before awaiting it");
        // Work that keeps the thread (here, blocking on purpose), before the `.await`.
        std::thread::sleep(Duration::from_millis(500));
        say!("awaiting the sleep");
        sleep.await;
        say!("the sleep is over");
    });
}
// ANCHOR_END: main
