//! Mistake: `main` keeps its own counts `Sender`, so the counts channel never closes and the
//! summer waits for ever.
//! feedback: is it waiting for something that never happens

use std::time::Duration;

use async_channel::{Receiver, Sender};
use smol::{LocalExecutor, Timer};
use workbook::say;

/// The input: one record a line, `name,count`.
const RECORDS: [&str; 5] = ["apples,3", "pears,5", "plums,2", "figs,4", "limes,6"];

/// How long the reader waits after each record: the pace at which records come in.
const EVERY: Duration = Duration::from_millis(200);

/// Parses a record into its count. It takes 300 ms, longer than the reader waits between two
/// records, so one parser alone would fall behind: two share the work.
async fn parse(record: &str) -> u32 {
    Timer::after(Duration::from_millis(300)).await;
    let (_name, count) = record.split_once(',').expect("a record is name,count");
    count.parse().expect("a count is a number")
}

/// Stage 1: sends the records on `records`, one every `EVERY`.
async fn reader(records: Sender<&'static str>) {
    for record in RECORDS {
        say!("reader: {record}");
        records
            .send(record)
            .await
            .expect("the parsers stopped early");
        Timer::after(EVERY).await;
    }
    say!("reader: stopped");
    // `records` is dropped here: the last `Sender` of the records channel, so it closes.
}

/// Stage 2, twice: takes records from `records`, parses each, and sends the count on `counts`.
async fn parser(id: u32, records: Receiver<&'static str>, counts: Sender<u32>) {
    // `recv` fails once the channel is closed *and* empty: each parser stops only when the
    // reader has stopped and no record is left to take.
    while let Ok(record) = records.recv().await {
        let count = parse(record).await;
        counts.send(count).await.expect("the summer stopped early");
    }
    say!("parser {id}: stopped");
    // This parser's `counts` goes here; the counts channel closes when both parsers' have gone.
}

/// Stage 3: adds up the counts until `counts` is closed and empty.
async fn summer(counts: Receiver<u32>) -> u32 {
    let mut total = 0;
    while let Ok(count) = counts.recv().await {
        total += count;
        say!("summer: +{count} = {total}");
    }
    say!("summer: stopped");
    total
}

fn main() {
    let ex = LocalExecutor::new();
    let total: u32 = smol::block_on(ex.run(async {
        let (record_sender, record_receiver) = async_channel::bounded(1);
        let (count_sender, count_receiver) = async_channel::bounded(1);
        // The reader gets the one records `Sender`: moved, not cloned.
        let reading = ex.spawn(reader(record_sender));
        // Fan-in: both parsers send on the same counts channel, each with a clone of its `Sender`.
        let parsers =
            [1, 2].map(|id| ex.spawn(parser(id, record_receiver.clone(), count_sender.clone())));
        let summing = ex.spawn(summer(count_receiver));

        reading.await;
        for parsing in parsers {
            parsing.await;
        }
        summing.await
    }));
    say!("total: {total}");
}
