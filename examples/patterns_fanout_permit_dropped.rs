//! A variation of `bounded_fanout`: a permit bound to `_` is dropped at once, and bounds nothing.
//!
//! `let _ = limit.acquire().await;` takes a permit and gives it back on the same line: `_` binds
//! nothing, so the guard is dropped there. All ten jobs run at once. Run it with
//! `cargo run --example patterns_fanout_permit_dropped`.

use std::cell::Cell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use smol::lock::Semaphore;
use smol::{LocalExecutor, Timer};
use workbook::say;

/// Counts the jobs in flight, and remembers the most there ever were.
#[derive(Default)]
struct InFlight {
    now: Cell<usize>,
    max: Cell<usize>,
}

// ANCHOR: job
async fn job(n: u32, limit: Rc<Semaphore>, in_flight: Rc<InFlight>) -> u32 {
    // The one change: `_` instead of `_permit`.
    let _ = limit.acquire().await;
    in_flight.now.set(in_flight.now.get() + 1);
    in_flight
        .max
        .set(in_flight.max.get().max(in_flight.now.get()));
    Timer::after(Duration::from_millis(200)).await; // the work: a request, say
    in_flight.now.set(in_flight.now.get() - 1);
    n * n
}
// ANCHOR_END: job

fn main() {
    let ex = LocalExecutor::new();
    let start = Instant::now();
    say!("ten jobs of 0.2 s each, and a semaphore of 3 permits");
    let (results, max) = smol::block_on(ex.run(async {
        let limit = Rc::new(Semaphore::new(3));
        let in_flight = Rc::new(InFlight::default());
        let tasks: Vec<_> = (1..=10)
            .map(|n| ex.spawn(job(n, limit.clone(), in_flight.clone())))
            .collect();
        let mut results = Vec::new();
        for task in tasks {
            results.push(task.await);
        }
        (results, in_flight.max.get())
    }));
    say!("results: {results:?}");
    say!("at most {max} jobs were in flight at once");
    say!(
        "10 jobs of 0.2 s took {:.1} s",
        start.elapsed().as_secs_f64()
    );
}
