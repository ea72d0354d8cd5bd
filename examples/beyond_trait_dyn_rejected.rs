//! A trait with an `async fn` cannot be used as `dyn Trait`: error E0038, not dyn compatible.
//!
//! A `dyn Prices` calls `price` through a table of function pointers, one entry per method, and
//! the caller must know the size of what each entry returns. Each implementation's `price`
//! returns a future of its own type and size, so no one entry can stand for them all. See the
//! error with `cargo build --example beyond_trait_dyn_rejected --features compile-fail`.

use std::time::Duration;

use smol::Timer;

trait Prices {
    async fn price(&self, item: &str) -> Option<u32>;
}

struct Fixed(u32);

impl Prices for Fixed {
    async fn price(&self, _item: &str) -> Option<u32> {
        Some(self.0)
    }
}

struct Remote;

impl Prices for Remote {
    async fn price(&self, item: &str) -> Option<u32> {
        Timer::after(Duration::from_millis(100)).await;
        Some(10 * item.len() as u32)
    }
}

// ANCHOR: mistake
fn main() {
    // Two sources of prices in one list, to ask each in turn: a list of trait objects.
    let sources: Vec<Box<dyn Prices>> = vec![Box::new(Fixed(5)), Box::new(Remote)];
    smol::block_on(async {
        for source in &sources {
            println!("{:?}", source.price("fig").await);
        }
    });
}
// ANCHOR_END: mistake
