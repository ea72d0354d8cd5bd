//! A yield between unlock and relock: the woken waiter gets the lock at once, and turns alternate.
//!
//! A variation of `lock_fairness`, with one line added: `future::yield_now().await` after the
//! unlock. The unlock wakes `b`; the yield puts `a` behind it in the executor's queue, so `b`
//! runs first, finds the lock free and takes it, before `a` asks again. Run it with
//! `cargo run --example phrase_lock_yield_between`.

use std::time::Duration;

use smol::lock::Mutex;
use smol::{LocalExecutor, Timer, future};
use workbook::say;

// ANCHOR: user
async fn user(name: &str, turns: u32, lock: &Mutex<u32>) {
    for _ in 0..turns {
        let mut taken = lock.lock().await;
        *taken += 1;
        say!("{name}: has the lock, turn {taken}");
        Timer::after(Duration::from_millis(200)).await;
        drop(taken);
        future::yield_now().await; // the one new line: a turn for the others before asking again
    }
}
// ANCHOR_END: user

fn main() {
    // The same `main` as in `lock_fairness`.
    let lock = Mutex::new(0);
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        let a = ex.spawn(user("a", 3, &lock));
        let b = ex.spawn(async {
            Timer::after(Duration::from_millis(100)).await;
            user("b", 2, &lock).await;
        });
        a.await;
        b.await;
        say!("done");
    }));
}
