//! Write `Race`, a future that polls two futures and ends with the first one that is ready.
//!
//! Like `asyncio.wait([a, b], return_when=FIRST_COMPLETED)` for two, but the loser is not left
//! running: it is dropped with the `Race`, which cancels it. `main` races two downloads, one of
//! 100 ms and one of 300 ms: both start at once, the short one wins at 0.10 s, and the other
//! says it was cancelled. Then again, with the durations swapped.
//!
//! Run it: `cargo exercise ex06_race_by_hand`
//! Check it: `cargo xtask check ex06_race_by_hand`

use std::future::Future;
use std::time::Duration;

use smol::Timer;
use workbook::say;

/// Which future of a race was ready first, with its output.
#[allow(dead_code)] // until your `Race` makes them
#[derive(Debug)]
enum Winner<A, B> {
    First(A),
    Second(B),
}

/// Says when the download that holds it is dropped before it has finished.
struct CancelAlarm {
    name: &'static str,
    finished: bool,
}

impl Drop for CancelAlarm {
    fn drop(&mut self) {
        if !self.finished {
            say!("{}: cancelled", self.name);
        }
    }
}

/// Downloads from a mirror, which takes `took`.
async fn download(name: &'static str, took: Duration) -> String {
    let mut alarm = CancelAlarm {
        name,
        finished: false,
    };
    say!("{name}: starts, takes {} ms", took.as_millis());
    Timer::after(took).await;
    alarm.finished = true;
    say!("{name}: done");
    format!("{name}'s data")
}

// TODO: a struct `Race<A, B>` that holds the two futures, and `impl Future for Race<A, B>`, with
// `Winner<A::Output, B::Output>` as its output. (You will need `Pin`, `Context` and `Poll` from
// std, and smol's `future::FutureExt` to poll a field with `.poll(cx)`.)

/// Races `first` against `second`. Both must be `Unpin` (boxed futures are), so that `Race` is
/// `Unpin` too, and its `poll` can poll them as `Ticks` polls its timer on the page on streams.
fn race<A, B>(first: A, second: B) -> impl Future<Output = Winner<A::Output, B::Output>>
where
    A: Future + Unpin,
    B: Future + Unpin,
{
    // TODO: return a `Race` that holds `first` and `second`.
    let _ = (first, second);
    async { todo!() }
}

fn main() {
    smol::block_on(async {
        let a = Box::pin(download("mirror A", Duration::from_millis(100)));
        let b = Box::pin(download("mirror B", Duration::from_millis(300)));
        say!("winner: {:?}", race(a, b).await);

        say!("-- again, with the durations swapped");
        let a = Box::pin(download("mirror A", Duration::from_millis(300)));
        let b = Box::pin(download("mirror B", Duration::from_millis(100)));
        say!("winner: {:?}", race(a, b).await);
    });
}
