//! Tasks on a `LocalExecutor<'a>` may borrow local variables that outlive the executor.
//!
//! `LocalExecutor::spawn` takes any future that lives at least as long as the executor's `'a`,
//! so two tasks can share a plain local `RefCell` by reference: no `Rc`, no `'static`. Compare
//! `executor_static_rejects_borrow`, which asks for `LocalExecutor<'static>`. Run it with
//! `cargo run --example executor_borrows_locals`.

use std::cell::RefCell;
use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;

// ANCHOR: write
/// A task's work: it borrows the log, which belongs to `main`.
async fn write(log: &RefCell<Vec<&'static str>>, name: &'static str, after: Duration) {
    Timer::after(after).await;
    log.borrow_mut().push(name);
    say!("{name}: wrote to the log");
}
// ANCHOR_END: write

// ANCHOR: main
fn main() {
    // Made before the executor, so it is dropped after it: the tasks cannot outlive it.
    let log = RefCell::new(Vec::new());
    // `LocalExecutor<'_>`: the compiler picks `'a`, here as long as the borrows of `log`.
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        let a = ex.spawn(write(&log, "a", Duration::from_millis(100)));
        let b = ex.spawn(write(&log, "b", Duration::from_millis(200)));
        a.await;
        b.await;
    }));
    say!("the log, back in main: {:?}", log.borrow());
}
// ANCHOR_END: main
