//! Mistake: `wait` polls a flag in a loop (`while not flag: await asyncio.sleep(0)`): a busy core.

use std::time::Duration;

use std::cell::Cell;
use std::rc::Rc;

use smol::future::{self, FutureExt};
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
    // Clones share the one flag.
    flag: Rc<Cell<bool>>,
}

impl Signal {
    fn new() -> Signal {
        Signal {
            flag: Rc::new(Cell::new(false)),
        }
    }

    /// `event.set()`
    fn set(&self) {
        self.flag.set(true);
    }

    /// `await event.wait()`
    async fn wait(&self) {
        // Looks again at every turn of the executor: nothing wakes it, so it never sleeps.
        while !self.flag.get() {
            future::yield_now().await;
        }
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
