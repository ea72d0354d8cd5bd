//! Mistake: the thread sends `f`'s value, but a panic ends it before it sends anything: the future
//! learns only that the channel closed, and the job's own panic message is lost.

use std::any::Any;
use std::future::Future;
use std::panic::{self, AssertUnwindSafe};
use std::thread;
use std::time::Duration;

use smol::future::FutureExt;
use smol::{LocalExecutor, Timer};
use workbook::say;

/// Runs `f` on a new thread, starting now. The future it returns is ready with `f`'s result once
/// the thread has it; if `f` panics, the future's `poll` panics with the same payload.
fn on_thread<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> impl Future<Output = T> {
    let (tx, rx) = async_channel::bounded(1);
    thread::spawn(move || {
        let _ = tx.send_blocking(f());
    });
    async move {
        rx.recv()
            .await
            .expect("the job's thread ended without a result")
    }
}

/// A blocking job: 300 ms in a call that holds its thread (a file read, a C library's call...),
/// and then a number, or a panic if `text` is not one.
fn slow_parse(text: &str) -> u64 {
    thread::sleep(Duration::from_millis(300));
    text.parse().expect("not a number")
}

/// Ticks every 100 ms, twice: late if its thread is kept busy.
async fn ticker() {
    for i in 1..=2 {
        Timer::after(Duration::from_millis(100)).await;
        say!("tick {i}");
    }
}

/// The message a panic was given.
fn message(panic: &(dyn Any + Send)) -> &str {
    match panic.downcast_ref::<String>() {
        Some(text) => text,
        None => panic.downcast_ref::<&str>().copied().unwrap_or("?"),
    }
}

fn main() {
    // A panic prints its message and where it happened, and no backtrace, which would take long
    // to capture (with `RUST_BACKTRACE` set) and tell nothing here.
    panic::set_hook(Box::new(|info| eprintln!("{info}")));
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // The ticker runs on this thread, as a task of this executor, beside `main`'s code.
        let ticker = ex.spawn(ticker());
        say!("main: three jobs of 300 ms, each on a thread of its own");
        let jobs = ["12", "twelve", "7"].map(|text| on_thread(move || slow_parse(text)));
        // The jobs started when `on_thread` was called; now what came of them, in order. A
        // job's panic comes out of its `.await`: catch it, to go on with the others.
        for (n, job) in (1..).zip(jobs) {
            match AssertUnwindSafe(job).catch_unwind().await {
                Ok(number) => say!("main: job {n} returned {number}"),
                Err(panic) => say!("main: job {n} panicked: {}", message(&*panic)),
            }
        }
        ticker.await;
    }));
}
