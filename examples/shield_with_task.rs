//! asyncio.shield in smol: a spawned task, raced through `&mut`, runs on when the race is lost.
//!
//! `wait_for(shield(task), t)` gives up waiting after `t`, but the task goes on. In Rust the task
//! handle does the shielding: a timeout that drops a *borrow* of the handle cancels nothing,
//! while a timeout that drops the handle itself cancels the task. Run it with
//! `cargo run --example shield_with_task`.

use std::time::Duration;

use smol::future::FutureExt;
use smol::{LocalExecutor, Timer};
use workbook::say;

struct CancelNotice(&'static str);

impl Drop for CancelNotice {
    fn drop(&mut self) {
        say!("{}: cancelled", self.0);
    }
}

async fn save(name: &'static str) -> &'static str {
    let notice = CancelNotice(name);
    say!("{name}: started");
    Timer::after(Duration::from_millis(300)).await;
    std::mem::forget(notice); // finished: no notice (it owns nothing that needs freeing)
    say!("{name}: finished");
    "saved"
}

// ANCHOR: time_up
/// The timer's side of a race: an `Err` after `ms` milliseconds. It never gives an `Ok`, so `T`
/// is whatever the work's side gives, and both sides of `or` have the same output type.
async fn time_up<T>(ms: u64) -> Result<T, &'static str> {
    Timer::after(Duration::from_millis(ms)).await;
    Err("timed out")
}
// ANCHOR_END: time_up

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // ANCHOR: race
        // wait_for(save(), 0.1): the work itself is in the race, and is dropped when it loses.
        let unshielded = async { Ok(save("unshielded").await) }
            .or(time_up(100))
            .await;
        say!("unshielded: {unshielded:?}");

        // wait_for(shield(task), 0.1): only a borrow of the task's handle is in the race.
        let mut task = ex.spawn(save("shielded"));
        let shielded = async { Ok((&mut task).await) }.or(time_up(100)).await;
        say!("shielded: {shielded:?}, the task goes on");
        say!("shielded: {}", task.await); // the handle is still ours: await the result later
        // ANCHOR_END: race
    }));
}
