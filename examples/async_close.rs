//! `Drop` cannot `.await`: async clean-up goes in an `async fn close(self)`, `Drop` catches misses.
//!
//! The owner awaits `close`; `Drop` only reports the cases where it was forgotten. Python's
//! `__aexit__` may await; Rust has no async `Drop` (it is an unstable experiment).
//! Run it with `cargo run --example async_close`.

use std::time::Duration;

use smol::Timer;
use workbook::say;

// ANCHOR: close
struct Connection {
    name: &'static str,
    closed: bool,
}

impl Connection {
    fn open(name: &'static str) -> Connection {
        say!("{name}: open");
        Connection {
            name,
            closed: false,
        }
    }

    /// The asynchronous clean-up: say goodbye to the server, which takes time.
    /// It takes `self` by value, so the connection cannot be used after it.
    async fn close(mut self) {
        Timer::after(Duration::from_millis(100)).await; // sending "goodbye"...
        self.closed = true;
        say!("{}: said goodbye and closed", self.name);
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        if !self.closed {
            // No `.await` possible here: all Drop can do is clean up what needs no waiting,
            // and report the mistake.
            say!("{}: dropped without close(); no goodbye sent", self.name);
        }
    }
}
// ANCHOR_END: close

fn main() {
    smol::block_on(async {
        // ANCHOR: uses
        let polite = Connection::open("polite");
        polite.close().await;

        let _forgetful = Connection::open("forgetful");
        Timer::after(Duration::from_millis(100)).await;
        // ...and the block ends without `close().await`.
        // ANCHOR_END: uses
    });
}
