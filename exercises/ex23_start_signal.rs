//! ex23_start_signal: say in one line what the reader is to write.
//!
//! Then what the program must print, and how to check it:
//! `cargo xtask check ex23_start_signal`.

use workbook::say;

fn main() {
    todo!("write the exercise");
}
