//! loop.call_soon and call_later in smol: a callback is a small task.
//!
//! Dropping its handle cancels it.
//!
//! asyncio runs plain functions too: `call_soon(f)` at the loop's next turn, `call_later(d, f)`
//! after a delay, with a handle whose `cancel()` takes it back. smol runs only futures, so a
//! callback is an `async` block that calls it, spawned; its `Task` handle is the timer handle:
//! drop it to cancel, `detach()` it to let it run. Run it with
//! `cargo run --example callbacks_as_tasks`.

use std::time::Duration;

use smol::{LocalExecutor, Task, Timer};
use workbook::say;

// ANCHOR: callbacks
/// loop.call_soon(callback): runs at the executor's next turn.
fn call_soon(ex: &LocalExecutor<'_>, callback: impl FnOnce() + 'static) {
    ex.spawn(async move { callback() }).detach();
}

/// loop.call_later(delay, callback): the handle cancels it when dropped.
fn call_later(
    ex: &LocalExecutor<'_>,
    delay: Duration,
    callback: impl FnOnce() + 'static,
) -> Task<()> {
    // The deadline is fixed here, at the call, as asyncio's is; a timer made inside the task
    // would count from whenever the task first runs.
    let timer = Timer::after(delay);
    ex.spawn(async move {
        timer.await;
        callback();
    })
}
// ANCHOR_END: callbacks

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // ANCHOR: main
        call_soon(&ex, || say!("call_soon: runs once main awaits"));
        call_later(&ex, Duration::from_millis(200), || {
            say!("call_later: 200 ms")
        })
        .detach();
        let handle = call_later(&ex, Duration::from_millis(100), || say!("never printed"));
        drop(handle); // handle.cancel()
        say!("main: three callbacks scheduled, one cancelled");
        Timer::after(Duration::from_millis(300)).await;
        say!("main: done");
        // ANCHOR_END: main
    }));
}
