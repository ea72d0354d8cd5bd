//! Give each fetch a 500 ms time limit, so that one slow page cannot hold up the program.
//!
//! Expected: "/fast" at 0.10 s, then "/slow: timed out" 500 ms later, at 0.60 s, not at 3.10 s.
//! Run it: `cargo exercise ex11_fetch_timeout`
//! Check it: `cargo xtask check ex11_fetch_timeout`
//!
//! Hint: race the fetch against a `Timer` with `FutureExt::or`; the loser is dropped.

use std::time::Duration;

use smol::Timer;
use workbook::say;

/// A pretend fetch: "/slow" takes 3 s, any other page 100 ms.
async fn fetch(path: &str) -> Result<String, String> {
    let takes = if path == "/slow" { 3000 } else { 100 };
    Timer::after(Duration::from_millis(takes)).await;
    Ok(format!("contents of {path}"))
}

/// `fetch`, but an error after 500 ms.
async fn fetch_within_limit(path: &str) -> Result<String, String> {
    // TODO: return Err("timed out".to_string()) if the fetch takes more than 500 ms.
    fetch(path).await
}

fn main() {
    smol::block_on(async {
        say!("fetching");
        for path in ["/fast", "/slow"] {
            match fetch_within_limit(path).await {
                Ok(body) => say!("{path}: {body}"),
                Err(problem) => say!("{path}: {problem}"),
            }
        }
    });
}
