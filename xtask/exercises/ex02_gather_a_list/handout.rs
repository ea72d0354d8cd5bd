//! Gather a list: run every job of a `Vec` at once, and return the results in the list's order.
//!
//! `gather` gets a list of jobs whose length is known only at run time, and does what
//! `asyncio.gather(*jobs)` does: it runs them all at the same time, and returns their results in
//! the order of the list, whatever order they finish in. It also says when each job is done, as
//! soon as it is done: `job 2 of 4 is done` is the second job of the list (counted from 1), out
//! of four. `main` uses it twice, with other photos the second time. As handed out, `gather`
//! waits for each job before it starts the next: 0.60 s for the first list, not 0.30.
//!
//! Run it: `cargo exercise ex02_gather_a_list`
//! Check it: `cargo xtask check ex02_gather_a_list`

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
    let mut results = Vec::new();
    for (i, job) in jobs.into_iter().enumerate() {
        // TODO: start every job before waiting for any, and say that a job is done when it is
        // done, not when `gather` gets round to it. Here each task is awaited as soon as it is
        // spawned, so the next one is not even queued until this one is over.
        let result = ex.spawn(job).await;
        say!("job {} of {total} is done", i + 1);
        results.push(result);
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
