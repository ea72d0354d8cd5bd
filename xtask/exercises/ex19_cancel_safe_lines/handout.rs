//! ex19_cancel_safe_lines: say in one line what the reader is to write.
//!
//! Then what the program must print, and how to check it:
//! `cargo xtask check ex19_cancel_safe_lines`.

use workbook::say;

fn main() {
    todo!("write the exercise");
}
