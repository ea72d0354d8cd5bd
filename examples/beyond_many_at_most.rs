//! At most N futures in flight, a new one started as each finishes, results in completion order.
//!
//! What `buffer_unordered(n)` does in the `futures` crate, written with smol tasks: start the
//! first `limit` jobs, then each time one finishes, hand its output on and start the next. No
//! more than `limit` tasks exist at once, however long the list. Run it with
//! `cargo run --example beyond_many_at_most`.

use std::future::Future;
use std::time::Duration;

use smol::{LocalExecutor, Task, Timer};
use workbook::say;
use workbook::wait::first_completed;

// ANCHOR: at_most
/// Runs the jobs on `ex`, at most `limit` at a time, and hands each output to `each` as soon as
/// its job is done. A job's future is taken from `jobs` only when there is room for it.
async fn at_most<'a, T: 'a, F>(
    ex: &LocalExecutor<'a>,
    limit: usize,
    jobs: impl IntoIterator<Item = F>,
    mut each: impl FnMut(T),
) where
    F: Future<Output = T> + 'a,
{
    let mut jobs = jobs.into_iter();
    let mut running: Vec<Task<T>> = jobs.by_ref().take(limit).map(|j| ex.spawn(j)).collect();
    while !running.is_empty() {
        each(first_completed(&mut running).await); // the first to finish, whichever it is
        if let Some(job) = jobs.next() {
            running.push(ex.spawn(job)); // its place goes to the next job
        }
    }
}
// ANCHOR_END: at_most

// ANCHOR: main
async fn job(name: &'static str, ms: u64) -> &'static str {
    say!("start {name} ({ms} ms)");
    Timer::after(Duration::from_millis(ms)).await;
    name
}

fn main() {
    let ex = LocalExecutor::new();
    let list = [("a", 300), ("b", 100), ("c", 100), ("d", 300), ("e", 100)];
    smol::block_on(ex.run(async {
        let jobs = list.into_iter().map(|(name, ms)| job(name, ms));
        at_most(&ex, 2, jobs, |name| say!("got {name}")).await;
        say!("all done");
    }));
}
// ANCHOR_END: main
