//! A variation of `chained_coroutines`: the chains made first, then awaited in turn, not zipped.
//!
//! A future does nothing until it is polled: each chain starts at its own `.await`, once the chain
//! before it is done, so the run takes the sum of the six steps. Run it with `cargo run --example patterns_chains_one_by_one`.

use std::time::{Duration, Instant};

use smol::Timer;
use workbook::say;

/// The same seeded generator as `chained_coroutines`: the same delays.
struct Random(u64);

impl Random {
    /// A delay of 100 to 500 ms, in steps of 100 ms.
    fn delay(&mut self) -> Duration {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        Duration::from_millis(100 * (1 + self.0 % 5))
    }
}

async fn part1(n: u32, delay: Duration) -> String {
    say!("part1({n}) sleeping for {} ms", delay.as_millis());
    Timer::after(delay).await;
    format!("result{n}-1")
}

async fn part2(n: u32, arg: String, delay: Duration) -> String {
    say!("part2({n}, {arg:?}) sleeping for {} ms", delay.as_millis());
    Timer::after(delay).await;
    format!("result{n}-2 derived from {arg}")
}

async fn chain(n: u32, delays: (Duration, Duration)) -> Duration {
    let start = Instant::now();
    let p1 = part1(n, delays.0).await;
    let p2 = part2(n, p1, delays.1).await;
    let took = start.elapsed();
    say!("chain {n} -> {p2:?} (took {:.1} s)", took.as_secs_f64());
    took
}

fn main() {
    let mut random = Random(2024);
    let delays: Vec<_> = (1..=3).map(|_| (random.delay(), random.delay())).collect();

    let start = Instant::now();
    // ANCHOR: main
    let (a, b, c) = smol::block_on(async {
        // The three chains are made first, then awaited in turn.
        let a = chain(1, delays[0]);
        let b = chain(2, delays[1]);
        let c = chain(3, delays[2]);
        (a.await, b.await, c.await)
    });
    // ANCHOR_END: main
    let slowest = a.max(b).max(c);
    say!(
        "all chains done in {:.1} s: the slowest chain took {:.1} s",
        start.elapsed().as_secs_f64(),
        slowest.as_secs_f64(),
    );
}
