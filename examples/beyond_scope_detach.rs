//! `detach` in a scope: on the outer executor the task outlives the scope; on its own, it dies.
//!
//! The scope detaches a 0.3 s job on each executor, and returns after 0.1 s without awaiting
//! either; its own executor is dropped with it, and the job in it. Run it with
//! `cargo run --example beyond_scope_detach`.

use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;

/// Says when the job that holds it is dropped before its end.
struct Unfinished(&'static str);

impl Drop for Unfinished {
    fn drop(&mut self) {
        say!("{}: dropped unfinished", self.0);
    }
}

async fn job(name: &'static str) {
    let unfinished = Unfinished(name);
    Timer::after(Duration::from_millis(300)).await;
    say!("{name}: done");
    std::mem::forget(unfinished);
}

// ANCHOR: scope
async fn scope(outer: &LocalExecutor<'_>) {
    let inner = LocalExecutor::new();
    inner
        .run(async {
            outer.spawn(job("outer job")).detach();
            inner.spawn(job("inner job")).detach();
            say!("scope: one job detached on each executor");
            Timer::after(Duration::from_millis(100)).await;
        })
        .await;
    say!("scope: returns; `inner` is dropped");
}

fn main() {
    let outer = LocalExecutor::new();
    smol::block_on(outer.run(async {
        scope(&outer).await;
        say!("main: the scope has returned");
        Timer::after(Duration::from_millis(400)).await;
        say!("main: ends");
    }));
}
// ANCHOR_END: scope
