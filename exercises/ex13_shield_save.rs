//! Keep the save running when the caller stops waiting for it: it must finish, at 0.3 s.
//!
//! As it is, the 100 ms timeout cancels the save.
//! Run it: `cargo exercise ex13_shield_save`
//! Check it: `cargo xtask check ex13_shield_save`
//!
//! Hint: spawn the save as a task, and race a borrow of its handle (`&mut task`), as
//! `asyncio.shield` would.

use std::time::Duration;

use smol::future::FutureExt;
use smol::{LocalExecutor, Timer};
use workbook::say;

/// Says so if the save is dropped before it finishes.
struct CancelNotice;

impl Drop for CancelNotice {
    fn drop(&mut self) {
        say!("save: cancelled");
    }
}

async fn save() -> &'static str {
    let notice = CancelNotice;
    say!("save: started");
    Timer::after(Duration::from_millis(300)).await;
    std::mem::forget(notice); // finished: no notice
    say!("save: finished");
    "saved"
}

/// An error after `ms` milliseconds, to race against some work.
async fn timeout<T>(ms: u64) -> Result<T, &'static str> {
    Timer::after(Duration::from_millis(ms)).await;
    Err("timed out")
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // TODO: spawn the save, so that it can outlive the race below.
        let save = save();
        // TODO: race a borrow of the task's handle, not the save itself.
        let waited = async { Ok(save.await) }.or(timeout(100)).await;
        say!("caller: {waited:?}");
        // TODO: then await the save's result, and say "caller: the save returned ...".
    }));
}
