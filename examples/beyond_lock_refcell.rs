//! A `RefCell` borrow held across `.await`: the next task to borrow panics, "already borrowed".
//!
//! Task `a` holds `borrow_mut()` across a timer; task `b` borrows in the meantime. Each task's
//! panic is caught and printed, so the program runs to its end. Run it with
//! `cargo run --example beyond_lock_refcell`.

use std::any::Any;
use std::cell::RefCell;
use std::future::Future;
use std::panic::{self, AssertUnwindSafe};
use std::time::Duration;

use smol::future::{self, FutureExt};
use smol::{LocalExecutor, Timer};
use workbook::say;

// ANCHOR: tasks
#[allow(clippy::await_holding_refcell_ref)] // the mistake this example shows: Clippy warns of it
async fn a(log: &RefCell<Vec<&'static str>>) {
    let mut entries = log.borrow_mut();
    say!("a: borrowed the log mutably; awaits a 50 ms timer with the borrow held");
    Timer::after(Duration::from_millis(50)).await;
    entries.push("a");
    say!("a: done, the borrow ends");
}

async fn b(log: &RefCell<Vec<&'static str>>) {
    say!("b: calls borrow_mut()");
    log.borrow_mut().push("b");
    say!("b: done");
}
// ANCHOR_END: tasks

// ANCHOR: caught
/// Runs `task`, and turns a panic in it into a printed line.
async fn caught(name: &str, task: impl Future<Output = ()>) {
    if let Err(panic) = AssertUnwindSafe(task).catch_unwind().await {
        say!("{name} panicked: {}", message(&*panic));
    }
}

/// A panic's message: a `String` if it was formatted, a `&str` if it was a literal.
fn message(panic: &(dyn Any + Send)) -> &str {
    match panic.downcast_ref::<String>() {
        Some(text) => text,
        None => panic.downcast_ref::<&str>().copied().unwrap_or("?"),
    }
}
// ANCHOR_END: caught

fn main() {
    // The panic is printed by `caught`, on stdout; std's own report on stderr is left out.
    panic::set_hook(Box::new(|_| {}));
    let log = RefCell::new(Vec::new());
    let ex = LocalExecutor::new();
    let ta = ex.spawn(caught("a", a(&log)));
    let tb = ex.spawn(caught("b", b(&log)));
    future::block_on(ex.run(future::zip(ta, tb)));
    say!("the log: {:?}", log.borrow());
}
