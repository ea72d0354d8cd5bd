//! An async block polled by hand: pinned with `pin!`, then with `Box::pin`, woken by our own waker.
//!
//! What `.await`, `block_on` and executors do for you, one step at a time: make a `Context` from
//! a `Waker`, call `poll`, and call it again when the waker is called. The block keeps a
//! reference to one of its own locals across its `.await`, which is why it must be pinned. Run it
//! with `cargo run --example poll_by_hand`.

use std::cell::Cell;
use std::fmt::Debug;
use std::future::Future;
use std::mem;
use std::pin::{Pin, pin};
use std::sync::{Arc, mpsc};
use std::task::{Context, Poll, Wake, Waker};
use std::thread;
use std::time::Duration;

use smol::Timer;
use workbook::say;

// ANCHOR: waker
/// A waker of our own: it says when, and on which thread, it is called, and rings `main`'s doorbell.
struct Doorbell(mpsc::Sender<()>);

impl Wake for Doorbell {
    fn wake(self: Arc<Self>) {
        let thread = thread::current();
        let name = thread.name().unwrap_or("unnamed");
        say!("  waker: wake() called, on the {name:?} thread");
        let _ = self.0.send(());
    }
}
// ANCHOR_END: waker

// ANCHOR: drive
/// Polls a pinned future until it is ready, and sleeps until its waker is called in between.
fn drive<F: Future<Output: Debug>>(mut future: Pin<&mut F>, spot: &Cell<usize>) -> F::Output {
    let (ring, doorbell) = mpsc::channel();
    let waker = Waker::from(Arc::new(Doorbell(ring)));
    let mut cx = Context::from_waker(&waker);
    let mut n = 0;
    loop {
        n += 1;
        say!("poll {n}");
        // `as_mut` lends the pin for one call, so that we can poll again later.
        let poll = future.as_mut().poll(&mut cx);
        say!("poll {n} returned {poll:?}");
        match poll {
            Poll::Ready(output) => return output,
            Poll::Pending => {
                // Where is `numbers`, that `first` points into? Inside the future's own bytes.
                let start = &*future as *const F as usize;
                let inside = (start..start + mem::size_of::<F>()).contains(&spot.get());
                say!("  `numbers` lives inside the future: {inside}");
                doorbell.recv().unwrap(); // no busy loop: sleep until the waker rings
            }
        }
    }
}
// ANCHOR_END: drive

fn main() {
    let spot = Cell::new(0);

    // ANCHOR: block
    // Each call makes a future that borrows from itself: `first` points into `numbers`, and
    // both are kept inside the future while it waits. `spot` is told where `numbers` lives.
    let sum_later = || async {
        let numbers = [1, 2, 3];
        let first = &numbers[0];
        spot.set(&numbers as *const [u32; 3] as usize);
        say!("  block: started; waiting 200 ms");
        Timer::after(Duration::from_millis(200)).await;
        say!("  block: resumed; *first is {first}");
        numbers.iter().sum::<u32>()
    };
    // ANCHOR_END: block

    // ANCHOR: main
    say!("pin!: pinned in place, where it is");
    let future = pin!(sum_later());
    say!("output: {}", drive(future, &spot));

    say!("Box::pin: pinned on the heap");
    let mut boxed = Box::pin(sum_later());
    say!("output: {}", drive(boxed.as_mut(), &spot));
    // ANCHOR_END: main
}
