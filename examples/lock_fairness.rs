//! async-lock's Mutex can go back to the task that just unlocked it; asyncio.Lock's cannot.
//!
//! A task that unlocks takes it straight back, until a woken waiter that finds it taken has
//! waited over 0.5 ms; asyncio.Lock hands it to the waiter.
//!
//! `a` takes the lock three times in a row, holding it 200 ms each time; `b` asks for it twice,
//! from 100 ms on. The lock guards a count of the turns taken. When `a` unlocks, `b` is woken,
//! but `a` runs on and locks again before `b` gets a turn: the lock is free, and nobody is marked
//! as starved yet, so `a` wins. When `b` then runs, finds the lock taken again, and has waited
//! more than 0.5 ms, it marks itself starved, and from then on the lock goes to the waiters in
//! turn. Run it with `cargo run --example lock_fairness`.

use std::time::Duration;

use smol::lock::Mutex;
use smol::{LocalExecutor, Timer};
use workbook::say;

// ANCHOR: user
async fn user(name: &str, turns: u32, lock: &Mutex<u32>) {
    for _ in 0..turns {
        let mut taken = lock.lock().await; // async with lock:
        *taken += 1; // the guard is the way to the data: the count of turns taken
        say!("{name}: has the lock, turn {taken}");
        Timer::after(Duration::from_millis(200)).await;
        drop(taken); // unlock, and at once (no await in between) ask again
    }
}
// ANCHOR_END: user

fn main() {
    // ANCHOR: main
    let lock = Mutex::new(0); // made before the executor, so that it outlives the tasks
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        let a = ex.spawn(user("a", 3, &lock));
        let b = ex.spawn(async {
            // b asks for the lock while a holds it (from 0 to 0.2 s).
            Timer::after(Duration::from_millis(100)).await;
            user("b", 2, &lock).await;
        });
        a.await;
        b.await;
        say!("done");
    }));
    // ANCHOR_END: main
}
