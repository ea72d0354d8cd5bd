//! A trait method that returns a boxed future works as `dyn Trait`: one allocation per call.
//!
//! `price` returns `Pin<Box<dyn Future<...> + '_>>`, one type for every implementation, so the
//! trait can be used as `dyn Prices`; this is the code the `async-trait` crate writes for you.
//! The workbook's counting allocator counts what each call allocates. Run it with
//! `cargo run --example beyond_trait_boxed`.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use smol::Timer;
use workbook::counting_allocator::{CountingAllocator, allocations};
use workbook::say;

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

// ANCHOR: trait
/// A future on the heap, whatever its type: the one return type every implementation shares.
type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

trait Prices {
    fn price<'a>(&'a self, item: &'a str) -> BoxFuture<'a, Option<u32>>;
}

struct Fixed(u32);

impl Prices for Fixed {
    fn price<'a>(&'a self, _item: &'a str) -> BoxFuture<'a, Option<u32>> {
        Box::pin(async move { Some(self.0) })
    }
}

struct Remote;

impl Prices for Remote {
    fn price<'a>(&'a self, item: &'a str) -> BoxFuture<'a, Option<u32>> {
        Box::pin(async move {
            Timer::after(Duration::from_millis(100)).await;
            Some(10 * item.len() as u32)
        })
    }
}
// ANCHOR_END: trait

// ANCHOR: main
fn main() {
    let sources: Vec<Box<dyn Prices>> = vec![Box::new(Fixed(5)), Box::new(Remote)];
    smol::block_on(async {
        for source in &sources {
            say!("price: {:?}", source.price("fig").await);
        }
    });

    // What one call allocates, before the future is even polled: its box.
    for source in &sources {
        let (future, made) = allocations(|| source.price("fig"));
        say!("one call allocates: {:?} (bytes)", sizes(&made));
        drop(future);
    }
    // The same async block, not boxed: a value like any other, on the stack.
    let (future, made) = allocations(|| async { Some(5) });
    say!("an async block, not boxed: {:?}", sizes(&made));
    drop(future);
}
// ANCHOR_END: main

fn sizes(layouts: &[std::alloc::Layout]) -> Vec<usize> {
    layouts.iter().map(|l| l.size()).collect()
}
