//! Mistake: the jobs run at once, but each is said done only when gather awaits it, in list order.
//! feedback: The first run comes out right

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
    let mut handles = Vec::with_capacity(total);
    for job in jobs {
        handles.push(ex.spawn(job));
    }
    // Says a job is done when gather gets to it, in list order, not when it is done.
    let mut results = Vec::with_capacity(total);
    for (i, handle) in handles.into_iter().enumerate() {
        results.push(handle.await);
        say!("job {} of {total} is done", i + 1);
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
