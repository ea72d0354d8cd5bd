//! A `LocalExecutor<'static>` refuses a task that borrows a local: error E0597.
//!
//! `'static` means the tasks may borrow nothing that ends before the program does, and `log`, a
//! local of `main`, ends with `main`. `executor_borrows_locals` is the same program with the
//! lifetime left to the compiler, and it runs. See the error with
//! `cargo build --example executor_static_rejects_borrow --features compile-fail`.

use std::cell::RefCell;
use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;

async fn write(log: &RefCell<Vec<&'static str>>, name: &'static str, after: Duration) {
    Timer::after(after).await;
    log.borrow_mut().push(name);
    say!("{name}: wrote to the log");
}

// ANCHOR: mistake
fn main() {
    let log = RefCell::new(Vec::new());
    let ex: LocalExecutor<'static> = LocalExecutor::new();
    smol::block_on(ex.run(async {
        let a = ex.spawn(write(&log, "a", Duration::from_millis(100)));
        a.await;
    }));
    say!("the log, back in main: {:?}", log.borrow());
}
// ANCHOR_END: mistake
