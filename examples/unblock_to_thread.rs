//! asyncio.to_thread in smol: `unblock` runs a blocking function on a pool thread.
//!
//! A timeout stops only the waiting, not the function.
//!
//! `smol::unblock(f)` (from the `blocking` crate) runs `f` on a pool of threads and returns a
//! task for its result, as `await asyncio.to_thread(f)` or `loop.run_in_executor(None, f)` do.
//! Meanwhile the executor's thread is free. A thread cannot be stopped from outside, so giving up
//! on the task leaves `f` running to its end, in both languages. Run it with
//! `cargo run --example unblock_to_thread`.

use std::thread;
use std::time::Duration;

use smol::Timer;
use smol::future::{self, FutureExt};
use workbook::say;

/// A blocking call, such as `std::fs` or a synchronous driver: it holds its thread.
fn blocking_call(ms: u64) -> &'static str {
    thread::sleep(Duration::from_millis(ms));
    if thread::current().name() == Some("main") {
        "main thread"
    } else {
        "another thread"
    }
}

fn main() {
    smol::block_on(async {
        // ANCHOR: main
        say!("two blocking calls of 200 ms");
        let calls = future::zip(
            smol::unblock(|| blocking_call(200)), // asyncio.to_thread(blocking_call, 0.2)
            smol::unblock(|| blocking_call(200)),
        );
        let meanwhile = async {
            Timer::after(Duration::from_millis(100)).await;
            say!("loop: free meanwhile");
        };
        let ((a, b), ()) = future::zip(calls, meanwhile).await;
        say!("both done, on {a} and {b}");

        // wait_for(to_thread(slow), 0.1): the waiting stops, the function does not.
        let slow = smol::unblock(|| {
            thread::sleep(Duration::from_millis(300));
            say!("slow: finished anyway");
            "finished"
        });
        let timeout = async {
            Timer::after(Duration::from_millis(100)).await;
            Err("timed out")
        };
        let result = async { Ok(slow.await) }.or(timeout).await;
        say!("slow: {result:?}");
        Timer::after(Duration::from_millis(400)).await;
        say!("end");
        // ANCHOR_END: main
    });
}
