//! `Pin::set`: an idle timer, a pinned future, replaced in place at each message.
//!
//! The loop waits for a message or for 0.25 s of silence. Each message replaces the pinned idle
//! future with a new one, in the same place: the old one is dropped first, as Pin requires.
//! Run it with `cargo run --example beyond_pin_set_idle`.

use std::pin::pin;
use std::thread;
use std::time::Duration;

use smol::Timer;
use smol::future::FutureExt;
use workbook::say;

// ANCHOR: idle
/// Says when it is dropped: finished, or replaced before it could finish.
struct Noisy(u32);

impl Drop for Noisy {
    fn drop(&mut self) {
        say!("  idle timer {} dropped", self.0);
    }
}

/// Ends after `IDLE` of silence. An `async fn`: its future is `!Unpin`, and must be pinned.
async fn idle_timer(number: u32) {
    let _noisy = Noisy(number);
    say!("  idle timer {number} starts");
    Timer::after(IDLE).await;
}

const IDLE: Duration = Duration::from_millis(250);
// ANCHOR_END: idle

// ANCHOR: main
fn main() {
    let (tx, rx) = async_channel::unbounded();
    let sender = tx.clone();
    thread::spawn(move || {
        for message in 1..=3 {
            thread::sleep(Duration::from_millis(100));
            sender.send_blocking(message).unwrap();
        }
    });

    smol::block_on(async {
        let mut number = 1;
        let mut idle = pin!(idle_timer(number));
        loop {
            let message = async { rx.recv().await.ok() };
            let silence = async {
                idle.as_mut().await;
                None
            };
            match message.or(silence).await {
                Some(message) => {
                    say!("message {message}: a new idle timer, in the old one's place");
                    number += 1;
                    idle.set(idle_timer(number)); // drops the old future, then writes the new
                }
                None => break,
            }
        }
        say!("no message for {:.2} s: closing", IDLE.as_secs_f64());
    });
    drop(tx); // `main` kept a sender until now, so the channel never closed early
}
// ANCHOR_END: main
