//! The one helper every example shares: `say!`, a `println!` that stamps each line with the time
//! since the program's clock started, so that the output shows *when* each step ran.
//!
//! ```text
//! [0.00s] One
//! [1.00s] Two
//! ```
//!
//! The harness reads those stamps as timings: `[1.00s]` must come out close to one second (see
//! the appendix "How the book checks itself"). The Python counterparts print the same stamps.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

pub mod ledger;
pub mod plot;
pub mod thread_timer;
pub mod wait;

static START: OnceLock<Instant> = OnceLock::new();

/// Time since the clock started. The clock starts the first time it is read, which in every
/// example is the first line it prints, at the start of `main`'s work.
pub fn elapsed() -> Duration {
    START.get_or_init(Instant::now).elapsed()
}

/// Prints `[t.tts] message`, where `t.tt` is [`elapsed`] in seconds. Takes the same arguments as
/// `println!`.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {{
        // The message first: if it awaits something, the stamp must be taken after that.
        let message = ::std::format!($($arg)*);
        ::std::println!("[{:.2}s] {}", $crate::elapsed().as_secs_f64(), message)
    }};
}

/// The name of the current thread, as the examples print it: `main`, `timer`, `async-io`...
pub fn thread_name() -> String {
    std::thread::current()
        .name()
        .unwrap_or("unnamed")
        .to_string()
}
