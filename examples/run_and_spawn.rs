//! asyncio.run and create_task in smol: block_on, spawn, and the executor's drop.
//!
//! block_on runs the main future, spawn queues tasks, and the executor's drop cancels what is left.
//!
//! `asyncio.run(main())` runs `main` on a new loop and, when it returns, cancels the tasks still
//! running. `smol::block_on(ex.run(main))` runs `main` with the executor `ex`; the tasks still in
//! `ex` are cancelled when `ex` is dropped. Run it with `cargo run --example run_and_spawn`.

use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;

// ANCHOR: tasks
/// Prints when the future that owns it is dropped: the `finally:` of the Python version.
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
// ANCHOR_END: tasks

// ANCHOR: main
// No ambient loop: code that spawns is handed the executor (asyncio.get_running_loop()).
async fn main_task(ex: &LocalExecutor<'_>) {
    say!("main: start");
    let task = ex.spawn(child()); // asyncio.create_task(child())
    say!("main: spawned the child; it starts when main awaits");
    ex.spawn(background()).detach(); // runs on with nobody holding its handle
    let result = task.await;
    say!("main: child returned {result}");
}

fn main() {
    {
        let ex = LocalExecutor::new();
        smol::block_on(ex.run(main_task(&ex))); // asyncio.run(main())
    } // `ex` is dropped here, and with it the background task: its clean-up runs
    say!("done");
}
// ANCHOR_END: main
