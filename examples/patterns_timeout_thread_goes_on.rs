//! A variation of `timeout_race`: a timeout drops the job's future, not the thread it waits on.
//!
//! The job hands its wait to smol's blocking pool with `smol::unblock`. When the timer wins, `or`
//! drops the job's future, and its clean-up runs; the thread, already running, cannot be stopped
//! and finishes later. Run it with `cargo run --example patterns_timeout_thread_goes_on`.

use std::future::Future;
use std::thread;
use std::time::Duration;

use smol::Timer;
use smol::future::FutureExt;
use workbook::say;

#[derive(Debug)]
struct TimedOut;

/// The same `timeout` as `timeout_race`.
async fn timeout<T>(limit: Duration, future: impl Future<Output = T>) -> Result<T, TimedOut> {
    let give_up = async {
        Timer::after(limit).await;
        Err(TimedOut)
    };
    async { Ok(future.await) }.or(give_up).await
}

/// Prints when it is dropped, finished or not: its clean-up.
struct CleanUp(&'static str);

impl Drop for CleanUp {
    fn drop(&mut self) {
        say!("{}: clean-up runs", self.0);
    }
}

// ANCHOR: job
async fn job(name: &'static str, takes: Duration) -> &'static str {
    let _clean_up = CleanUp(name);
    say!("{name}: started, needs {} ms", takes.as_millis());
    // The change: the wait runs on a thread of smol's blocking pool, and the job awaits it.
    smol::unblock(move || {
        thread::sleep(takes);
        say!("{name}: finished");
    })
    .await;
    name
}
// ANCHOR_END: job

// ANCHOR: main
fn main() {
    smol::block_on(async {
        let limit = Duration::from_millis(300);
        let slow = timeout(limit, job("slow", Duration::from_secs(1))).await;
        say!("slow: {slow:?}");
        // Stay a while before the program ends, and its threads with it.
        Timer::after(Duration::from_secs(1)).await;
        say!("main: done");
    });
}
// ANCHOR_END: main
