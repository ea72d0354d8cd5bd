//! Run six jobs on a pool of two worker tasks that take them from one channel, at most two at once.
//!
//! Like two asyncio tasks that loop on `await jobs.get()`: only two jobs run at a time because
//! only two workers take them (no semaphore). Each worker sends each result back on a second
//! channel, and `main` prints each result the moment it comes. Once every job is sent, `main`
//! closes the job channel, so that each worker stops when no job is left, and waits for the
//! workers, which say how many jobs each did. The times of the results show the pool's schedule.
//!
//! Run it: `cargo exercise ex15_worker_pool`
//! Check it: `cargo xtask check ex15_worker_pool`

#![allow(unused_imports, unused_variables, unused_mut, dead_code)] // until your code uses what is given

use std::time::Duration;

use async_channel::{Receiver, Sender};
use smol::{LocalExecutor, Timer};
use workbook::say;

/// How long each job takes: job 1 first.
const JOBS: [Duration; 6] = [
    Duration::from_millis(300),
    Duration::from_millis(100),
    Duration::from_millis(100),
    Duration::from_millis(300),
    Duration::from_millis(100),
    Duration::from_millis(200),
];

/// The work: job number `n`, which takes `takes`. Gives back what it made.
async fn job(n: usize, takes: Duration) -> String {
    Timer::after(takes).await;
    format!("job {n} ({} ms) done", takes.as_millis())
}

// TODO: a worker: an `async fn` that takes jobs from the job channel until it is closed and
// empty, does each with `job`, sends what `job` gives back on the result channel, and in the end
// gives back how many jobs it did.

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // Jobs go to the workers on one channel, and results come back on the other. Unbounded:
        // `main` sends every job at once, and never waits to send.
        let (job_sender, job_receiver) = async_channel::unbounded::<(usize, Duration)>();
        let (result_sender, result_receiver) = async_channel::unbounded::<String>();
        // TODO: start two workers; send them every job of JOBS, numbered from 1; close the job
        // channel; print each result as it comes (`say!("{result}")`); then wait for the
        // workers, and for each, first worker 1, `say!("worker {id} did {done} jobs")`.
    }));
}
