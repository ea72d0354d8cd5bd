//! Solution: the blocking call runs on smol's thread pool.

use std::thread;
use std::time::{Duration, Instant};

use smol::{LocalExecutor, Timer};
use workbook::say;

fn slow_query() -> u32 {
    thread::sleep(Duration::from_millis(300));
    42
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        say!("start");
        let ticker = ex.spawn(async {
            let start = Instant::now();
            Timer::after(Duration::from_millis(10)).await;
            say!("ticker: woke after {} ms", start.elapsed().as_millis());
        });
        let query = smol::unblock(slow_query);
        ticker.await;
        say!("query: {}", query.await);
    }));
}
