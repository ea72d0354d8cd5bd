//! ex19_frames_survive_timeouts: say in one line what the reader is to write.
//!
//! Then what the program must print, and how to check it:
//! `cargo xtask check ex19_frames_survive_timeouts`.

use workbook::say;

fn main() {
    todo!("write the exercise");
}
