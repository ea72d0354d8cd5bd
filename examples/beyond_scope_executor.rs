//! A task scope in an async fn: a `LocalExecutor` of its own, whose tasks borrow the fn's locals.
//!
//! `count_all` makes an executor, spawns a task per text, awaits every handle, and returns; the
//! tasks borrow its argument and a local, and the outer executor runs on meanwhile, as tasks do
//! in asyncio's `TaskGroup`. Run it with `cargo run --example beyond_scope_executor`.

use std::cell::Cell;
use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;

// ANCHOR: scope
/// Counts the words of each text in a task of its own, and returns when every task has ended.
async fn count_all(texts: &[&str]) -> usize {
    let total = Cell::new(0); // a local of this fn, borrowed by every task
    let scope = LocalExecutor::new(); // made after `total`, so dropped before it
    scope
        .run(async {
            let mut tasks = Vec::new();
            for (i, text) in texts.iter().enumerate() {
                tasks.push(scope.spawn(count(i, text, &total)));
            }
            say!(
                "scope: {} tasks spawned, each borrowing `texts` and `total`",
                tasks.len()
            );
            for task in tasks {
                task.await;
            }
        })
        .await;
    say!("scope: every task has ended");
    total.get()
}

async fn count(i: usize, text: &str, total: &Cell<usize>) {
    Timer::after(Duration::from_millis(100) * (i as u32 + 1)).await;
    let words = text.split_whitespace().count();
    total.set(total.get() + words);
    say!("task {i}: {words} words");
}
// ANCHOR_END: scope

// ANCHOR: main
fn main() {
    let outer = LocalExecutor::new();
    let elsewhere = async {
        Timer::after(Duration::from_millis(150)).await;
        say!("elsewhere: a task of the outer executor runs meanwhile");
    };
    outer.spawn(elsewhere).detach();
    let texts = ["two words", "now three words", "and then four words"];
    let total = smol::block_on(outer.run(count_all(&texts)));
    say!("main: {total} words in all");
}
// ANCHOR_END: main
