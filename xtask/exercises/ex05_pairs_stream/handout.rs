//! ex05_pairs_stream: say in one line what the reader is to write.
//!
//! Then what the program must print, and how to check it:
//! `cargo xtask check ex05_pairs_stream`.

use workbook::say;

fn main() {
    todo!("write the exercise");
}
