//! Chaining coroutines: each step awaits the previous step's result, for three inputs at once.
//!
//! The delays come from a seeded random generator, so every run prints the same thing. The
//! total time is the slowest chain's, not the sum. Run it with `cargo run --example chained_coroutines`.

use std::time::{Duration, Instant};

use smol::Timer;
use smol::future;
use workbook::say;

// ANCHOR: random
/// A tiny seeded generator (xorshift): the same seed gives the same delays on every run.
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
// ANCHOR_END: random

// ANCHOR: chain
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

/// One chain: part2 needs part1's result, so the two run one after the other.
async fn chain(n: u32, delays: (Duration, Duration)) -> Duration {
    let start = Instant::now();
    let p1 = part1(n, delays.0).await;
    let p2 = part2(n, p1, delays.1).await;
    let took = start.elapsed();
    say!("chain {n} -> {p2:?} (took {:.1} s)", took.as_secs_f64());
    took
}
// ANCHOR_END: chain

// ANCHOR: main
fn main() {
    let mut random = Random(2024);
    let delays: Vec<_> = (1..=3).map(|_| (random.delay(), random.delay())).collect();
    let sum: Duration = delays.iter().map(|(a, b)| *a + *b).sum();

    let start = Instant::now();
    let ((a, b), c) = smol::block_on(future::zip(
        future::zip(chain(1, delays[0]), chain(2, delays[1])),
        chain(3, delays[2]),
    ));
    let slowest = a.max(b).max(c);
    say!(
        "all chains done in {:.1} s: the slowest chain took {:.1} s; one after another would take {:.1} s",
        start.elapsed().as_secs_f64(),
        slowest.as_secs_f64(),
        sum.as_secs_f64()
    );
}
// ANCHOR_END: main
