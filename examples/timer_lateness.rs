//! How late does a sleeping task resume? smol's `Timer` against `thread::sleep`.
//!
//! 100 sleeps of 10 ms each way.
//!
//! Prints the minimum, median and 99th percentile of the lateness (time past the deadline). The
//! numbers depend on the machine; the harness only checks that no timer fired early. Run it
//! with `cargo run --release --example timer_lateness`.

use std::time::{Duration, Instant};

use smol::Timer;
use workbook::say;

const SLEEPS: usize = 100;
const SLEEP: Duration = Duration::from_millis(10);

// ANCHOR: measure
/// How late each of `SLEEPS` sleeps woke, sorted; and how many woke before their deadline.
fn measure(mut sleep: impl FnMut(Duration)) -> (Vec<Duration>, usize) {
    let mut late = Vec::new();
    let mut early = 0;
    for _ in 0..SLEEPS {
        let deadline = Instant::now() + SLEEP;
        sleep(SLEEP);
        match Instant::now().checked_duration_since(deadline) {
            Some(lateness) => late.push(lateness),
            None => early += 1, // would be a bug: a sleep must never end early
        }
    }
    late.sort();
    (late, early)
}

fn report(name: &str, (late, early): (Vec<Duration>, usize)) {
    let at = |q: f64| late[((late.len() - 1) as f64 * q).round() as usize].as_micros();
    let (min, median, p99) = (at(0.0), at(0.5), at(0.99));
    say!("{name:<20} late by: min {min} µs, median {median} µs, p99 {p99} µs");
    say!("{name:<20} woke before its deadline: {early} times out of {SLEEPS}");
}

fn main() {
    say!("{SLEEPS} sleeps of {} ms each way", SLEEP.as_millis());
    report(
        "smol::Timer::after",
        measure(|d| {
            smol::block_on(Timer::after(d));
        }),
    );
    report("std::thread::sleep", measure(std::thread::sleep));
}
// ANCHOR_END: measure
