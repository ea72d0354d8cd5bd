//! Solution: a `Drop` implementation for the guard.

use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;

struct Guard {
    name: &'static str,
}

impl Drop for Guard {
    fn drop(&mut self) {
        say!("{}: clean-up", self.name);
    }
}

async fn download(name: &'static str) {
    let _guard = Guard { name };
    say!("{name}: started");
    Timer::after(Duration::from_secs(2)).await;
    say!("{name}: done");
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        let task = ex.spawn(download("download"));
        Timer::after(Duration::from_millis(300)).await;
        task.cancel().await;
        say!("cancelled");
    }));
}
