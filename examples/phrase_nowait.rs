//! put_nowait and get_nowait in smol: try_send on a full channel, try_recv on an empty one.
//!
//! asyncio's `put_nowait` raises `QueueFull` and `get_nowait` raises `QueueEmpty`; async-channel's
//! `try_send` and `try_recv` return them as errors, `TrySendError::Full` (which hands the item
//! back) and `TryRecvError::Empty`. Neither waits, so neither is `async`. Run it with
//! `cargo run --example phrase_nowait`.

use async_channel::{TryRecvError, TrySendError};
use workbook::say;

fn main() {
    // ANCHOR: nowait
    let (queue, items) = async_channel::bounded(2); // asyncio.Queue(maxsize=2)
    for item in [1, 2, 3] {
        match queue.try_send(item) {
            Ok(()) => say!("put_nowait({item}): ok"),
            Err(TrySendError::Full(item)) => say!("put_nowait({item}): QueueFull"),
            Err(TrySendError::Closed(item)) => say!("put_nowait({item}): closed"),
        }
    }
    loop {
        match items.try_recv() {
            Ok(item) => say!("get_nowait(): {item}"),
            Err(TryRecvError::Empty) => {
                say!("get_nowait(): QueueEmpty");
                break;
            }
            Err(TryRecvError::Closed) => {
                say!("get_nowait(): closed");
                break;
            }
        }
    }
    // ANCHOR_END: nowait
}
