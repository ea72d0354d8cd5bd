//! Stop a blocking call from stalling the other tasks: the ticker must wake after 10 ms, not 300.
//!
//! Expected: "ticker: woke after 10 ms".
//! Run it: `cargo exercise ex09_unblock`
//! Check it: `cargo xtask check ex09_unblock`
//!
//! Hint: keep the blocking call, but run it on smol's thread pool with `smol::unblock`.

use std::thread;
use std::time::{Duration, Instant};

use smol::{LocalExecutor, Timer};
use workbook::say;

/// A blocking call: think of a synchronous database query. You may not change this function.
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
        // TODO: this blocks the executor's thread for 300 ms.
        let query = ex.spawn(async { slow_query() });
        ticker.await;
        say!("query: {}", query.await);
    }));
}
