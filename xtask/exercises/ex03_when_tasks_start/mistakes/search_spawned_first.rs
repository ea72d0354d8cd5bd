//! Mistake: spawns search with db and cache, before the yield, so it starts with them.

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
    let search = start(ex, "search", took.search);
    let db = start(ex, "db", took.db);
    let cache = start(ex, "cache", took.cache);
    // Both are only queued. Yielding puts main at the back of the queue, behind them: each runs
    // up to its timer (`started`), and then main goes on, still at 0 s.
    future::yield_now().await;
    // Awaiting a task that is not done gives control too: search starts now. But main comes
    // back only when db is done.
    db.await;
    let web = start(ex, "web", took.web);
    // Only an `.await` that has to wait gives control. In the first run the cache is still
    // working, so web starts here, and main comes back when the cache is done; in the second,
    // the cache is done already, so main goes straight on, and web has not started yet.
    cache.await;
    let mail = start(ex, "mail", took.mail);
    // Search is done by now in both runs; web is not, so this is where the queue runs (mail
    // starts, and in the second run web too).
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
