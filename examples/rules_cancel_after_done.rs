//! `cancel().await` on a task that has already finished: it returns `Some(output)`.
//!
//! A variation of `cancel_by_drop`: `main` waits 1.5 s before cancelling a 1 s job, so there is
//! nothing left to cancel. Run it with `cargo run --example rules_cancel_after_done`.

use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;

/// Prints when its clean-up runs, like a `finally:` block.
struct CleanUp(&'static str);

impl Drop for CleanUp {
    fn drop(&mut self) {
        say!("{}: clean-up runs", self.0);
    }
}

async fn worker(name: &'static str) -> &'static str {
    let _clean_up = CleanUp(name);
    say!("{name}: starts a 1 s job");
    Timer::after(Duration::from_secs(1)).await;
    say!("{name}: job done");
    name
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // ANCHOR: late
        let cancelled = ex.spawn(worker("cancelled"));
        Timer::after(Duration::from_millis(1500)).await; // was 500 ms
        let output = cancelled.cancel().await;
        say!("cancel().await returned {output:?}");
        // ANCHOR_END: late
    }));
}
