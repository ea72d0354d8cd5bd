//! Write a timer future that a thread wakes: `Pending` until the thread says the time is up.
//!
//! Expected: "timer done" 300 ms after the start.
//! Run it: `cargo exercise ex07_thread_timer`
//! Check it: `cargo xtask check ex07_thread_timer`
//!
//! Hint: on the first poll, share an `Arc<Mutex<State>>` holding `done` and the waker with a
//! thread that sleeps, sets `done`, takes the waker out, and calls `wake()` after it has let go
//! of the lock. On later polls, check `done`, and store the newest waker. Never call `wake()` in
//! a loop to be polled again: the task must sleep until the thread wakes it. To set `self.state`,
//! write `mut self: Pin<&mut Self>`: `ThreadTimer` is `Unpin`, so the `Pin` lets you change its
//! fields (the book's page "The Future trait in one page" says why).

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use workbook::say;

#[allow(dead_code)] // the fields are for your `poll` to use
struct State {
    done: bool,
    waker: Option<Waker>,
}

struct ThreadTimer {
    duration: Duration,
    state: Option<Arc<Mutex<State>>>,
}

impl Future for ThreadTimer {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        // TODO: start the thread on the first poll; return Ready once it has set `done`.
        let _ = (self.duration, &self.state, cx);
        todo!("poll ThreadTimer")
    }
}

fn main() {
    smol::block_on(async {
        say!("waiting 300 ms");
        let timer = ThreadTimer {
            duration: Duration::from_millis(300),
            state: None,
        };
        timer.await;
        say!("timer done");
    });
}
