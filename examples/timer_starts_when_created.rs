//! A smol `Timer` fixes its deadline when it is created.
//!
//! asyncio.sleep fixes it when it is first awaited.
//!
//! `Timer::after(d)` computes `now + d` on the spot, so a timer created early and awaited late
//! finishes early. A Python coroutine does nothing until awaited, so `asyncio.sleep(d)` counts
//! from the `await`; an `async` block around the timer does the same in Rust. Run it with
//! `cargo run --example timer_starts_when_created`.

use std::time::Duration;

use smol::Timer;
use workbook::say;

fn main() {
    smol::block_on(async {
        // ANCHOR: main
        say!("timer: created, 500 ms");
        let timer = Timer::after(Duration::from_millis(500)); // deadline: now + 500 ms
        Timer::after(Duration::from_millis(300)).await; // something else first
        say!("timer: awaited");
        timer.await;
        say!("timer: done, 500 ms after it was created");

        say!("lazy sleep: created, 500 ms");
        let sleep = async { Timer::after(Duration::from_millis(500)).await }; // nothing runs yet
        Timer::after(Duration::from_millis(300)).await;
        say!("lazy sleep: awaited");
        sleep.await; // the timer is created here, at the first poll
        say!("lazy sleep: done, 500 ms after it was awaited");
        // ANCHOR_END: main
    });
}
