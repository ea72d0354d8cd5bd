//! ex18_merge_fairly: say in one line what the reader is to write.
//!
//! Then what the program must print, and how to check it:
//! `cargo xtask check ex18_merge_fairly`.

use workbook::say;

fn main() {
    todo!("write the exercise");
}
