//! Make a cancelled task clean up: a `Drop` guard that runs when the task is dropped mid-sleep.
//!
//! Expected: "download: clean-up" at 0.30 s, when the task is cancelled, and no "download: done".
//! Run it: `cargo exercise ex06_cleanup_on_cancel`
//! Check it: `cargo xtask check ex06_cleanup_on_cancel`
//!
//! Hint: implement `Drop` for `Guard`, printing "{name}: clean-up" with `say!`; keep a `Guard`
//! alive in the task's body.

use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;

#[allow(dead_code)] // `name` is for your `Drop` to print
struct Guard {
    name: &'static str,
}

// TODO: implement `Drop` for `Guard`.

async fn download(name: &'static str) {
    let _guard = Guard { name };
    say!("{name}: started");
    Timer::after(Duration::from_secs(2)).await;
    say!("{name}: done");
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        let task = ex.spawn(download("download"));
        Timer::after(Duration::from_millis(300)).await;
        task.cancel().await;
        say!("cancelled");
    }));
}
