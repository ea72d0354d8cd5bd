//! Mistake: fetches the next page before storing this one, but awaits it first: one thing at a time.

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
    let (mut url, took) = site[0];
    let mut html = ex.spawn(fetch(url, took)).await;
    let mut stored = 0;
    for &(next_url, next_took) in &site[1..] {
        // The next page is fetched before this one is stored, but awaited on the spot: it is
        // fetched before the store starts, not during it.
        let next_html = ex.spawn(fetch(next_url, next_took)).await;
        store(url, html).await;
        stored += 1;
        (url, html) = (next_url, next_html);
    }
    store(url, html).await;
    stored + 1
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
