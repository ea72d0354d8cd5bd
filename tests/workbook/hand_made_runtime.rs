//! The hand-made runtime of the chapter "How a sleeping task wakes up" (`ThreadTimer`,
//! `block_on`, the event loop in `examples/workbook/`) is copied by readers, so each property the
//! pages claim is checked here, in the situation where a simpler version goes wrong.
//!
//! Every test is bounded: a run that would hang is reported as a failure after a few seconds.

use std::future::{Future, poll_fn};
use std::pin::{Pin, pin};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::task::{Context, Poll, Wake, Waker};
use std::thread;
use std::time::{Duration, Instant};

use futures_lite::future::{or, yield_now};
use workbook::block_on::block_on;
use workbook::event_loop::run;
use workbook::thread_timer::ThreadTimer;

use crate::shared::busy_note;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Runs `f` on its own thread and returns its result, or fails if it takes longer than `limit`.
fn within<T: Send + 'static>(limit: Duration, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = mpsc::channel();
    thread::Builder::new()
        .name("test body".into()) // named: only one test is about unnamed threads
        .spawn(move || {
            let _ = done.send(f());
        })
        .unwrap();
    match result.recv_timeout(limit) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("still running after {limit:?}: it hangs{}", busy_note())
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("it panicked (see above)"),
    }
}

/// A waker that counts its wake-ups.
#[derive(Default)]
struct CountWakes(AtomicUsize);

impl Wake for CountWakes {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

impl CountWakes {
    fn count(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

/// `future`, counting how often it is polled.
fn counting_polls<F: Future>(
    polls: Arc<AtomicUsize>,
    future: F,
) -> impl Future<Output = F::Output> {
    let mut future = Box::pin(future);
    poll_fn(move |cx| {
        polls.fetch_add(1, Ordering::SeqCst);
        future.as_mut().poll(cx)
    })
}

// The event loop.

#[test]
fn a_wake_from_another_thread_reaches_a_loop_that_has_no_timer() {
    let answer = within(ms(5000), || {
        run(|_lp| async {
            ThreadTimer::after(ms(100)).await;
            7
        })
    });
    assert_eq!(answer, 7);
}

#[test]
fn a_wake_up_that_comes_as_the_loop_starts_to_wait_is_not_lost() {
    // The timer thread wakes the task within microseconds, often while the loop is on its way
    // from "nothing ready" to its wait.
    within(ms(5000), || {
        for _ in 0..200 {
            run(|_lp| ThreadTimer::after(Duration::ZERO));
        }
    });
}

#[test]
fn a_thread_timer_next_to_a_long_sleep_is_noticed_when_it_fires() {
    let noticed = within(ms(5000), || {
        run(|lp| async move {
            let start = Instant::now();
            let long = lp.clone();
            let _long = lp.spawn(async move { long.sleep(ms(1000)).await });
            ThreadTimer::after(ms(100)).await;
            start.elapsed()
        })
    });
    // Without the wake-up, the loop would notice it only when the 1 s sleep ends.
    assert!(
        noticed < ms(900),
        "a 100 ms ThreadTimer was noticed after {noticed:?}{}",
        busy_note()
    );
}

#[test]
fn a_task_woken_twice_is_queued_and_polled_once() {
    let polls = Arc::new(AtomicUsize::new(0));
    let counted = polls.clone();
    within(ms(5000), || {
        run(|lp| async move {
            // On its first poll, the task wakes itself twice; then it waits forever.
            lp.spawn(poll_fn(move |cx| {
                if counted.fetch_add(1, Ordering::SeqCst) == 0 {
                    cx.waker().wake_by_ref();
                    cx.waker().wake_by_ref();
                }
                Poll::<()>::Pending
            }));
            lp.sleep(ms(100)).await;
        })
    });
    assert_eq!(
        polls.load(Ordering::SeqCst),
        2,
        "polls: the first, and one for both wake-ups"
    );
}

#[test]
fn a_task_that_keeps_waking_itself_does_not_starve_a_due_timer() {
    let slept = within(ms(5000), || {
        run(|lp| async move {
            let stop = Arc::new(AtomicBool::new(false));
            let stop_spinning = stop.clone();
            lp.spawn(async move {
                while !stop_spinning.load(Ordering::SeqCst) {
                    yield_now().await; // wakes itself, then returns Pending once
                }
            });
            let start = Instant::now();
            lp.sleep(ms(100)).await;
            stop.store(true, Ordering::SeqCst);
            start.elapsed()
        })
    });
    // Starved, the sleep would never end.
    assert!(
        slept < ms(3000),
        "a 100 ms sleep took {slept:?}{}",
        busy_note()
    );
}

#[test]
fn a_dropped_sleep_does_not_keep_run_going() {
    let took = within(ms(5000), || {
        let start = Instant::now();
        run(|lp| async move {
            // The 100 ms sleep wins the race; the 3 s one is dropped.
            or(lp.sleep(ms(100)), lp.sleep(ms(3000))).await;
        });
        start.elapsed()
    });
    // Kept going by the dropped sleep, run() would return after 3 s.
    assert!(
        took < ms(2500),
        "run() returned after {took:?}{}",
        busy_note()
    );
}

#[test]
fn a_dropped_sleep_wakes_no_one() {
    let polls = Arc::new(AtomicUsize::new(0));
    let counted = polls.clone();
    within(ms(5000), || {
        run(|lp| {
            counting_polls(counted, async move {
                or(lp.sleep(ms(100)), lp.sleep(ms(300))).await; // drops the 300 ms sleep
                lp.sleep(ms(500)).await;
            })
        })
    });
    assert_eq!(
        polls.load(Ordering::SeqCst),
        3,
        "main's polls: at the start, at 0.1 s and at 0.6 s, and none at 0.3 s"
    );
}

#[test]
fn a_sleep_wakes_the_waker_of_its_latest_poll() {
    let stray = Arc::new(CountWakes::default());
    let stray_waker = Waker::from(stray.clone());
    within(ms(5000), || {
        run(|lp| async move {
            let mut sleep = pin!(lp.sleep(ms(100)));
            // A first poll with another waker, as if the sleep had been polled by another task.
            let first = sleep.as_mut().poll(&mut Context::from_waker(&stray_waker));
            assert!(first.is_pending());
            sleep.await; // polled again with this task's waker, which must be the one woken
        })
    });
    assert_eq!(stray.count(), 0, "the waker of the first poll was woken");
}

#[test]
fn a_join_handle_wakes_the_waker_of_its_latest_poll() {
    let stray = Arc::new(CountWakes::default());
    let stray_waker = Waker::from(stray.clone());
    within(ms(5000), || {
        run(|lp| async move {
            let sleeper = lp.clone();
            let mut handle = pin!(lp.spawn(async move { sleeper.sleep(ms(100)).await }));
            let first = handle.as_mut().poll(&mut Context::from_waker(&stray_waker));
            assert!(first.is_pending());
            handle.await;
        })
    });
    assert_eq!(stray.count(), 0, "the waker of the first poll was woken");
}

#[test]
fn a_sleep_filed_from_another_thread_shortens_the_loops_wait() {
    let took = within(ms(5000), || {
        run(|lp| async move {
            let start = Instant::now();
            let long = lp.clone();
            let _long = lp.spawn(async move { long.sleep(ms(1000)).await });
            // Another thread awaits a 100 ms sleep of this loop, while the loop waits for 1 s.
            let (done, finished) = async_channel::bounded(1);
            let other = lp.clone();
            thread::spawn(move || {
                thread::sleep(ms(50)); // by now the loop is waiting for the 1 s deadline
                smol::block_on(other.sleep(ms(100)));
                let _ = done.send_blocking(());
            });
            finished.recv().await.unwrap();
            start.elapsed()
        })
    });
    // Not noticed, it would be over only when the loop's 1 s wait ends.
    assert!(
        took < ms(900),
        "a 100 ms sleep filed at 50 ms was over after {took:?}{}",
        busy_note()
    );
}

#[test]
fn a_sleep_never_ends_early() {
    let slept = within(ms(5000), || {
        run(|lp| async move {
            let mut slept = Vec::new();
            for duration in [
                Duration::from_micros(300),
                Duration::from_micros(900),
                ms(10),
            ] {
                let start = Instant::now();
                lp.sleep(duration).await;
                slept.push((duration, start.elapsed()));
            }
            // A 10 ms sleep while another task's 9.2 ms sleep wakes the loop just before it.
            let nearby = lp.clone();
            let _nearby = lp.spawn(async move { nearby.sleep(Duration::from_micros(9200)).await });
            let start = Instant::now();
            lp.sleep(ms(10)).await;
            slept.push((ms(10), start.elapsed()));
            slept
        })
    });
    for (duration, took) in slept {
        assert!(
            took >= duration,
            "a sleep of {duration:?} ended after {took:?}"
        );
    }
}

#[test]
fn timers_due_a_few_milliseconds_apart_fire_in_one_turn() {
    // Two 100 ms sleeps made in two turns 3 ms apart, as if the machine stalled between them: the
    // first must not fire on its own, a turn before the second (a loop that rounds deadlines to
    // 1 ms ticks fires it alone, when the stall spans a tick).
    let (first_ended, second_due) = within(ms(5000), || {
        run(|lp| async move {
            let first = lp.sleep(ms(100));
            let second_due = Arc::new(Mutex::new(None));
            let (other, due) = (lp.clone(), second_due.clone());
            let _second = lp.spawn(async move {
                thread::sleep(ms(3)); // the stall
                // Its deadline is at least this late.
                *due.lock().unwrap() = Some(Instant::now() + ms(100));
                other.sleep(ms(100)).await;
            });
            first.await;
            let second_due = second_due
                .lock()
                .unwrap()
                .expect("the second sleep was made");
            (Instant::now(), second_due)
        })
    });
    assert!(
        first_ended >= second_due,
        "the first sleep ended {:?} before the second was due: they fired in two turns",
        second_due - first_ended
    );
}

#[test]
fn a_panicking_task_ends_run_and_every_other_task_is_dropped() {
    let dropped = Arc::new(AtomicBool::new(false));
    let dropped_in_task = dropped.clone();
    let panicked = within(ms(5000), move || {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            run(|lp| async move {
                // A task that holds a handle on its loop, as most do, and sleeps past the panic.
                let sibling = lp.clone();
                lp.spawn(async move {
                    let _on_drop = SetOnDrop(dropped_in_task);
                    sibling.sleep(ms(1000)).await;
                });
                lp.spawn(async { panic!("a task panics") });
                lp.sleep(ms(500)).await;
            })
        }))
        .is_err()
    });
    assert!(panicked, "run() returned although a task panicked");
    assert!(
        dropped.load(Ordering::SeqCst),
        "run() ended with a panic, but the other task was never dropped: it is leaked"
    );
}

#[test]
fn a_sleep_polled_after_its_run_has_ended_panics_instead_of_waiting_forever() {
    let outcome = within(ms(5000), || {
        // The sleep outlives its run: `main` returns it unpolled.
        #[allow(clippy::async_yields_async)] // returning it unawaited is the point
        let sleep = run(|lp| async move { lp.sleep(ms(100)) });
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| block_on(sleep)))
    });
    let message = outcome.expect_err("the sleep was Ready, with no loop to fire it");
    let message = message.downcast_ref::<&str>().copied().unwrap_or_default();
    assert!(
        message.contains("run() had ended"),
        "it panicked with {message:?}"
    );
}

#[test]
fn two_runs_in_a_row_share_nothing() {
    let resumed = Arc::new(AtomicBool::new(false));
    let dropped = Arc::new(AtomicBool::new(false));
    let (resumed_in_task, dropped_in_task) = (resumed.clone(), dropped.clone());
    let dropped_after_first_run = within(ms(5000), move || {
        run(|lp| async move {
            // A task that is still waiting for a 200 ms ThreadTimer when main returns. Like most
            // tasks, it holds a handle on its loop.
            let task_lp = lp.clone();
            lp.spawn(async move {
                let _on_drop = SetOnDrop(dropped_in_task);
                ThreadTimer::after(ms(200)).await;
                resumed_in_task.store(true, Ordering::SeqCst);
                task_lp.sleep(ms(100)).await;
            });
            yield_now().await; // let the task start its timer
        });
        let dropped_after_first_run = dropped.load(Ordering::SeqCst);
        run(|lp| async move { lp.sleep(ms(500)).await });
        dropped_after_first_run
    });
    assert!(
        !resumed.load(Ordering::SeqCst),
        "a task of the first run() ran in the second"
    );
    assert!(
        dropped_after_first_run,
        "the first run() returned without dropping its unfinished task"
    );
}

struct SetOnDrop(Arc<AtomicBool>);

impl Drop for SetOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

// block_on.

#[test]
fn block_on_works_on_an_unnamed_thread() {
    let answer = within(ms(5000), || {
        thread::spawn(|| {
            block_on(async {
                ThreadTimer::after(ms(100)).await;
                5
            })
        })
        .join()
        .unwrap()
    });
    assert_eq!(answer, 5);
}

#[test]
fn block_on_keeps_a_wake_up_that_comes_before_it_parks() {
    within(ms(5000), || {
        let mut polled = false;
        block_on(poll_fn(|cx| {
            if polled {
                return Poll::Ready(());
            }
            polled = true;
            cx.waker().wake_by_ref(); // the wake-up comes before block_on parks
            Poll::Pending
        }))
    });
}

#[test]
fn std_keeps_an_unpark_that_comes_before_park() {
    let waited = within(ms(5000), || {
        thread::current().unpark();
        let start = Instant::now();
        thread::park(); // returns at once: the unpark left its token
        start.elapsed()
    });
    // Without the token, park would wait forever (and `within` would say so).
    assert!(waited < ms(3000), "park waited {waited:?}{}", busy_note());
}

#[test]
fn block_on_keeps_a_wake_up_whose_unpark_token_a_nested_block_on_used() {
    let answer = within(ms(5000), || {
        let mut polled = false;
        block_on(poll_fn(|cx| {
            if polled {
                return Poll::Ready(9);
            }
            polled = true;
            // A wake-up from another thread arrives during this poll, and leaves an unpark token
            // on this thread...
            let waker = cx.waker().clone();
            thread::spawn(move || waker.wake()).join().unwrap();
            // ...which a nested block_on, parking this same thread, uses up.
            block_on(ThreadTimer::after(ms(50)));
            Poll::Pending
        }))
    });
    assert_eq!(answer, 9);
}

// ThreadTimer.

/// An executor of one future that polls it inside `wake()`, as some executors do.
struct PollInsideWake {
    timer: Mutex<Pin<Box<ThreadTimer>>>,
    done: Mutex<mpsc::Sender<()>>,
}

impl Wake for PollInsideWake {
    fn wake(self: Arc<Self>) {
        let waker = Waker::from(self.clone());
        let mut timer = self.timer.lock().unwrap();
        if timer
            .as_mut()
            .poll(&mut Context::from_waker(&waker))
            .is_ready()
        {
            let _ = self.done.lock().unwrap().send(());
        }
    }
}

#[test]
fn a_thread_timer_calls_wake_with_no_lock_held() {
    let (done, finished) = mpsc::channel();
    let executor = Arc::new(PollInsideWake {
        timer: Mutex::new(Box::pin(ThreadTimer::after(ms(50)))),
        done: Mutex::new(done),
    });
    executor.clone().wake(); // the first poll
    assert!(
        finished.recv_timeout(ms(3000)).is_ok(),
        "the timer was not Ready when polled inside its own wake()"
    );
}

#[test]
fn a_thread_timer_dropped_before_it_fires_wakes_no_one() {
    let wakes = Arc::new(CountWakes::default());
    let waker = Waker::from(wakes.clone());
    let mut timer = Box::pin(ThreadTimer::after(ms(50)));
    assert!(
        timer
            .as_mut()
            .poll(&mut Context::from_waker(&waker))
            .is_pending()
    );
    drop(timer);
    thread::sleep(ms(300));
    assert_eq!(wakes.count(), 0, "a dropped timer woke its task");
}

#[test]
fn a_thread_timer_wakes_the_waker_of_its_latest_poll() {
    let (first, latest) = (
        Arc::new(CountWakes::default()),
        Arc::new(CountWakes::default()),
    );
    let mut timer = Box::pin(ThreadTimer::after(ms(50)));
    for waker in [Waker::from(first.clone()), Waker::from(latest.clone())] {
        let poll = timer.as_mut().poll(&mut Context::from_waker(&waker));
        assert!(poll.is_pending());
    }
    // Until one of them is woken (or ten seconds have passed), then a moment for a second one.
    let until = Instant::now() + ms(10_000);
    while first.count() + latest.count() == 0 && Instant::now() < until {
        thread::sleep(ms(10));
    }
    thread::sleep(ms(100));
    assert_eq!(
        (first.count(), latest.count()),
        (0, 1),
        "(wakes of the first poll's waker, of the latest's){}",
        busy_note()
    );
}
