//! ex07_rollback_on_cancel: say in one line what the reader is to write.
//!
//! Then what the program must print, and how to check it:
//! `cargo xtask check ex07_rollback_on_cancel`.

use workbook::say;

fn main() {
    todo!("write the exercise");
}
