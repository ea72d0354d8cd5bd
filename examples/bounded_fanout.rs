//! Fan-out / fan-in with bounded concurrency: ten jobs, at most three at a time, by a semaphore.
//!
//! The maximum number of jobs in flight is measured and printed, and so is the total time:
//! four rounds of 200 ms. Run it with `cargo run --example bounded_fanout`.

use std::cell::Cell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use smol::lock::Semaphore;
use smol::{LocalExecutor, Timer};
use workbook::say;

// ANCHOR: job
/// Counts the jobs in flight, and remembers the most there ever were.
#[derive(Default)]
struct InFlight {
    now: Cell<usize>,
    max: Cell<usize>,
}

async fn job(n: u32, limit: Rc<Semaphore>, in_flight: Rc<InFlight>) -> u32 {
    // Like `async with semaphore:` in Python. The permit is given back when `_permit` is dropped.
    let _permit = limit.acquire().await;
    in_flight.now.set(in_flight.now.get() + 1);
    in_flight
        .max
        .set(in_flight.max.get().max(in_flight.now.get()));
    Timer::after(Duration::from_millis(200)).await; // the work: a request, say
    in_flight.now.set(in_flight.now.get() - 1);
    n * n
}
// ANCHOR_END: job

// ANCHOR: main
fn main() {
    let ex = LocalExecutor::new();
    let start = Instant::now();
    say!("ten jobs of 0.2 s each, at most 3 at a time");
    let (results, max) = smol::block_on(ex.run(async {
        let limit = Rc::new(Semaphore::new(3));
        let in_flight = Rc::new(InFlight::default());
        // Fan out: all ten tasks start now, and wait for a permit.
        let tasks: Vec<_> = (1..=10)
            .map(|n| ex.spawn(job(n, limit.clone(), in_flight.clone())))
            .collect();
        // Fan in: collect the results, in order.
        let mut results = Vec::new();
        for task in tasks {
            results.push(task.await);
        }
        (results, in_flight.max.get())
    }));
    say!("results: {results:?}");
    say!("at most {max} jobs were in flight at once");
    say!(
        "10 jobs of 0.2 s, 3 at a time, took {:.1} s",
        start.elapsed().as_secs_f64()
    );
}
// ANCHOR_END: main
