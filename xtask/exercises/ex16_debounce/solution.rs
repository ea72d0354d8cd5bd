//! Solution: each turn of the loop races `recv` against a new 200 ms timer, so the timer starts
//! again with every event; the timer winning means the burst is over.
//!
//! Run it: `cargo exercise ex16_debounce`
//! Check it: `cargo xtask check ex16_debounce`

use std::time::Duration;

use async_channel::{Receiver, Sender};
use smol::future::FutureExt;
use smol::{LocalExecutor, Timer};
use workbook::say;

/// How long the events must stop for a burst to count as over.
const QUIET: Duration = Duration::from_millis(200);

/// Events, each sent after its wait, and how long after the last one the channel closes.
struct Schedule {
    events: &'static [(Duration, &'static str)],
    close_after: Duration,
}

/// Two bursts, and the channel closes in the middle of the second.
const CLOSED_IN_A_BURST: Schedule = Schedule {
    events: &[
        (Duration::ZERO, "a1"),
        (Duration::from_millis(100), "a2"),
        (Duration::from_millis(100), "a3"),
        (Duration::from_millis(300), "b1"),
        (Duration::from_millis(100), "b2"),
    ],
    close_after: Duration::ZERO,
};

/// One event, then a long quiet, then the channel closes.
const CLOSED_AFTER_A_QUIET: Schedule = Schedule {
    events: &[(Duration::ZERO, "c1")],
    close_after: Duration::from_millis(500),
};

/// Sends the events of `schedule` on `events`, then closes the channel, by returning.
async fn producer(schedule: Schedule, events: Sender<&'static str>) {
    for &(wait, event) in schedule.events {
        Timer::after(wait).await;
        say!("event {event}");
        events
            .send(event)
            .await
            .expect("the debouncer stopped early");
    }
    Timer::after(schedule.close_after).await;
    say!("closing the channel");
}

/// Prints the last event of each burst, once `QUIET` has passed with no new event; and the one
/// still pending, at once, when the channel closes.
async fn debounce(events: Receiver<&'static str>) {
    let mut pending = None;
    loop {
        // A new timer each turn, so it starts again with every event. (`recv` loses nothing
        // when it loses the race: an event not yet taken stays in the channel.)
        let next_event = async { Some(events.recv().await) };
        let quiet = async {
            Timer::after(QUIET).await;
            None
        };
        match next_event.or(quiet).await {
            Some(Ok(event)) => pending = Some(event),
            Some(Err(_closed)) => break,
            // The timer won: QUIET has passed since the last event. `take` leaves `None`, so
            // that a burst settles once, however long the quiet lasts.
            None => {
                if let Some(last) = pending.take() {
                    say!("settled: {last}");
                }
            }
        }
    }
    // Closed and empty: no event can come to replace the pending one, so it settles now.
    if let Some(last) = pending {
        say!("settled: {last} (closed)");
    }
}

/// Debounces the events of `schedule`, which a task of `ex` sends.
async fn run(ex: &LocalExecutor<'_>, schedule: Schedule) {
    let (sender, receiver) = async_channel::unbounded();
    let producing = ex.spawn(producer(schedule, sender));
    debounce(receiver).await;
    producing.await;
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        run(&ex, CLOSED_IN_A_BURST).await;
        say!("-- again, with a long quiet before the channel closes");
        run(&ex, CLOSED_AFTER_A_QUIET).await;
    }));
}
