//! `cancel().await`, then `drop`: the first clean-up is over by the next line, the second is not.
//!
//! A variation of `cancel_by_drop` with the two cancellations swapped: `cancel().await` returns
//! once the clean-up has run, while `drop` only queues the task. Run it with
//! `cargo run --example rules_cancel_before_drop`.

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
        let dropped = ex.spawn(worker("dropped"));
        let cancelled = ex.spawn(worker("cancelled"));
        Timer::after(Duration::from_millis(500)).await;

        // ANCHOR: swapped
        let output = cancelled.cancel().await;
        say!("cancel().await returned {output:?}");
        drop(dropped);
        say!("dropped its handle");
        // ANCHOR_END: swapped

        Timer::after(Duration::from_millis(100)).await; // the executor gets control meanwhile
        say!("main ends");
    }));
}
