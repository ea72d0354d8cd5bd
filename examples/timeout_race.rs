//! Timeouts: race a future against a `Timer`; the loser is dropped, and its clean-up still runs.
//!
//! Python's `asyncio.wait_for(aw, timeout)` or `async with asyncio.timeout(...)`, built from
//! `FutureExt::or`. Run it with `cargo run --example timeout_race`.

use std::future::Future;
use std::time::Duration;

use smol::Timer;
use smol::future::FutureExt;
use workbook::say;

// ANCHOR: timeout
#[derive(Debug)]
struct TimedOut;

/// Runs `future`, but gives up after `limit`: whichever finishes first wins, and `or` drops
/// the other one.
async fn timeout<T>(limit: Duration, future: impl Future<Output = T>) -> Result<T, TimedOut> {
    let give_up = async {
        Timer::after(limit).await;
        Err(TimedOut)
    };
    async { Ok(future.await) }.or(give_up).await
}
// ANCHOR_END: timeout

// ANCHOR: job
/// Prints when it is dropped, finished or not: its clean-up.
struct CleanUp(&'static str);

impl Drop for CleanUp {
    fn drop(&mut self) {
        say!("{}: clean-up runs", self.0);
    }
}

async fn job(name: &'static str, takes: Duration) -> &'static str {
    let _clean_up = CleanUp(name);
    say!("{name}: started, needs {} ms", takes.as_millis());
    Timer::after(takes).await;
    say!("{name}: finished");
    name
}
// ANCHOR_END: job

// ANCHOR: main
fn main() {
    smol::block_on(async {
        let limit = Duration::from_millis(300);
        let fast = timeout(limit, job("fast", Duration::from_millis(100))).await;
        say!("fast: {fast:?}");
        let slow = timeout(limit, job("slow", Duration::from_secs(2))).await;
        say!("slow: {slow:?}");
    });
}
// ANCHOR_END: main
