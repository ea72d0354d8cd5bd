//! A trait can promise `Send` futures: `fn price(..) -> impl Future<Output = ..> + Send`.
//!
//! Implementations still write `async fn`; the compiler checks each one's future against the
//! promise, and code generic over the trait may then move the futures to other threads, as
//! `smol::spawn` does with its tasks. Run it with `cargo run --example beyond_trait_send`.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use smol::{Task, Timer};
use workbook::say;

// ANCHOR: trait
trait Prices {
    /// The same method as `async fn price`, with a promise: its future is `Send`.
    fn price(&self, item: &str) -> impl Future<Output = Option<u32>> + Send;
}

struct Remote;

impl Prices for Remote {
    async fn price(&self, item: &str) -> Option<u32> {
        Timer::after(Duration::from_millis(100)).await;
        Some(10 * item.len() as u32)
    }
}
// ANCHOR_END: trait

// ANCHOR: prefetch
/// Asks for a price on smol's threads (`smol::spawn` takes only `Send` futures).
fn prefetch<P>(prices: Arc<P>, item: &'static str) -> Task<Option<u32>>
where
    P: Prices + Send + Sync + 'static,
{
    smol::spawn(async move { prices.price(item).await })
}
// ANCHOR_END: prefetch

fn main() {
    smol::block_on(async {
        let prices = Arc::new(Remote);
        let fig = prefetch(Arc::clone(&prices), "fig");
        let pear = prefetch(prices, "pear");
        say!("two prices asked for");
        say!("fig: {:?}, pear: {:?}", fig.await, pear.await);
    });
}
