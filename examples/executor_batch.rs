//! smol's executor polls its own future once every 200 tasks.
//!
//! A task that never returns `Pending` still blocks it.
//!
//! Two tasks that yield at every step, then a task that awaits a channel that is never empty.
//! Run it with `cargo run --example executor_batch`.

use std::cell::Cell;
use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::task::Poll;

use smol::LocalExecutor;
use smol::future;

// ANCHOR: counted
/// Wraps a future so that every poll of it is counted in `polls`.
async fn counted<F: Future>(polls: Rc<Cell<u32>>, future: F) -> F::Output {
    let mut future = pin!(future);
    future::poll_fn(|cx| {
        polls.set(polls.get() + 1);
        future.as_mut().poll(cx)
    })
    .await
}
// ANCHOR_END: counted

// ANCHOR: yielding
/// Two tasks that yield at every step, and a root future that notes how many task polls came
/// between two of its own polls.
fn yielding_tasks() {
    let ex = LocalExecutor::new();
    let (a, b) = (Rc::new(Cell::new(0)), Rc::new(Cell::new(0)));
    for polls in [&a, &b] {
        let busy = async {
            loop {
                future::yield_now().await;
            }
        };
        ex.spawn(counted(polls.clone(), busy)).detach();
    }
    let mut root_polls = 0;
    let root = future::poll_fn(|cx| {
        println!(
            "  root polled; task polls so far: A {}, B {}",
            a.get(),
            b.get()
        );
        root_polls += 1;
        if root_polls == 4 {
            return Poll::Ready(());
        }
        cx.waker().wake_by_ref(); // always ready to go on, like the tasks
        Poll::Pending
    });
    future::block_on(ex.run(root));
}
// ANCHOR_END: yielding

// ANCHOR: never_pending
/// A task that awaits a channel that always has a message: each `.await` is ready at once, so
/// the task's first poll does not end until the channel is empty.
fn never_pending() {
    let (tx, rx) = async_channel::unbounded();
    for i in 0..10_000 {
        tx.try_send(i).unwrap();
    }
    let polls = Rc::new(Cell::new(0));
    let received = Rc::new(Cell::new(0));
    let ex = LocalExecutor::new();
    let consumer = async {
        while rx.recv().await.is_ok() {
            received.set(received.get() + 1);
        }
    };
    ex.spawn(counted(polls.clone(), consumer)).detach();
    let mut root_polls = 0;
    let root = future::poll_fn(|cx| {
        let (polls, received) = (polls.get(), received.get());
        println!("  root polled; consumer polls: {polls}, messages received: {received}");
        root_polls += 1;
        if root_polls == 2 {
            return Poll::Ready(());
        }
        cx.waker().wake_by_ref();
        Poll::Pending
    });
    future::block_on(ex.run(root));
    drop(tx);
}
// ANCHOR_END: never_pending

fn main() {
    println!("two tasks that yield at every step:");
    yielding_tasks();
    println!("a task that receives 10000 ready messages:");
    never_pending();
}
