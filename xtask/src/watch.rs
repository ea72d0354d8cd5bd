//! `cargo xtask watch`: checks the exercise the reader is working on each time they save it, and
//! moves on to the next one when it is done, as Rustlings does. It looks at the files' times of
//! change twice a second (no file-watching service needed); Ctrl-C ends it.

use std::collections::HashMap;
use std::fs;
use std::path::PathBuf;
use std::thread;
use std::time::{Duration, SystemTime};

use crate::build::Progress;
use crate::{Example, Workbook, exercise};

/// Watches the exercises until interrupted. Only returns on an error.
pub fn watch(workbook: &Workbook) -> Result<bool, String> {
    let all: Vec<&Example> = workbook.exercises.iter().collect();
    // Before the first check: a file saved while it runs is noticed too.
    let mut seen = times(workbook, &all);
    eprintln!("checking all {} exercises...", all.len());
    let report = exercise::check(workbook, &all, Progress::Quiet)?;
    let mut done: HashMap<&str, bool> = all
        .iter()
        .map(|e| {
            (
                e.name.as_str(),
                report.outcome(&e.name).is_some_and(|o| o.passed()),
            )
        })
        .collect();
    println!("{}\n", exercise::progress(&all, &report));
    if let Some(next) = all.iter().find(|e| !done[e.name.as_str()]) {
        let outcome = report.outcome(&next.name).expect("checked");
        println!("{}", exercise::feedback(workbook, next, outcome));
    }
    println!("Watching exercises/ for changes; Ctrl-C stops.");
    loop {
        thread::sleep(Duration::from_millis(500));
        let now = times(workbook, &all);
        let changed: Vec<&Example> = all
            .iter()
            .copied()
            .filter(|e| now.get(&e.source) != seen.get(&e.source))
            .collect();
        seen = now;
        for e in changed {
            println!("\n{} changed: checking it...", e.source.display());
            let report = exercise::check(workbook, &[e], Progress::Show)?;
            let outcome = report.outcome(&e.name).expect("checked");
            println!("{}", exercise::feedback(workbook, e, outcome));
            let was_done = done.insert(e.name.as_str(), outcome.passed());
            if outcome.passed() && was_done != Some(true) {
                let next = all.iter().find(|e| !done[e.name.as_str()]);
                match next {
                    Some(next) => println!(
                        "Next: {} ({}), in {}.",
                        next.name,
                        next.description.trim_end_matches('.'),
                        next.source.display()
                    ),
                    None => println!("Every exercise is done: well done!"),
                }
            }
        }
    }
}

/// When each working copy last changed (missing files have no entry).
fn times(workbook: &Workbook, all: &[&Example]) -> HashMap<PathBuf, SystemTime> {
    all.iter()
        .filter_map(|e| {
            let modified = fs::metadata(workbook.root.join(&e.source))
                .and_then(|m| m.modified())
                .ok()?;
            Some((e.source.clone(), modified))
        })
        .collect()
}
