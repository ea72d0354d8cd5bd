//! The one pass the tests share: every example of the book (Rust and Python) and every
//! exercise's handout and solution, built with one `cargo build` and run side by side, once.

use std::sync::OnceLock;

use xtask::{Example, Options, Report, Workbook, exercise, verify};

pub fn workbook() -> &'static Workbook {
    static WORKBOOK: OnceLock<Workbook> = OnceLock::new();
    WORKBOOK.get_or_init(|| Workbook::locate().unwrap_or_else(|e| panic!("{e}")))
}

/// The exercises' keys: `NAME_handout` and `NAME_solution` for every exercise.
pub fn keys() -> &'static [Example] {
    static KEYS: OnceLock<Vec<Example>> = OnceLock::new();
    KEYS.get_or_init(|| exercise::keys(&workbook().exercises.iter().collect::<Vec<_>>()))
}

/// The result of the pass, which the first test that needs it runs.
pub fn report() -> &'static Report {
    static REPORT: OnceLock<Report> = OnceLock::new();
    REPORT.get_or_init(|| {
        let mut all: Vec<&Example> = workbook().select(&[]).unwrap_or_else(|e| panic!("{e}"));
        all.extend(keys());
        let options = Options {
            features: vec!["exercise-keys"],
            ..Options::default()
        };
        verify::verify(&workbook().root, &all, &options).unwrap_or_else(|e| panic!("{e}"))
    })
}
