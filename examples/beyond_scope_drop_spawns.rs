//! A `Drop` that spawns its async clean-up: it runs if the executor lives on, not if it ends.
//!
//! `drop` cannot `.await`, so a connection's goodbye (0.1 s of I/O) is spawned from it. The first
//! connection is dropped while the executor runs on; the second at the end of the main future,
//! just before the executor is dropped. Run it with `cargo run --example beyond_scope_drop_spawns`.

use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;

// ANCHOR: connection
/// Says so if the goodbye task that owns it is dropped before the goodbye was sent.
struct Unsent(&'static str);

impl Drop for Unsent {
    fn drop(&mut self) {
        say!("{}: goodbye task dropped, nothing sent", self.0);
    }
}

struct Connection<'ex> {
    name: &'static str,
    ex: &'ex LocalExecutor<'static>,
}

impl<'ex> Connection<'ex> {
    fn open(name: &'static str, ex: &'ex LocalExecutor<'static>) -> Self {
        Connection { name, ex }
    }
}

impl Drop for Connection<'_> {
    fn drop(&mut self) {
        // No `.await` here: the goodbye becomes a task, and `drop` returns at once.
        let (name, unsent) = (self.name, Unsent(self.name));
        say!("{name}: dropped; its goodbye goes to a task");
        let goodbye = async move {
            Timer::after(Duration::from_millis(100)).await; // the goodbye's I/O
            say!("{name}: goodbye sent");
            std::mem::forget(unsent); // sent: the guard must not speak
        };
        self.ex.spawn(goodbye).detach();
    }
}
// ANCHOR_END: connection

// ANCHOR: main
fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        let first = Connection::open("first", &ex);
        drop(first);
        Timer::after(Duration::from_millis(300)).await;
        let _second = Connection::open("second", &ex);
        say!("main: the main future ends, with second still open");
    }));
    say!("main: the executor is dropped");
    drop(ex);
    say!("main: done");
}
// ANCHOR_END: main
