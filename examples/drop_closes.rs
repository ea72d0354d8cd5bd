//! `async with` becomes `Drop`: clean-up at the end of a scope, on early return, on cancellation.
//!
//! Run it with `cargo run --example drop_closes`.

use std::time::Duration;

use smol::Timer;
use smol::future::FutureExt;
use workbook::say;

// ANCHOR: guard
/// Like a class with `__aenter__` (here `open`) and `__aexit__` (here `Drop`).
struct Connection {
    name: &'static str,
}

impl Connection {
    fn open(name: &'static str) -> Connection {
        say!("{name}: open");
        Connection { name }
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        say!("{}: closed", self.name);
    }
}
// ANCHOR_END: guard

// ANCHOR: uses
async fn use_connection(name: &'static str, work: Duration) -> Result<(), String> {
    let _conn = Connection::open(name); // `async with Connection() as conn:`
    Timer::after(work).await;
    if name == "failing" {
        return Err(format!("{name}: gave up")); // `_conn` is dropped here too
    }
    say!("{name}: work done");
    Ok(())
} // ...and here, at the end of the scope

fn main() {
    smol::block_on(async {
        let _ = use_connection("normal", Duration::from_millis(100)).await;

        let result = use_connection("failing", Duration::from_millis(100)).await;
        say!("result: {result:?}");

        // Race a slow use against a 200 ms timer. `or` drops the loser, here the slow use, while
        // it waits: dropping a future drops everything it holds, so the connection closes.
        let slow = use_connection("cancelled", Duration::from_secs(5));
        let timeout = async {
            Timer::after(Duration::from_millis(200)).await;
            Err("timed out".to_string())
        };
        let result = slow.or(timeout).await;
        say!("result: {result:?}");
    });
}
// ANCHOR_END: uses
