//! The same rally on Tokio's `current_thread` runtime: one queue, first in, first out, no slot.
//!
//! The program of `beyond_lifo_ping_pong`, with `Builder::new_current_thread()` in place of a
//! multi-threaded runtime of one worker: its tasks, spawned or woken, go to the back of one
//! queue, as on smol. Run it with `cargo run --example beyond_lifo_current_thread`.

use tokio::runtime::Builder;
use workbook::say;

// ANCHOR: runtime
fn main() {
    let runtime = Builder::new_current_thread().build().unwrap();
    // ANCHOR_END: runtime
    runtime.block_on(async {
        let (to_pong, from_ping) = async_channel::bounded::<u32>(1);
        let (to_ping, from_pong) = async_channel::bounded::<u32>(1);
        // A task that `block_on` spawns spawns the players, as before; here `block_on`'s thread
        // is the one that runs every task.
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
