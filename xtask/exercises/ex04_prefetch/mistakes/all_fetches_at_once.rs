//! Mistake: spawns every fetch at the start, so all of them are in flight at once.

use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;

/// Downloads one page, which takes `took`, and returns its HTML.
async fn fetch(url: &'static str, took: Duration) -> String {
    say!("fetch {url}: start");
    Timer::after(took).await;
    say!("fetch {url}: done");
    format!("<html>{url}</html>")
}

/// Writes one page to the database.
async fn store(url: &str, html: String) {
    say!("store {url}: start");
    Timer::after(Duration::from_millis(200)).await;
    say!("store {url}: done, {} bytes", html.len());
}

/// Fetches and stores every page of `site` (each with how long its fetch takes), in order, on
/// `ex`, and returns how many pages it stored.
async fn crawl(ex: &LocalExecutor<'_>, site: &[(&'static str, Duration)]) -> usize {
    // Every fetch starts now: all four are in flight at once.
    let fetches: Vec<_> = site
        .iter()
        .map(|&(url, took)| (url, ex.spawn(fetch(url, took))))
        .collect();
    let mut stored = 0;
    for (url, fetching) in fetches {
        let html = fetching.await;
        store(url, html).await;
        stored += 1;
    }
    stored
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        let site = [
            ("/", Duration::from_millis(100)),
            ("/blog", Duration::from_millis(300)),
            ("/about", Duration::from_millis(100)),
            ("/contact", Duration::from_millis(100)),
        ];
        let stored = crawl(&ex, &site).await;
        say!("crawled {stored} pages");
    }));
}
