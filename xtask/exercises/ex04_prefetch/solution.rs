//! Solution: keep the next fetch's `Task` across turns of the loop, and await it in the next turn.
//!
//! Each turn awaits the page fetched in the background, spawns the fetch of the page after it,
//! and only then stores the page: the store and the next fetch overlap, and there is never more
//! than one fetch in flight. Like `asyncio.create_task`, `spawn` starts the work without waiting
//! for it; the `Task` is the handle to wait for it later.

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
    // Starts fetching one page, as a task: `spawn` only queues it, and it runs as soon as this
    // task waits. Gives the page's URL and the task's handle.
    let start = |&(url, took): &(&'static str, Duration)| (url, ex.spawn(fetch(url, took)));
    let mut pages = site.iter();
    // The one fetch in flight: the first has nothing to overlap with.
    let mut in_flight = pages.next().map(start);
    let mut stored = 0;
    while let Some((url, fetching)) = in_flight {
        let html = fetching.await;
        // Start the next fetch before storing this page, so that it runs while the page is
        // stored. Its handle goes round the loop, and the next turn awaits it.
        in_flight = pages.next().map(start);
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
