//! Mistake: every mirror is asked at once, with no head start; the first answer still wins.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use smol::Timer;
use smol::future::FutureExt;
use workbook::say;

/// How long a mirror has to answer before the next one is asked as well.
#[allow(dead_code)] // not used: that is the mistake
const HEAD_START: Duration = Duration::from_millis(200);

/// Says so when the request that holds it is dropped before its mirror answered.
struct CancelAlarm {
    mirror: usize,
    answered: bool,
}

impl Drop for CancelAlarm {
    fn drop(&mut self) {
        if !self.answered {
            say!("mirror {}: cancelled", self.mirror);
        }
    }
}

/// Asks mirror number `mirror` for the file; it answers `takes` later.
async fn request(mirror: usize, takes: Duration) -> String {
    let mut alarm = CancelAlarm {
        mirror,
        answered: false,
    };
    say!("mirror {mirror}: asked");
    Timer::after(takes).await;
    alarm.answered = true;
    say!("mirror {mirror}: answered");
    format!("the file from mirror {mirror}")
}

/// Asks the mirrors whose answers take `speeds` (mirror 1's first): mirror 1 at once, and each
/// next one `HEAD_START` after the one before, until one answers. Gives back the first answer,
/// once every request still running has been cancelled.
async fn fetch(speeds: &[Duration]) -> String {
    // Every request in one race from the start: the first answer wins, the others are dropped.
    let mut racing: Pin<Box<dyn Future<Output = String>>> = Box::pin(request(1, speeds[0]));
    for (i, &takes) in speeds.iter().enumerate().skip(1) {
        racing = Box::pin(racing.or(request(i + 1, takes)));
    }
    racing.await
}

/// Fetches from three mirrors that answer after `speeds`, and says which answer came.
async fn fetch_from(speeds: [Duration; 3]) {
    let [one, two, three] = speeds.map(|speed| speed.as_millis());
    say!("mirrors 1, 2, 3 answer in {one}, {two}, {three} ms");
    let answer = fetch(&speeds).await;
    say!("got {answer}");
}

fn main() {
    smol::block_on(async {
        fetch_from([
            Duration::from_millis(100),
            Duration::from_millis(1000),
            Duration::from_millis(1000),
        ])
        .await;
        say!("-- again: mirror 1 slow, mirror 2 fast");
        fetch_from([
            Duration::from_millis(1000),
            Duration::from_millis(100),
            Duration::from_millis(1000),
        ])
        .await;
        say!("-- again: mirror 1 a little slow, the others slower");
        fetch_from([
            Duration::from_millis(500),
            Duration::from_millis(1000),
            Duration::from_millis(1000),
        ])
        .await;
    });
}
