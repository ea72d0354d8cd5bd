//! When do spawned tasks start? Make `launch` print the expected order, with no duration changed.
//!
//! `launch` starts five services, each a task: `start` spawns one and prints `main: spawned ...`,
//! and the service prints `... started` when it first runs, then `... done` when its work is
//! over. Make `launch` print exactly the expected lines (the exercises page shows them; so does
//! `cargo xtask check`, and the file `xtask/exercises/ex03_when_tasks_start/expected.stdout`),
//! by choosing only the order of its spawns and where it gives control: a
//! `future::yield_now().await` (asyncio's `await asyncio.sleep(0)`), or an `.await` on a
//! service's `Task`. Change no duration and add no timer: `main` runs `launch` twice, with other
//! durations the second time, and the same code must print both runs.
//!
//! Run it: `cargo exercise ex03_when_tasks_start`
//! Check it: `cargo xtask check ex03_when_tasks_start`

use std::rc::Rc;
use std::time::Duration;

use smol::{LocalExecutor, Task, Timer};
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
    // TODO: spawn them in the right order, and give control at the right places, so that the
    // lines come out in the expected order in both runs. As handed out, `launch` spawns all five
    // first, so none starts before `main: spawned mail`.
    let services = [
        start(ex, "db", took.db),
        start(ex, "cache", took.cache),
        start(ex, "search", took.search),
        start(ex, "web", took.web),
        start(ex, "mail", took.mail),
    ];
    for service in services {
        service.await;
    }
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
