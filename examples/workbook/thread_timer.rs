//! A timer future built from scratch, for the chapter "How a sleeping task wakes up": a thread
//! sleeps until the deadline, then wakes the task through the `Waker` it was given.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::Duration;

use crate::{say, thread_name};

// ANCHOR: timer
/// A future that is ready `duration` after it is first polled.
pub struct ThreadTimer {
    duration: Duration,
    /// Shared with the timer thread; `None` until the first poll starts that thread.
    shared: Option<Arc<Mutex<Shared>>>,
}

struct Shared {
    done: bool,
    /// The waker of the latest poll: the one to call when the time is up. `None` once the timer
    /// has fired, or has been dropped.
    waker: Option<Waker>,
}

impl ThreadTimer {
    pub fn after(duration: Duration) -> ThreadTimer {
        ThreadTimer {
            duration,
            shared: None,
        }
    }
}

impl Future for ThreadTimer {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let Some(shared) = &self.shared else {
            // First poll: keep the waker where the timer thread can find it, and start the thread.
            let shared = Arc::new(Mutex::new(Shared {
                done: false,
                waker: Some(cx.waker().clone()),
            }));
            let for_thread = shared.clone();
            let duration = self.duration;
            thread::Builder::new()
                .name("timer".into())
                .spawn(move || {
                    thread::sleep(duration);
                    let waker = {
                        let mut shared = for_thread.lock().unwrap();
                        shared.done = true;
                        shared.waker.take()
                    };
                    // Wake after the lock is released: `wake()` may poll this very timer (some
                    // executors poll inside `wake`), and that poll needs the lock.
                    if let Some(waker) = waker {
                        say!("[{}] time is up: calling wake()", thread_name());
                        waker.wake();
                    }
                })
                .expect("cannot start a timer thread");
            self.shared = Some(shared);
            say!("[{}] poll: not yet, Pending", thread_name());
            return Poll::Pending;
        };
        let mut shared = shared.lock().unwrap();
        if shared.done {
            say!("[{}] poll: time is up, Ready", thread_name());
            Poll::Ready(())
        } else {
            // Polled again before the time is up: this poll may come from another task (the
            // future was moved), so keep the newest waker, and wait on. Clone it only if it is
            // not the one kept already (`will_wake`): most polls come from the same task.
            if !shared
                .waker
                .as_ref()
                .is_some_and(|w| w.will_wake(cx.waker()))
            {
                shared.waker = Some(cx.waker().clone());
            }
            Poll::Pending
        }
    }
}

impl Drop for ThreadTimer {
    /// Dropped before it fires: take the waker back, so that the thread wakes no one. (The thread
    /// still sleeps out its time, then finds no waker and ends.)
    fn drop(&mut self) {
        if let Some(shared) = &self.shared {
            shared.lock().unwrap().waker = None;
        }
    }
}
// ANCHOR_END: timer
