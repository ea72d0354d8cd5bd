//! Mistake: ends as soon as `inner` ends, and so drops an odd last item instead of yielding it.
//! feedback: The first run comes out right

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use smol::Timer;
use smol::stream::{self, Stream, StreamExt};
use workbook::say;

/// What `Pairs` yields.
#[allow(dead_code)] // this mistake never makes a `Leftover`
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
    /// The first item of a pair, kept while `inner` makes us wait for the second.
    first: Option<S::Item>,
}

impl<S: Stream> Pairs<S> {
    fn new(inner: S) -> Pairs<S> {
        Pairs { inner, first: None }
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
        loop {
            match self.inner.poll_next(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Some(item)) => match self.first.take() {
                    Some(first) => return Poll::Ready(Some(Pair::Two(first, item))),
                    None => self.first = Some(item),
                },
                Poll::Ready(None) => return Poll::Ready(None),
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
