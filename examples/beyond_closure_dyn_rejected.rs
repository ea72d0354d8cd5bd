//! Async closures cannot be kept as trait objects: `dyn AsyncFn` is refused, with error E0038.
//!
//! Python keeps coroutine functions of any kind in one dict, by name. Here two async closures,
//! each of a type of its own, go in one `HashMap` as `Box<dyn AsyncFn(String) -> String>`, and
//! the compiler refuses the type: `AsyncFn` is not dyn compatible. See the error with
//! `cargo build --example beyond_closure_dyn_rejected --features compile-fail`.

use std::collections::HashMap;

// ANCHOR: mistake
fn main() {
    let mut by_topic: HashMap<&str, Box<dyn AsyncFn(String) -> String>> = HashMap::new();
    by_topic.insert("echo", Box::new(async |text| text));
    by_topic.insert("upper", Box::new(async |text: String| text.to_uppercase()));
    let answer = smol::block_on(by_topic["upper"]("hello".to_string()));
    println!("{answer}");
}
// ANCHOR_END: mistake
