//! What the examples share. First of all `say!`, a `println!` that stamps each line with the time
//! since the program started, so that the output shows *when* each step ran; then the wake-up
//! chapter's hand-made runtime (`thread_timer`, `block_on`, `event_loop`) and small helpers.
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

pub mod block_on;
pub mod chat_clients;
pub mod counting_allocator;
pub mod event_loop;
pub mod file_server;
pub mod ledger;
pub mod plot;
pub mod thread_timer;
pub mod wait;

static START: OnceLock<Instant> = OnceLock::new();

/// Time since the program started. The clock starts when the program is loaded, before `main`
/// runs (see [`START_AT_LOAD`]), so that no timer an example creates can be older than the clock:
/// a line can never be stamped earlier than the sleeps before it.
pub fn elapsed() -> Duration {
    // Naming the static keeps it, and the section it lives in, in every program that prints.
    std::hint::black_box(&START_AT_LOAD);
    START.get_or_init(Instant::now).elapsed()
}

/// Starts the clock. The loader calls the functions listed in `.init_array` (on macOS,
/// `__mod_init_func`) before `main`; std reads the program's arguments the same way. On other
/// systems the clock starts at the first [`elapsed`] instead.
#[used]
#[cfg_attr(
    any(target_os = "linux", target_os = "android", target_os = "freebsd"),
    unsafe(link_section = ".init_array")
)]
#[cfg_attr(
    target_vendor = "apple",
    unsafe(link_section = "__DATA,__mod_init_func")
)]
static START_AT_LOAD: extern "C" fn() = start_clock;

extern "C" fn start_clock() {
    START.get_or_init(Instant::now);
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
