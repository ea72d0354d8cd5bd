//! A TaskGroup in smol: at the first error, cancel the rest and wait until they stop.
//!
//! Otherwise, wait for every task.
//!
//! `async with asyncio.TaskGroup()` cancels its other tasks when one fails, waits for them, and
//! raises the error. smol has no task group; `all_or_nothing` below builds one from task
//! handles, and `future::try_zip` does the same for two futures in one task. Run it with
//! `cargo run --example task_group`.

use std::time::Duration;

use smol::future;
use smol::{LocalExecutor, Task, Timer};
use workbook::say;
use workbook::wait::first_completed;

// ANCHOR: job
/// Says so if the job is dropped before it finishes: the `except CancelledError` of Python.
struct CancelNotice(&'static str);

impl Drop for CancelNotice {
    fn drop(&mut self) {
        say!("{}: cancelled, cleaning up", self.0);
    }
}

async fn job(name: &'static str, ms: u64, fails: bool) -> Result<&'static str, String> {
    let notice = CancelNotice(name);
    Timer::after(Duration::from_millis(ms)).await;
    std::mem::forget(notice); // finished: no notice (it owns nothing that needs freeing)
    if fails {
        say!("{name}: failed");
        return Err(format!("{name} failed"));
    }
    say!("{name}: done");
    Ok(name)
}
// ANCHOR_END: job

// ANCHOR: group
/// Waits for every task. At the first error, cancels the others, waits until each has stopped
/// (their clean-up has run), and returns the error. The outputs come in the order they finished.
async fn all_or_nothing<T, E>(mut tasks: Vec<Task<Result<T, E>>>) -> Result<Vec<T>, E> {
    let mut outputs = Vec::new();
    while !tasks.is_empty() {
        match first_completed(&mut tasks).await {
            Ok(output) => outputs.push(output),
            Err(error) => {
                for task in tasks {
                    task.cancel().await;
                }
                return Err(error);
            }
        }
    }
    Ok(outputs)
}
// ANCHOR_END: group

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // ANCHOR: main
        say!("group: a, b and c");
        let tasks = vec![
            ex.spawn(job("a", 100, false)),
            ex.spawn(job("b", 200, true)),
            ex.spawn(job("c", 500, false)),
        ];
        if let Err(error) = all_or_nothing(tasks).await {
            say!("group: {error}");
        }

        // Two futures in this task: the one still running is dropped when the other fails.
        say!("try_zip: d and e");
        if let Err(error) = future::try_zip(job("d", 100, true), job("e", 300, false)).await {
            say!("try_zip: {error}");
        }
        // ANCHOR_END: main
    }));
}
