//! asyncio.wait_for in smol: racing work against a timer cancels the work.
//!
//! A dropped task cleans up only later.
//!
//! `wait_for(aw, t)` cancels `aw` when time is up and waits until it has stopped before raising
//! `TimeoutError`. With a future, Rust does the same: `or` drops the loser before it returns.
//! With a task handle, dropping the handle only asks the executor to drop the task, which it
//! does at its next turn, after the timeout has been reported; `cancel().await` waits for it.
//! Run it with `cargo run --example wait_for_cancels`.

use std::time::Duration;

use smol::future::FutureExt;
use smol::{LocalExecutor, Timer};
use workbook::say;

struct CleanUp(&'static str);

impl Drop for CleanUp {
    fn drop(&mut self) {
        say!("{}: cleaned up", self.0);
    }
}

async fn job(name: &'static str) -> &'static str {
    let _clean_up = CleanUp(name);
    // Never reached: the time limit cancels the job first.
    Timer::after(Duration::from_secs(1)).await;
    name
}

// ANCHOR: time_up
/// The timer's side of a race: an `Err` after `ms` milliseconds.
async fn time_up<T>(ms: u64) -> Result<T, &'static str> {
    Timer::after(Duration::from_millis(ms)).await;
    Err("timed out")
}
// ANCHOR_END: time_up

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // ANCHOR: main
        say!("future: 100 ms to do a 1 s job");
        let result = async { Ok(job("future").await) }.or(time_up(100)).await;
        say!("future: {result:?}"); // the job was dropped, and cleaned up, inside `or`

        say!("task: 100 ms to do a 1 s job");
        let task = ex.spawn(job("task"));
        let result = async { Ok(task.await) }.or(time_up(100)).await;
        say!("task: {result:?}"); // the handle was dropped: the task is only marked cancelled
        Timer::after(Duration::from_millis(100)).await; // the executor drops it now

        say!("task, cancel().await: 100 ms to do a 1 s job");
        let mut task = ex.spawn(job("task, cancel().await"));
        let mut result = async { Ok((&mut task).await) }.or(time_up(100)).await;
        if result.is_err() {
            result = task.cancel().await.ok_or("timed out"); // returns once the task is dropped
        }
        say!("task, cancel().await: {result:?}");
        // ANCHOR_END: main
    }));
}
