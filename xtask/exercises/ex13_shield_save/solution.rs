//! Solution: the save runs as a task; the timeout races a borrow of its handle, and drops only that.

use std::time::Duration;

use smol::future::FutureExt;
use smol::{LocalExecutor, Timer};
use workbook::say;

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
    std::mem::forget(notice);
    say!("save: finished");
    "saved"
}

async fn timeout<T>(ms: u64) -> Result<T, &'static str> {
    Timer::after(Duration::from_millis(ms)).await;
    Err("timed out")
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        let mut save = ex.spawn(save());
        let waited = async { Ok((&mut save).await) }.or(timeout(100)).await;
        say!("caller: {waited:?}");
        say!("caller: the save returned {:?}", save.await);
    }));
}
