//! `join_all` by hand: a `Vec` of futures in one task, each unfinished one polled at every wake-up.
//!
//! `future::zip` takes two futures; for a list, box them (so that futures of different types fit
//! in one `Vec`) and poll them all from one `poll_fn`. They all share the one waker of the task
//! that awaits `join_all`, so any wake-up polls every future not yet done. Run it with
//! `cargo run --example beyond_many_join_all`.

use std::future::Future;
use std::pin::Pin;
use std::task::Poll;
use std::time::Duration;

use smol::{Timer, future};
use workbook::say;

// ANCHOR: join_all
/// A future of any type, on the heap.
type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// Runs every future of `futures` in this one task, and returns their outputs in list order,
/// with how many times each one was polled.
async fn join_all<T>(futures: Vec<BoxFuture<'_, T>>) -> (Vec<T>, Vec<u32>) {
    let mut running: Vec<Option<BoxFuture<'_, T>>> = futures.into_iter().map(Some).collect();
    let mut outputs: Vec<Option<T>> = running.iter().map(|_| None).collect();
    let mut polls = vec![0; running.len()];
    future::poll_fn(|cx| {
        for (i, slot) in running.iter_mut().enumerate() {
            if let Some(future) = slot {
                polls[i] += 1;
                if let Poll::Ready(output) = future.as_mut().poll(cx) {
                    outputs[i] = Some(output);
                    *slot = None; // done: drop it, and never poll it again
                }
            }
        }
        if running.iter().all(Option::is_none) {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await;
    (outputs.into_iter().map(Option::unwrap).collect(), polls)
}
// ANCHOR_END: join_all

// ANCHOR: main
async fn fetch(page: &str, ms: u64) -> String {
    Timer::after(Duration::from_millis(ms)).await;
    say!("{page}: fetched");
    page.to_string()
}

fn main() {
    smol::block_on(async {
        let futures: Vec<BoxFuture<'_, String>> = vec![
            Box::pin(fetch("a", 300)),
            Box::pin(fetch("b", 100)),
            Box::pin(async {
                Timer::after(Duration::from_millis(400)).await; // a future of another type
                say!("c: computed");
                "c".to_string()
            }),
            Box::pin(fetch("d", 200)),
        ];
        let (pages, polls) = join_all(futures).await;
        say!("pages: {pages:?}");
        say!("polls of each: {polls:?}");
    });
}
// ANCHOR_END: main
