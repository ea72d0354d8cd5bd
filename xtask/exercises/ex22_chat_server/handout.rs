//! Write a chat server that waits for no slow client, and loses nothing it acknowledged at Ctrl-C.
//!
//! The scripted clients of `workbook::chat_clients` connect at once: `ann` and `bob` read all
//! along, `slow` reads nothing until 1.10 s, and `hal` sends half a line and leaves at 0.10 s.
//! From 0.20 s `bob` sends 30 big photos, then 20 pings at once: `ann` gets them all, while
//! `slow`'s buffers fill and its queue overflows. At 0.70 s ann's "anyone there?" is acknowledged,
//! and reaches bob, at once: nobody waits for `slow`. Ctrl-C comes at 0.90 s: the server stops,
//! yet writes out every line still queued (`slow`, reading from 1.10 s, gets the newest 8),
//! closes every connection, and ends every task before `serve` returns.
//!
//! Run it: `cargo exercise ex22_chat_server`
//! Check it: `cargo xtask check ex22_chat_server`
//!
//! The photos fill what the system buffers for `slow` (megabytes), so the check allows more CPU:
//! verify-cpu: 0.5

use std::cell::RefCell;
use std::collections::HashMap;
use std::io;
use std::net::SocketAddr;
use std::rc::Rc;

use async_channel::Sender;
use smol::LocalExecutor;
use workbook::chat_clients::Script;

// The protocol, in lines that end with `\n`:
// - A client's first line is its name; every line after it is a message.
// - A message from `ann` goes to every *other* connected client as `ann: MESSAGE`, and `ann` gets
//   `OK` once the message is in all their queues: the server has acknowledged it.
// - A line cut short by a disconnection is no message: nobody gets it.
// - The server prints, with `workbook::say!`: `server: NAME left` when a client closes its
//   connection after a whole line, `server: NAME left mid-message` when it closes it in the middle
//   of one, `server: shutting down, N clients` at Ctrl-C (the clients connected then), and
//   `server: done` once every task has ended, just before `serve` returns.

/// How many lines a client's queue holds. Everything a client receives goes through its queue,
/// `OK`s too, and only the client's own writer task writes to its connection. When a queue is
/// full, its oldest line is dropped to make room: a slow client misses lines, and nobody waits
/// for it. A client that reads all along misses nothing.
#[allow(dead_code)] // until your server uses it
const QUEUE: usize = 8;

/// A line for a client (without its `\n`), shared by every queue it is put in.
#[allow(dead_code)] // until your server uses it
type Line = Rc<str>;

/// The queues of the clients connected now, by a number the server gives each connection.
#[allow(dead_code)] // until your server uses it
type Peers = Rc<RefCell<HashMap<u64, Sender<Line>>>>;

/// Serves the chat on 127.0.0.1, on any free port, until Ctrl-C (SIGINT). Calls `ready` with its
/// address once it listens and handles Ctrl-C. At Ctrl-C: stops accepting and reading, writes
/// out every line still queued, closes every connection, and returns once every task it spawned
/// on `ex` has ended.
#[allow(unused_variables)] // until you write it
async fn serve(ex: &LocalExecutor<'static>, ready: impl FnOnce(SocketAddr)) -> io::Result<()> {
    // TODO: handle Ctrl-C from here on (`async_signal::Signals`: until then, SIGINT ends the
    // process), bind a `smol::net::TcpListener` to 127.0.0.1:0, and only then call `ready`.
    // TODO: accept clients until Ctrl-C. Each gets a bounded queue, a task that reads its lines
    // (its name, then its messages, which go to the others' queues) and a task that writes its
    // queue out to its connection.
    // TODO: at Ctrl-C, shut down as said above, with the two lines the protocol names.
    todo!("serve the chat")
}

fn main() {
    // The scripted clients: they start once `serve` calls `ready` with its address.
    let script = Script::new();
    let ex = LocalExecutor::new();
    let served = smol::block_on(ex.run(serve(&ex, |addr| script.start(addr))));
    // The server has returned: no task of its may be left, and the clients say what they got.
    script.report(served, ex.is_empty());
}
