//! Solution: `Saves` keeps each save's `Task` (dropping one would cancel it) and awaits them all.
//!
//! `handle` answers a request at once and leaves its save running in the background (`save` takes
//! as long as the request says), as an asyncio server would with `create_task`. `Saves` keeps
//! track of the saves, as an asyncio program keeps its background tasks in a set: `running()`
//! counts those not finished yet, and `wait_all()` waits until every one has finished, cancelling
//! none. `main` has two clients send three orders, then shuts down at 0.30 s, with orders 1 and 3
//! still being saved: their saves must end, at 0.50 s and 0.70 s, before `all saved`.
//!
//! Run it: `cargo exercise ex18_saves_at_shutdown`
//! Check it: `cargo xtask check ex18_saves_at_shutdown`

use std::cell::RefCell;
use std::time::Duration;

use smol::{LocalExecutor, Task, Timer, future};
use workbook::say;

/// Writes `order` to disk: takes `time`.
async fn save(order: &'static str, time: Duration) {
    Timer::after(time).await;
    say!("{order}: saved");
}

/// The saves started, like the set an asyncio server keeps its background tasks in.
struct Saves<'a> {
    ex: &'a LocalExecutor<'static>,
    /// The saves' handles. A dropped `Task` cancels its save, and a detached one is cancelled
    /// when the executor is dropped, at the end of `main`: so keep them, and await them. A
    /// `RefCell`, since both clients start saves through a shared `&Saves`.
    tasks: RefCell<Vec<Task<()>>>,
}

impl<'a> Saves<'a> {
    fn new(ex: &'a LocalExecutor<'static>) -> Saves<'a> {
        Saves {
            ex,
            tasks: RefCell::new(Vec::new()),
        }
    }

    /// Starts `save(order, time)` in the background, and returns at once.
    fn start(&self, order: &'static str, time: Duration) {
        let task = self.ex.spawn(save(order, time));
        let mut tasks = self.tasks.borrow_mut();
        // Forget the saves that have ended, as `task.add_done_callback(tasks.discard)` does in
        // Python: dropping the handle of a finished task cancels nothing.
        tasks.retain(|task| !task.is_finished());
        tasks.push(task);
    }

    /// How many of the saves started have not finished yet.
    fn running(&self) -> usize {
        let tasks = self.tasks.borrow();
        tasks.iter().filter(|task| !task.is_finished()).count()
    }

    /// Waits until every save started has finished, cancelling none of them.
    async fn wait_all(&self) {
        // Take the handles out of the cell first: no `RefCell` borrow may be held across an
        // `.await`, where another task could try to borrow it too.
        let tasks = self.tasks.take();
        // `await asyncio.gather(*tasks)`: in order, but the saves all run meanwhile.
        for task in tasks {
            task.await;
        }
    }
}

/// Answers `order` at once; its save (`time`) goes on in the background.
async fn handle(saves: &Saves<'_>, order: &'static str, time: Duration) {
    say!("{order}: answered");
    saves.start(order, time);
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        let saves = Saves::new(&ex);
        // Two clients, side by side, each sending its orders in turn.
        let first = async {
            handle(&saves, "order 1", Duration::from_millis(500)).await;
            Timer::after(Duration::from_millis(300)).await;
            handle(&saves, "order 3", Duration::from_millis(400)).await;
        };
        let second = async {
            Timer::after(Duration::from_millis(100)).await;
            handle(&saves, "order 2", Duration::from_millis(100)).await;
        };
        future::zip(first, second).await;

        // Shutdown: no more orders; the saves under way must still end.
        say!("shutting down: {} saves still running", saves.running());
        saves.wait_all().await;
        say!("all saved");
    }));
}
