//! Solution: the three counts in a zip inside a zip.

use std::time::Duration;

use smol::Timer;
use smol::future;
use workbook::say;

async fn count() {
    say!("One");
    Timer::after(Duration::from_secs(1)).await;
    say!("Two");
}

fn main() {
    smol::block_on(async {
        future::zip(count(), future::zip(count(), count())).await;
    });
}
