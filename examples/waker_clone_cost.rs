//! What a waker clone costs: no allocation, for smol's tasks and for a `Waker` from an `Arc`.
//!
//! A counting allocator counts every allocation while wakers are cloned. Run it with
//! `cargo run --example waker_clone_cost`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Poll, Wake, Waker};

use smol::LocalExecutor;
use smol::future;
use workbook::say;

// ANCHOR: counter
/// The system allocator, counting how many allocations it has made.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f` and returns its result with the number of allocations it made.
fn counting<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    let result = f();
    (result, ALLOCATIONS.load(Ordering::Relaxed) - before)
}
// ANCHOR_END: counter

const CLONES: usize = 1000;

// ANCHOR: clones
/// Clones `waker` `CLONES` times into a vector made beforehand, so that only the clones count.
fn clone_many(waker: &Waker) -> (Vec<Waker>, usize) {
    let mut clones = Vec::with_capacity(CLONES);
    let ((), allocations) = counting(|| {
        for _ in 0..CLONES {
            clones.push(waker.clone());
        }
    });
    (clones, allocations)
}

/// A waker that does nothing but exist: enough to count its clones.
struct Nothing;

impl Wake for Nothing {
    fn wake(self: Arc<Self>) {}
}

fn main() {
    // A smol task's own waker, taken from the `Context` it is polled with.
    let ex = LocalExecutor::new();
    // The executor's first spawn also sets up its own state: leave that out of the count.
    future::block_on(ex.run(ex.spawn(async {})));
    let (task, spawn_allocations) = counting(|| {
        ex.spawn(future::poll_fn(|cx| {
            let (clones, allocations) = clone_many(cx.waker());
            let same = clones.iter().all(|clone| clone.will_wake(cx.waker()));
            Poll::Ready((allocations, same))
        }))
    });
    let (allocations, same) = future::block_on(ex.run(task));
    say!("spawning a smol task: allocations: {spawn_allocations}");
    say!("its waker, cloned {CLONES} times: allocations: {allocations}; all wake the task: {same}");

    // A waker made from an `Arc`: making it allocates the `Arc`; a clone adds one to its count.
    let (nothing, arc_allocations) = counting(|| Arc::new(Nothing));
    let (waker, waker_allocations) = counting(|| Waker::from(nothing.clone()));
    let (clones, allocations) = clone_many(&waker);
    say!("Arc::new(Nothing): allocations: {arc_allocations}");
    say!("  a Waker from it: allocations: {waker_allocations}");
    say!("  cloned {CLONES} times: allocations: {allocations}");
    say!("  the Arc's count: {}", Arc::strong_count(&nothing));
    drop(clones);
    say!(
        "  the Arc's count once the clones are dropped: {}",
        Arc::strong_count(&nothing)
    );
}
// ANCHOR_END: clones
