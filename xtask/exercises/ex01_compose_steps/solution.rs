//! Solution: an `async` block sequences the fetches and the migration, zipped with the cache.
//!
//! `future::zip` runs two futures at once, and an `async` block is one future that runs its own
//! steps in order; nesting one in the other says "these two side by side, and inside this one,
//! first that, then that". Everything runs in the one task that `block_on` drives.

use std::time::Duration;

use smol::{Timer, future};
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
    // An `async` block is one future that runs its steps in order: the two fetches together,
    // then the migration. Inside it, `.await` waits for this branch only.
    let fetch_then_migrate = async {
        future::zip(fetch("app"), fetch("db")).await;
        migrate().await;
    };
    // That branch and the cache go side by side, from the start; the zip is ready when both are.
    future::zip(fetch_then_migrate, warm_cache()).await;
    switch_traffic().await;
}

fn main() {
    smol::block_on(deploy());
    say!("deployed");
}
