//! Mistake: a timeout per mirror, as on the timeouts page: a request whose head start runs out
//! is dropped (cancelled) before the next mirror is asked, instead of racing on.
//! feedback: The first run comes out right

use std::time::Duration;

use smol::Timer;
use smol::future::FutureExt;
use workbook::say;

/// How long a mirror has to answer before the next one is asked as well.
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
    let last = speeds.len() - 1;
    for (i, &takes) in speeds[..last].iter().enumerate() {
        let head_start = async {
            Timer::after(HEAD_START).await;
            None
        };
        // The request races its head start by value: if it loses, `or` drops it.
        if let Some(answer) = async { Some(request(i + 1, takes).await) }
            .or(head_start)
            .await
        {
            return answer;
        }
    }
    request(last + 1, speeds[last]).await
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
