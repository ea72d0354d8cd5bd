//! The same rally on smol's executor: a woken task goes to the back of the queue, behind `other`.
//!
//! The program of `beyond_lifo_ping_pong` on a smol `LocalExecutor`: `ping` and `pong` pass a
//! ball back and forth through two channels, and `pong` spawns `other` when the first ball
//! comes. smol's queue is first in, first out, for spawned and woken tasks alike. Run it with
//! `cargo run --example beyond_lifo_smol`.

use std::rc::Rc;

use smol::LocalExecutor;
use workbook::say;

// ANCHOR: rally
fn main() {
    let ex = Rc::new(LocalExecutor::new());
    smol::block_on(ex.run(async {
        let (to_pong, from_ping) = async_channel::bounded::<u32>(1);
        let (to_ping, from_pong) = async_channel::bounded::<u32>(1);
        let spawner = Rc::clone(&ex); // pong spawns too
        let pong = ex.spawn(async move {
            while let Ok(n) = from_ping.recv().await {
                say!("pong {n}");
                if n == 1 {
                    spawner.spawn(async { say!("other: runs") }).detach(); // ready to run from now on
                }
                to_ping.send(n).await.unwrap();
            }
        });
        let ping = ex.spawn(async move {
            for n in 1..=5 {
                say!("ping {n}");
                to_pong.send(n).await.unwrap();
                from_pong.recv().await.unwrap();
            }
        }); // at its end, ping drops `to_pong`, which ends pong's loop
        ping.await;
        pong.await;
    }));
}
// ANCHOR_END: rally
