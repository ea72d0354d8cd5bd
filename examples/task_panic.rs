//! A panic in a task is raised again where the task is awaited.
//!
//! The task catches it, as an asyncio task catches an exception.
//!
//! The executor survives the panic, and the other tasks run on. Awaiting the panicked task's
//! handle panics the awaiter in turn, unless it catches the panic, here with `catch_unwind`.
//! A panic means a bug; errors a program expects are `Result`s (see `gather_errors`). Run it with
//! `cargo run --example task_panic` (the panic's message goes to stderr).

use std::time::Duration;

use smol::future::FutureExt;
use smol::{LocalExecutor, Timer};
use workbook::say;

fn main() {
    // The default panic hook prints the message to stderr, and with RUST_BACKTRACE set, a
    // backtrace, which takes long enough (about 0.1 s) to upset the timings. One line will do.
    std::panic::set_hook(Box::new(|info| eprintln!("{info}")));
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // ANCHOR: panic
        say!("spawning a task that panics and one that does not");
        let faulty = ex.spawn(async {
            Timer::after(Duration::from_millis(100)).await;
            say!("faulty: about to panic");
            panic!("boom");
        });
        let other = ex.spawn(async {
            Timer::after(Duration::from_millis(200)).await;
            say!("other: still runs");
        });

        // `faulty.await` alone would panic here too. Catch it, like `except` around `await task`.
        match faulty.catch_unwind().await {
            Ok(()) => say!("faulty: finished"),
            Err(panic) => {
                // What the panic carries: a `&str` for a plain message, a `String` for a
                // formatted one (`panic!("boom {n}")`).
                let message = panic
                    .downcast_ref::<&str>()
                    .copied()
                    .or_else(|| panic.downcast_ref::<String>().map(String::as_str));
                say!("faulty: panicked with {message:?}");
            }
        }
        other.await;
        // ANCHOR_END: panic
    }));
}
