//! Errors in gather: collect every `Result`, or stop at the first error.
//!
//! Rust has no exceptions: a task that can fail returns a `Result`. Collecting the results of all
//! tasks is `gather(..., return_exceptions=True)`. Stopping at the first error with `?` is like
//! plain `gather`, with one difference: the tasks not awaited yet are dropped, so they are
//! cancelled, where Python leaves them running. Run it with `cargo run --example gather_errors`.

use std::time::Duration;

use smol::{LocalExecutor, Task, Timer};
use workbook::say;

/// Says that its job was cancelled, if it is dropped while still armed: the job disarms it once
/// it has finished.
struct CancelNotice {
    name: &'static str,
    armed: bool,
}

impl Drop for CancelNotice {
    fn drop(&mut self) {
        if self.armed {
            say!("{}: cancelled", self.name);
        }
    }
}

async fn job(name: &'static str, ms: u64, fails: bool) -> Result<&'static str, String> {
    let mut notice = CancelNotice { name, armed: true };
    Timer::after(Duration::from_millis(ms)).await;
    notice.armed = false; // finished: no notice
    if fails {
        say!("{name}: failed");
        return Err(format!("{name} failed"));
    }
    say!("{name}: done");
    Ok(name)
}

// ANCHOR: gather
/// gather(*tasks): the outputs in order, or the first error met in that order. Returning early
/// drops the tasks not awaited yet: they are cancelled.
async fn gather<T, E>(tasks: Vec<Task<Result<T, E>>>) -> Result<Vec<T>, E> {
    let mut outputs = Vec::new();
    for task in tasks {
        outputs.push(task.await?);
    }
    Ok(outputs)
}
// ANCHOR_END: gather

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // ANCHOR: main
        let spawn_three = || {
            say!("three jobs: a, b fails, c");
            vec![
                ex.spawn(job("a", 100, false)),
                ex.spawn(job("b", 200, true)),
                ex.spawn(job("c", 400, false)),
            ]
        };

        // gather(..., return_exceptions=True): every result, errors included.
        let mut results = Vec::new();
        for task in spawn_three() {
            results.push(task.await);
        }
        say!("all results: {results:?}");

        // gather(...): the first error.
        let first_error = gather(spawn_three()).await;
        say!("gather: {first_error:?}");
        Timer::after(Duration::from_millis(300)).await; // c would be done by now
        say!("end");
        // ANCHOR_END: main
    }));
}
