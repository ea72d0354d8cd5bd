//! Every check of the workbook, in one test binary, so that `cargo test` takes about as long as
//! its slowest check: the examples, the Python counterparts and the exercises' keys are all
//! verified in one concurrent pass (`shared`), which the tests of each module read.
//!
//! - `examples`: every example of the book, one test each (`examples::python::NAME` for a
//!   Python counterpart);
//! - `exercises`: every exercise's handout fails its check, and its solution passes it;
//! - `book`: the pages against the files they show; `citations`: the citations of sources;
//!   `quiz`: the quizzes' answer keys against the expected output, and the notes' words;
//! - `hand_made_runtime`: the wake-up chapter's timer, `block_on` and event loop, property by
//!   property;
//! - `harness_catches` and `bounded`: every kind of check of the harness fails when it should,
//!   and every run ends, whatever the program does.
//!
//! Tests that need `python3` have `python` in their path: `cargo test -- --skip python` leaves
//! them out on a machine without it.

mod book;
mod bounded;
mod citations;
mod command_line;
mod examples;
mod exercises;
mod hand_made_runtime;
mod harness_catches;
mod quiz;
mod shared;
mod snapshot;
