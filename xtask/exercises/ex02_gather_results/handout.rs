//! Collect three results concurrently, like `asyncio.gather` returns them: 3 s, not 6 s.
//!
//! Expected: the three lookups start at once, and the results are printed in the order asked.
//! Run it: `cargo exercise ex02_gather_results`
//! Check it: `cargo xtask check ex02_gather_results`
//!
//! Hint: spawn each lookup on the executor (`ex.spawn(...)`), then await the three `Task`s in
//! order.

use std::time::Duration;

use smol::{LocalExecutor, Timer};
use workbook::say;

async fn lookup(name: &'static str, seconds: u64) -> usize {
    say!("looking up {name}");
    Timer::after(Duration::from_secs(seconds)).await;
    name.len()
}

fn main() {
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        // TODO: start all three lookups before waiting for any of them.
        let a = lookup("alpha", 1).await;
        let b = lookup("beta", 2).await;
        let c = lookup("gamma", 3).await;
        say!("results: {:?}", [a, b, c]);
    }));
}
