//! asyncio.PriorityQueue and LifoQueue in smol: a heap or a stack, and a semaphore.
//!
//! The semaphore counts the items.
//!
//! async-channel's channels are first-in, first-out only. For another order, keep the items in
//! a `BinaryHeap` (lowest first with `Reverse`, as Python's heapq) or a `Vec` (last in, first
//! out), and count them with a `Semaphore`: `put` adds a permit, `get` waits for one and keeps
//! it. Run it with `cargo run --example priority_and_lifo`.

use std::cell::RefCell;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::time::Duration;

use smol::lock::Semaphore;
use smol::{LocalExecutor, Timer};
use workbook::say;

// ANCHOR: queue
/// Where a queue keeps its items, and in which order it gives them back.
trait Store<T>: Default {
    fn push(&mut self, item: T);
    fn pop(&mut self) -> Option<T>;
}

/// Lowest first, as asyncio.PriorityQueue (Rust's heap gives the highest: hence `Reverse`).
impl<T: Ord> Store<T> for BinaryHeap<Reverse<T>> {
    fn push(&mut self, item: T) {
        BinaryHeap::push(self, Reverse(item));
    }
    fn pop(&mut self) -> Option<T> {
        BinaryHeap::pop(self).map(|Reverse(item)| item)
    }
}

/// Last in, first out, as asyncio.LifoQueue.
impl<T> Store<T> for Vec<T> {
    fn push(&mut self, item: T) {
        Vec::push(self, item);
    }
    fn pop(&mut self) -> Option<T> {
        Vec::pop(self)
    }
}

/// An unbounded queue for one thread (with threads: a `Mutex` in place of the `RefCell`).
struct WaitingQueue<S> {
    store: RefCell<S>,
    count: Semaphore, // one permit per item in the store
}

impl<S: Default> WaitingQueue<S> {
    fn new() -> Self {
        WaitingQueue {
            store: RefCell::default(),
            count: Semaphore::new(0),
        }
    }

    fn put<T>(&self, item: T)
    where
        S: Store<T>,
    {
        self.store.borrow_mut().push(item);
        self.count.add_permits(1);
    }

    async fn get<T>(&self) -> T
    where
        S: Store<T>,
    {
        self.count.acquire().await.forget(); // keep the permit: its item leaves the store
        self.store.borrow_mut().pop().expect("one permit per item")
    }
}
// ANCHOR_END: queue

// ANCHOR: demo
/// A getter waits for three items; 100 ms later, three are put, with no `.await` in between.
async fn demo<'a, S: Store<u32>>(
    ex: &LocalExecutor<'a>,
    name: &'a str,
    queue: &'a WaitingQueue<S>,
) {
    say!("{name}: get() waits for an item");
    let getter = ex.spawn(async move {
        for _ in 0..3 {
            say!("{name}: got {}", queue.get().await);
        }
    });
    Timer::after(Duration::from_millis(100)).await;
    say!("{name}: put 3, 1, 2");
    for item in [3, 1, 2] {
        queue.put(item); // not async: the getter runs only once all three are in
    }
    getter.await;
}

fn main() {
    let priority = WaitingQueue::<BinaryHeap<Reverse<u32>>>::new();
    let lifo = WaitingQueue::<Vec<u32>>::new();
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        demo(&ex, "priority", &priority).await;
        demo(&ex, "lifo", &lifo).await;
    }));
}
// ANCHOR_END: demo
