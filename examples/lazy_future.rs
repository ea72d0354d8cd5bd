//! Calling an async function runs none of its body: a future that is never polled prints nothing.
//!
//! Python warns "coroutine 'greet' was never awaited" when such a coroutine is garbage-collected;
//! Rust just drops the future, silently. Run it with `cargo run --example lazy_future`.

use workbook::say;

// ANCHOR: lazy
async fn greet(name: &str) {
    say!("hello, {name}");
}

fn main() {
    say!("calling greet(\"never\")");
    let never = greet("never"); // a future: the body has not started
    say!("got a future; dropping it without polling it");
    drop(never); // nothing printed: the body never ran

    let later = greet("later");
    say!("got another future; now polling it");
    smol::block_on(later); // polling runs the body
    say!("done");
}
// ANCHOR_END: lazy
