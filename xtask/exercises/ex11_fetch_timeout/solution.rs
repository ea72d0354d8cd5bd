//! Solution: race the fetch against a 500 ms timer.

use std::time::Duration;

use smol::Timer;
use smol::future::FutureExt;
use workbook::say;

async fn fetch(path: &str) -> Result<String, String> {
    let takes = if path == "/slow" { 3000 } else { 100 };
    Timer::after(Duration::from_millis(takes)).await;
    Ok(format!("contents of {path}"))
}

async fn fetch_within_limit(path: &str) -> Result<String, String> {
    let give_up = async {
        Timer::after(Duration::from_millis(500)).await;
        Err("timed out".to_string())
    };
    fetch(path).or(give_up).await
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
