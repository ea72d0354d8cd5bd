//! ex10_block_on_timeout: say in one line what the reader is to write.
//!
//! Then what the program must print, and how to check it:
//! `cargo xtask check ex10_block_on_timeout`.

use workbook::say;

fn main() {
    todo!("write the exercise");
}
