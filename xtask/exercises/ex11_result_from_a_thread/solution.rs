//! Solution: the thread starts at the call, catches what `f` does, value or panic, and sends it
//! through a channel; the future receives it, and resumes a panic.

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
    // The thread starts here, when `on_thread` is called, not at the future's first poll: the
    // job runs while the caller does other things, as `loop.run_in_executor` starts it at once.
    thread::spawn(move || {
        // A panic in `f` is caught here, to be sent like a value: otherwise the thread would end
        // without sending, and the awaiting task would learn only that nothing came.
        let outcome = panic::catch_unwind(AssertUnwindSafe(f));
        // One message, into a channel with room for one: it never waits. (It fails only if the
        // future was dropped, and then nobody wants the result.)
        let _ = tx.send_blocking(outcome);
    });
    // `recv().await` waits as any future does: `Pending`, its waker kept in the channel, which
    // `send_blocking` wakes from the job's thread.
    async move {
        match rx.recv().await {
            Ok(Ok(value)) => value,
            // The job's panic goes on here, in the task that awaits it.
            Ok(Err(panic)) => panic::resume_unwind(panic),
            Err(_) => unreachable!("the thread sends before it ends, a value or a panic"),
        }
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
