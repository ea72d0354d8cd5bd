//! Solution: `stream::unfold`, sleeping before each item.

use std::pin::pin;
use std::time::Duration;

use smol::Timer;
use smol::stream::{self, Stream, StreamExt};
use workbook::say;

fn countdown(n: u32) -> impl Stream<Item = u32> {
    stream::unfold(n, |n| async move {
        if n == 0 {
            return None;
        }
        Timer::after(Duration::from_millis(200)).await;
        Some((n, n - 1))
    })
}

fn main() {
    smol::block_on(async {
        say!("counting down");
        let mut numbers = pin!(countdown(3));
        while let Some(n) = numbers.next().await {
            say!("{n}");
        }
        say!("liftoff");
    });
}
