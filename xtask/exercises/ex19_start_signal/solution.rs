//! Solution: `Signal` closes a channel to wake every waiter; each worker races its jobs with it.
//!
//! Each worker waits for the start signal, then does its jobs one after another (`job`), and
//! returns how many it finished. `main` gives the start at 0.20 s, and the stop at 0.60 s: every
//! worker must stop then, at once, even in the middle of a job. Build `Signal` without `OnceCell`
//! (the sync page's `Event`): on an async-channel, whose closing wakes every task waiting in
//! `recv()`, as the sync page's `Condition` does.
//!
//! Run it: `cargo exercise ex19_start_signal`
//! Check it: `cargo xtask check ex19_start_signal`

use std::time::Duration;

use async_channel::{Receiver, Sender};
use smol::future::FutureExt;
use smol::{LocalExecutor, Timer};
use workbook::say;

/// A job longer than the whole run: only the stop ends it.
const LONG: Duration = Duration::from_secs(1);

/// Job number `number` of worker `name`: takes `time`.
async fn job(name: &str, number: usize, time: Duration) {
    Timer::after(time).await;
    say!("{name}: job {number} done");
}

/// Like an `asyncio.Event` that is never cleared: `set()` wakes every task waiting in `wait()`,
/// and a `wait()` after the `set()` returns at once. A clone is the same signal, not a new one.
#[derive(Clone)]
struct Signal {
    // Clones of the two ends share the one channel. Keeping a `Sender` keeps the channel open
    // until `set` closes it: with no sender left, it would close, and so be set, at once.
    sender: Sender<()>,
    receiver: Receiver<()>,
}

impl Signal {
    fn new() -> Signal {
        let (sender, receiver) = async_channel::bounded(1);
        Signal { sender, receiver }
    }

    /// `event.set()`
    fn set(&self) {
        // Wakes every task in `recv()`; a closed, empty channel answers every later `recv()` at
        // once. A second `set` changes nothing.
        self.sender.close();
    }

    /// `await event.wait()`
    async fn wait(&self) {
        // Nothing is ever sent, so `recv` ends only when the channel closes, with an `Err` that
        // is the news itself.
        self.receiver.recv().await.ok();
    }
}

/// Waits for `start`, then does `jobs` one after another, numbered from 1, until `stop` is set:
/// then it stops at once, even in the middle of a job. Returns how many jobs it finished.
async fn worker(name: &'static str, jobs: Vec<Duration>, start: Signal, stop: Signal) -> usize {
    say!("{name}: waiting for the start");
    start.wait().await;
    say!("{name}: started");
    let mut done = 0;
    // All the jobs in one future, raced against the stop: when the stop comes first, `or` drops
    // the jobs' future where it waits, mid-job. Checking the stop between jobs would come late.
    let work = async {
        for (number, time) in jobs.into_iter().enumerate() {
            job(name, number + 1, time).await;
            done += 1;
        }
    };
    work.or(stop.wait()).await;
    done
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        let (start, stop) = (Signal::new(), Signal::new());
        let crew = [
            (
                "w1",
                vec![Duration::from_millis(100), Duration::from_millis(100), LONG],
            ),
            ("w2", vec![Duration::from_millis(300), LONG]),
            ("w3", vec![LONG]),
        ];
        let workers: Vec<_> = crew
            .map(|(name, jobs)| {
                let task = ex.spawn(worker(name, jobs, start.clone(), stop.clone()));
                (name, task)
            })
            .into();

        Timer::after(Duration::from_millis(200)).await;
        say!("main: start");
        start.set();
        Timer::after(Duration::from_millis(400)).await;
        say!("main: stop");
        stop.set();
        for (name, worker) in workers {
            let done = worker.await;
            say!("{name}: stopped, jobs done: {done}");
        }
    }));
}
