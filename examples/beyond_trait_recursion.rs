//! Recursion in an `async fn` compiles once the recursive call is boxed: one allocation per call.
//!
//! `Box::pin(size(entry, read))` puts the inner call's future on the heap, so the outer future
//! holds a pointer to it, not the future itself. The walk awaits one read per entry; with reads
//! that take no time, the counting allocator shows a box for every entry but the top one. Run it
//! with `cargo run --example beyond_trait_recursion`.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Waker};
use std::time::Duration;

use smol::Timer;
use workbook::counting_allocator::{CountingAllocator, allocations};
use workbook::say;

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

// ANCHOR: walk
enum Entry {
    File(u64),
    Dir(Vec<Entry>),
}

/// The size of a file, or of everything in a directory, reading one entry at a time; each read
/// takes `read`.
async fn size(entry: &Entry, read: Duration) -> u64 {
    Timer::after(read).await; // a stand-in for a stat() or a readdir()
    match entry {
        Entry::File(bytes) => *bytes,
        Entry::Dir(entries) => {
            let mut total = 0;
            for entry in entries {
                total += Box::pin(size(entry, read)).await; // the inner call, boxed
            }
            total
        }
    }
}
// ANCHOR_END: walk

// ANCHOR: main
fn main() {
    use Entry::{Dir, File};
    let tree = Dir(vec![File(100), Dir(vec![File(20), File(3)]), File(4)]);

    say!("walk: six entries, 100 ms to read each");
    let total = smol::block_on(size(&tree, Duration::from_millis(100)));
    say!("walk: {total} bytes");

    // Reads that take no time: the walk ends in its first poll (a waker that does nothing will
    // do), and all it allocates is the boxes.
    let (total, boxes) = allocations(|| {
        let walk = pin!(size(&tree, Duration::ZERO));
        walk.poll(&mut Context::from_waker(Waker::noop()))
    });
    say!("walk without waits: {total:?}");
    say!("boxes made: {}", boxes.len());
    let sizes: Vec<usize> = boxes.iter().map(|b| b.size()).collect();
    say!("their sizes: {sizes:?} (bytes)");
}
// ANCHOR_END: main
