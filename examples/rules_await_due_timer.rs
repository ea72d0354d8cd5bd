//! An `.await` on a future that is already ready gives control to no one: the chain just goes on.
//!
//! A variation of `await_chain_trace`: `inner` awaits a timer of zero, which is due at its first
//! poll, so no `Pending` goes up the chain and the other task waits for this one to finish.
//! Run it with `cargo run --example rules_await_due_timer`.

use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;

// ANCHOR: outer
async fn outer() {
    say!("outer() awaits middle()");
    middle().await;
    say!("outer() is done");
}
// ANCHOR_END: outer

// ANCHOR: middle
async fn middle() {
    say!("middle() awaits inner()");
    inner().await;
    say!("middle() is done");
}
// ANCHOR_END: middle

// ANCHOR: inner
async fn inner() {
    say!("inner() awaits a timer of zero");
    Timer::after(Duration::ZERO).await; // due at its first poll
    say!("inner() is done");
}
// ANCHOR_END: inner

fn main() {
    let ex = LocalExecutor::new();
    let task = ex.spawn(outer());
    let other = ex.spawn(async { say!("(the executor runs another task)") });
    smol::block_on(ex.run(async {
        task.await;
        other.await;
    }));
}
