//! What the harness found for each example, and how it says so: one line per example, and for a
//! failure, what went wrong, in which files, and what to do next.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use crate::build;
use crate::catalog::Example;
use crate::compare::{self, Diff};

/// The result of checking one example.
#[derive(Debug)]
pub enum Verdict {
    Passed,
    /// It ran and exited normally, but printed something else.
    WrongOutput(Diff),
    /// It exited with an error (a panic, say).
    Crashed {
        status: String,
        stderr: String,
        diff: Option<Diff>,
    },
    /// It was still running at its time limit, and was killed.
    TimedOut {
        limit: Duration,
        stdout: String,
    },
    /// A compile-fail lesson that compiled.
    Compiled {
        expected: String,
    },
    /// A compile-fail lesson that failed with another error.
    WrongError {
        expected: String,
        actual: String,
    },
    /// It has no expected output to compare with.
    NoExpectedOutput,
    /// The build did not produce it.
    NotBuilt(String),
    /// It could not be started.
    CannotRun(String),
    /// It was not run, for this reason (a Python counterpart without `python3`). Not a pass.
    Skipped(String),
}

/// One example's verdict, with what a reader needs to find it.
#[derive(Debug)]
pub struct Outcome {
    pub name: String,
    pub source: PathBuf,
    pub expected_file: PathBuf,
    pub verdict: Verdict,
    /// How long it ran, for examples that ran.
    pub elapsed: Option<Duration>,
}

impl Outcome {
    pub fn new(example: &Example, verdict: Verdict) -> Outcome {
        Outcome {
            name: example.name.clone(),
            source: example.source.clone(),
            expected_file: example.expected_file.clone(),
            verdict,
            elapsed: None,
        }
    }

    pub fn passed(&self) -> bool {
        matches!(self.verdict, Verdict::Passed)
    }

    pub fn skipped(&self) -> bool {
        matches!(self.verdict, Verdict::Skipped(_))
    }

    /// Neither passed nor skipped.
    pub fn failed(&self) -> bool {
        !self.passed() && !self.skipped()
    }

    /// The one-line summary: `ok    count_concurrent  1.00 s`.
    pub fn summary(&self) -> String {
        let status = match &self.verdict {
            Verdict::Passed => "ok".to_string(),
            Verdict::Skipped(why) => return format!("skip  {:<28} {why}", self.name),
            _ => "FAIL".to_string(),
        };
        let time = self
            .elapsed
            .map(|d| compare::seconds(d.as_secs_f64()))
            .unwrap_or_default();
        format!("{status:<5} {:<28} {time}", self.name)
    }
}

/// Everything about a failure; nothing for a pass.
impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (name, source, expected) = (
            &self.name,
            self.source.display(),
            self.expected_file.display(),
        );
        match &self.verdict {
            Verdict::Passed => Ok(()),
            Verdict::WrongOutput(diff) => {
                writeln!(
                    f,
                    "{name} ({source}) printed something other than {expected}:"
                )?;
                writeln!(f, "  - expected, not printed   + printed, not expected")?;
                write!(f, "{diff}")?;
                if diff.has_timing_note() {
                    writeln!(
                        f,
                        "  A timing is out of range: did a sleep change, or did concurrent work \
                         become sequential?"
                    )?;
                }
                Ok(())
            }
            Verdict::Crashed {
                status,
                stderr,
                diff,
            } => {
                writeln!(f, "{name} ({source}) failed: {status}")?;
                write_indented(f, "its error output:", stderr)?;
                if let Some(diff) = diff {
                    writeln!(f, "  its output, against {expected}:")?;
                    write!(f, "{diff}")?;
                }
                Ok(())
            }
            Verdict::TimedOut { limit, stdout } => {
                writeln!(
                    f,
                    "{name} ({source}) was still running after {} and was stopped; \
                     is it waiting for something that never happens?",
                    compare::seconds(limit.as_secs_f64())
                )?;
                write_indented(f, "what it printed before:", stdout)
            }
            Verdict::Compiled { expected: want } => writeln!(
                f,
                "{name} ({source}) compiled, but it is a lesson that must fail with\n    \
                 {want}\n  (as {expected} says)"
            ),
            Verdict::WrongError {
                expected: want,
                actual,
            } => {
                let codes = (build::error_code(want), build::error_code(actual));
                let what = if codes.0 == codes.1 {
                    "the right error code, with another message"
                } else {
                    "another error"
                };
                writeln!(f, "{name} ({source}) failed to compile with {what}:")?;
                writeln!(f, "  - {want}")?;
                writeln!(f, "  + {actual}")?;
                writeln!(
                    f,
                    "  (expected in {expected}; see the whole error with \
                     `cargo build --example {name} --features compile-fail`)"
                )
            }
            Verdict::NoExpectedOutput => writeln!(
                f,
                "{name} ({source}) has no expected output: create {expected} with what it must \
                 print (e.g. `cargo run --example {name} > {expected}`, then check it by eye), \
                 or {} with the error it must fail with",
                self.expected_file.with_extension("stderr").display()
            ),
            Verdict::NotBuilt(why) => {
                writeln!(f, "{name} ({source}) did not build")?;
                write_indented(f, "cargo said:", why)
            }
            Verdict::CannotRun(why) => writeln!(f, "{name} ({source}) could not be run: {why}"),
            Verdict::Skipped(why) => writeln!(f, "{name} ({source}) was skipped: {why}"),
        }
    }
}

fn write_indented(f: &mut fmt::Formatter<'_>, title: &str, text: &str) -> fmt::Result {
    if text.trim().is_empty() {
        return writeln!(f, "  {title} (nothing)");
    }
    writeln!(f, "  {title}")?;
    for line in text.lines() {
        writeln!(f, "    {line}")?;
    }
    Ok(())
}
