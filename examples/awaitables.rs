//! What `.await` accepts: async fn calls, tasks, channels, `IntoFuture` types, hand-made futures.
//!
//! Any type that implements `Future`, or turns into one through `IntoFuture` (Python's
//! `__await__`), can be awaited. Run it with `cargo run --example awaitables`.

use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::task::{Context, Poll};
use std::thread;
use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;

async fn add(a: u32, b: u32) -> u32 {
    a + b
}

// ANCHOR: handmade
/// A hand-made future: not ready the first time it is polled, ready the second time.
/// It does what `await asyncio.sleep(0)` does: give control back once.
struct YieldOnce {
    polled: bool,
}

impl Future for YieldOnce {
    type Output = &'static str;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if self.polled {
            say!("  YieldOnce polled again: Ready");
            return Poll::Ready("yielded once");
        }
        self.polled = true;
        say!("  YieldOnce polled: Pending, and it asks to be polled again");
        // Whoever returns Pending must make sure the task is woken later. Nothing else will
        // do it here, so it wakes its own task at once: "poll me again when you can".
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
// ANCHOR_END: handmade

// ANCHOR: intofuture
/// Not a future itself, but `.await`-able, the way a Python class with `__await__` is.
struct Delay {
    millis: u64,
}

impl IntoFuture for Delay {
    type Output = std::time::Instant;
    type IntoFuture = Timer;

    fn into_future(self) -> Timer {
        Timer::after(Duration::from_millis(self.millis))
    }
}
// ANCHOR_END: intofuture

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // ANCHOR: awaits
        // A coroutine: the future of an async fn call.
        say!("add(1, 2).await = {}", add(1, 2).await);

        // A task: spawned on the executor, awaited through its handle.
        let task = ex.spawn(add(3, 4));
        say!("task.await = {}", task.await);

        // A future completed by someone else: another thread sends on a channel after 100 ms,
        // as a Python callback would call `future.set_result(...)`.
        let (sender, receiver) = async_channel::bounded(1);
        thread::spawn(move || {
            thread::sleep(Duration::from_millis(100));
            sender.send_blocking("sent from a thread").unwrap();
        });
        say!(
            "receiver.recv().await = {:?}",
            receiver.recv().await.unwrap()
        );

        // A type with `IntoFuture`: `.await` calls `into_future()` first.
        let _when = Delay { millis: 100 }.await;
        say!("Delay {{ millis: 100 }}.await: done");

        // A hand-made future.
        say!("YieldOnce.await = {:?}", YieldOnce { polled: false }.await);
        // ANCHOR_END: awaits
    }));
}
