//! A global allocator that notes the size and alignment of each allocation a thread makes while
//! it records: how the scale chapter sees what spawning one task allocates.
//!
//! An example opts in by naming it its global allocator:
//!
//! ```ignore
//! #[global_allocator]
//! static ALLOCATOR: CountingAllocator = CountingAllocator;
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

// ANCHOR: allocator
/// The system's allocator, noting the size and alignment of each allocation made while this
/// thread records.
pub struct CountingAllocator;

thread_local! {
    static RECORDING: Cell<bool> = const { Cell::new(false) };
}
/// The layouts noted (up to 16), as (size, alignment), and how many allocations there were.
static SIZES: [AtomicUsize; 16] = [const { AtomicUsize::new(0) }; 16];
static ALIGNS: [AtomicUsize; 16] = [const { AtomicUsize::new(0) }; 16];
static COUNT: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // `try_with`: a thread that is ending has no thread-locals left, and records nothing.
        if RECORDING.try_with(Cell::get).unwrap_or(false) {
            let i = COUNT.fetch_add(1, Ordering::Relaxed);
            if let (Some(size), Some(align)) = (SIZES.get(i), ALIGNS.get(i)) {
                size.store(layout.size(), Ordering::Relaxed);
                align.store(layout.align(), Ordering::Relaxed);
            }
        }
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

/// Runs `f`, and returns its result with the layouts of the allocations it made on this thread.
pub fn allocations<T>(f: impl FnOnce() -> T) -> (T, Vec<Layout>) {
    COUNT.store(0, Ordering::Relaxed);
    RECORDING.with(|r| r.set(true));
    let result = f();
    RECORDING.with(|r| r.set(false));
    let count = COUNT.load(Ordering::Relaxed).min(SIZES.len());
    let layouts = (0..count).map(|i| {
        let (size, align) = (&SIZES[i], &ALIGNS[i]);
        Layout::from_size_align(size.load(Ordering::Relaxed), align.load(Ordering::Relaxed))
            .expect("a layout the allocator was given")
    });
    (result, layouts.collect())
}
// ANCHOR_END: allocator
