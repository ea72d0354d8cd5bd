//! A record of two lines, read under one time-out: the dropped future takes its first line along.
//!
//! Each step, `lines.next()`, is cancel-safe; the future that awaits two of them is not, since it
//! holds the first line across its second `.await`. Run it with
//! `cargo run --example beyond_cancel_record`.

use std::io;
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use smol::future::{self, FutureExt};
use smol::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, Lines};
use smol::stream::StreamExt;
use smol::{Async, Timer};
use workbook::say;

/// The other side: records of two lines, a name and a count; the second record's count is late.
async fn peer(mut out: Async<TcpStream>) -> io::Result<()> {
    out.write_all(b"apples\n3\n").await?;
    say!("peer: sent \"apples\\n3\\n\"");
    Timer::after(Duration::from_millis(100)).await;
    out.write_all(b"pears\n").await?;
    say!("peer: sent \"pears\\n\"");
    Timer::after(Duration::from_millis(300)).await;
    out.write_all(b"5\n").await?;
    say!("peer: sent \"5\\n\"");
    Timer::after(Duration::from_millis(100)).await;
    out.write_all(b"plums\n7\n").await?;
    say!("peer: sent \"plums\\n7\\n\", and closes");
    Ok(())
}

// ANCHOR: record
type Input = Lines<BufReader<Async<TcpStream>>>;

/// Two lines make a record. The name is a local of this future until the count comes.
async fn read_record(lines: &mut Input) -> io::Result<Option<(String, String)>> {
    let Some(name) = lines.next().await.transpose()? else {
        return Ok(None);
    };
    let count = lines.next().await.transpose()?.unwrap_or_default();
    Ok(Some((name, count)))
}

async fn reader(input: Async<TcpStream>) -> io::Result<()> {
    let mut lines = BufReader::new(input).lines();
    loop {
        let give_up = async {
            Timer::after(Duration::from_millis(300)).await;
            Err(io::ErrorKind::TimedOut.into())
        };
        match read_record(&mut lines).or(give_up).await {
            Ok(None) => break,
            Ok(Some((name, count))) => say!("record: {name} = {count:?}"),
            Err(e) if e.kind() == io::ErrorKind::TimedOut => say!("no whole record in 0.3 s"),
            Err(e) => return Err(e),
        }
    }
    say!("end of the stream");
    Ok(())
}
// ANCHOR_END: record

fn main() -> io::Result<()> {
    smol::block_on(async {
        let listener = Async::<TcpListener>::bind(([127, 0, 0, 1], 0))?;
        let ours = Async::<TcpStream>::connect(listener.get_ref().local_addr()?).await?;
        let (theirs, _) = listener.accept().await?;
        let (sent, read) = future::zip(peer(theirs), reader(ours)).await;
        sent.and(read)
    })
}
