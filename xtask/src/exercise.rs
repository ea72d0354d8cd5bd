//! `cargo xtask check`, `reset` and `watch`: the reader's exercises, built, run and compared
//! exactly as the examples are, with feedback written for someone in the middle of solving one.
//!
//! The reader works on `exercises/NAME.rs`, a package of its own that `cargo test` never builds.
//! The maintainers' copy is `xtask/exercises/NAME/`: `handout.rs` (the exercise as handed out;
//! `reset` copies it back), `solution.rs`, and `expected.stdout`. The tests check the handout and
//! the solution, built with the `exercise-keys` feature as `NAME_handout` and `NAME_solution`,
//! never the reader's copy.

use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::build::Progress;
use crate::catalog::{EXERCISE_KEYS, EXERCISES};
use crate::report::{Outcome, Verdict};
use crate::{Example, Expected, Options, Report, Workbook, compare, hints, suggest, traps, verify};

/// How an exercise stands: done, still to do, or not known (it cannot be checked, through no
/// fault of the reader's work: a file of the workbook is missing, or the machine is too busy).
pub fn state(outcome: &Outcome) -> &'static str {
    match outcome.verdict {
        Verdict::Passed => "done",
        Verdict::MissingCopy => "gone",
        Verdict::NoExpectedOutput
        | Verdict::BadExpected(_)
        | Verdict::Unjudged(_)
        | Verdict::Skipped(_) => "????",
        _ => "todo",
    }
}

/// The time an exercise may run beyond twice its expected duration: shorter than the examples',
/// since an unfinished exercise that waits forever is a common state, not a rare failure.
const BASE_LIMIT: Duration = Duration::from_secs(3);

/// The options for checking exercises.
pub fn options(progress: Progress) -> Options {
    Options {
        progress,
        package: Some(EXERCISES),
        base_limit: BASE_LIMIT,
        ..Options::default()
    }
}

/// Looks exercises up by name; no names means all of them. `ex7` or `7` is short for
/// `ex07_...`.
pub fn select<'w>(workbook: &'w Workbook, names: &[String]) -> Result<Vec<&'w Example>, String> {
    let known: Vec<&str> = workbook.exercises.iter().map(|e| e.name.as_str()).collect();
    let full: Vec<String> = names
        .iter()
        .map(|name| suggest::by_number(name, &known).unwrap_or(name).to_string())
        .collect();
    select_exact(workbook, &full)
}

/// Looks exercises up by their full names (for a command that overwrites: nothing is guessed);
/// no names means all of them. For `ex7` or `7`, suggests `ex07_...`.
pub fn select_exact<'w>(
    workbook: &'w Workbook,
    names: &[String],
) -> Result<Vec<&'w Example>, String> {
    if names.is_empty() {
        return Ok(workbook.exercises.iter().collect());
    }
    let known: Vec<&str> = workbook.exercises.iter().map(|e| e.name.as_str()).collect();
    names
        .iter()
        .map(|name| {
            let found = workbook.exercises.iter().find(|e| &e.name == name);
            found.ok_or_else(|| match suggest::by_number(name, &known) {
                Some(full) => format!(
                    "unknown exercise '{name}'; did you mean '{full}'? (`cargo xtask check` \
                     lists them all)"
                ),
                None => suggest::unknown("exercise", name, &known, "cargo xtask check"),
            })
        })
        .collect()
}

/// The reader's working copy of an exercise.
pub fn working_copy(workbook: &Workbook, exercise: &Example) -> PathBuf {
    workbook.root.join(&exercise.source)
}

/// The exercise as handed out.
pub fn handout(workbook: &Workbook, exercise: &Example) -> PathBuf {
    workbook
        .root
        .join(EXERCISE_KEYS)
        .join(&exercise.name)
        .join("handout.rs")
}

/// Builds and runs the reader's versions of `exercises`. One whose file is missing is reported
/// as such (with how to restore it), not dropped.
pub fn check(
    workbook: &Workbook,
    exercises: &[&Example],
    progress: Progress,
) -> Result<Report, String> {
    let (present, missing): (Vec<&Example>, Vec<&Example>) = exercises
        .iter()
        .partition(|e| working_copy(workbook, e).is_file());
    let mut report = verify::verify(&workbook.root, &present, &options(progress))?;
    report.outcomes.extend(
        missing
            .iter()
            .map(|e| Outcome::new(e, Verdict::MissingCopy)),
    );
    report.outcomes.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(report)
}

/// The maintainers' copies of `exercises`: each as handed out (`NAME_handout`), its reference
/// solution (`NAME_solution`) and its usual mistakes (`NAME_mistake_WHAT`), as examples expected
/// to print what the exercise must (the handout and the mistakes fail by design).
pub fn keys(root: &Path, exercises: &[&Example]) -> Vec<Example> {
    exercises
        .iter()
        .flat_map(|exercise| {
            crate::registry::key_files(root, &exercise.name)
                .into_iter()
                .map(|(kind, source)| Example {
                    name: format!("{}_{kind}", exercise.name),
                    // The exercise's own limit, even in a pass with the examples: a handout that
                    // waits forever should not hold the whole pass up.
                    limit: Some(
                        exercise
                            .limit
                            .unwrap_or_else(|| verify::default_limit(exercise, BASE_LIMIT)),
                    ),
                    fails_by_design: kind != "solution",
                    source,
                    ..(*exercise).clone()
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Builds and runs the handouts and the reference solutions of `exercises`, together.
pub fn check_keys(workbook: &Workbook, exercises: &[&Example]) -> Result<Report, String> {
    let keys = keys(&workbook.root, exercises);
    let keys: Vec<&Example> = keys.iter().collect();
    let options = Options {
        features: vec!["exercise-keys"],
        package: None,
        ..options(Progress::Quiet)
    };
    verify::verify(&workbook.root, &keys, &options)
}

/// Where `reset` keeps the working copies it replaces, relative to the root: next to them, not in
/// `target/`, which `cargo clean` deletes. (`exercises/.gitignore` keeps them out of git.)
pub const BACKUPS: &str = "exercises/backups";

/// Puts an exercise back as handed out. A working copy that differs is kept first, in
/// [`BACKUPS`], as `NAME-N.rs` with the first `N` no backup has: one file per reset, never
/// overwritten. Returns where, if it was kept. A working copy that exists but cannot be read is
/// left alone: it could not be kept, so it is not overwritten.
pub fn reset(workbook: &Workbook, exercise: &Example) -> Result<Option<PathBuf>, String> {
    let original = fs::read(handout(workbook, exercise))
        .map_err(|e| format!("cannot read the handout of {}: {e}", exercise.name))?;
    let copy = working_copy(workbook, exercise);
    let current = match fs::read(&copy) {
        Ok(current) => Some(current),
        Err(e) if e.kind() == ErrorKind::NotFound => None,
        Err(e) => {
            return Err(format!(
                "cannot read {} ({e}), so it cannot be kept before it is replaced: nothing was \
                 changed. Make it readable (`chmod u+rw {}`), then reset it again",
                exercise.source.display(),
                exercise.source.display()
            ));
        }
    };
    let mut backup = None;
    if let Some(current) = current.filter(|c| *c != original) {
        backup = Some(keep(workbook, exercise, &current)?);
    }
    fs::write(&copy, original).map_err(|e| format!("cannot write {}: {e}", copy.display()))?;
    Ok(backup)
}

/// Writes `text` to a new file in [`BACKUPS`], never over an existing one.
fn keep(workbook: &Workbook, exercise: &Example, text: &[u8]) -> Result<PathBuf, String> {
    let dir = workbook.root.join(BACKUPS);
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for n in 1.. {
        let file = dir.join(format!("{}-{n}.rs", exercise.name));
        // `create_new` fails if the file exists, even if another reset made it a moment ago.
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&file)
        {
            Ok(mut out) => {
                return out
                    .write_all(text)
                    .map(|()| Path::new(BACKUPS).join(file.file_name().unwrap_or_default()))
                    .map_err(|e| format!("cannot write {}: {e}", file.display()));
            }
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(format!("cannot create {}: {e}", file.display())),
        }
    }
    unreachable!("some number has no backup yet")
}

/// The exercises whose working copy differs from its handout (or is missing): for CI, which
/// checks a clean clone, where none may differ.
pub fn changed(workbook: &Workbook) -> Vec<&Example> {
    workbook
        .exercises
        .iter()
        .filter(|e| fs::read(working_copy(workbook, e)).ok() != fs::read(handout(workbook, e)).ok())
        .collect()
}

/// What to tell the reader about their exercise: that it is done, or what is still wrong, the
/// trap they most likely fell into (see [`crate::traps`]), and which hint to read next.
pub fn feedback(workbook: &Workbook, exercise: &Example, outcome: &Outcome) -> String {
    let code = fs::read_to_string(working_copy(workbook, exercise)).unwrap_or_default();
    feedback_on(workbook, exercise, outcome, &code)
}

/// The feedback on `code`, a version of `exercise` that was checked with `outcome`.
pub fn feedback_on(
    workbook: &Workbook,
    exercise: &Example,
    outcome: &Outcome,
    code: &str,
) -> String {
    let name = &exercise.name;
    if outcome.passed() {
        return format!("{name}: done! It prints what it should, when it should.\n");
    }
    match &outcome.verdict {
        // Not the reader's doing: say what is wrong, and nothing about their code.
        Verdict::NoExpectedOutput | Verdict::BadExpected(_) => {
            return format!("{name}: cannot be checked.\n\n{outcome}");
        }
        Verdict::Unjudged(_) => {
            return format!("{name}: not judged: the machine is too busy.\n\n{outcome}");
        }
        _ => {}
    }
    let mut text = format!("{name}: not done yet.\n\n");
    match &outcome.verdict {
        Verdict::Crashed { stderr, .. } if stderr.contains("not yet implemented") => {
            let panic = stderr
                .lines()
                .find(|l| l.contains("not yet implemented"))
                .unwrap_or_default();
            text += &format!(
                "It stops at a `todo!()` that is still to be written:\n    {}\n",
                panic.trim()
            );
        }
        Verdict::NotBuilt(_) => {
            text += "It does not compile yet: the compiler's errors are above.\n";
        }
        _ => text += &outcome.to_string(),
    }
    if let (Verdict::WrongOutput(diff), Some(took)) = (&outcome.verdict, outcome.elapsed)
        && diff.has_timing_note()
    {
        text += &timing_advice(took.as_secs_f64(), exercise.expected_duration());
    }
    let solution = workbook
        .root
        .join(EXERCISE_KEYS)
        .join(&exercise.name)
        .join("solution.rs");
    for advice in traps::advice(
        code,
        &fs::read_to_string(solution).unwrap_or_default(),
        &exercise.expected,
        &outcome.verdict,
    ) {
        text += &format!("\n{advice}\n");
    }
    // As handed out, the whole of what it must print, which a reader at a terminal has not seen.
    let untouched = fs::read_to_string(handout(workbook, exercise)).is_ok_and(|h| h == code);
    if let (true, Expected::Output(expected)) = (untouched, &exercise.expected) {
        text += &format!(
            "\nIt is still as handed out. When it is done, it prints (its exercises page shows \
             this too):\n{}\n",
            expected
                .lines()
                .map(|l| format!("    {l}\n"))
                .collect::<String>()
                .trim_end()
        );
    }
    text += &format!("\n{}", hints::pointer(workbook, exercise));
    text
}

/// "It took 3.00 s; a finished solution takes about 1.00 s", and a question that points at the
/// likely cause.
fn timing_advice(took: f64, expected: f64) -> String {
    let question = if took > expected * 1.5 {
        " Are the tasks running concurrently, or is something blocking the thread?"
    } else if took < expected * 0.8 {
        " Is a sleep missing or shorter than it should be, or is an `.await` missing?"
    } else {
        ""
    };
    format!(
        "\nIt took {}; a finished solution takes about {}.{question}\n",
        compare::format_seconds(took),
        compare::format_seconds(expected)
    )
}

/// "5 of 12 done. Next: ex06_cleanup_on_cancel, ...".
pub fn progress(exercises: &[&Example], report: &Report) -> String {
    let done = exercises
        .iter()
        .filter(|e| report.outcome(&e.name).is_some_and(Outcome::passed))
        .count();
    let next = exercises
        .iter()
        .find(|e| !report.outcome(&e.name).is_some_and(Outcome::passed));
    let mut text = format!("{done} of {} done.", exercises.len());
    match next {
        Some(next) => {
            text += &format!(
                " Next: {} ({}).\n  Open {}, then `cargo xtask check {}` (or `cargo xtask \
                 watch`, which checks it each time you save).",
                next.name,
                next.description.trim_end_matches('.'),
                next.source.display(),
                next.name
            );
        }
        None => text += " All of them: well done!",
    }
    text
}

#[cfg(test)]
mod tests {
    use super::timing_advice;

    #[test]
    fn slow_runs_ask_about_concurrency_and_fast_ones_about_sleeps() {
        let slow = timing_advice(3.0, 1.0);
        assert!(
            slow.contains("It took 3.00 s; a finished solution takes about 1.00 s."),
            "{slow}"
        );
        assert!(slow.contains("running concurrently"), "{slow}");
        let fast = timing_advice(0.1, 1.0);
        assert!(fast.contains("Is a sleep missing"), "{fast}");
        assert!(fast.contains("`.await` missing"), "{fast}");
    }
}
