//! Take the pages as they come, but only until 0.3 s; then cancel the fetches still running.
//!
//! As it is, it waits for every page, the slow one too, until 0.5 s.
//! Run it: `cargo exercise ex15_pages_until_deadline`
//! Check it: `cargo xtask check ex15_pages_until_deadline`
//!
//! Hint: race `first_completed(&mut tasks)` against `Timer::at(deadline)` with `or`; when the
//! deadline wins, the handles left in `tasks` are the fetches still running, and
//! `task.cancel().await` stops each one.

use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;
use workbook::wait::first_completed;

/// Says so if the fetch is dropped before it finishes.
struct CancelNotice(u32);

impl Drop for CancelNotice {
    fn drop(&mut self) {
        say!("page {}: cancelled", self.0);
    }
}

async fn fetch(page: u32, ms: u64) -> String {
    let notice = CancelNotice(page);
    Timer::after(Duration::from_millis(ms)).await;
    std::mem::forget(notice); // finished: no notice
    format!("page {page}")
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        say!("fetching pages 1, 2 and 3, until 0.3 s");
        // TODO: the deadline, 300 ms from now (a `std::time::Instant`).
        let mut tasks = vec![
            ex.spawn(fetch(1, 500)),
            ex.spawn(fetch(2, 100)),
            ex.spawn(fetch(3, 200)),
        ];
        while !tasks.is_empty() {
            // TODO: stop waiting when the deadline comes.
            let page = first_completed(&mut tasks).await;
            say!("got {page}");
        }
        // TODO: cancel the fetches still running, and wait until they have stopped.
        say!("fetches cancelled at the deadline: {}", tasks.len());
    }));
}
