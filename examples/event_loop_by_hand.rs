//! An event loop from scratch, a ready queue and a map of timers, running the notes' example 2.
//!
//! The loop is in `examples/workbook/event_loop.rs`. It prints Python's order (main2 start, 1, 2,
//! 3, 1, main2 end, 2, 3) in about 3 s, and shows each time the loop waits for its next timer.
//! Run it with `cargo run --example event_loop_by_hand`.

use std::time::{Duration, Instant};

use workbook::event_loop::{Loop, run};
use workbook::say;

// ANCHOR: notes
async fn count(lp: Loop, i: u64) {
    say!("{i}");
    lp.sleep(Duration::from_secs(i)).await;
    say!("{i}");
}

async fn main1(lp: Loop) {
    let tasks = [1, 2, 3].map(|i| lp.spawn(count(lp.clone(), i)));
    for task in tasks {
        task.await;
    }
}

async fn main2(lp: Loop) {
    say!("main2 start");
    lp.sleep(Duration::from_secs(2)).await;
    say!("main2 end");
}

async fn main_of_main(lp: Loop) {
    let first = lp.spawn(main1(lp.clone()));
    let second = lp.spawn(main2(lp.clone()));
    first.await;
    second.await;
}

fn main() {
    let start = Instant::now();
    run(main_of_main);
    println!("executed in {:.2} seconds.", start.elapsed().as_secs_f64());
}
// ANCHOR_END: notes
