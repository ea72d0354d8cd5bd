//! Tokio's LIFO slot: a woken task runs next, but three times in a row at most, then the queue.
//!
//! On Tokio's multi-threaded runtime, with one worker thread, `ping` and `pong` pass a ball back
//! and forth through two channels, and `pong` spawns `other` when the first ball comes. Each
//! wake-up on the worker puts the woken task in the worker's LIFO slot, ahead of the queue where
//! `other` waits; Tokio uses the slot at most three times in a row, then gives the queue a turn.
//! Run it with `cargo run --example beyond_lifo_ping_pong`.

use tokio::runtime::Builder;
use workbook::say;

// ANCHOR: rally
fn main() {
    let runtime = Builder::new_multi_thread()
        .worker_threads(1)
        .build()
        .unwrap();
    runtime.block_on(async {
        let (to_pong, from_ping) = async_channel::bounded::<u32>(1);
        let (to_ping, from_pong) = async_channel::bounded::<u32>(1);
        // A task that `block_on` spawns spawns the players: from then on, every spawn and every
        // wake-up happens on the runtime's one worker thread.
        let players = tokio::spawn(async move {
            let pong = tokio::spawn(async move {
                while let Ok(n) = from_ping.recv().await {
                    say!("pong {n}");
                    if n == 1 {
                        tokio::spawn(async { say!("other: runs") }); // ready to run from now on
                    }
                    to_ping.send(n).await.unwrap();
                }
            });
            let ping = tokio::spawn(async move {
                for n in 1..=5 {
                    say!("ping {n}");
                    to_pong.send(n).await.unwrap();
                    from_pong.recv().await.unwrap();
                }
            }); // at its end, ping drops `to_pong`, which ends pong's loop
            ping.await.unwrap();
            pong.await.unwrap();
        });
        players.await.unwrap();
    });
}
// ANCHOR_END: rally
