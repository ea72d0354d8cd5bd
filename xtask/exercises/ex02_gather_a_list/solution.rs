//! Solution: spawn every job first, keep the `Task` handles in a `Vec`, then await them in order.
//!
//! `spawn` queues a task and returns at once, so the loop that spawns starts all the jobs; the
//! loop that awaits the handles then collects the results in the list's order, as
//! `asyncio.gather` does. A job says it is done from inside its own task, so those lines come in
//! the order the jobs finish, while the results keep the order of the list.

use std::future::Future;
use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;

/// Makes the thumbnail of one photo, which takes `took`, and returns its file name.
async fn thumbnail(photo: &str, took: Duration) -> String {
    Timer::after(took).await;
    format!("small-{photo}")
}

/// Like `asyncio.gather(*jobs)`: runs every job at once, as tasks of `ex`, and returns their
/// results in the order of `jobs`. (`'a`: the jobs may borrow what the tasks of `ex` may.)
async fn gather<'a, T: 'a>(
    ex: &LocalExecutor<'a>,
    jobs: Vec<impl Future<Output = T> + 'a>,
) -> Vec<T> {
    let total = jobs.len();
    // First, every job becomes a task: all of them are queued now, in list order, and they run
    // as soon as this task waits. Each says it is done from inside its own task, so the lines
    // come out in the order the jobs finish.
    let mut handles = Vec::with_capacity(total);
    for (i, job) in jobs.into_iter().enumerate() {
        handles.push(ex.spawn(async move {
            let result = job.await;
            say!("job {} of {total} is done", i + 1);
            result
        }));
    }
    // Then the results, in list order: awaiting a handle whose task is already over gives its
    // result at once, so the slowest job alone decides how long this takes.
    let mut results = Vec::with_capacity(total);
    for handle in handles {
        results.push(handle.await);
    }
    results
}

/// Makes the thumbnails of `photos` (each with how long it takes) with `gather`.
async fn make_thumbnails(ex: &LocalExecutor<'_>, photos: &[(&'static str, Duration)]) {
    let jobs = photos
        .iter()
        .map(|&(photo, took)| thumbnail(photo, took))
        .collect();
    let thumbnails = gather(ex, jobs).await;
    say!("in list order: {thumbnails:?}");
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        let photos = [
            ("beach.jpg", Duration::from_millis(100)),
            ("cat.jpg", Duration::from_millis(200)),
            ("dog.jpg", Duration::from_millis(300)),
        ];
        make_thumbnails(&ex, &photos).await;
        say!("-- again, with other photos");
        let photos = [
            ("moon.jpg", Duration::from_millis(300)),
            ("tree.jpg", Duration::from_millis(100)),
            ("fox.jpg", Duration::from_millis(400)),
            ("sunset.jpg", Duration::from_millis(200)),
        ];
        make_thumbnails(&ex, &photos).await;
    }));
}
