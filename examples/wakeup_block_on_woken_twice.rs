//! A future that wakes itself twice, then returns `Pending`: our `block_on` polls it once more.
//!
//! A variation of `block_on_by_hand`: in place of a timer, a future whose first poll calls its
//! waker twice before it returns `Pending`, so both wake-ups come before `block_on` parks. Run it
//! with `cargo run --example wakeup_block_on_woken_twice`.

use std::future;
use std::task::Poll;

use workbook::block_on::block_on;
use workbook::{say, thread_name};

// ANCHOR: main
fn main() {
    let mut polls = 0;
    let answer = block_on(future::poll_fn(|cx| {
        polls += 1;
        say!("[{}] poll {polls}", thread_name());
        if polls == 1 {
            // Two wake-ups, both before this poll returns `Pending`, so before any `park`.
            cx.waker().wake_by_ref();
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        Poll::Ready(polls)
    }));
    say!("[{}] block_on returned after {answer} polls", thread_name());
}
// ANCHOR_END: main
