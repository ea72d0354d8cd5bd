//! Two fixes: drop the std guard before the `.await`, or hold an async lock across it.
//!
//! The deadlock of `beyond_lock_std_mutex`, fixed twice: a block ends the guard before the timer;
//! or `smol::lock::Mutex`, whose `lock().await` waits as a task, not as the thread. Run it with
//! `cargo run --example beyond_lock_fixes`.

use std::sync::Mutex;
use std::time::Duration;

use smol::{Timer, future};
use workbook::say;

// ANCHOR: scoped
async fn a_scoped(count: &Mutex<u32>) {
    {
        let mut guard = count.lock().unwrap();
        *guard += 1;
    } // The guard ends here, before the `.await`: the lock is free while `a` waits.
    say!("scoped: a counted and unlocked; awaits 100 ms");
    Timer::after(Duration::from_millis(100)).await;
    say!("scoped: a done");
}

async fn b_scoped(count: &Mutex<u32>) {
    let n = {
        let mut guard = count.lock().unwrap();
        *guard += 1;
        *guard
    };
    say!("scoped: b got the lock: count = {n}");
}
// ANCHOR_END: scoped

// ANCHOR: async_lock
async fn a_async(count: &smol::lock::Mutex<u32>) {
    let mut guard = count.lock().await;
    say!("async lock: a locked; awaits 100 ms with the guard held");
    Timer::after(Duration::from_millis(100)).await;
    *guard += 1;
    say!("async lock: a done, unlocks");
}

async fn b_async(count: &smol::lock::Mutex<u32>) {
    say!("async lock: b calls lock().await");
    let mut guard = count.lock().await;
    *guard += 1;
    say!("async lock: b got the lock: count = {}", *guard);
}
// ANCHOR_END: async_lock

fn main() {
    let count = Mutex::new(0);
    future::block_on(future::zip(a_scoped(&count), b_scoped(&count)));
    let count = smol::lock::Mutex::new(0);
    future::block_on(future::zip(a_async(&count), b_async(&count)));
}
