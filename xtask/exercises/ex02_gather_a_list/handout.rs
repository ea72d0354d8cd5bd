//! ex02_gather_a_list: say in one line what the reader is to write.
//!
//! Then what the program must print, and how to check it:
//! `cargo xtask check ex02_gather_a_list`.

use workbook::say;

fn main() {
    todo!("write the exercise");
}
