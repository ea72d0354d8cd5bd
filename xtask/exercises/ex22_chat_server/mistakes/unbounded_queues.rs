//! Mistake: an unbounded queue per client: nobody waits, and nothing is ever dropped.
//!
//! `slow` never misses a line: the server keeps every line for it, and would keep more for as long
//! as it stays, and `slow` gets all the photos and pings, not the newest 8 after a gap.
//!
//! The photos fill what the system buffers for `slow` (megabytes), so the check allows more CPU:
//! verify-cpu: 0.5

use std::cell::RefCell;
use std::collections::HashMap;
use std::io;
use std::net::SocketAddr;
use std::rc::Rc;

use async_channel::{Receiver, Sender};
use async_signal::{Signal, Signals};
use smol::LocalExecutor;
use smol::future::{self, FutureExt};
use smol::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use smol::net::{TcpListener, TcpStream};
use smol::stream::StreamExt;
use workbook::chat_clients::Script;
use workbook::say;

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
type Line = Rc<str>;

/// The queues of the clients connected now, by a number the server gives each connection.
type Peers = Rc<RefCell<HashMap<u64, Sender<Line>>>>;

/// Serves the chat on 127.0.0.1, on any free port, until Ctrl-C (SIGINT). Calls `ready` with its
/// address once it listens and handles Ctrl-C. At Ctrl-C: stops accepting and reading, writes
/// out every line still queued, closes every connection, and returns once every task it spawned
/// on `ex` has ended.
async fn serve(ex: &LocalExecutor<'static>, ready: impl FnOnce(SocketAddr)) -> io::Result<()> {
    // From here on, SIGINT is a message on this stream instead of the end of the process.
    let mut ctrl_c = Signals::new([Signal::Int])?;
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    ready(listener.local_addr()?);

    let peers = Peers::default();
    let (mut readers, mut writers) = (Vec::new(), Vec::new());
    for id in 0.. {
        // The next connection, unless Ctrl-C comes first.
        let accepted = async { Some(listener.accept().await) }
            .or(async {
                ctrl_c.next().await;
                None
            })
            .await;
        let stream = match accepted {
            Some(Ok((stream, _))) => stream,
            Some(Err(e)) => {
                say!("server: cannot accept a connection: {e}");
                continue;
            }
            None => break,
        };
        let (queue, lines) = async_channel::unbounded();
        writers.push(ex.spawn(write_lines(stream.clone(), lines)));
        readers.push(ex.spawn(read_lines(id, stream, queue, peers.clone())));
    }

    drop(listener); // no new clients from here on
    say!("server: shutting down, {} clients", peers.borrow().len());
    // Stop reading: a line not acknowledged yet is owed to nobody. `cancel().await` returns
    // once the task's future is dropped, and its stream with it.
    for reader in readers {
        reader.cancel().await;
    }
    // Every line acknowledged is in a queue. Closed, a queue still gives what it holds: each
    // writer writes it out, then closes its connection and ends.
    for queue in peers.borrow().values() {
        queue.close();
    }
    for writer in writers {
        writer.await;
    }
    say!("server: done");
    Ok(())
}

/// One client's reading half: its name, then its messages, until it leaves.
async fn read_lines(id: u64, stream: TcpStream, queue: Sender<Line>, peers: Peers) {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    match reader.read_line(&mut line).await {
        Ok(_) if line.ends_with('\n') => {}
        _ => return, // gone before it gave its name: dropping `queue` ends its writer
    }
    let name = line.trim_end().to_string();
    peers.borrow_mut().insert(id, queue.clone());

    let how = loop {
        line.clear();
        match reader.read_line(&mut line).await {
            Ok(0) | Err(_) => break "left",
            // A line without its `\n` is the last bytes before the end: half a message.
            Ok(_) if !line.ends_with('\n') => break "left mid-message",
            Ok(_) => {}
        }
        let message: Line = format!("{name}: {}", line.trim_end()).into();
        for (other, their_queue) in peers.borrow().iter() {
            if *other != id {
                push(their_queue, message.clone());
            }
        }
        push(&queue, "OK".into()); // it is in every other queue: acknowledged
        // With more lines already read, `read_line` is ready at once and this loop would never
        // give the writers a turn: their queues would overflow though their clients read.
        future::yield_now().await;
    };
    // Out of the list, and its queue closed: its writer writes what is left, then ends.
    peers.borrow_mut().remove(&id);
    queue.close();
    say!("server: {name} {how}");
}

/// Puts `line` in a client's queue without waiting: if the queue is full, its oldest line makes
/// room. A slow client misses lines; nobody waits for it.
fn push(queue: &Sender<Line>, line: Line) {
    // An error means that the queue is closed: its client is leaving, and needs nothing more.
    queue.force_send(line).ok();
}

/// One client's writing half: writes its queue's lines until the queue is closed and empty, then
/// closes its side of the connection, so that the client reads to the end and sees it closed.
async fn write_lines(mut stream: TcpStream, lines: Receiver<Line>) {
    while let Ok(line) = lines.recv().await {
        let bytes = [line.as_bytes(), b"\n"].concat();
        if stream.write_all(&bytes).await.is_err() {
            return; // the client is gone; its reader sees that too, and takes it off the list
        }
    }
    stream.close().await.ok();
}

fn main() {
    // The scripted clients: they start once `serve` calls `ready` with its address.
    let script = Script::new();
    let ex = LocalExecutor::new();
    let served = smol::block_on(ex.run(serve(&ex, |addr| script.start(addr))));
    // The server has returned: no task of its may be left, and the clients say what they got.
    script.report(served, ex.is_empty());
}
