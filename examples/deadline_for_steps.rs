//! asyncio.timeout and timeout_at in smol: one deadline for several steps, raced with `Timer::at`.
//!
//! `async with asyncio.timeout(0.5):` puts one deadline over every `await` inside it, and
//! `timeout_at(when)` takes the deadline as a point in time. In Rust, wrap the steps in one
//! `async` block and race it against `Timer::at(deadline)`; an `Instant` can be shared by as
//! many races as need the same deadline. Run it with `cargo run --example deadline_for_steps`.

use std::time::{Duration, Instant};

use smol::Timer;
use smol::future::FutureExt;
use workbook::say;

struct CancelNotice(&'static str);

impl Drop for CancelNotice {
    fn drop(&mut self) {
        say!("{}: cancelled", self.0);
    }
}

async fn step(name: &'static str, ms: u64) {
    let notice = CancelNotice(name);
    Timer::after(Duration::from_millis(ms)).await;
    std::mem::forget(notice); // finished: no notice (it owns nothing that needs freeing)
    say!("{name}: done");
}

// ANCHOR: deadline
/// Runs `work` until `deadline`: its output, or `Err` if the deadline came first.
async fn until<T>(deadline: Instant, work: impl Future<Output = T>) -> Result<T, &'static str> {
    async { Ok(work.await) }
        .or(async {
            Timer::at(deadline).await;
            Err("timed out")
        })
        .await
}
// ANCHOR_END: deadline

fn main() {
    smol::block_on(async {
        // ANCHOR: main
        // async with asyncio.timeout(0.5): three steps, of 200, 100 and 400 ms
        say!("timeout: 500 ms for three steps");
        let deadline = Instant::now() + Duration::from_millis(500);
        let steps = async {
            step("one", 200).await;
            step("two", 100).await;
            step("three", 400).await;
        };
        say!("timeout: {:?}", until(deadline, steps).await);

        // async with asyncio.timeout_at(deadline): twice, with the same deadline
        say!("timeout_at: one deadline, 400 ms from now, for two waits");
        let deadline = Instant::now() + Duration::from_millis(400);
        say!(
            "timeout_at: {:?}",
            until(deadline, step("first", 200)).await
        );
        say!(
            "timeout_at: {:?}",
            until(deadline, step("second", 400)).await
        );
        // ANCHOR_END: main
    });
}
