//! The notes' nested gather with tasks: main2 start, 1, 2, 3, 1, main2 end, 2, 3, in about 3 s.
//!
//! The notes' second program (코드 예시2) with every coroutine wrapped in a task, as
//! `asyncio.gather` does: it prints exactly the order the notes predict. Run it with
//! `cargo run --example gather_with_tasks`. Compare `gather_with_zip`, which runs the same
//! coroutines as lazy futures inside one task, and prints a different order.

use std::rc::Rc;
use std::time::{Duration, Instant};

use smol::{LocalExecutor, Timer};
use workbook::say;

// ANCHOR: coroutines
async fn count(i: u64) {
    say!("{i}");
    Timer::after(Duration::from_secs(i)).await;
    say!("{i}");
}

async fn main1(ex: Rc<LocalExecutor<'static>>) {
    // gather(count(1), count(2), count(3)): three tasks go into the executor's queue right now,
    // in this order; they start once this task gives control back.
    let tasks = [ex.spawn(count(1)), ex.spawn(count(2)), ex.spawn(count(3))];
    for task in tasks {
        task.await;
    }
}

async fn main2() {
    say!("main2 start");
    Timer::after(Duration::from_secs(2)).await;
    say!("main2 end");
}

async fn main_of_main(ex: Rc<LocalExecutor<'static>>) {
    // gather(main(), main2()): two more tasks, queued in this order.
    let first = ex.spawn(main1(ex.clone()));
    let second = ex.spawn(main2());
    first.await;
    second.await;
}
// ANCHOR_END: coroutines

// ANCHOR: main
fn main() {
    let start = Instant::now();
    // One thread, one queue of tasks: the part asyncio's event loop plays. Tasks that spawn
    // more tasks need a handle to it; `Rc` shares one, counting references as Python does.
    let ex = Rc::new(LocalExecutor::new());
    smol::block_on(ex.run(main_of_main(ex.clone())));
    println!("executed in {:.2} seconds.", start.elapsed().as_secs_f64());
}
// ANCHOR_END: main
