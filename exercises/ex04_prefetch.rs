//! Prefetch: fetch the next page while this one is stored, so four pages take 1.00 s, not 1.40.
//!
//! `crawl` fetches each page of a site (0.1 s, but 0.3 s for the slow `/blog`), then stores it
//! (0.2 s). As handed out it does one thing at a time: 1.40 s. Make it fetch page i + 1 while it
//! stores page i, as `next = asyncio.create_task(fetch(...))` before `await store(...)` would in
//! Python. The site takes one request at a time from a crawler, so the fetch of page i + 1 starts
//! when the store of page i starts, never earlier: at most one fetch is in flight. Each page is
//! stored as soon as it is fetched and the page before it is stored. Where a store and a fetch
//! start at the same moment, the store's line comes first, as it does when the fetch is a task.
//!
//! Run it: `cargo exercise ex04_prefetch`
//! Check it: `cargo xtask check ex04_prefetch`

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
    let mut stored = 0;
    for &(url, took) in site {
        // TODO: while this page is stored, the next one should already be on its way. Here the
        // fetch is a task, but it is awaited at once, so nothing overlaps.
        let html = ex.spawn(fetch(url, took)).await;
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
