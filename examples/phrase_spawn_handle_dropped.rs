//! A task whose handle is dropped before it first runs: none of its body runs, not even its guard.
//!
//! A variation of `run_and_spawn`: where that program calls `.detach()` on the background task's
//! handle, this one drops the handle. A dropped `Task` is cancelled; the executor then drops its
//! future without polling it, and a future never polled has run none of its body: no tick, and
//! no `CleanUp` made, so none to drop. Run it with
//! `cargo run --example phrase_spawn_handle_dropped`.

use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;

/// Prints when the future that owns it is dropped (as in `run_and_spawn`).
struct CleanUp(&'static str);

impl Drop for CleanUp {
    fn drop(&mut self) {
        say!("{}: cleaned up", self.0);
    }
}

async fn child() -> u32 {
    say!("child: started");
    Timer::after(Duration::from_millis(300)).await;
    say!("child: done");
    42
}

async fn background() {
    let _clean_up = CleanUp("background");
    loop {
        Timer::after(Duration::from_millis(200)).await;
        say!("background: tick");
    }
}

// ANCHOR: main
async fn main_task(ex: &LocalExecutor<'_>) {
    say!("main: start");
    let task = ex.spawn(child());
    say!("main: spawned the child; it starts when main awaits");
    drop(ex.spawn(background())); // was: ex.spawn(background()).detach();
    let result = task.await;
    say!("main: child returned {result}");
}
// ANCHOR_END: main

fn main() {
    {
        let ex = LocalExecutor::new();
        smol::block_on(ex.run(main_task(&ex)));
    }
    say!("done");
}
