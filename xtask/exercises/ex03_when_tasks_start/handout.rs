//! ex03_when_tasks_start: say in one line what the reader is to write.
//!
//! Then what the program must print, and how to check it:
//! `cargo xtask check ex03_when_tasks_start`.

use workbook::say;

fn main() {
    todo!("write the exercise");
}
