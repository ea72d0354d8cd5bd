//! What one spawned, sleeping Tokio task costs: one allocation of 256 bytes, aligned to 128.
//!
//! The counting allocator of `examples/workbook/counting_allocator.rs` notes what `tokio::spawn`
//! allocates in each of Tokio's two runtimes, and what the task's first poll allocates. Then two
//! futures of known sizes show where the block grows, and so how much it holds besides the
//! future. Run it with `cargo run --example task_allocation_tokio`.

use std::future::{Future, poll_fn};
use std::num::NonZeroU64;
use std::pin::Pin;
use std::ptr::NonNull;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use tokio::runtime::{Builder, Runtime};
use workbook::counting_allocator::{CountingAllocator, allocations};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

// ANCHOR: main
/// The same task as `examples/scale.rs` spawns: it sleeps, and holds nothing else.
const SLEEP: Duration = Duration::from_secs(1);

fn main() {
    let current = Builder::new_current_thread().enable_time().build().unwrap();
    let multi = Builder::new_multi_thread().enable_time().build().unwrap();
    for (name, runtime) in [("current-thread", &current), ("multi-thread", &multi)] {
        // One task first, run to its end, so that the runtime's own structures exist.
        runtime.block_on(async { tokio::spawn(async {}).await.unwrap() });
        let _inside = runtime.enter(); // `tokio::spawn` finds the runtime through this
        let (task, spawned) =
            allocations(|| tokio::spawn(async { tokio::time::sleep(SLEEP).await }));
        let [block] = spawned[..] else {
            panic!("spawn made {} allocations", spawned.len())
        };
        let (size, align) = (block.size(), block.align());
        println!("{name} runtime: spawn allocated one block of {size} bytes, aligned to {align}");
        if name == "current-thread" {
            // Its first poll, on this thread: it files its timer.
            let (_, polled) = allocations(|| runtime.block_on(yield_once()));
            println!("  its first poll allocated: {:?}", sizes(&polled));
        }
        task.abort();
    }

    // Where the block grows: a future of 152 bytes fits in 256, one of 160 does not.
    let fits = block_size(&current, Words([0; 19]));
    let grows = block_size(&current, Words([0; 20]));
    println!("a future of 152 bytes gets a block of {fits}; one of 160 bytes, {grows}");
    let besides = fits - size_of::<Words<19>>();
    println!("so the block holds {besides} bytes besides the future, rounded up to 128:");

    let header = size_of::<AtomicUsize>() // state
        + size_of::<Option<NonNull<()>>>() // next task in the queue of tasks to run
        + size_of::<&'static ()>() // vtable
        + size_of::<Option<NonZeroU64>>(); // id of the runtime's list that owns it
    let trailer = 2 * size_of::<Option<NonNull<()>>>() // links in the runtime's list of tasks
        + size_of::<Option<Waker>>() // the waker of whoever awaits the task
        + size_of::<Option<Arc<dyn Fn()>>>(); // a hook, called when the task ends
    let parts = [
        (
            header,
            "the header: state, next in a queue, vtable, owner's id",
        ),
        (
            size_of::<Arc<()>>(),
            "the scheduler: an Arc to the runtime's handle",
        ),
        (size_of::<NonZeroU64>(), "the task's id"),
        (8, "the stage: running, finished or consumed (padded)"),
        (
            trailer,
            "the trailer: links in the list of tasks, awaiter's waker, hook",
        ),
    ];
    for (bytes, what) in parts {
        println!("  {bytes:>3}  {what}");
    }
    let sum: usize = parts.iter().map(|(bytes, _)| bytes).sum();
    let check = if sum == besides { "" } else { "NOT " };
    println!("  {sum:>3}  in all: {check}what the block holds besides the future");

    let future = async { tokio::time::sleep(SLEEP).await };
    let sleep = size_of::<tokio::time::Sleep>();
    println!(
        "the sleeping task's future: {} bytes,",
        size_of_val(&future)
    );
    println!("  a Sleep ({sleep}), and the async block's state; inside the Sleep:");
    let handle = size_of::<[Arc<()>; 2]>(); // an enum of two Arcs: one per kind of runtime
    let entry = handle // the runtime's handle again
        + 2 * size_of::<Option<NonNull<()>>>() // its links in the timer wheel
        + size_of::<AtomicU64>() // the tick it was filed for
        + size_of::<AtomicU64>() // its state
        + size_of::<u64>() // its result, once fired (padded)
        + size_of::<AtomicUsize>() + size_of::<Option<Waker>>(); // the waker to wake
    let inside = [
        (size_of::<Instant>(), "its deadline"),
        (handle, "the runtime's handle"),
        (entry, "its timer entry, links in the timer wheel included"),
    ];
    for (bytes, what) in inside {
        println!("  {bytes:>3}  {what}");
    }
    let sum: usize = inside.iter().map(|(bytes, _)| bytes).sum();
    let check = if sum == sleep { "" } else { "NOT " };
    println!("  {sum:>3}  in all: {check}the size of a Sleep");
    println!("and kept elsewhere, for each task:");
    let handle = size_of::<tokio::task::JoinHandle<()>>();
    println!("  {handle:>3}  the JoinHandle the program keeps");
    let slot = size_of::<NonNull<()>>(); // a task in a queue is a pointer to its block
    println!("  {slot:>3}  in the current-thread runtime, its place in the queue of tasks to run");
}
// ANCHOR_END: main

/// Spawns `future` on `runtime`, and returns the size of the one block `spawn` allocated.
fn block_size(runtime: &Runtime, future: impl Future<Output = ()> + Send + 'static) -> usize {
    let _inside = runtime.enter();
    let (task, spawned) = allocations(|| tokio::spawn(future));
    task.abort();
    sizes(&spawned)[0]
}

/// A future of exactly `N` words, ready at once: only its size matters.
struct Words<const N: usize>([u64; N]);

impl<const N: usize> Future for Words<N> {
    type Output = ();
    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        Poll::Ready(())
    }
}

/// Pending once (waking itself at once), then ready: the runtime runs its queued tasks between.
fn yield_once() -> impl Future<Output = ()> {
    let mut yielded = false;
    poll_fn(move |cx| {
        if yielded {
            return Poll::Ready(());
        }
        yielded = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    })
}

fn sizes(layouts: &[std::alloc::Layout]) -> Vec<usize> {
    layouts.iter().map(|l| l.size()).collect()
}
