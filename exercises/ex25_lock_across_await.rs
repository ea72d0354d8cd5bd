//! ex25_lock_across_await: say in one line what the reader is to write.
//!
//! Then what the program must print, and how to check it:
//! `cargo xtask check ex25_lock_across_await`.

use workbook::say;

fn main() {
    todo!("write the exercise");
}
