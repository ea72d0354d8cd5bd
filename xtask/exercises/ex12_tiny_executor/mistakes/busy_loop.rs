//! Mistake: with the queue empty, it looks again at once instead of parking: the output is right,
//! but the thread spins for half a second, keeping a core busy.
//! feedback: kept a core busy

use std::cell::Cell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::task::{Context, Wake, Waker};
use std::thread::{self, Thread};
use std::time::Duration;

use async_io::Timer;
use futures_lite::future;
use workbook::say;

type BoxedFuture = Pin<Box<dyn Future<Output = ()>>>;

/// A future's waker: it queues the future's number, and unparks the executor's thread.
struct QueueWaker {
    index: usize,
    ready: Arc<Mutex<VecDeque<usize>>>,
    executor: Thread,
}

impl Wake for QueueWaker {
    fn wake(self: Arc<Self>) {
        self.ready.lock().unwrap().push_back(self.index);
        // After the push: a thread unparked before it would find the queue empty, park again,
        // and wait for a wake-up that has come and gone.
        self.executor.unpark();
    }
}

/// Runs every future to its end on this thread, polling each only when its waker asked for it.
fn run_all(futures: Vec<BoxedFuture>) {
    // Every future is polled once to start: all of them are ready.
    let ready = Arc::new(Mutex::new((0..futures.len()).collect::<VecDeque<_>>()));
    let mut left = futures.len();
    // Each future with its own waker, made once; `None` once the future is done.
    let mut tasks: Vec<Option<(BoxedFuture, Waker)>> = futures
        .into_iter()
        .enumerate()
        .map(|(index, future)| {
            let waker = Waker::from(Arc::new(QueueWaker {
                index,
                ready: ready.clone(),
                executor: thread::current(),
            }));
            Some((future, waker))
        })
        .collect();
    while left > 0 {
        // The lock is released at the end of this statement, before the poll: a future may wake
        // itself while it is polled (`d` does), and its waker takes the lock.
        let next = ready.lock().unwrap().pop_front();
        let Some(index) = next else {
            // Nothing to do yet: look again.
            continue;
        };
        // A number can come after its future is done (a waker kept somewhere): nothing to poll.
        let Some((future, waker)) = &mut tasks[index] else {
            continue;
        };
        let mut cx = Context::from_waker(waker);
        if future.as_mut().poll(&mut cx).is_ready() {
            tasks[index] = None;
            left -= 1;
        }
    }
}

/// `future`, saying each time it is polled, and counting its polls in `polls`.
fn watched(
    name: &'static str,
    future: impl Future<Output = ()> + 'static,
) -> (BoxedFuture, Rc<Cell<u32>>) {
    let polls = Rc::new(Cell::new(0));
    let counted = polls.clone();
    let mut future = Box::pin(future);
    let watched = future::poll_fn(move |cx| {
        counted.set(counted.get() + 1);
        let answer = future.as_mut().poll(cx);
        let what = if answer.is_ready() { "done" } else { "Pending" };
        say!("{name}: poll {} -> {what}", counted.get());
        answer
    });
    (Box::pin(watched), polls)
}

fn main() {
    // `async_io::Timer` has a thread of its own to wake it (async-io's reactor thread), so it
    // works under any executor, this one too.
    let (a, a_polls) = watched("a", async {
        Timer::after(Duration::from_millis(100)).await;
        Timer::after(Duration::from_millis(300)).await;
    });
    let (b, b_polls) = watched("b", async {
        Timer::after(Duration::from_millis(300)).await;
    });
    let (c, c_polls) = watched("c", async {
        Timer::after(Duration::from_millis(200)).await;
        Timer::after(Duration::from_millis(300)).await;
    });
    // `yield_now` wakes its task during the poll, and answers `Pending`: poll me again soon.
    let (d, d_polls) = watched("d", async {
        future::yield_now().await;
        future::yield_now().await;
    });
    run_all(vec![a, b, c, d]);
    say!(
        "main: run_all returned; polls: a {}, b {}, c {}, d {}",
        a_polls.get(),
        b_polls.get(),
        c_polls.get(),
        d_polls.get()
    );
}
