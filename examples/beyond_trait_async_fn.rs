//! An `async fn` in a trait: two implementations, each with a future of its own type, one caller.
//!
//! Python's `async def` works in any class, and every call returns a `coroutine`. Rust has
//! allowed `async fn` in traits since 1.75: each implementation's method returns a future of its
//! own type, with its own size, and a generic caller is compiled once for each implementation.
//! Run it with `cargo run --example beyond_trait_async_fn`.

use std::collections::HashMap;
use std::time::Duration;

use smol::Timer;
use workbook::say;

// ANCHOR: trait
/// Where prices come from.
trait Prices {
    async fn price(&self, item: &str) -> Option<u32>;
}

/// Prices kept in memory: the answer is there at once.
struct InMemory(HashMap<&'static str, u32>);

impl Prices for InMemory {
    async fn price(&self, item: &str) -> Option<u32> {
        self.0.get(item).copied()
    }
}

/// Prices from a remote service: each answer takes 100 ms.
struct Remote;

impl Prices for Remote {
    async fn price(&self, item: &str) -> Option<u32> {
        Timer::after(Duration::from_millis(100)).await; // a stand-in for a request
        Some(10 * item.len() as u32)
    }
}
// ANCHOR_END: trait

// ANCHOR: generic
/// The total of a basket, from any source of prices: compiled once for each `P` it is used with.
async fn total(prices: &impl Prices, basket: &[&str]) -> u32 {
    let mut sum = 0;
    for item in basket {
        sum += prices.price(item).await.unwrap_or(0);
    }
    sum
}
// ANCHOR_END: generic

// ANCHOR: main
fn main() {
    let memory = InMemory(HashMap::from([("apple", 3), ("pear", 4)]));
    let basket = ["apple", "pear", "fig"];
    smol::block_on(async {
        say!("in memory: {}", total(&memory, &basket).await);
        say!("remote: {}", total(&Remote, &basket).await);
    });
    // Two calls of the same method, two types of future: each size is known when compiling.
    let (in_memory, remote) = (memory.price("fig"), Remote.price("fig"));
    say!("InMemory's price future: {} bytes", size_of_val(&in_memory));
    say!("Remote's price future: {} bytes", size_of_val(&remote));
}
// ANCHOR_END: main
