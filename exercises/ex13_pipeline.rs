//! Link three stages by channels, and make each stop by itself once its input has run out.
//!
//! A reader sends five records (`name,count`) on a channel, one every 200 ms; two parsers take
//! them from that channel, each needing 300 ms a record, and send the counts on a second channel;
//! a summer adds them up. No stage is told how many items will come: each stops when its input
//! channel is closed and empty, and by stopping closes its output, so the stops run down the
//! pipeline and the program ends by itself, at 1.10 s, each stage saying when it stopped.
//!
//! Run it: `cargo exercise ex13_pipeline`
//! Check it: `cargo xtask check ex13_pipeline`

#![allow(unused_imports, unused_variables, unused_mut, dead_code)] // until your code uses what is given

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
    // TODO: for each record of RECORDS: `say!("reader: {record}")`, send it, then wait EVERY.
    say!("reader: stopped");
}

/// Stage 2, twice: takes records from `records`, parses each, and sends the count on `counts`.
async fn parser(id: u32, records: Receiver<&'static str>, counts: Sender<u32>) {
    // TODO: until `records` is closed and empty, take a record, parse it, send its count on.
    say!("parser {id}: stopped");
}

/// Stage 3: adds up the counts until `counts` is closed and empty.
async fn summer(counts: Receiver<u32>) -> u32 {
    let mut total = 0;
    // TODO: add each count to `total`, and then `say!("summer: +{count} = {total}")`.
    say!("summer: stopped");
    total
}

fn main() {
    let ex = LocalExecutor::new();
    let total: u32 = smol::block_on(ex.run(async {
        // TODO: make the two channels (`async_channel::bounded(1)` will do); run the reader, two
        // parsers (ids 1 and 2) and the summer, each as a task of `ex`; wait for them all, and
        // give back the summer's total.
        todo!()
    }));
    say!("total: {total}");
}
