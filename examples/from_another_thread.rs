//! call_soon_threadsafe and run_coroutine_threadsafe in smol: from another thread.
//!
//! A channel into the executor, and a task spawned on a shared `Executor` from another thread.
//!
//! A plain thread cannot touch a `LocalExecutor`. To hand the async side a value, send it on a
//! channel: `send_blocking` works from any thread. To run a future there and wait for its
//! result, share a (thread-safe) `Executor` with `Arc`: `spawn` from the thread, and
//! `block_on(task)` waits, as `run_coroutine_threadsafe(coro, loop).result()` does. Run it with
//! `cargo run --example from_another_thread`.

use std::sync::Arc;
use std::thread;
use std::time::Duration;

use smol::{Executor, Timer};
use workbook::say;

fn on_main_thread() -> bool {
    thread::current().name() == Some("main")
}

fn main() {
    // ANCHOR: main
    let ex = Arc::new(Executor::new());
    let (to_loop, from_threads) = async_channel::unbounded::<String>();

    say!("loop: starting a thread");
    let worker = thread::spawn({
        let ex = ex.clone();
        move || {
            thread::sleep(Duration::from_millis(100));
            // loop.call_soon_threadsafe(queue.put_nowait, ...): hand the async side a value
            to_loop.send_blocking("hello from a thread".into()).unwrap();

            thread::sleep(Duration::from_millis(100));
            // asyncio.run_coroutine_threadsafe(coro, loop).result()
            let task = ex.spawn(async {
                Timer::after(Duration::from_millis(100)).await;
                say!("coroutine: runs on the main thread: {}", on_main_thread());
                42
            });
            let answer = smol::block_on(task); // this thread waits
            say!("thread: got {answer}");
        }
    });

    smol::block_on(ex.run(async {
        let message = from_threads.recv().await.unwrap();
        say!("loop: got {message:?}");
        smol::unblock(|| worker.join().unwrap()).await; // keep running `ex` until the thread ends
    }));
    // ANCHOR_END: main
}
