//! An `async fn` that awaits itself does not compile: error E0733, its future would hold itself.
//!
//! The future of `size` holds, while it waits, the future of the call it awaits: another `size`
//! future, which holds another, with no end. A type cannot contain itself, so the compiler asks
//! for a box. See the error with
//! `cargo build --example beyond_trait_recursion_rejected --features compile-fail`.

use std::time::Duration;

use smol::Timer;

enum Entry {
    File(u64),
    Dir(Vec<Entry>),
}

// ANCHOR: mistake
/// The size of a file, or of everything in a directory, reading one entry at a time.
async fn size(entry: &Entry) -> u64 {
    Timer::after(Duration::from_millis(100)).await; // a stand-in for a stat() or a readdir()
    match entry {
        Entry::File(bytes) => *bytes,
        Entry::Dir(entries) => {
            let mut total = 0;
            for entry in entries {
                total += size(entry).await;
            }
            total
        }
    }
}
// ANCHOR_END: mistake

fn main() {
    let tree = Entry::Dir(vec![Entry::File(1), Entry::Dir(vec![Entry::File(2)])]);
    println!("{}", smol::block_on(size(&tree)));
}
