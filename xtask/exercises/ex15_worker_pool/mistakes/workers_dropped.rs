//! Mistake: the workers' `Task`s are bound to `_`, so they are dropped, and so cancelled, at once.
//! feedback: drops the `Task` that `spawn` returns

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

/// A worker of the pool: takes jobs from `jobs` until that channel is closed and empty, does
/// each, and sends its result on `results`. Gives back how many jobs it did.
async fn worker(jobs: Receiver<(usize, Duration)>, results: Sender<String>) -> usize {
    let mut done = 0;
    // One job at a time: a worker takes the next job only once the last one is done, so two
    // workers run at most two jobs at once.
    while let Ok((n, takes)) = jobs.recv().await {
        let result = job(n, takes).await;
        results.send(result).await.expect("main stopped listening");
        done += 1;
    }
    done
}

#[allow(clippy::let_underscore_future)] // the mistake on purpose: Clippy warns of it
fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // Jobs go to the workers on one channel, and results come back on the other. Unbounded:
        // `main` sends every job at once, and never waits to send.
        let (job_sender, job_receiver) = async_channel::unbounded::<(usize, Duration)>();
        let (result_sender, result_receiver) = async_channel::unbounded::<String>();
        for _ in 0..2 {
            let _ = ex.spawn(worker(job_receiver.clone(), result_sender.clone()));
        }
        // `main` sends no result: its `Sender` goes, so that the results channel closes once
        // both workers have stopped.
        drop(result_sender);

        for (i, &takes) in JOBS.iter().enumerate() {
            job_sender
                .send((i + 1, takes))
                .await
                .expect("the workers stopped");
        }
        // No more jobs: close the channel. Each worker stops once it is also empty.
        job_sender.close();

        while let Ok(result) = result_receiver.recv().await {
            say!("{result}");
        }
    }));
}
