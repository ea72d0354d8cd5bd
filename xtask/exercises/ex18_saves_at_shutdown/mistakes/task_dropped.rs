//! Mistake: drops each save's `Task` at once, which cancels the save before it has even started.
//! feedback: drops the `Task` that `spawn` returns

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
    #[allow(unused_must_use)] // the mistake itself: the `Task` is not used
    fn start(&self, order: &'static str, time: Duration) {
        // Spawned as `asyncio.create_task(save(...))` would be, and the handle not kept.
        self.ex.spawn(save(order, time));
        self.tasks.borrow_mut().retain(|task| !task.is_finished());
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
