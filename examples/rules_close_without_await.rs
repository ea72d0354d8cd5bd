//! `close()` without `.await`: the unpolled future takes the connection with it when it is dropped.
//!
//! A variation of `async_close`: `close` takes `self`, so the future it returns owns the
//! connection; dropped unpolled, it sends no goodbye, and the connection's `Drop` runs at once.
//! Run it with `cargo run --example rules_close_without_await`.

use std::time::Duration;

use smol::Timer;
use workbook::say;

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

    async fn close(mut self) {
        Timer::after(Duration::from_millis(100)).await; // sending "goodbye"...
        self.closed = true;
        say!("{}: said goodbye and closed", self.name);
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        if !self.closed {
            say!("{}: dropped without close(); no goodbye sent", self.name);
        }
    }
}

fn main() {
    smol::block_on(async {
        // ANCHOR: uses
        let polite = Connection::open("polite");
        polite.close().await;
        let hasty = Connection::open("hasty");
        #[allow(unused_must_use)] // the mistake on purpose; normally the compiler warns here
        hasty.close(); // forgot `.await`
        say!("hasty: close() called");
        Timer::after(Duration::from_millis(100)).await;
        say!("the block ends");
        // ANCHOR_END: uses
    });
}
