//! The pages of `as_completed_order`, awaited in the list's order, as gather does: all at 0.30 s.
//!
//! A variation of `as_completed_order` that awaits the handles one after the other instead of
//! calling `first_completed`: the results come in the order the tasks were started, and the
//! first, the slowest, holds back the others, which finished long before. Run it with
//! `cargo run --example phrase_gather_in_order`.

use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;

async fn fetch(page: u32, ms: u64) -> String {
    Timer::after(Duration::from_millis(ms)).await;
    format!("page {page} ({ms} ms)")
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // ANCHOR: in_order
        say!("fetching pages 1, 2 and 3");
        let tasks = vec![
            ex.spawn(fetch(1, 300)),
            ex.spawn(fetch(2, 100)),
            ex.spawn(fetch(3, 200)),
        ];
        // was: while !tasks.is_empty() { let page = first_completed(&mut tasks).await; ... }
        for task in tasks {
            let page = task.await;
            say!("got {page}");
        }
        // ANCHOR_END: in_order
    }));
}
