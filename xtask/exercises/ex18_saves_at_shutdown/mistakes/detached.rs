//! Mistake: detaches each save, so nothing can wait for it, and it is cancelled when `main` ends.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use smol::{LocalExecutor, Timer, future};
use workbook::say;

/// Writes `order` to disk: takes `time`.
async fn save(order: &'static str, time: Duration) {
    Timer::after(time).await;
    say!("{order}: saved");
}

/// The saves started, like the set an asyncio server keeps its background tasks in.
struct Saves<'a> {
    ex: &'a LocalExecutor<'static>,
    /// How many saves are running: each save counts itself out when it ends.
    running: Rc<Cell<usize>>,
}

impl<'a> Saves<'a> {
    fn new(ex: &'a LocalExecutor<'static>) -> Saves<'a> {
        Saves {
            ex,
            running: Rc::new(Cell::new(0)),
        }
    }

    /// Starts `save(order, time)` in the background, and returns at once.
    fn start(&self, order: &'static str, time: Duration) {
        let running = Rc::clone(&self.running);
        running.set(running.get() + 1);
        // Detached, it runs on by itself, like an asyncio task nobody keeps.
        self.ex
            .spawn(async move {
                save(order, time).await;
                running.set(running.get() - 1);
            })
            .detach();
    }

    /// How many of the saves started have not finished yet.
    fn running(&self) -> usize {
        self.running.get()
    }

    /// Waits until every save started has finished, cancelling none of them.
    async fn wait_all(&self) {
        // The saves are detached: they run on by themselves, so there is nothing to await.
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
