//! Solution: the first poll starts a thread that sets `done` and wakes the task.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::Duration;

use workbook::say;

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

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if let Some(state) = &self.state {
            let mut state = state.lock().unwrap();
            if state.done {
                return Poll::Ready(());
            }
            state.waker = Some(cx.waker().clone());
            return Poll::Pending;
        }
        let state = Arc::new(Mutex::new(State {
            done: false,
            waker: Some(cx.waker().clone()),
        }));
        let for_thread = state.clone();
        let duration = self.duration;
        thread::spawn(move || {
            thread::sleep(duration);
            // Take the waker out under the lock, and wake it after: the woken task may poll
            // at once, on another thread, and take the same lock.
            let waker = {
                let mut state = for_thread.lock().unwrap();
                state.done = true;
                state.waker.take()
            };
            if let Some(waker) = waker {
                waker.wake();
            }
        });
        self.state = Some(state);
        Poll::Pending
    }
}

/// A timer dropped before it fires takes its waker back: the thread then wakes no one.
impl Drop for ThreadTimer {
    fn drop(&mut self) {
        if let Some(state) = &self.state {
            state.lock().unwrap().waker = None;
        }
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
