//! An event loop built from scratch, for the chapter "How a sleeping task wakes up": a ready
//! queue, a map of timers, and a wait that any thread can interrupt. Only the standard library.
//!
//! `run(main)` starts a loop, runs `main` and the tasks it spawns until `main` is done, and
//! returns its output. Everything the loop owns is made by `run` and dropped by `run`.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::future::Future;
use std::mem;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError, Weak};
use std::task::{Context, Poll, Wake, Waker};
use std::time::{Duration, Instant};

use crate::say;

// ANCHOR: group
/// How much later than the nearest deadline the loop may fire it, to fire the timers due soon
/// after in the same turn. Timers set a little apart (two tasks that each sleep 2 s, one turn
/// apart) then fire together, whatever the machine did between them, up to this much. No timer
/// fires early; one fires at most this much late, and only when another is due by then.
const GROUP: Duration = Duration::from_millis(200);
// ANCHOR_END: group

type BoxedFuture = Pin<Box<dyn Future<Output = ()> + Send>>;

// ANCHOR: state
/// A handle on a running loop: tasks use it to spawn tasks and to sleep. Clones share one loop.
#[derive(Clone)]
pub struct Loop {
    shared: Arc<Shared>,
}

/// What the loop, its handles and its wakers share. `run` makes a new one each time: two runs
/// share nothing.
struct Shared {
    state: Mutex<State>,
    /// Interrupts the loop's wait, from any thread: our counterpart of asyncio's self-pipe.
    wakeup: Condvar,
}

#[derive(Default)]
struct State {
    /// The ready queue, like asyncio's `loop._ready`: the tasks to poll, first in, first out.
    ready: VecDeque<Arc<TaskWaker>>,
    /// The timers, like asyncio's `loop._scheduled`: wakers sorted by deadline, then by number.
    timers: BTreeMap<(Instant, u64), Waker>,
    /// The future of every unfinished task, by task number.
    futures: HashMap<u64, BoxedFuture>,
    /// The last number given to a task or a timer.
    last_id: u64,
    /// Set when `run` ends: from then on, wake-ups queue nothing, and spawning or sleeping
    /// panics.
    closed: bool,
}
// ANCHOR_END: state

// ANCHOR: task
/// A task's waker: which task to queue, and whether it is queued already.
struct TaskWaker {
    id: u64,
    /// True from the wake-up that queues the task until the loop takes it out to poll it.
    scheduled: AtomicBool,
    /// Weak: a waker kept somewhere after `run` has returned must not keep the loop alive.
    shared: Weak<Shared>,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        // Only the wake-up that turns `scheduled` from false to true queues the task: a task is
        // in the queue at most once, however often it is woken.
        if self.scheduled.swap(true, Ordering::AcqRel) {
            return;
        }
        if let Some(shared) = self.shared.upgrade() {
            shared.push_ready(self);
        }
    }
}

impl Shared {
    /// Queues a task and interrupts the loop's wait; safe from any thread, like asyncio's
    /// `call_soon_threadsafe`.
    fn push_ready(&self, task: Arc<TaskWaker>) {
        let mut state = self.state.lock().unwrap();
        if state.closed {
            return;
        }
        state.ready.push_back(task);
        // Notify once the lock is released: the loop's thread, woken, needs the lock at once.
        drop(state);
        self.wakeup.notify_one();
    }
}

impl Loop {
    /// Like `asyncio.create_task`: queues the future's first poll, runs nothing yet, and returns
    /// a handle to await its output. Dropping the handle lets the task run on, unawaited.
    pub fn spawn<T: Send + 'static>(
        &self,
        future: impl Future<Output = T> + Send + 'static,
    ) -> JoinHandle<T> {
        let slot = Arc::new(Mutex::new(Slot {
            output: None,
            waiter: None,
        }));
        let for_task = slot.clone();
        let task = async move {
            let output = future.await;
            let waiter = {
                let mut slot = for_task.lock().unwrap();
                slot.output = Some(output);
                slot.waiter.take()
            };
            if let Some(waiter) = waiter {
                waiter.wake(); // whoever awaits the handle may go on (after the lock is released)
            }
        };
        let mut state = self.shared.state.lock().unwrap();
        if state.closed {
            drop(state);
            panic!("spawn on a loop whose run() has returned");
        }
        state.last_id += 1;
        let id = state.last_id;
        state.futures.insert(id, Box::pin(task));
        state.ready.push_back(Arc::new(TaskWaker {
            id,
            scheduled: AtomicBool::new(true),
            shared: Arc::downgrade(&self.shared),
        }));
        drop(state);
        self.shared.wakeup.notify_one(); // in case it is spawned from another thread
        JoinHandle { slot }
    }
}
// ANCHOR_END: task

// ANCHOR: timers
impl Loop {
    /// A future that is ready once `duration` has passed. Its deadline is fixed here, when it is
    /// made, as smol's `Timer::after` fixes it (`asyncio.sleep` counts from its first step).
    pub fn sleep(&self, duration: Duration) -> Sleep {
        Sleep {
            deadline: Instant::now() + duration,
            id: None,
            shared: self.shared.clone(),
        }
    }
}

pub struct Sleep {
    deadline: Instant,
    /// The timer's number, while it is filed with the loop.
    id: Option<u64>,
    shared: Arc<Shared>,
}

impl Future for Sleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = &mut *self;
        let mut state = this.shared.state.lock().unwrap();
        // Once `run` has ended, nothing will ever fire this timer: fail loudly, as Tokio's
        // timers do after their runtime shuts down, rather than wait forever.
        if state.closed {
            drop(state);
            panic!("a sleep was polled after its loop's run() had ended");
        }
        if Instant::now() >= this.deadline {
            // If the loop has not fired the timer yet, it must not fire it later.
            if let Some(id) = this.id.take() {
                state.timers.remove(&(this.deadline, id));
            }
            return Poll::Ready(());
        }
        let id = *this.id.get_or_insert_with(|| {
            state.last_id += 1;
            state.last_id
        });
        // File the waker under the deadline, or replace the one filed by an earlier poll: the
        // task that polls now may not be the one that polled before. If it is the same one
        // (`will_wake`), there is nothing to do.
        let key = (this.deadline, id);
        if state
            .timers
            .get(&key)
            .is_some_and(|filed| filed.will_wake(cx.waker()))
        {
            return Poll::Pending;
        }
        state.timers.insert(key, cx.waker().clone());
        drop(state);
        // If the loop is waiting (this poll runs on another thread), its nearest deadline may
        // have changed: let it look again.
        this.shared.wakeup.notify_one();
        Poll::Pending
    }
}

/// A sleep dropped before its deadline (cancelled, or it lost a race) takes its timer back, as
/// asyncio's `sleep` cancels its timer handle: it must wake no one, nor keep the loop waiting.
impl Drop for Sleep {
    fn drop(&mut self) {
        if let Some(id) = self.id.take() {
            let mut state = self.shared.state.lock().unwrap();
            state.timers.remove(&(self.deadline, id));
        }
    }
}
// ANCHOR_END: timers

// ANCHOR: run
/// Runs `main` (handed a `Loop` to spawn and sleep with) and every task it spawns, until `main`
/// is done; returns its output. Like `asyncio.run`, it then drops the tasks still unfinished,
/// which cancels them, and everything else the loop owned. A task that panics ends `run` with
/// its panic, and the same clean-up.
pub fn run<T, F>(main: impl FnOnce(Loop) -> F) -> T
where
    F: Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    let lp = Loop {
        shared: Arc::new(Shared {
            state: Mutex::new(State::default()),
            wakeup: Condvar::new(),
        }),
    };
    // However `run` ends, by returning or by a task's panic, the loop is closed on the way out.
    // Each task holds a `Loop`, so the loop's `futures` hold the loop itself: only `close`
    // breaks that cycle, and without it a panic would leave every task alive, never dropped.
    let _close_on_exit = CloseOnExit(&lp);
    let main = lp.spawn(main(lp.clone()));
    loop {
        lp.run_once();
        if let Some(output) = main.slot.lock().unwrap().output.take() {
            return output;
        }
    }
}

struct CloseOnExit<'a>(&'a Loop);

impl Drop for CloseOnExit<'_> {
    fn drop(&mut self) {
        self.0.close();
    }
}

impl Loop {
    /// One turn of the loop, in the order of asyncio's `_run_once`.
    fn run_once(&self) {
        let mut state = self.shared.state.lock().unwrap();
        // 1. Nothing ready? Wait for the timers, or until another thread queues a task. The
        //    lock is held from the check to the wait, so no wake-up can come between them
        //    unseen; `wait` releases it while it sleeps.
        if state.ready.is_empty() {
            state = match state.timers.keys().next() {
                Some(&(nearest, _)) => {
                    // Wait for the last deadline that is at most GROUP after the nearest, so
                    // that timers due close together fire in one turn.
                    let (&(last, _), _) = state
                        .timers
                        .range(..=(nearest + GROUP, u64::MAX))
                        .next_back()
                        .expect("the nearest timer is in range");
                    let wait = last.saturating_duration_since(Instant::now());
                    let at = crate::elapsed() + wait; // the deadline, on the clock `say!` prints
                    say!(
                        "loop: nothing ready; waiting until {:.2} s or a wake-up",
                        at.as_secs_f64()
                    );
                    self.shared.wakeup.wait_timeout(state, wait).unwrap().0
                }
                None => {
                    say!("loop: nothing ready, no timer; waiting for a wake-up");
                    self.shared.wakeup.wait(state).unwrap()
                }
            };
        }
        // 2. Take out every timer that is due (its deadline now or before), earliest first, and
        //    call its waker once the lock is released (a waker of ours takes the lock to queue
        //    its task). Split just after `now`, as async-io does, so that a deadline of exactly
        //    `now` is due.
        let now = Instant::now();
        let later = state.timers.split_off(&(now + Duration::from_nanos(1), 0));
        let due = mem::replace(&mut state.timers, later);
        drop(state);
        for waker in due.into_values() {
            waker.wake();
        }
        // 3. Poll the tasks that are ready now, and only those: a task woken while they run
        //    waits for the next turn, so the timers get their look in between.
        let ready = mem::take(&mut self.shared.state.lock().unwrap().ready);
        for task in ready {
            self.poll_task(task);
        }
    }

    fn poll_task(&self, task: Arc<TaskWaker>) {
        // From now on a wake-up queues the task again, even one that comes during this poll.
        // (A swap, like the waker's: reading what the last wake-up wrote makes what its thread
        // did before `wake()` visible to this poll.)
        task.scheduled.swap(false, Ordering::AcqRel);
        let future = self.shared.state.lock().unwrap().futures.remove(&task.id);
        let Some(mut future) = future else {
            return; // a finished task, woken by a waker that was still around
        };
        // Polled with no lock held: the task may spawn, sleep and wake.
        let waker = Waker::from(task.clone());
        if future
            .as_mut()
            .poll(&mut Context::from_waker(&waker))
            .is_pending()
        {
            let mut state = self.shared.state.lock().unwrap();
            state.futures.insert(task.id, future);
        }
    }

    /// Closes the loop and drops all it holds. The lock is released before anything is dropped:
    /// dropping a future drops its `Sleep`s, and they take the lock to deregister.
    fn close(&self) {
        let owned = {
            // Even if a panic poisoned the lock: closing is what cleans up after a panic.
            let mut state = self
                .shared
                .state
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            let owned = mem::take(&mut *state);
            state.closed = true;
            owned
        };
        drop(owned);
    }
}
// ANCHOR_END: run

// ANCHOR: join
/// The handle `spawn` returns: a future of the task's output, like awaiting an `asyncio.Task`.
pub struct JoinHandle<T> {
    slot: Arc<Mutex<Slot<T>>>,
}

struct Slot<T> {
    output: Option<T>,
    /// The waker of the latest poll of the handle.
    waiter: Option<Waker>,
}

impl<T> Future for JoinHandle<T> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let mut slot = self.slot.lock().unwrap();
        match slot.output.take() {
            Some(output) => Poll::Ready(output),
            None => {
                slot.waiter = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}
// ANCHOR_END: join
