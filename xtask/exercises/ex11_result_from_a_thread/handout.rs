//! ex11_result_from_a_thread: say in one line what the reader is to write.
//!
//! Then what the program must print, and how to check it:
//! `cargo xtask check ex11_result_from_a_thread`.

use workbook::say;

fn main() {
    todo!("write the exercise");
}
