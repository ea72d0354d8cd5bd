//! Solution: spawn the three lookups first, then await them in order.

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
        let a = ex.spawn(lookup("alpha", 1));
        let b = ex.spawn(lookup("beta", 2));
        let c = ex.spawn(lookup("gamma", 3));
        let (a, b, c) = (a.await, b.await, c.await);
        say!("results: {:?}", [a, b, c]);
    }));
}
