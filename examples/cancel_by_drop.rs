//! Dropping a `Task` cancels it at its current `.await`; `detach()` lets it run to the end.
//!
//! Python cancels with `task.cancel()`, which raises `CancelledError` inside the coroutine. Rust
//! has no exception to raise: the task's future is dropped, and its destructors run. Run it with
//! `cargo run --example cancel_by_drop`.

use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;

// ANCHOR: worker
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
// ANCHOR_END: worker

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // ANCHOR: cancel
        let dropped = ex.spawn(worker("dropped"));
        let cancelled = ex.spawn(worker("cancelled"));
        ex.spawn(worker("detached")).detach(); // runs on, with nobody holding its handle
        #[allow(clippy::let_underscore_future)] // the mistake on purpose
        let _ = ex.spawn(worker("never")); // the handle is dropped at once: it never starts
        Timer::after(Duration::from_millis(500)).await;

        drop(dropped); // cancels it: "job done" is never printed
        say!("dropped its handle"); // the clean-up comes next, when the executor gets control

        // `cancel().await` cancels too, and says whether the task had finished: `None`, not yet.
        let output = cancelled.cancel().await;
        say!("cancel().await returned {output:?}");

        Timer::after(Duration::from_secs(1)).await; // meanwhile, "detached" finishes
        // ANCHOR_END: cancel
    }));
}
