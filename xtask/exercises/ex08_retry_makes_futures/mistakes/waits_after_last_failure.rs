//! Mistake: waits after the last failure too, before it gives up.
//! feedback: The first run comes out right
//!
//! A future can be awaited only once, so `retry` asks `make` for a new one for every attempt,
//! just before it runs it. After a failure it waits 100 ms, then 200 ms, then 400 ms, and so on,
//! and it gives up after `attempts` attempts, with the last error, at once. `main` retries a
//! service that fails twice, then succeeds: attempts at 0.00 s, 0.20 s and 0.50 s. Then again,
//! with three attempts at a service that fails four times: the third error comes at 1.20 s.
//!
//! Run it: `cargo exercise ex08_retry_makes_futures`
//! Check it: `cargo xtask check ex08_retry_makes_futures`

use std::future::Future;
use std::time::Duration;

use smol::Timer;
use workbook::say;

/// One call of a flaky service: it takes 100 ms, and fails while `attempt <= failures`. It says
/// when it starts, which is when it is first polled, not when its future is made.
async fn call_service(attempt: u32, failures: u32) -> Result<&'static str, String> {
    say!("  attempt {attempt} starts");
    Timer::after(Duration::from_millis(100)).await;
    if attempt <= failures {
        say!("  attempt {attempt} fails");
        Err(format!("attempt {attempt}: service unavailable"))
    } else {
        say!("  attempt {attempt} succeeds");
        Ok("the answer")
    }
}

/// Runs a future that `make` makes, up to `attempts` times (at least once), until one gives `Ok`.
/// After the first failure it waits `backoff`, then twice as long after each next one. It returns
/// the first `Ok`, or the last `Err` as soon as the last attempt has failed.
async fn retry<T, E, F, Fut>(attempts: u32, backoff: Duration, mut make: F) -> Result<T, E>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    let mut wait = backoff;
    let mut last_error = None;
    for _ in 0..attempts {
        match make().await {
            Ok(value) => return Ok(value),
            Err(error) => last_error = Some(error),
        }
        Timer::after(wait).await;
        wait *= 2;
    }
    Err(last_error.expect("at least one attempt"))
}

fn main() {
    smol::block_on(async {
        say!("a service that fails twice; 4 attempts");
        let mut made = 0;
        let result = retry(4, Duration::from_millis(100), || {
            made += 1;
            say!("made attempt {made}");
            call_service(made, 2)
        })
        .await;
        say!("result: {result:?}");

        say!("-- again, with a service that fails 4 times; 3 attempts");
        let mut made = 0;
        let result = retry(3, Duration::from_millis(100), || {
            made += 1;
            say!("made attempt {made}");
            call_service(made, 4)
        })
        .await;
        say!("result: {result:?}");
    });
}
