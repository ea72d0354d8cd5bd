//! What one spawned, sleeping task costs: one allocation of 128 bytes.
//!
//! A counting allocator sees it.
//!
//! The counting allocator of `examples/workbook/counting_allocator.rs` notes the size of every
//! allocation made on the main thread while it records. The program spawns a task that sleeps,
//! on each of smol's executors, records what `spawn` allocates and what the task's first poll
//! allocates, and then adds up what the task's block holds, from `size_of`. Run it with
//! `cargo run --example task_allocation`.

use std::sync::Arc;
use std::task::Waker;
use std::time::{Duration, Instant};

use smol::{Executor, LocalExecutor, Timer};
use workbook::counting_allocator::{CountingAllocator, allocations};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

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
    println!("allocations made by spawn: {:?} (bytes)", sizes(&spawned));
    println!(
        "allocations made by its first poll, on this thread: {:?}",
        sizes(&polled)
    );
    drop(task);

    // The executor for several threads makes its tasks the same way (after a first task too).
    let shared = Executor::new();
    smol::block_on(shared.run(shared.spawn(async {})));
    let (task, by_executor) = allocations(|| shared.spawn(async { Timer::after(SLEEP).await }));
    println!(
        "the same by Executor::spawn, for several threads: {:?}",
        sizes(&by_executor)
    );
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
    let check = if sizes(&spawned) == [total] {
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
    println!("and kept elsewhere, for each task:");
    // A slab's entry holds a value or, once vacant, the index of the next vacant entry.
    let entry = size_of::<Result<Waker, usize>>();
    println!("  {entry:>3}  its entry in the executor's slab of active tasks: its Waker");
    let handle = size_of::<smol::Task<Instant>>();
    println!("  {handle:>3}  the Task handle the program keeps");
}
// ANCHOR_END: main

fn sizes(layouts: &[std::alloc::Layout]) -> Vec<usize> {
    layouts.iter().map(|l| l.size()).collect()
}
