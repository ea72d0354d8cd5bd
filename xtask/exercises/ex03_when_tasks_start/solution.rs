//! Solution: spawn db and cache, yield, spawn search, await db, spawn web, await cache, spawn mail.
//!
//! A spawned task starts only when the task that spawned it gives control: at a `yield_now`, or
//! at an `.await` that has to wait. Then every task queued before it runs, in the order they
//! were queued, up to its first wait, and the spawner comes back after them (after a yield) or
//! when what it awaits is done. An `.await` on a task that is already over does not wait, so it
//! gives no one a turn: that is what makes the two runs differ where web and mail start.

use std::rc::Rc;
use std::time::Duration;

use smol::{LocalExecutor, Task, Timer, future};
use workbook::say;

/// How long each service works, once started.
struct Durations {
    db: Duration,
    cache: Duration,
    search: Duration,
    web: Duration,
    mail: Duration,
}

/// One service: it says when it first runs, and when its work is over.
async fn service(name: &str, took: Duration) {
    say!("{name}: started");
    Timer::after(took).await;
    say!("{name}: done");
}

/// Spawns one service as a task of `ex`, says so, and returns its handle.
fn start(ex: &LocalExecutor<'static>, name: &'static str, took: Duration) -> Task<()> {
    let task = ex.spawn(service(name, took));
    say!("main: spawned {name}");
    task
}

/// Starts the five services, and returns once all of them are done.
async fn launch(ex: &LocalExecutor<'static>, took: &Durations) {
    let db = start(ex, "db", took.db);
    let cache = start(ex, "cache", took.cache);
    // Both are only queued. Yielding puts main at the back of the queue, behind them: each runs
    // up to its timer (`started`), and then main goes on, still at 0 s.
    future::yield_now().await;
    let search = start(ex, "search", took.search);
    // Awaiting a task that is not done gives control too: search starts now. But main comes
    // back only when db is done.
    db.await;
    let web = start(ex, "web", took.web);
    // Only an `.await` that has to wait gives control. In the first run the cache is still
    // working, so web starts here, and main comes back when the cache is done; in the second,
    // the cache is done already, so main goes straight on, and web has not started yet.
    cache.await;
    let mail = start(ex, "mail", took.mail);
    // Search is over by now in both runs, so `search.await` gives no one a turn; web is still
    // working, so `web.await` is where the queue runs: mail starts (and, in the second run, web).
    search.await;
    web.await;
    mail.await;
}

fn main() {
    let ex = Rc::new(LocalExecutor::new());
    // `main` is a task of the executor too, so that it waits in the same queue as the services.
    let main_task = ex.spawn({
        let ex = ex.clone();
        async move {
            let took = Durations {
                db: Duration::from_millis(200),
                cache: Duration::from_millis(400),
                search: Duration::from_millis(100),
                web: Duration::from_millis(300),
                mail: Duration::from_millis(200),
            };
            launch(&ex, &took).await;
            say!("main: all five done");
            say!("-- again, with other durations");
            let took = Durations {
                db: Duration::from_millis(300),
                cache: Duration::from_millis(100),
                search: Duration::from_millis(200),
                web: Duration::from_millis(100),
                mail: Duration::from_millis(200),
            };
            launch(&ex, &took).await;
            say!("main: all five done");
        }
    });
    smol::block_on(ex.run(main_task));
}
