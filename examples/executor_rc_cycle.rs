//! A task that spawns should hold a `Weak` of its executor, not an `Rc`, which makes a cycle.
//!
//! The executor owns the task, so a task that owns the executor makes a cycle, and nothing in it
//! is ever dropped.
//!
//! Each program below has one task that waits forever, as an accept loop does, and a main future
//! that ends first. Run it with `cargo run --example executor_rc_cycle`.

use std::cell::Cell;
use std::rc::Rc;

use smol::{LocalExecutor, future};
use workbook::say;

/// Sets its flag when it is dropped: the clean-up of a cancelled task, as in `finally:`.
struct CleanUp(Rc<Cell<bool>>);

impl Drop for CleanUp {
    fn drop(&mut self) {
        self.0.set(true);
    }
}

// ANCHOR: program
/// Runs a program whose one task keeps `handle(&ex)`, a handle on its own executor, and waits
/// forever; then says whether that task was cleaned up once the program was over.
fn program<H: 'static>(name: &str, handle: impl FnOnce(&Rc<LocalExecutor<'static>>) -> H) {
    let cleaned_up = Rc::new(Cell::new(false));
    let ex = Rc::new(LocalExecutor::new());
    let (clean_up, handle) = (CleanUp(cleaned_up.clone()), handle(&ex));
    ex.spawn(async move {
        let _kept = (clean_up, handle);
        future::pending::<()>().await; // never finishes, like an accept loop
    })
    .detach();
    smol::block_on(ex.run(future::yield_now())); // main gives the task a turn, then ends
    drop(ex); // the program's last handle on the executor
    say!(
        "{name}: the waiting task was cleaned up: {}",
        cleaned_up.get()
    );
}

fn main() {
    program("Rc", Rc::clone);
    program("Weak", Rc::downgrade);
}
// ANCHOR_END: program
