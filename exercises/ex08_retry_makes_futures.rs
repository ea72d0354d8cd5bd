//! ex08_retry_makes_futures: say in one line what the reader is to write.
//!
//! Then what the program must print, and how to check it:
//! `cargo xtask check ex08_retry_makes_futures`.

use workbook::say;

fn main() {
    todo!("write the exercise");
}
