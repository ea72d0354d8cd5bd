//! The waker contract: check, then register, loses a wake-up; register, then check, does not.
//!
//! A flag set by another thread, and a future that waits for it, polled in two orders with the
//! setter forced in between; then the right order, polled when nothing has changed. Run it with
//! `cargo run --example lost_wakeup`.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier, Mutex};
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::Duration;

use futures_lite::{FutureExt, StreamExt, future};
use smol::{LocalExecutor, Timer};
use workbook::say;

// ANCHOR: flag
/// A condition that another thread sets, and the waker of whoever waits for it.
#[derive(Default)]
struct Flag {
    set: AtomicBool,
    waiter: Mutex<Option<Waker>>,
}

impl Flag {
    /// The setter's side: set the condition first, then wake whoever is registered.
    fn set(&self) -> &'static str {
        self.set.store(true, Ordering::SeqCst);
        match self.waiter.lock().unwrap().take() {
            Some(waker) => {
                waker.wake();
                "woke the registered waker"
            }
            None => "no waker registered yet: nobody to wake",
        }
    }

    fn is_set(&self) -> bool {
        self.set.load(Ordering::SeqCst)
    }

    /// Keeps the waker of the latest poll: the task may have moved since the last one.
    fn register(&self, waker: &Waker) {
        *self.waiter.lock().unwrap() = Some(waker.clone());
    }
}
// ANCHOR_END: flag

// ANCHOR: wait
/// Waits for the flag. `between` runs between the two steps of the first poll: the moment at
/// which another thread may set the flag.
struct WaitFor {
    flag: Arc<Flag>,
    register_first: bool,
    between: Option<Box<dyn FnOnce()>>,
    polls: u32,
}

impl Future for WaitFor {
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        self.polls += 1;
        let between = self.between.take().unwrap_or_else(|| Box::new(|| ()));
        let ready = if self.register_first {
            // Right: register, then check. A set that comes after the check finds the waker.
            self.flag.register(cx.waker());
            between();
            self.flag.is_set()
        } else {
            // Wrong: a set that comes between the check and the registration wakes nobody.
            let ready = self.flag.is_set();
            between();
            if !ready {
                self.flag.register(cx.waker());
            }
            ready
        };
        let polls = self.polls;
        say!("  poll {polls}: flag is {ready}");
        if ready {
            Poll::Ready(polls)
        } else {
            Poll::Pending
        }
    }
}
// ANCHOR_END: wait

// ANCHOR: interleave
/// Polls a `WaitFor` as a task of its own, with a setter thread forced to run between the two
/// steps of its first poll; gives up after 0.5 s.
fn race(register_first: bool) {
    let flag = Arc::new(Flag::default());
    let go = Arc::new(Barrier::new(2));
    let done = Arc::new(Barrier::new(2));
    let (setter_flag, setter_go, setter_done) = (flag.clone(), go.clone(), done.clone());
    let setter = thread::spawn(move || {
        setter_go.wait();
        say!("  setter thread: flag set, {}", setter_flag.set());
        setter_done.wait();
    });
    let between: Box<dyn FnOnce()> = Box::new(move || {
        go.wait(); // let the setter run now...
        done.wait(); // ...and wait until it is done
    });
    let wait = WaitFor {
        flag,
        register_first,
        between: Some(between),
        polls: 0,
    };

    let ex = LocalExecutor::new();
    let task = ex.spawn(wait);
    let outcome = future::block_on(ex.run(async {
        let give_up = async {
            Timer::after(Duration::from_millis(500)).await;
            None
        };
        async { Some(task.await) }.or(give_up).await
    }));
    match outcome {
        Some(1) => say!("  ready at the first poll"),
        Some(polls) => say!("  ready after {polls} polls"),
        None => say!("  never woken: gave up after 0.5 s, though the flag is set"),
    }
    setter.join().unwrap();
}
// ANCHOR_END: interleave

// ANCHOR: spurious
/// The right order, polled three times before the flag is set: twice for nothing.
fn spurious_polls() {
    let flag = Arc::new(Flag::default());
    let setter_flag = flag.clone();
    let setter = thread::spawn(move || {
        thread::sleep(Duration::from_millis(400));
        say!("  setter thread: flag set, {}", setter_flag.set());
    });
    let wait = WaitFor {
        flag,
        register_first: true,
        between: None,
        polls: 0,
    };
    // `zip` polls both futures whenever the task is woken, so each tick of the timer beside
    // `wait` polls `wait` too, though its flag has not changed.
    let ticks = async {
        let mut timer = Timer::interval(Duration::from_millis(100));
        for _ in 0..2 {
            timer.next().await;
        }
    };
    let (polls, ()) = future::block_on(future::zip(wait, ticks));
    say!("  ready after {polls} polls, two of them spurious");
    setter.join().unwrap();
}
// ANCHOR_END: spurious

fn main() {
    say!("check, then register (wrong):");
    race(false);
    say!("register, then check (right):");
    race(true);
    say!("register, then check, with a timer beside it in the same task:");
    spurious_polls();
}
