//! Write a router that keeps async handlers of any type by topic, and awaits the right one.
//!
//! `register(topic, handler)` takes any async function from a `String` to a `String`: an async
//! closure, or an `async fn`. The router keeps them all in one `HashMap`, as boxed functions that
//! return boxed futures, and `dispatch(topic, message)` awaits the handler of the topic (a topic
//! without one gets `no handler for TOPIC`). `main` registers four handlers, and dispatches seven
//! messages, each in a task of its own, so that handlers run at the same time, even two calls of
//! one handler. The handlers: `echo` answers the message at once; `shout` is the `async fn`
//! below; `reverse` waits 200 ms and answers the message backwards; `tally` counts the messages
//! it has been given, waits 100 ms, and answers `MESSAGE is message N` (`a is message 1`).
//!
//! Run it: `cargo exercise ex26_async_handlers`
//! Check it: `cargo xtask check ex26_async_handlers`

#![allow(unused_imports, unused_variables, unused_mut, dead_code)] // until your code uses what is given

use std::cell::Cell;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;

/// What a stored handler returns: a future of the answer, boxed, so that the futures of every
/// handler have one type.
type Answer = Pin<Box<dyn Future<Output = String>>>;

/// A stored handler: a boxed function, so that handlers of every type fit in one `HashMap`.
type Handler = Box<dyn Fn(String) -> Answer>;

/// Keeps one handler per topic.
#[derive(Default)]
struct Router {
    handlers: HashMap<String, Handler>,
}

impl Router {
    /// Keeps `handler` for `topic`.
    fn register(&mut self, topic: &str, handler: impl AsyncFn(String) -> String + 'static) {
        // TODO: store `handler` as a `Handler`.
        todo!()
    }

    /// The answer of the handler of `topic` to `message`.
    async fn dispatch(&self, topic: &str, message: String) -> String {
        // TODO: await the handler of `topic`, or answer `no handler for TOPIC`.
        todo!()
    }
}

/// The `shout` handler: waits 200 ms, and answers the message in capitals, with a `!`.
async fn shout(message: String) -> String {
    Timer::after(Duration::from_millis(200)).await;
    format!("{}!", message.to_uppercase())
}

/// Dispatches `message` to `topic` `at` ms from now, and says what the answer was.
async fn deliver(router: &Router, at: u64, topic: &str, message: &str) {
    Timer::after(Duration::from_millis(at)).await;
    let answer = router.dispatch(topic, message.to_string()).await;
    say!("{topic} {message:?} -> {answer:?}");
}

fn main() {
    let mut router = Router::default();
    // TODO: register the four handlers: `echo`, `reverse` and `tally` as async closures, and
    // the `async fn` `shout`.

    // When each message is dispatched (in ms from the start), to which topic, and what it says.
    let messages = [
        (0, "tally", "a"),
        (0, "tally", "b"),
        (0, "echo", "hi"),
        (0, "weather", "rain?"),
        (0, "shout", "hello"),
        (100, "reverse", "stressed"),
        (300, "tally", "c"),
    ];
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        let router = &router;
        let tasks: Vec<_> = messages
            .into_iter()
            .map(|(at, topic, message)| ex.spawn(deliver(router, at, topic, message)))
            .collect();
        for task in tasks {
            task.await;
        }
    }));
}
