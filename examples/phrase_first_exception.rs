//! asyncio.wait with FIRST_EXCEPTION in smol: first_completed until an Err; the rest run on.
//!
//! `asyncio.wait(tasks, return_when=FIRST_EXCEPTION)` returns when a task raises (or when all
//! are done), and leaves the pending tasks running, as `FIRST_COMPLETED` does. With task handles,
//! call `first_completed` until it gives an `Err`: the handles still in the list are the pending
//! tasks, running on. Run it with `cargo run --example phrase_first_exception`.

use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;
use workbook::wait::first_completed;

async fn job(name: &'static str, ms: u64, fails: bool) -> Result<&'static str, String> {
    Timer::after(Duration::from_millis(ms)).await;
    if fails {
        say!("{name}: failed");
        return Err(format!("{name} failed"));
    }
    say!("{name}: done");
    Ok(name)
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // ANCHOR: wait
        let mut tasks = vec![
            ex.spawn(job("a", 100, false)),
            ex.spawn(job("b", 200, true)),
            ex.spawn(job("c", 400, false)),
        ];
        // return_when=FIRST_EXCEPTION: until one fails, or none is left.
        let mut done = Vec::new();
        while !tasks.is_empty() {
            let result = first_completed(&mut tasks).await;
            let failed = result.is_err();
            done.push(result);
            if failed {
                break;
            }
        }
        say!("wait: {} done, {} pending", done.len(), tasks.len());
        // The pending tasks ran on meanwhile: await them, or drop them to cancel them.
        for task in tasks {
            say!("then: {:?}", task.await);
        }
        // ANCHOR_END: wait
    }));
}
