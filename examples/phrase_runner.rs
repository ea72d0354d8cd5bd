//! asyncio.Runner in smol: one executor, run twice; its tasks wait in between, and end at its drop.
//!
//! `asyncio.Runner` keeps one loop across several `run(coro)` calls: a task that one run leaves
//! behind pauses while nothing runs the loop, goes on in the next run, and is cancelled at
//! `close()`. An executor does the same: each `smol::block_on(ex.run(future))` runs its tasks
//! until `future` is done, and dropping the executor cancels the tasks still in it. Run it with
//! `cargo run --example phrase_runner`.

use std::thread;
use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;

/// Prints when the future that owns it is dropped: the `finally:` of the Python version.
struct CleanUp(&'static str);

impl Drop for CleanUp {
    fn drop(&mut self) {
        say!("{}: cleaned up", self.0);
    }
}

async fn ticker() {
    let _clean_up = CleanUp("ticker");
    for n in 1.. {
        Timer::after(Duration::from_millis(200)).await;
        say!("ticker: tick {n}");
    }
}

fn main() {
    // ANCHOR: runner
    let ex = LocalExecutor::new(); // asyncio.Runner(), or new_event_loop()
    // runner.run(first()): the ticker is left running when it returns.
    smol::block_on(ex.run(async {
        ex.spawn(ticker()).detach();
        say!("run 1: spawned the ticker");
        Timer::after(Duration::from_millis(500)).await;
        say!("run 1: done");
    }));
    // Nothing runs the executor here, so its tasks wait.
    thread::sleep(Duration::from_millis(400));
    // runner.run(second()): the same executor, and the ticker in it.
    smol::block_on(ex.run(async {
        say!("run 2: started");
        Timer::after(Duration::from_millis(500)).await;
        say!("run 2: done");
    }));
    drop(ex); // runner.close(): the tasks left are cancelled
    say!("closed");
    // ANCHOR_END: runner
}
