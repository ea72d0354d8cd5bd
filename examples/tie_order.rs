//! Two futures due at the same instant: tasks resume in the reactor's order, a zip in code order.
//!
//! `a` and `b` wait for the same deadline, but `b` files its timer with the reactor first (`a`
//! sleeps 0.1 s before it files its own). The reactor wakes timers by deadline, then in the order
//! they were filed: `b` first. Run as two tasks, they print in that order; joined by one `zip`,
//! they print in the order the zip polls them: `a` first. Run it with
//! `cargo run --example tie_order`.

use std::time::{Duration, Instant};

use smol::future;
use smol::{LocalExecutor, Timer};
use workbook::say;

// ANCHOR: waiters
/// Waits 0.1 s, then until `deadline`: its timer for `deadline` is filed 0.1 s after `b`'s.
async fn a(deadline: Instant, how: &str) {
    Timer::after(Duration::from_millis(100)).await;
    Timer::at(deadline).await;
    say!("{how}: a");
}

/// Waits until `deadline`, filing its timer at once.
async fn b(deadline: Instant, how: &str) {
    Timer::at(deadline).await;
    say!("{how}: b");
}
// ANCHOR_END: waiters

// ANCHOR: main
fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        say!("a and b wait for the same instant, 1 s from now; b files its timer first");
        let deadline = Instant::now() + Duration::from_secs(1);
        future::zip(a(deadline, "zip"), b(deadline, "zip")).await;

        let deadline = Instant::now() + Duration::from_secs(1);
        let task_a = ex.spawn(a(deadline, "tasks"));
        let task_b = ex.spawn(b(deadline, "tasks"));
        task_a.await;
        task_b.await;
    }));
}
// ANCHOR_END: main
