//! ex22_saves_at_shutdown: say in one line what the reader is to write.
//!
//! Then what the program must print, and how to check it:
//! `cargo xtask check ex22_saves_at_shutdown`.

use workbook::say;

fn main() {
    todo!("write the exercise");
}
