//! Python's async generator and `async for`, in Rust: a `Stream`, made with `stream::unfold`.
//!
//! Stable Rust has no `yield` in async code, so the generator's state is passed from one step
//! to the next by hand. Run it with `cargo run --example async_generator`.

use std::pin::pin;
use std::time::Duration;

use smol::Timer;
use smol::stream::{self, Stream, StreamExt};
use workbook::say;

// ANCHOR: countdown
/// Like `async def countdown(n): while n > 0: await asyncio.sleep(0.25); yield n; n -= 1`.
fn countdown(from: u32) -> impl Stream<Item = u32> {
    // `unfold` keeps a state (here `n`) and calls the closure for each item. The closure's future
    // returns `Some((item, next state))`, like a `yield`, or `None` to end the stream.
    stream::unfold(from, |n| async move {
        if n == 0 {
            return None;
        }
        Timer::after(Duration::from_millis(250)).await;
        Some((n, n - 1))
    })
}
// ANCHOR_END: countdown

fn main() {
    smol::block_on(async {
        // ANCHOR: consume
        // `async for n in countdown(3):`
        say!("counting down");
        let mut numbers = pin!(countdown(3));
        while let Some(n) = numbers.next().await {
            say!("got {n}");
        }
        // ANCHOR_END: consume

        // ANCHOR: delegate
        // `yield from` does not exist in async generators; Python writes
        // `async for x in inner(): yield x`. A stream hands over to another with `chain`.
        let launch = stream::iter([10, 20]).chain(countdown(2));
        let all: Vec<u32> = launch.collect().await;
        say!("launch: {all:?}");
        // ANCHOR_END: delegate
    });
}
