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

    // Async blocks and async closures are just as lazy.
    let block = async { say!("hello from an async block") };
    let closure = async |name: &str| say!("hello from an async closure, {name}");
    let from_closure = closure("reader");
    say!("made two more futures; polling only the closure's");
    smol::block_on(from_closure);
    drop(block);
    say!("done");
}
// ANCHOR_END: lazy
