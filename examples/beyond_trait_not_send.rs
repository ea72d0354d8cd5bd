//! Generic code cannot move a trait's `async fn` future to another thread: it may not be `Send`.
//!
//! `P::price` returns whatever future `P`'s implementation makes, and the trait promises nothing
//! about it, so code generic over `P` cannot count on it being `Send`: the compiler refuses to
//! move it to another thread, as a worker of a multi-threaded executor would. See the error with
//! `cargo build --example beyond_trait_not_send --features compile-fail`.

use std::sync::Arc;
use std::thread;
use std::time::Duration;

use smol::Timer;

trait Prices {
    async fn price(&self, item: &str) -> Option<u32>;
}

struct Remote;

impl Prices for Remote {
    async fn price(&self, item: &str) -> Option<u32> {
        Timer::after(Duration::from_millis(100)).await;
        Some(10 * item.len() as u32)
    }
}

// ANCHOR: mistake
/// Asks for a price on another thread, while the caller goes on.
fn prefetch<P: Prices + Send + Sync + 'static>(prices: Arc<P>) -> thread::JoinHandle<Option<u32>> {
    let job = async move { prices.price("fig").await };
    thread::spawn(move || smol::block_on(job))
}
// ANCHOR_END: mistake

fn main() {
    let prefetched = prefetch(Arc::new(Remote));
    println!("{:?}", prefetched.join().unwrap());
}
