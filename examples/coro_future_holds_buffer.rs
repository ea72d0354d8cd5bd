//! A task's block holds what its future keeps across an `.await`: a 1 KiB buffer makes it 1152 B.
//!
//! A variation of `task_allocation`: the sleeping task also has a 1024-byte buffer, once used
//! before its `.await` only, and once used after it too. Only the second must keep the buffer
//! while it sleeps, and `spawn` still makes one block for all of it. Run it with
//! `cargo run --example coro_future_holds_buffer`.

use std::hint::black_box;
use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::counting_allocator::{CountingAllocator, allocations};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

const SLEEP: Duration = Duration::from_secs(1);

fn main() {
    let ex = LocalExecutor::new();
    // One task first, run to its end, so that the executor's own structures exist.
    smol::block_on(ex.run(ex.spawn(async { Timer::after(Duration::ZERO).await })));

    // ANCHOR: before
    let (task, before) = allocations(|| {
        ex.spawn(async {
            let buffer = [7u8; 1024];
            black_box(buffer); // used before the sleep, and not after
            Timer::after(SLEEP).await;
        })
    });
    println!(
        "buffer used before the await only: {:?} (bytes)",
        sizes(&before)
    );
    drop(task);
    // ANCHOR_END: before

    // ANCHOR: across
    let (task, across) = allocations(|| {
        ex.spawn(async {
            let buffer = [7u8; 1024];
            Timer::after(SLEEP).await;
            black_box(buffer); // used after the sleep too
        })
    });
    println!(
        "buffer used after the await too: {:?} (bytes)",
        sizes(&across)
    );
    drop(task);
    // ANCHOR_END: across
}

fn sizes(layouts: &[std::alloc::Layout]) -> Vec<usize> {
    layouts.iter().map(|l| l.size()).collect()
}
