//! A LIFO queue whose getter runs after each put: it gets the items in the order they were put.
//!
//! A variation of `priority_and_lifo`'s LIFO demonstration, with a `yield_now().await` after
//! each `put`. The put wakes the waiting getter, and the yield lets it run at once, while the
//! stack holds one item: last in, first out, and also first in, first out. Run it with
//! `cargo run --example phrase_lifo_yield_after_put`.

use std::cell::RefCell;
use std::time::Duration;

use smol::lock::Semaphore;
use smol::{LocalExecutor, Timer, future};
use workbook::say;

/// The `WaitingQueue` of `priority_and_lifo`, with its `Vec` store: last in, first out.
struct LifoQueue {
    store: RefCell<Vec<u32>>,
    count: Semaphore, // one permit per item in the store
}

impl LifoQueue {
    fn put(&self, item: u32) {
        self.store.borrow_mut().push(item);
        self.count.add_permits(1);
    }

    async fn get(&self) -> u32 {
        self.count.acquire().await.forget();
        self.store.borrow_mut().pop().expect("one permit per item")
    }
}

fn main() {
    let queue = LifoQueue {
        store: RefCell::default(),
        count: Semaphore::new(0),
    };
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // ANCHOR: demo
        say!("lifo: get() waits for an item");
        let getter = ex.spawn(async {
            for _ in 0..3 {
                say!("lifo: got {}", queue.get().await);
            }
        });
        Timer::after(Duration::from_millis(100)).await;
        for item in [3, 1, 2] {
            say!("lifo: put {item}");
            queue.put(item);
            future::yield_now().await; // new: a turn for the others after each put
        }
        getter.await;
        // ANCHOR_END: demo
    }));
}
