//! A wake-up from another thread reaches our event loop while it waits for a timer.
//!
//! The loop (in `examples/workbook/event_loop.rs`) waits for a 1 s sleep; a 100 ms `ThreadTimer`
//! wakes its task from the `timer` thread, and the loop runs it at 0.1 s, not at 1 s.
//! Run it with `cargo run --example event_loop_thread_wake`.

use std::time::Duration;

use workbook::event_loop::{Loop, run};
use workbook::say;
use workbook::thread_timer::ThreadTimer;

// ANCHOR: main
async fn main_task(lp: Loop) {
    let sleeper = lp.clone();
    let long = lp.spawn(async move {
        say!("sleeping 1 s on the loop's timer");
        sleeper.sleep(Duration::from_secs(1)).await;
        say!("the 1 s sleep is over");
    });
    say!("awaiting a 100 ms ThreadTimer");
    ThreadTimer::after(Duration::from_millis(100)).await;
    say!("the ThreadTimer is over");
    long.await;
}

fn main() {
    run(main_task);
}
// ANCHOR_END: main
