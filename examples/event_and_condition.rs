//! asyncio.Event and Condition in smol: a one-shot `OnceCell<()>`, and a channel.
//!
//! A `OnceCell<()>` is a one-shot event, and a channel closed on each change is a condition.
//!
//! smol's `lock` module has no `Event` and no `Condition`. A one-shot event is an
//! `OnceCell<()>`: `try_set(())` wakes every `wait()`. For a condition, `Changed` below hands out
//! tickets, receivers of a channel that `notify_all` closes; a waiter takes a ticket, checks its
//! predicate, and awaits the ticket only if it must wait. Run it with
//! `cargo run --example event_and_condition`.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use async_channel::{Receiver, Sender};
use smol::lock::OnceCell;
use smol::{LocalExecutor, Timer};
use workbook::say;

// ANCHOR: changed
/// What `asyncio.Condition` gives: `notify_all` wakes everyone waiting for a change.
struct Changed {
    round: RefCell<(Sender<()>, Receiver<()>)>,
}

impl Changed {
    fn new() -> Changed {
        Changed {
            round: RefCell::new(async_channel::bounded(1)),
        }
    }

    /// A ticket for the next `notify_all`. Take it *before* checking the state: a change made
    /// after the check then still wakes you.
    fn ticket(&self) -> Receiver<()> {
        self.round.borrow().1.clone()
    }

    /// Wakes every ticket handed out so far, and starts a new round.
    fn notify_all(&self) {
        let (sender, _) = self.round.replace(async_channel::bounded(1));
        sender.close(); // every `recv()` on this round's tickets now returns
    }

    /// `await condition.wait_for(predicate)`
    async fn wait_for(&self, predicate: impl Fn() -> bool) {
        loop {
            let ticket = self.ticket();
            if predicate() {
                return;
            }
            let _ = ticket.recv().await; // ends when the round is closed
        }
    }
}
// ANCHOR_END: changed

fn main() {
    // ANCHOR: main
    // asyncio.Event(), a count, and asyncio.Condition(): made before the executor, so that the
    // tasks can borrow them.
    let (event, count, changed) = (OnceCell::new(), Cell::new(0), Changed::new());
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // Event: two waiters, one set().
        say!("event: set in 100 ms");
        let event = &event; // each waiter gets a copy of the reference
        let waiters: Vec<_> = ["w1", "w2"]
            .map(|name| {
                ex.spawn(async move {
                    say!("{name}: waits for the event");
                    event.wait().await;
                    say!("{name}: event set")
                })
            })
            .into();
        Timer::after(Duration::from_millis(100)).await;
        event.try_set(()).ok(); // event.set(); a second set would change nothing
        for waiter in waiters {
            waiter.await;
        }

        // Condition: wait until count >= 3, while another task counts.
        say!("condition: wait until count >= 3");
        let waiter = ex.spawn(async {
            changed.wait_for(|| count.get() >= 3).await;
            say!("waiter: count reached {}", count.get());
        });
        for _ in 0..3 {
            Timer::after(Duration::from_millis(100)).await;
            count.set(count.get() + 1);
            say!("counter: count is {}", count.get());
            changed.notify_all();
        }
        waiter.await;
    }));
    // ANCHOR_END: main
}
