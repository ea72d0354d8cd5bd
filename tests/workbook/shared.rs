//! The one pass the tests share: every example of the book (Rust and Python), every exercise's
//! handout and solution (built with one `cargo build`) and usual mistakes (each built alone),
//! run side by side, once.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::thread;
use std::time::Duration;

use xtask::build::Progress;
use xtask::verify::Count;
use xtask::{Example, Options, Report, Workbook, exercise, verify};

pub fn workbook() -> &'static Workbook {
    static WORKBOOK: OnceLock<Workbook> = OnceLock::new();
    WORKBOOK.get_or_init(|| Workbook::locate().unwrap_or_else(|e| panic!("{e}")))
}

/// The exercises' keys: `NAME_handout`, `NAME_solution` and `NAME_mistake_WHAT` for every
/// exercise.
pub fn keys() -> &'static [Example] {
    static KEYS: OnceLock<Vec<Example>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let exercises: Vec<&Example> = workbook().exercises.iter().collect();
        exercise::keys(&workbook().root, &exercises)
    })
}

/// The exercises' usual mistakes, each built alone (see `xtask::mistakes`), with their
/// programs, for the pass to run.
pub fn mistakes() -> &'static (Vec<Example>, BTreeMap<String, PathBuf>) {
    static MISTAKES: OnceLock<(Vec<Example>, BTreeMap<String, PathBuf>)> = OnceLock::new();
    MISTAKES.get_or_init(|| {
        let root = &workbook().root;
        let built = xtask::build::examples(root, &["count_concurrent"], Progress::Quiet)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(built.failure, None, "the examples do not build");
        let exercises: Vec<&Example> = workbook().exercises.iter().collect();
        let dir = root.join("target/harness-tests/mistakes");
        xtask::mistakes::compile(workbook(), &exercises, &built, &dir)
            .unwrap_or_else(|e| panic!("{e}"))
    })
}

static REPORT: OnceLock<Report> = OnceLock::new();

fn count() -> &'static Arc<Count> {
    static COUNT: OnceLock<Arc<Count>> = OnceLock::new();
    COUNT.get_or_init(Default::default)
}

/// The result of the pass, which the first test that needs it runs.
pub fn report() -> &'static Report {
    REPORT.get_or_init(|| {
        let mut all: Vec<&Example> = workbook().select(&[]).unwrap_or_else(|e| panic!("{e}"));
        all.extend(keys());
        let (mistakes, programs) = mistakes();
        all.extend(mistakes);
        let options = Options {
            features: vec!["exercise-keys"],
            count: Some(Arc::clone(count())),
            prebuilt: programs.clone(),
            ..Options::default()
        };
        verify::verify(&workbook().root, &all, &options).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// Waits until at most two programs of the pass are still running (the longest ones, which
/// mostly sleep), starting the pass if no test has. For a test whose program must not run in
/// the crowd at the start of the pass (it would make the examples late, or be made late), but
/// need not wait for its end either.
pub fn after_the_crowd() {
    static PASS: OnceLock<thread::JoinHandle<()>> = OnceLock::new();
    let pass = PASS.get_or_init(|| {
        thread::spawn(|| {
            report();
        })
    });
    // Until the crowd is gone, or the pass has ended (or failed: then there is no crowd).
    while !pass.is_finished() && count().running().is_none_or(|running| running > 2) {
        thread::sleep(Duration::from_millis(20));
    }
}

/// What a failed timing assertion should add on a busy machine: the machine's load, so that the
/// reader can tell a bound missed by the machine from one missed by the code. Empty on a
/// machine with no more runnable processes than CPUs (over the last minute, on Linux).
pub fn busy_note() -> String {
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next()?.parse::<f64>().ok());
    let cpus = thread::available_parallelism().map_or(1, |n| n.get());
    match load {
        Some(load) if load > cpus as f64 => format!(
            " (the machine is busy, a load average of {load:.1} on {cpus} CPUs, and this bound \
             assumes a quieter one: check again when it is)"
        ),
        _ => String::new(),
    }
}
