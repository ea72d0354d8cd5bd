//! A future that holds a `std::sync::MutexGuard` across `.await` is not `Send`: no other thread.
//!
//! A multi-threaded executor (`smol::spawn`, `tokio::spawn`) may poll a task on any of its
//! threads, so it asks for a `Send` future; here the future is moved to a thread by hand, and the
//! compiler refuses it the same way. See the error with
//! `cargo build --example beyond_lock_guard_not_send --features compile-fail`.

use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use smol::Timer;

// ANCHOR: mistake
fn main() {
    let count = Arc::new(Mutex::new(0));
    let counted = Arc::clone(&count);
    let job = async move {
        let mut guard = counted.lock().unwrap();
        Timer::after(Duration::from_millis(50)).await;
        *guard += 1;
    };
    // Polled on another thread, as a worker of a multi-threaded executor would.
    let worker = thread::spawn(move || smol::block_on(job));
    worker.join().unwrap();
}
// ANCHOR_END: mistake
