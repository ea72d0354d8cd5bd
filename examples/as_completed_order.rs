//! asyncio.as_completed in smol: results in the order the tasks finish.
//!
//! That is not the order they were started in.
//!
//! `gather` gives results in the order of its arguments; `as_completed` as they come. With smol,
//! call `first_completed` (in the workbook library) until no task is left. Run it with
//! `cargo run --example as_completed_order`.

use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;
use workbook::wait::first_completed;

async fn fetch(page: u32, ms: u64) -> String {
    Timer::after(Duration::from_millis(ms)).await;
    format!("page {page} ({ms} ms)")
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // ANCHOR: as_completed
        say!("fetching pages 1, 2 and 3");
        let mut tasks = vec![
            ex.spawn(fetch(1, 300)),
            ex.spawn(fetch(2, 100)),
            ex.spawn(fetch(3, 200)),
        ];
        // for next in asyncio.as_completed(tasks): page = await next
        while !tasks.is_empty() {
            let page = first_completed(&mut tasks).await;
            say!("got {page}");
        }
        // ANCHOR_END: as_completed
    }));
}
