//! An event loop from scratch: a FIFO queue of tasks and a heap of timers, running the notes' example 2.
//!
//! It prints Python's order (main2 start, 1, 2, 3, 1, main2 end, 2, 3) in about 3 s, and shows
//! each time the loop waits for its next timer. Run it with `cargo run --example event_loop_by_hand`.

use std::collections::{BTreeMap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::thread;
use std::time::{Duration, Instant};

use workbook::say;

// ANCHOR: task
type BoxedFuture = Pin<Box<dyn Future<Output = ()> + Send>>;

/// A task: a future, and the way back into the ready queue.
struct Task {
    /// `None` once the future has finished.
    future: Mutex<Option<BoxedFuture>>,
}

/// The ready queue, like asyncio's `loop._ready`: tasks that can make progress, first in, first out.
static READY: Mutex<VecDeque<Arc<Task>>> = Mutex::new(VecDeque::new());

/// Waking a task puts it at the back of the ready queue. That is all a wake-up does.
impl Wake for Task {
    fn wake(self: Arc<Self>) {
        READY.lock().unwrap().push_back(self);
    }
}

/// Like `loop.create_task`: queue the future's first step, and run nothing yet.
fn spawn_detached(future: impl Future<Output = ()> + Send + 'static) {
    let task = Arc::new(Task {
        future: Mutex::new(Some(Box::pin(future))),
    });
    READY.lock().unwrap().push_back(task);
}
// ANCHOR_END: task

// ANCHOR: timers
/// The timers, like asyncio's `loop._scheduled` heap: wakers sorted by deadline (then by a
/// number that says which came first).
static TIMERS: Mutex<BTreeMap<(Instant, u64), Waker>> = Mutex::new(BTreeMap::new());
static NEXT_ID: Mutex<u64> = Mutex::new(0);

/// Like `asyncio.sleep`: a future that is ready once its deadline has passed.
fn sleep(duration: Duration) -> Sleep {
    Sleep {
        deadline: Instant::now() + duration,
        registered: false,
    }
}

struct Sleep {
    deadline: Instant,
    registered: bool,
}

impl Future for Sleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if Instant::now() >= self.deadline {
            return Poll::Ready(());
        }
        if !self.registered {
            // Not yet: leave the waker with the loop, filed under the deadline.
            let mut id = NEXT_ID.lock().unwrap();
            *id += 1;
            TIMERS
                .lock()
                .unwrap()
                .insert((self.deadline, *id), cx.waker().clone());
            self.registered = true;
        }
        Poll::Pending
    }
}
// ANCHOR_END: timers

// ANCHOR: run
/// Runs tasks until none is ready and no timer is left.
fn run(main: impl Future<Output = ()> + Send + 'static) {
    spawn_detached(main);
    loop {
        // 1. Run every ready task, in order, each until its next `.await` that has to wait.
        //    (`pop_front` is in its own statement: the queue must be unlocked while a task runs.)
        loop {
            let Some(task) = READY.lock().unwrap().pop_front() else {
                break;
            };
            let waker = Waker::from(task.clone());
            let mut slot = task.future.lock().unwrap();
            if let Some(future) = slot.as_mut()
                && future
                    .as_mut()
                    .poll(&mut Context::from_waker(&waker))
                    .is_ready()
            {
                *slot = None; // finished: drop the future
            }
        }
        // 2. Nothing is ready. Sleep until the nearest deadline, as asyncio's loop passes that
        //    time to `select`. No timer left means no task can ever be woken: the end.
        let Some(&(next, _)) = TIMERS.lock().unwrap().keys().next() else {
            break;
        };
        let wait = next.saturating_duration_since(Instant::now());
        let at = workbook::elapsed() + wait; // the deadline, on the clock that `say!` prints
        say!(
            "loop: nothing ready; sleeping until the next deadline, at {:.2} s",
            at.as_secs_f64()
        );
        thread::sleep(wait);
        // 3. Wake every timer whose deadline has passed, earliest first: their tasks join the
        //    ready queue in that order.
        let now = Instant::now();
        let mut timers = TIMERS.lock().unwrap();
        let later = timers.split_off(&(now + Duration::from_nanos(1), 0));
        let due = std::mem::replace(&mut *timers, later);
        drop(timers);
        for waker in due.into_values() {
            waker.wake();
        }
    }
}
// ANCHOR_END: run

// ANCHOR: join
/// Spawns a task and returns a handle to await its result, like `asyncio.Task`.
fn spawn<T: Send + 'static>(future: impl Future<Output = T> + Send + 'static) -> JoinHandle<T> {
    let slot = Arc::new(Mutex::new(Slot {
        output: None,
        waiter: None,
    }));
    let for_task = slot.clone();
    spawn_detached(async move {
        let output = future.await;
        let mut slot = for_task.lock().unwrap();
        slot.output = Some(output);
        if let Some(waiter) = slot.waiter.take() {
            waiter.wake(); // whoever awaits the handle may go on
        }
    });
    JoinHandle { slot }
}

struct Slot<T> {
    output: Option<T>,
    waiter: Option<Waker>,
}

struct JoinHandle<T> {
    slot: Arc<Mutex<Slot<T>>>,
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

// ANCHOR: notes
async fn count(i: u64) {
    say!("{i}");
    sleep(Duration::from_secs(i)).await;
    say!("{i}");
}

async fn main1() {
    let tasks = [spawn(count(1)), spawn(count(2)), spawn(count(3))];
    for task in tasks {
        task.await;
    }
}

async fn main2() {
    say!("main2 start");
    sleep(Duration::from_secs(2)).await;
    say!("main2 end");
}

async fn main_of_main() {
    let (first, second) = (spawn(main1()), spawn(main2()));
    first.await;
    second.await;
}

fn main() {
    let start = Instant::now();
    run(main_of_main());
    println!("executed in {:.2} seconds.", start.elapsed().as_secs_f64());
}
// ANCHOR_END: notes
