//! A `std::sync::Mutex` guard held across `.await` on one thread: a second task's `lock()` hangs.
//!
//! Task `a` locks and awaits with the guard held; task `b` then calls `lock()`, which blocks the
//! only thread, so `a` never runs again to unlock. A watchdog thread reports it. Run it with
//! `cargo run --example beyond_lock_std_mutex`.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use smol::{LocalExecutor, Timer, future};
use workbook::say;

/// How many steps the tasks have taken; the watchdog checks that it moves.
static STEPS: AtomicUsize = AtomicUsize::new(0);

fn step(what: &str) {
    say!("{what}");
    STEPS.fetch_add(1, Ordering::SeqCst);
}

// ANCHOR: watchdog
/// A thread that ends the process if `STEPS` stays still for 0.3 s.
fn watchdog() {
    thread::spawn(|| {
        let (mut seen, mut since) = (STEPS.load(Ordering::SeqCst), Instant::now());
        loop {
            thread::sleep(Duration::from_millis(10));
            let now = STEPS.load(Ordering::SeqCst);
            if now != seen {
                (seen, since) = (now, Instant::now());
            } else if since.elapsed() >= Duration::from_millis(300) {
                say!("watchdog: no progress for 0.30 s: a deadlock");
                std::process::exit(0);
            }
        }
    });
}
// ANCHOR_END: watchdog

// ANCHOR: tasks
#[allow(clippy::await_holding_lock)] // the mistake this example shows: Clippy warns of it
async fn a(count: &Mutex<u32>) {
    let mut guard = count.lock().unwrap();
    step("a: locked; awaits a 50 ms timer with the guard held");
    Timer::after(Duration::from_millis(50)).await;
    *guard += 1;
    step("a: done, unlocks");
}

async fn b(count: &Mutex<u32>) {
    step("b: calls lock()");
    *count.lock().unwrap() += 1;
    step("b: done");
}
// ANCHOR_END: tasks

fn main() {
    watchdog();
    let count = Mutex::new(0);
    let ex = LocalExecutor::new();
    let (ta, tb) = (ex.spawn(a(&count)), ex.spawn(b(&count)));
    future::block_on(ex.run(future::zip(ta, tb)));
    step("both tasks done");
}
