//! Deploy in 0.50 s, not 0.90: compose the steps with `future::zip` and `async` blocks, no tasks.
//!
//! A deploy has five steps. `fetch("app")` (0.1 s) and `fetch("db")` (0.2 s) run at the same
//! time; `migrate` (0.2 s) starts as soon as both fetches are in, and not before; `warm_cache`
//! (0.3 s) runs alongside all of that, from the start; `switch_traffic` (0.1 s) starts once the
//! migration and the cache are both done. The three steps that start at once start in the order
//! app, db, cache. As handed out, `deploy` runs the steps one after another: 0.90 s. Use futures
//! alone: one task (the one `block_on` drives), no `spawn`.
//!
//! Run it: `cargo exercise ex01_compose_steps`
//! Check it: `cargo xtask check ex01_compose_steps`

use std::time::Duration;

use smol::Timer;
use workbook::say;

/// One step of the deploy: it says when it starts and when it is done, `took` later.
async fn step(name: &str, took: Duration) {
    say!("{name}: start");
    Timer::after(took).await;
    say!("{name}: done");
}

/// Downloads one part of the release: the app's build, or the database's image (the bigger).
async fn fetch(part: &str) {
    let took = match part {
        "app" => Duration::from_millis(100),
        _ => Duration::from_millis(200),
    };
    step(&format!("fetch {part}"), took).await;
}

/// Brings the database's schema up to date: it needs both parts fetched.
async fn migrate() {
    step("migrate", Duration::from_millis(200)).await;
}

/// Fills the cache with the pages most asked for: it needs nothing else.
async fn warm_cache() {
    step("warm cache", Duration::from_millis(300)).await;
}

/// Sends the users to the new release: it needs the migration and the cache.
async fn switch_traffic() {
    step("switch traffic", Duration::from_millis(100)).await;
}

/// The whole deploy.
async fn deploy() {
    // TODO: run the steps that may overlap at the same time, and keep the order where one step
    // needs another. `future::zip` takes two futures; what future could stand for "fetch both,
    // then migrate"?
    fetch("app").await;
    fetch("db").await;
    migrate().await;
    warm_cache().await;
    switch_traffic().await;
}

fn main() {
    smol::block_on(deploy());
    say!("deployed");
}
