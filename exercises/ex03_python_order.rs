//! Make the nested gather print Python's order: main2 start, 1, 2, 3, 1, main2 end, 2, 3.
//!
//! This is `gather_with_zip`: it prints zip's order. Change it so that it prints the order of
//! `asyncio.gather`, in the same 3 s.
//! Run it: `cargo exercise ex03_python_order`
//! Check it: `cargo xtask check ex03_python_order`
//!
//! Hint: `gather` makes a task of every coroutine: spawn them on a `LocalExecutor`, in order.

use std::time::Duration;

use smol::Timer;
use smol::future;
use workbook::say;

async fn count(i: u64) {
    say!("{i}");
    Timer::after(Duration::from_secs(i)).await;
    say!("{i}");
}

async fn main1() {
    // TODO: run the three counts as tasks.
    future::zip(count(1), future::zip(count(2), count(3))).await;
}

async fn main2() {
    say!("main2 start");
    Timer::after(Duration::from_secs(2)).await;
    say!("main2 end");
}

fn main() {
    // TODO: run main1 and main2 as tasks too.
    smol::block_on(future::zip(main1(), main2()));
}
