//! Run six jobs with at most two at a time: 0.6 s in all, never more than two in flight.
//!
//! As it is, all six run at once.
//! Run it: `cargo exercise ex12_at_most_two`
//! Check it: `cargo xtask check ex12_at_most_two`
//!
//! Hint: `smol::lock::Semaphore::new(2)`; each job holds a permit (`acquire().await`) while it
//! works.

use std::cell::Cell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use smol::{LocalExecutor, Timer};
use workbook::say;

/// Jobs in flight now, and the most there ever were.
#[derive(Default)]
struct InFlight {
    now: Cell<u32>,
    max: Cell<u32>,
}

async fn job(in_flight: Rc<InFlight>) {
    // TODO: wait here until fewer than two jobs are running.
    in_flight.now.set(in_flight.now.get() + 1);
    in_flight
        .max
        .set(in_flight.max.get().max(in_flight.now.get()));
    Timer::after(Duration::from_millis(200)).await;
    in_flight.now.set(in_flight.now.get() - 1);
}

fn main() {
    let ex = LocalExecutor::new();
    let start = Instant::now();
    smol::block_on(ex.run(async {
        say!("six jobs of 200 ms");
        let in_flight = Rc::new(InFlight::default());
        let jobs: Vec<_> = (0..6).map(|_| ex.spawn(job(in_flight.clone()))).collect();
        for job in jobs {
            job.await;
        }
        say!("at most {} jobs ran at once", in_flight.max.get());
    }));
    say!("all done in {:.1} s", start.elapsed().as_secs_f64());
}
