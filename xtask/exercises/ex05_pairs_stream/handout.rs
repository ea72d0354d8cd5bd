//! Write `Pairs`, a stream adapter that yields the items of another stream two by two.
//!
//! `Pairs` over a stream of 1, 2, 3, 4 yields `Two(1, 2)`, then `Two(3, 4)`, each as soon as its
//! second item has come, and ends when the inner stream ends. If the inner stream ends with an
//! odd item out, `Pairs` yields it alone, as `Leftover(5)`, and then ends. The inner stream here
//! is a ticker, which yields one number every 100 ms and says `tick N` when it does; `main` runs
//! `Pairs` over four ticks, then again over five.
//!
//! Run it: `cargo exercise ex05_pairs_stream`
//! Check it: `cargo xtask check ex05_pairs_stream`

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use smol::Timer;
use smol::stream::{self, Stream, StreamExt};
use workbook::say;

/// What `Pairs` yields.
#[allow(dead_code)] // until your `poll_next` makes them
#[derive(Debug)]
enum Pair<T> {
    /// Two items of the inner stream, in the order they came.
    Two(T, T),
    /// The last item of an inner stream that had an odd number of them.
    Leftover(T),
}

/// The inner stream: boxed and pinned, so it is `Unpin`.
type Ticker = Pin<Box<dyn Stream<Item = u32>>>;

/// Yields 1, 2, ..., `count`, one every `every`. Like every stream that `stream::unfold` makes,
/// it panics if it is polled again after it has ended (after it returned `Ready(None)`).
fn ticker(count: u32, every: Duration) -> Ticker {
    Box::pin(stream::unfold(1, move |n| async move {
        if n > count {
            return None;
        }
        Timer::after(every).await;
        say!("  tick {n}");
        Some((n, n + 1))
    }))
}

/// Yields the items of `inner` two by two.
#[allow(dead_code)] // until your `poll_next` reads `inner`
struct Pairs<S: Stream> {
    inner: S,
    // TODO: what else must `Pairs` keep from one call of `poll_next` to the next?
}

impl<S: Stream> Pairs<S> {
    fn new(inner: S) -> Pairs<S> {
        Pairs { inner }
    }
}

// `Pairs` is `Unpin` when its fields are: with these bounds, `mut self` reaches them (the page on
// the Future trait shows how), and `inner` can be polled with `StreamExt::poll_next`.
impl<S> Stream for Pairs<S>
where
    S: Stream + Unpin,
    S::Item: Unpin,
{
    type Item = Pair<S::Item>;

    #[allow(unused_variables)] // until you write it
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        // TODO: poll `inner` for items; yield a `Two` once there are two, a `Leftover` when it
        // ends with one left over, and `None` after that. Return `Pending` only when `inner`
        // did: then `inner` has arranged for this task to be woken.
        todo!()
    }
}

/// Prints every pair of `pairs`, as `async for pair in pairs:` would.
async fn show(mut pairs: Pairs<Ticker>) {
    while let Some(pair) = pairs.next().await {
        say!("{pair:?}");
    }
    say!("no more pairs");
}

fn main() {
    smol::block_on(async {
        say!("pairs of 4 ticks");
        show(Pairs::new(ticker(4, Duration::from_millis(100)))).await;
        say!("-- again, with 5 ticks");
        show(Pairs::new(ticker(5, Duration::from_millis(100)))).await;
    });
}
