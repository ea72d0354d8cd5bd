//! What one spawned, sleeping task costs: one allocation of 128 bytes, seen by a counting allocator.
//!
//! A global allocator that notes the size of every allocation made on the main thread while it
//! is recording. The program spawns a task that sleeps, records what `spawn` allocates and what
//! the task's first poll allocates, and then adds up what the task's block holds, from
//! `size_of`. Run it with `cargo run --example task_allocation`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::Waker;
use std::time::{Duration, Instant};

use smol::{LocalExecutor, Timer};

// ANCHOR: allocator
/// The system's allocator, noting the size of each allocation made while this thread records.
struct Counting;

thread_local! {
    static RECORDING: Cell<bool> = const { Cell::new(false) };
}
/// The sizes noted (up to 16), and how many allocations there were.
static SIZES: [AtomicUsize; 16] = [const { AtomicUsize::new(0) }; 16];
static COUNT: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if RECORDING.with(Cell::get) {
            let i = COUNT.fetch_add(1, Ordering::Relaxed);
            if let Some(size) = SIZES.get(i) {
                size.store(layout.size(), Ordering::Relaxed);
            }
        }
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f`, and returns its result with the sizes of the allocations it made on this thread.
fn allocations<T>(f: impl FnOnce() -> T) -> (T, Vec<usize>) {
    COUNT.store(0, Ordering::Relaxed);
    RECORDING.with(|r| r.set(true));
    let result = f();
    RECORDING.with(|r| r.set(false));
    let count = COUNT.load(Ordering::Relaxed).min(SIZES.len());
    let sizes = SIZES[..count].iter().map(|s| s.load(Ordering::Relaxed));
    (result, sizes.collect())
}
// ANCHOR_END: allocator

// ANCHOR: main
/// The same task as `examples/scale.rs` spawns: it sleeps, and holds nothing else.
const SLEEP: Duration = Duration::from_secs(1);

fn main() {
    let ex = LocalExecutor::new();
    // One task first, run to its end, so that the executor's and the reactor's own structures
    // exist, and what follows is the cost of a task alone.
    smol::block_on(ex.run(ex.spawn(async { Timer::after(Duration::ZERO).await })));

    let (task, spawned) = allocations(|| ex.spawn(async { Timer::after(SLEEP).await }));
    let (_, polled) = allocations(|| ex.try_tick()); // its first poll: it files its timer
    println!("allocations made by spawn: {spawned:?} (bytes)");
    println!("allocations made by its first poll, on this thread: {polled:?}");
    drop(task);

    let future = async { Timer::after(SLEEP).await };
    let header = 8 + size_of::<Option<Waker>>() + 8 + 1; // state, awaiter, vtable, a flag
    let header = header.next_multiple_of(align_of::<usize>());
    let schedule = size_of::<Arc<()>>(); // a closure holding an Arc to the executor's state
    let wrapped = size_of_val(&future) + size_of::<Arc<()>>() + size_of::<usize>();
    println!("what the block holds, in bytes:");
    println!("  {header:>3}  the task's header: state, awaiter's waker, vtable, flag (padded)");
    println!("  {schedule:>3}  the schedule function: an Arc to the executor's state");
    println!(
        "  {wrapped:>3}  the future as spawn wraps it: the async block ({}), plus an",
        size_of_val(&future)
    );
    println!("       Arc to the executor's state and the task's index in its slab (8 + 8)");
    let total = header + schedule + wrapped;
    let check = if spawned == [total] {
        "the size of the block spawn allocated"
    } else {
        "NOT the size of the block spawn allocated"
    };
    println!("  {total:>3}  in all: {check}");
    println!(
        "and inside the async block, a Timer: {} bytes =",
        size_of::<Timer>()
    );
    println!(
        "  {:>3}  its id and waker once filed, Option<(usize, Waker)>",
        size_of::<Option<(usize, Waker)>>()
    );
    println!(
        "  {:>3}  its deadline, Option<Instant>",
        size_of::<Option<Instant>>()
    );
    println!(
        "  {:>3}  its period (Duration::MAX for a one-off timer)",
        size_of::<Duration>()
    );
}
// ANCHOR_END: main
