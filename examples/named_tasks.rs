//! No current_task or all_tasks in smol: give each task its name, keep the handles.
//!
//! A smol task has no name and no registry of all tasks. Pass a task what it needs to know about
//! itself, and keep the handles of the tasks you want to inspect: `is_finished()` says which are
//! still running. Run it with `cargo run --example named_tasks`.

use std::time::Duration;

use smol::{LocalExecutor, Task, Timer};
use workbook::say;

// ANCHOR: named
// asyncio.current_task().get_name(): the task is told its name.
async fn worker(name: String, ms: u64) {
    say!("{name}: working");
    Timer::after(Duration::from_millis(ms)).await;
    say!("{name}: done");
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        say!("main: starting two workers");
        // asyncio.all_tasks(): the registry is a list this program keeps.
        let tasks: Vec<(String, Task<()>)> = [100, 300]
            .into_iter()
            .enumerate()
            .map(|(i, ms)| {
                let name = format!("worker-{}", i + 1);
                (name.clone(), ex.spawn(worker(name, ms)))
            })
            .collect();
        Timer::after(Duration::from_millis(200)).await;
        let running: Vec<&str> = tasks
            .iter()
            .filter(|(_, task)| !task.is_finished())
            .map(|(name, _)| name.as_str())
            .collect();
        say!("still running: {}", running.join(", "));
        for (_, task) in tasks {
            task.await;
        }
    }));
}
// ANCHOR_END: named
