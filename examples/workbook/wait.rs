//! `first_completed`: wait for whichever of several tasks finishes first, leaving the others
//! running, as `asyncio.wait(tasks, return_when=FIRST_COMPLETED)` does.
//!
//! smol and futures-lite have no `FuturesUnordered`; this small function is what the phrasebook
//! chapter builds `wait`, `as_completed` and a `TaskGroup`-like group from.

use std::future::Future;
use std::pin::Pin;
use std::task::Poll;

use smol::Task;
use smol::future;

// ANCHOR: first_completed
/// Waits until one of `tasks` has finished, takes it out of the list, and returns its output.
/// The other tasks keep running: their handles stay in `tasks`. If several have finished, the
/// first in the list is taken. As with `.await` on a task, a panic in the task resumes here.
///
/// # Panics
///
/// If `tasks` is empty: there would be nothing to wait for, and the future would never finish.
pub async fn first_completed<T>(tasks: &mut Vec<Task<T>>) -> T {
    assert!(!tasks.is_empty(), "first_completed: no tasks to wait for");
    future::poll_fn(|cx| {
        for i in 0..tasks.len() {
            // Polling a task handle registers this waker with the task: whichever task finishes
            // first wakes us, and the loop finds it.
            if let Poll::Ready(output) = Pin::new(&mut tasks[i]).poll(cx) {
                drop(tasks.remove(i)); // finished: dropping its handle cancels nothing
                return Poll::Ready(output);
            }
        }
        Poll::Pending
    })
    .await
}
// ANCHOR_END: first_completed
