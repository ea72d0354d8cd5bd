//! Mistake: `tally` reads its count before its `.await` and writes it after: two calls count one.

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
        // The future an async closure returns borrows the closure (its captured state), so it
        // cannot outlive it; but an `Answer` is `'static`. So the handler goes in an `Rc`, and
        // each call's future owns a clone of it: the handler lives as long as any of them.
        let handler = Rc::new(handler);
        let stored = move |message| -> Answer {
            let handler = Rc::clone(&handler);
            Box::pin(async move { handler(message).await })
        };
        self.handlers.insert(topic.to_string(), Box::new(stored));
    }

    /// The answer of the handler of `topic` to `message`.
    async fn dispatch(&self, topic: &str, message: String) -> String {
        match self.handlers.get(topic) {
            Some(handler) => handler(message).await,
            None => format!("no handler for {topic}"),
        }
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
    router.register("echo", async |message| message);
    router.register("shout", shout); // an `async fn` is an async function too
    router.register("reverse", async |message: String| {
        Timer::after(Duration::from_millis(200)).await;
        message.chars().rev().collect()
    });
    // The count lives in the closure; calls borrow it through the `Rc` of `register`. It is
    // read and written in one step, before the `.await`, so two calls at once count two.
    let count = Cell::new(0);
    router.register("tally", async move |message| {
        let n = count.get() + 1;
        Timer::after(Duration::from_millis(100)).await;
        count.set(n);
        format!("{message} is message {n}")
    });

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
