//! A new 500 ms deadline for each step, as `wait_for` around each await: no step runs out of time.
//!
//! A variation of `deadline_for_steps`: the same three steps, of 200, 100 and 400 ms, but each
//! raced against a deadline of its own, made just before it, where `asyncio.timeout(0.5)` puts
//! one deadline over all three. Each step fits in 500 ms, so none is cancelled, though together
//! they take 700 ms. Run it with `cargo run --example phrase_deadline_per_step`.

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

/// Runs `work` until `deadline`: its output, or `Err` if the deadline came first.
async fn until<T>(deadline: Instant, work: impl Future<Output = T>) -> Result<T, &'static str> {
    async { Ok(work.await) }
        .or(async {
            Timer::at(deadline).await;
            Err("timed out")
        })
        .await
}

fn main() {
    smol::block_on(async {
        // ANCHOR: per_step
        say!("500 ms for each of three steps, of 200, 100 and 400 ms");
        for (name, ms) in [("one", 200), ("two", 100), ("three", 400)] {
            let deadline = Instant::now() + Duration::from_millis(500); // made for each step
            say!("{name}: {:?}", until(deadline, step(name, ms)).await);
        }
        // ANCHOR_END: per_step
    });
}
