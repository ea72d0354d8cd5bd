//! Mistake: keeps the first item of a pair in a local variable, lost when `inner` is `Pending`.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use smol::Timer;
use smol::stream::{self, Stream, StreamExt};
use workbook::say;

/// What `Pairs` yields.
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
struct Pairs<S: Stream> {
    inner: S,
    /// Whether `inner` has ended: it must not be polled after that.
    ended: bool,
}

impl<S: Stream> Pairs<S> {
    fn new(inner: S) -> Pairs<S> {
        Pairs {
            inner,
            ended: false,
        }
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

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.ended {
            return Poll::Ready(None);
        }
        let first = match self.inner.poll_next(cx) {
            Poll::Pending => return Poll::Pending,
            Poll::Ready(Some(item)) => item,
            Poll::Ready(None) => {
                self.ended = true;
                return Poll::Ready(None);
            }
        };
        // The second item. If `inner` answers Pending here, this call returns, and `first`,
        // a local variable, is dropped with it.
        match self.inner.poll_next(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(Some(second)) => Poll::Ready(Some(Pair::Two(first, second))),
            Poll::Ready(None) => {
                self.ended = true;
                Poll::Ready(Some(Pair::Leftover(first)))
            }
        }
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
