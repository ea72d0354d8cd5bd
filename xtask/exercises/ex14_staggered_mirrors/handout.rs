//! ex14_staggered_mirrors: say in one line what the reader is to write.
//!
//! Then what the program must print, and how to check it:
//! `cargo xtask check ex14_staggered_mirrors`.

use workbook::say;

fn main() {
    todo!("write the exercise");
}
