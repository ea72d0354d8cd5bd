//! Solution: each wait for the next page is raced against the deadline; the tasks left are then cancelled.

use std::time::{Duration, Instant};

use smol::future::FutureExt;
use smol::{LocalExecutor, Timer};
use workbook::say;
use workbook::wait::first_completed;

struct CancelNotice(u32);

impl Drop for CancelNotice {
    fn drop(&mut self) {
        say!("page {}: cancelled", self.0);
    }
}

async fn fetch(page: u32, ms: u64) -> String {
    let notice = CancelNotice(page);
    Timer::after(Duration::from_millis(ms)).await;
    std::mem::forget(notice);
    format!("page {page}")
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        say!("fetching pages 1, 2 and 3, until 0.3 s");
        let deadline = Instant::now() + Duration::from_millis(300);
        let mut tasks = vec![
            ex.spawn(fetch(1, 500)),
            ex.spawn(fetch(2, 100)),
            ex.spawn(fetch(3, 200)),
        ];
        while !tasks.is_empty() {
            let next = async { Some(first_completed(&mut tasks).await) }
                .or(async {
                    Timer::at(deadline).await;
                    None
                })
                .await;
            match next {
                Some(page) => say!("got {page}"),
                None => break,
            }
        }
        let left = tasks.len();
        for task in tasks {
            task.cancel().await;
        }
        say!("fetches cancelled at the deadline: {left}");
    }));
}
