//! On our event loop, `main` awaits only `main2`: `run` returns at 2 s, and `count(3)` never ends.
//!
//! A variation of `event_loop_by_hand` with `first.await` taken out: `run` returns as soon as its
//! `main` is done, and drops the tasks still waiting. Run it with
//! `cargo run --example wakeup_loop_awaits_one`.

use std::time::{Duration, Instant};

use workbook::event_loop::{Loop, run};
use workbook::say;

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

// ANCHOR: main_of_main
async fn main_of_main(lp: Loop) {
    let _first = lp.spawn(main1(lp.clone()));
    let second = lp.spawn(main2(lp.clone()));
    // Only main2 is awaited now.
    second.await;
}
// ANCHOR_END: main_of_main

fn main() {
    let start = Instant::now();
    run(main_of_main);
    println!("executed in {:.2} seconds.", start.elapsed().as_secs_f64());
}
