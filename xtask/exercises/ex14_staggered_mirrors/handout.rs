//! Ask mirrors one by one, 200 ms apart, until one answers: keep its answer, cancel the others.
//!
//! "Happy eyeballs": `fetch` asks mirror 1; if it has not answered within `HEAD_START` (200 ms),
//! it asks mirror 2 as well, without giving up on mirror 1; 200 ms later, mirror 3. The first
//! answer to come wins, and every request still running is cancelled (each says so as it is
//! dropped, the first asked first) before `fetch` returns. `main` runs it three times, with other
//! mirror speeds: mirror 1 answers within its head start, and no other is asked; mirror 2 wins;
//! mirror 1 wins after all, once the other two have been asked.
//!
//! Run it: `cargo exercise ex14_staggered_mirrors`
//! Check it: `cargo xtask check ex14_staggered_mirrors`

#![allow(unused_imports, unused_variables, unused_mut, dead_code)] // until your code uses what is given

use std::time::Duration;

use smol::Timer;
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
    // TODO: ask mirror 1 (`request(1, speeds[0])`), then the next one each time HEAD_START
    // passes with no answer; give back the first answer, once the other requests are cancelled.
    todo!()
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
