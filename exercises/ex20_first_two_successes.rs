//! ex20_first_two_successes: say in one line what the reader is to write.
//!
//! Then what the program must print, and how to check it:
//! `cargo xtask check ex20_first_two_successes`.

use workbook::say;

fn main() {
    todo!("write the exercise");
}
