//! `cargo xtask check`: the reader's exercises, built, run and compared exactly as the examples
//! are, with feedback written for someone in the middle of solving one.
//!
//! An exercise is `examples/exercises/NAME.rs` with its expected output `NAME.stdout`; its
//! reference solution is `xtask/solutions/NAME.rs`, built as the example `NAME_solution` with
//! the `solutions` feature.

use std::path::PathBuf;
use std::time::Duration;

use crate::build::Progress;
use crate::report::{Outcome, Verdict};
use crate::{Example, Options, Report, Workbook, compare, suggest, verify};

/// How an exercise stands.
pub fn state(outcome: &Outcome) -> &'static str {
    if outcome.passed() { "done" } else { "todo" }
}

/// The options for checking exercises: a shorter time limit than the examples', since an
/// unfinished exercise that waits forever is a common state, not a rare failure.
pub fn options(progress: Progress) -> Options {
    Options {
        progress,
        base_limit: Duration::from_secs(3),
        ..Options::default()
    }
}

/// Looks exercises up by name; no names means all of them.
pub fn select<'w>(workbook: &'w Workbook, names: &[String]) -> Result<Vec<&'w Example>, String> {
    if names.is_empty() {
        return Ok(workbook.exercises.iter().collect());
    }
    names
        .iter()
        .map(|name| {
            workbook
                .exercises
                .iter()
                .find(|e| &e.name == name)
                .ok_or_else(|| {
                    let known: Vec<&str> =
                        workbook.exercises.iter().map(|e| e.name.as_str()).collect();
                    suggest::unknown("exercise", name, &known, "cargo xtask check")
                })
        })
        .collect()
}

/// Builds and runs the reader's versions of `exercises`.
pub fn check(
    workbook: &Workbook,
    exercises: &[&Example],
    progress: Progress,
) -> Result<Report, String> {
    verify::verify(&workbook.root, exercises, &options(progress))
}

/// The reference solutions of `exercises`, as examples expected to print what the exercises must.
pub fn solutions(exercises: &[&Example]) -> Vec<Example> {
    exercises
        .iter()
        .map(|exercise| Example {
            name: format!("{}_solution", exercise.name),
            source: PathBuf::from("xtask/solutions").join(format!("{}.rs", exercise.name)),
            ..(*exercise).clone()
        })
        .collect()
}

/// Builds and runs the reference solutions of `exercises`.
pub fn check_solutions(workbook: &Workbook, exercises: &[&Example]) -> Result<Report, String> {
    let solutions = solutions(exercises);
    let solutions: Vec<&Example> = solutions.iter().collect();
    let options = Options {
        features: vec!["solutions"],
        ..options(Progress::Quiet)
    };
    verify::verify(&workbook.root, &solutions, &options)
}

/// What to tell the reader about their exercise: that it is done, or what is still wrong.
pub fn feedback(exercise: &Example, outcome: &Outcome) -> String {
    let name = &exercise.name;
    if outcome.passed() {
        return format!("{name}: done! It prints what it should, when it should.\n");
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
    if let Some(hint) = &exercise.hint {
        text += &format!("\nHint: {hint}\n");
    }
    text
}

/// "It took 3.00 s; done, it takes about 1.00 s", and a question that points at the likely cause.
fn timing_advice(took: f64, expected: f64) -> String {
    let question = if took > expected * 1.5 {
        " Are the tasks running concurrently, or is something blocking the thread?"
    } else if took < expected * 0.8 {
        " Is a sleep missing, or shorter than it should be?"
    } else {
        ""
    };
    format!(
        "\nIt took {}; done, it takes about {}.{question}\n",
        compare::seconds(took),
        compare::seconds(expected)
    )
}

#[cfg(test)]
mod tests {
    use super::timing_advice;

    #[test]
    fn slow_runs_ask_about_concurrency_and_fast_ones_about_sleeps() {
        let slow = timing_advice(3.0, 1.0);
        assert!(
            slow.contains("It took 3.00 s; done, it takes about 1.00 s."),
            "{slow}"
        );
        assert!(slow.contains("running concurrently"), "{slow}");
        assert!(timing_advice(0.1, 1.0).contains("Is a sleep missing"));
    }
}
