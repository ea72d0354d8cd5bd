//! asyncio.wait in smol: take the first task to finish, or race two futures.
//!
//! Waiting leaves the rest running; racing drops the loser.
//!
//! `asyncio.wait(tasks, return_when=FIRST_COMPLETED)` returns the finished tasks and the
//! pending ones, which run on. `first_completed` (in the workbook library) does that with task
//! handles; awaiting the remaining handles is `ALL_COMPLETED`. `future::or` is different: the
//! future that loses the race is dropped, so it is cancelled. Run it with
//! `cargo run --example wait_first_completed`.

use std::time::Duration;

use smol::future::FutureExt;
use smol::{LocalExecutor, Timer};
use workbook::say;
use workbook::wait::first_completed;

struct CancelNotice(&'static str);

impl Drop for CancelNotice {
    fn drop(&mut self) {
        say!("{}: cancelled", self.0);
    }
}

async fn job(name: &'static str, ms: u64) -> &'static str {
    let notice = CancelNotice(name);
    Timer::after(Duration::from_millis(ms)).await;
    std::mem::forget(notice); // finished: no notice (it owns nothing that needs freeing)
    say!("{name}: done");
    name
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // ANCHOR: wait
        say!("three tasks");
        let mut tasks = vec![
            ex.spawn(job("slow", 500)),
            ex.spawn(job("fast", 100)),
            ex.spawn(job("medium", 300)),
        ];
        // return_when=FIRST_COMPLETED: the others stay in `tasks`, running.
        let first = first_completed(&mut tasks).await;
        say!("first completed: {first}; {} still pending", tasks.len());
        // return_when=ALL_COMPLETED: await the rest.
        for task in tasks {
            task.await;
        }
        say!("all completed");

        // A race of two futures: the loser is dropped, mid-await.
        let winner = job("fast2", 100).or(job("slow2", 300)).await;
        say!("or: {winner} won");
        // ANCHOR_END: wait
    }));
}
