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

use smol::future::{self, FutureExt};
use smol::stream::StreamExt;
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
    fn set(&self) {
        self.set.store(true, Ordering::SeqCst);
        let waiter = self.waiter.lock().unwrap().take();
        match waiter {
            Some(waker) => {
                say!("  setter thread: flag set, waking the registered waker");
                waker.wake();
            }
            None => say!("  setter thread: flag set, no waker registered yet: nobody to wake"),
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
/// A setter thread, and a hook that runs it to the end when called: the forced interleaving.
fn forced_setter(flag: &Arc<Flag>) -> (thread::JoinHandle<()>, Box<dyn FnOnce()>) {
    let (go, done) = (Arc::new(Barrier::new(2)), Arc::new(Barrier::new(2)));
    let (setter_flag, setter_go, setter_done) = (flag.clone(), go.clone(), done.clone());
    let setter = thread::spawn(move || {
        setter_go.wait();
        setter_flag.set();
        setter_done.wait();
    });
    let between = Box::new(move || {
        go.wait(); // let the setter run now...
        done.wait(); // ...and wait until it is done
    });
    (setter, between)
}

/// Polls a `WaitFor` as a task of its own, with the setter forced between the two steps of its
/// first poll; gives up after 0.5 s.
fn alone_in_its_task(register_first: bool) {
    let flag = Arc::new(Flag::default());
    let (setter, between) = forced_setter(&flag);
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

// ANCHOR: beside_a_timer
/// Polls `wait` in one task with a timer that ticks twice, 100 ms apart: `zip` polls both
/// futures whenever the task is woken, so each tick polls `wait` too.
fn beside_a_timer(wait: WaitFor) -> u32 {
    let ticks = async {
        let mut timer = Timer::interval(Duration::from_millis(100));
        for _ in 0..2 {
            timer.next().await;
        }
    };
    let (polls, ()) = future::block_on(future::zip(wait, ticks));
    polls
}

/// The right order, with the flag set at 0.4 s: two of its polls are for nothing.
fn spurious_polls() {
    let flag = Arc::new(Flag::default());
    let setter_flag = flag.clone();
    let setter = thread::spawn(move || {
        thread::sleep(Duration::from_millis(400));
        setter_flag.set();
    });
    let wait = WaitFor {
        flag,
        register_first: true,
        between: None,
        polls: 0,
    };
    let polls = beside_a_timer(wait);
    say!("  ready after {polls} polls, two of them for nothing");
    setter.join().unwrap();
}

/// The wrong order, with the setter forced in between again: the timer's tick rescues it.
fn hidden_bug() {
    let flag = Arc::new(Flag::default());
    let (setter, between) = forced_setter(&flag);
    let wait = WaitFor {
        flag,
        register_first: false,
        between: Some(between),
        polls: 0,
    };
    let polls = beside_a_timer(wait);
    say!("  ready after {polls} polls: the timer's wake-up hid the lost one");
    setter.join().unwrap();
}
// ANCHOR_END: beside_a_timer

fn main() {
    say!("check, then register (wrong):");
    alone_in_its_task(false);
    say!("register, then check (right):");
    alone_in_its_task(true);
    say!("register, then check, with a timer beside it in the same task:");
    spurious_polls();
    say!("check, then register, with a timer beside it in the same task:");
    hidden_bug();
}
