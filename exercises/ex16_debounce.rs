//! Debounce: print the last event of each burst once 200 ms pass with no new event, not each event.
//!
//! Events come on a channel in bursts (sent by the given `producer`). `debounce` prints
//! `settled: X`, X the last event of a burst, once `QUIET` (200 ms) has passed since that event:
//! a wait that starts again with every event, and a burst settles once. When the channel closes,
//! the event still pending, if any, is printed at once, as `settled: X (closed)`: no event can
//! come to replace it. In asyncio, a loop on `await asyncio.wait_for(queue.get(), 0.2)` that
//! settles on `TimeoutError`. `main` runs it twice, with other events the second time.
//!
//! Run it: `cargo exercise ex16_debounce`
//! Check it: `cargo xtask check ex16_debounce`

#![allow(unused_imports, unused_variables, unused_mut, dead_code)] // until your code uses what is given

use std::time::Duration;

use async_channel::{Receiver, Sender};
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
    // TODO: take the events; print the pending one once QUIET passes with no new event, and
    // the one still pending, at once, when the channel is closed and empty; then return.
    todo!()
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
