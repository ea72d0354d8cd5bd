//! Solution: a semaphore with two permits, held by each job while it works.

use std::cell::Cell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use smol::lock::Semaphore;
use smol::{LocalExecutor, Timer};
use workbook::say;

#[derive(Default)]
struct InFlight {
    now: Cell<u32>,
    max: Cell<u32>,
}

async fn job(in_flight: Rc<InFlight>, limit: Rc<Semaphore>) {
    let _permit = limit.acquire().await;
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
        let limit = Rc::new(Semaphore::new(2));
        let jobs: Vec<_> = (0..6)
            .map(|_| ex.spawn(job(in_flight.clone(), limit.clone())))
            .collect();
        for job in jobs {
            job.await;
        }
        say!("at most {} jobs ran at once", in_flight.max.get());
    }));
    say!("all done in {:.1} s", start.elapsed().as_secs_f64());
}
