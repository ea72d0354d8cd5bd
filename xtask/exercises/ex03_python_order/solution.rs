//! Solution: every coroutine is a task, spawned in the order gather would create it.

use std::rc::Rc;
use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;

async fn count(i: u64) {
    say!("{i}");
    Timer::after(Duration::from_secs(i)).await;
    say!("{i}");
}

async fn main1(ex: Rc<LocalExecutor<'static>>) {
    let tasks = [ex.spawn(count(1)), ex.spawn(count(2)), ex.spawn(count(3))];
    for task in tasks {
        task.await;
    }
}

async fn main2() {
    say!("main2 start");
    Timer::after(Duration::from_secs(2)).await;
    say!("main2 end");
}

fn main() {
    let ex = Rc::new(LocalExecutor::new());
    smol::block_on(ex.run(async {
        let first = ex.spawn(main1(ex.clone()));
        let second = ex.spawn(main2());
        first.await;
        second.await;
    }));
}
