//! Merging two finite streams: a channel fed by two tasks ends, futures-lite 2.6's `race` never.
//!
//! `race` polls its two streams in a random order each time, so that neither starves the other;
//! but once both have ended it answers `Pending`, not `None`, and a loop over it waits forever.
//! A channel that two tasks feed ends when the last sender is dropped. A watchdog thread
//! reports the hang. Run it with `cargo run --example beyond_many_merge_end`.

use std::pin::pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use smol::stream::{self, Stream, StreamExt};
use smol::{LocalExecutor, Timer};
use workbook::say;

static STEPS: AtomicUsize = AtomicUsize::new(0);

fn step(what: &str) {
    say!("{what}");
    STEPS.fetch_add(1, Ordering::SeqCst);
}

/// Ends the process if `STEPS` stays still for 0.3 s.
fn watchdog() {
    thread::spawn(|| {
        let (mut seen, mut since) = (STEPS.load(Ordering::SeqCst), Instant::now());
        loop {
            thread::sleep(Duration::from_millis(10));
            if STEPS.load(Ordering::SeqCst) != seen {
                (seen, since) = (STEPS.load(Ordering::SeqCst), Instant::now());
            } else if since.elapsed() >= Duration::from_millis(300) {
                say!("watchdog: no progress for 0.30 s: the loop still waits");
                std::process::exit(0);
            }
        }
    });
}

/// Two items: `name 1` after `first` ms, `name 2` 200 ms later.
fn ticks(name: &'static str, first: u64) -> impl Stream<Item = String> {
    stream::unfold(0, move |i| async move {
        let delay = *[first, 200].get(i)?;
        Timer::after(Duration::from_millis(delay)).await;
        Some((format!("{name} {}", i + 1), i + 1))
    })
}

// ANCHOR: main
fn main() {
    watchdog();
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // One task per stream feeds the channel; it closes when both have dropped their sender.
        let (sender, merged) = async_channel::unbounded();
        for stream in [ticks("a", 100), ticks("b", 200)] {
            let sender = sender.clone();
            ex.spawn(async move {
                let mut stream = pin!(stream);
                while let Some(item) = stream.next().await {
                    sender.send(item).await.ok();
                }
            })
            .detach();
        }
        drop(sender); // main's own: only the tasks' senders are left
        while let Ok(item) = merged.recv().await {
            step(&format!("channel: {item}"));
        }
        step("channel: merge ended");

        // `fuse`: once ended, a stream answers `None` again, instead of being polled again.
        let mut raced = pin!(stream::race(ticks("a", 100).fuse(), ticks("b", 200).fuse()));
        while let Some(item) = raced.next().await {
            step(&format!("race: {item}"));
        }
        step("race: merge ended");
    }));
}
// ANCHOR_END: main
