//! Finds the book's examples and what each one is expected to do.
//!
//! An example is `examples/NAME.rs`. Next to it, exactly one file says what it must do, and the
//! book includes that same file as the example's "Output":
//! - `NAME.stdout`: the program runs and prints this (see `compare` for timings and `[..]`);
//! - `NAME.stderr`: the program must not compile; the file holds the compiler's first error line,
//!   `error[CODE]: message`, and the code and message are checked.
//!
//! The first `//!` line of the example is its one-line description. Four optional lines of its
//! opening comment tell the harness how to run it: `//! verify-args: ARGS...`,
//! `//! verify-limit: SECONDS` (its time limit), `//! verify-cpu: SECONDS` (the CPU time it may
//! use, for an example meant to compute; see [`Example::cpu_budget`]) and
//! `//! verify-needs: python3` (it runs Python itself: skipped, never passed, without it).
//!
//! An example may have a Python counterpart, `examples/NAME.py`, run with `python3` and checked
//! against the same expected output. Where the two are meant to differ, the Python file declares
//! it on its first line, `# expected output: OTHER.stdout`, naming its own expected output; that
//! file must then differ from the Rust example's. Other `.py` files in `examples/` are modules
//! the counterparts share.
//!
//! Exercises are kept apart from the examples, in two places:
//! - `xtask/exercises/NAME/`: the maintainers' copy: `handout.rs` (the exercise as handed out),
//!   `solution.rs` and `expected.stdout`;
//! - `exercises/NAME.rs`: the reader's working copy, in a package of its own (`exercises/`) that
//!   `cargo test` does not build, so that a half-written exercise never breaks the book's checks.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::suggest;

/// What an example is expected to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Expected {
    /// Run and print this text.
    Output(String),
    /// Fail to compile, with this first error line.
    CompileError(String),
    /// Neither file exists: the example cannot be verified.
    Missing,
    /// The file exists but cannot be read as text: why.
    Unreadable(String),
}

/// The language an example is written in, which says how it is run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Language {
    /// Built by cargo, run as a program.
    Rust,
    /// Run with `python3`, from `examples/`: the counterpart of the Rust example of the same name.
    Python,
}

/// One example of the book.
#[derive(Clone, Debug)]
pub struct Example {
    /// `NAME` for a Rust example, `NAME.py` for a Python counterpart.
    pub name: String,
    pub language: Language,
    /// The source file, relative to the workbook's root.
    pub source: PathBuf,
    /// The file that holds the expectation (`NAME.stdout` or `NAME.stderr`), relative to the
    /// root; for a [`Expected::Missing`] one, the file to create.
    pub expected_file: PathBuf,
    pub expected: Expected,
    pub description: String,
    /// Arguments the harness runs it with, from a `//! verify-args:` line (say, a small size
    /// for a benchmark).
    pub args: Vec<String>,
    /// Its own time limit, from a `//! verify-limit: SECONDS` line, for a program whose length
    /// its expected output does not show.
    pub limit: Option<Duration>,
    /// The CPU time it may use, from a `//! verify-cpu: SECONDS` line (`# verify-cpu:` in
    /// Python), for a program meant to compute.
    pub cpu: Option<Duration>,
    /// It runs `python3` itself (`//! verify-needs: python3`): without one it is skipped, as a
    /// Python counterpart is.
    pub needs_python: bool,
    /// It measures something a busy machine hides (`//! verify-needs: a quiet machine`), and
    /// exits with [`TRY_LATER`] when the machine was too busy to measure it.
    pub needs_quiet: bool,
    /// It is meant to fail its check (an exercise as handed out): a run that only just missed
    /// is not run again, since passing would prove nothing.
    pub fails_by_design: bool,
}

impl Example {
    pub fn is_compile_fail(&self) -> bool {
        matches!(self.expected, Expected::CompileError(_))
    }

    /// The CPU time (user + system) a run of `wall` may use. A program that mostly sleeps uses a
    /// few milliseconds; one that polls in a loop instead of waiting to be woken keeps a core
    /// busy. So the default allows 50 ms (the start of a debug build, under load) and 5% of the
    /// wall time, and a Python program a second more for its interpreter.
    pub fn cpu_budget(&self, wall: Duration) -> Duration {
        self.cpu.unwrap_or_else(|| {
            let start = match self.language {
                Language::Rust => 0.05,
                Language::Python => 1.0,
            };
            Duration::from_secs_f64(start + 0.05 * wall.as_secs_f64())
        })
    }

    /// How long a spinning thread (see `run::Thread::spins`) of a run of `wall` may be runnable
    /// (on a CPU, or waiting for one). On a loaded machine a thread that polls in a loop gets
    /// too little of a core to go over the CPU budget, but it is runnable for the whole run.
    /// Measured in 80 runs of every example at once with two other processes spinning, a
    /// correct example's threads were runnable for at most 0.14 s (`executor_batch`, in a
    /// 0.15 s run), except a few that were runnable nearly all their run while using almost no
    /// CPU (`thread_timer`: 0.52 s of 0.52 s), which `run::Thread::spins` tells apart. So: 0.2 s
    /// and half the run, a second more for a Python interpreter. `None` for a program that
    /// declares its CPU time: it is meant to compute.
    pub fn runnable_budget(&self, wall: Duration) -> Option<Duration> {
        if self.cpu.is_some() {
            return None;
        }
        let start = match self.language {
            Language::Rust => 0.2,
            Language::Python => 1.2,
        };
        Some(Duration::from_secs_f64(start + 0.5 * wall.as_secs_f64()))
    }

    /// The largest timing in the expected output, in seconds: how long a correct run takes.
    pub fn expected_duration(&self) -> f64 {
        match &self.expected {
            Expected::Output(text) => text
                .lines()
                .flat_map(crate::compare::timings)
                .map(|t| t.seconds)
                .fold(0.0, f64::max),
            _ => 0.0,
        }
    }
}

/// The workbook on disk: its root directory and its examples.
#[derive(Clone, Debug)]
pub struct Workbook {
    pub root: PathBuf,
    pub examples: Vec<Example>,
    /// The exercises, one per `xtask/exercises/NAME/`, each checked as the reader's working copy
    /// `exercises/NAME.rs` against `xtask/exercises/NAME/expected.stdout`.
    pub exercises: Vec<Example>,
}

/// The exit code (`EX_TEMPFAIL`) with which a program that needs a quiet machine says that the
/// machine was too busy to measure.
pub const TRY_LATER: i32 = 75;

/// Where the exercises' working copies are, relative to the root (a package of their own).
pub const EXERCISES: &str = "exercises";

/// Where the maintainers keep each exercise's handout, solution and expected output.
pub const EXERCISE_KEYS: &str = "xtask/exercises";

impl Workbook {
    /// The workbook the command runs in: the nearest directory, from the current one up, that
    /// holds `book.toml` and `xtask/`. So a moved or copied workbook checks its own files.
    pub fn locate() -> Result<Workbook, String> {
        let here = std::env::current_dir()
            .map_err(|e| format!("cannot read the current directory: {e}"))?;
        let root = here
            .ancestors()
            .find(|dir| dir.join("book.toml").is_file() && dir.join("xtask").is_dir())
            .ok_or_else(|| {
                format!(
                    "{} is not inside the workbook: run this from the workbook's directory (the \
                     one with book.toml)",
                    here.display()
                )
            })?;
        Workbook::at(root.to_path_buf())
    }

    /// Reads the examples of the workbook at `root`.
    pub fn at(root: PathBuf) -> Result<Workbook, String> {
        let dir = root.join("examples");
        let entries =
            fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        let mut examples = Vec::new();
        let mut python = Vec::new();
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            match path.extension().and_then(|x| x.to_str()) {
                Some("rs") => examples.push(read_example(&root, &path)?),
                Some("py") => python.push(path),
                _ => {}
            }
        }
        for path in python {
            let twin = examples
                .iter()
                .find(|e| path.file_stem().is_some_and(|s| *s == *e.name));
            if let Some(twin) = twin {
                let counterpart = read_counterpart(&root, &path, twin)?;
                examples.push(counterpart);
            }
        }
        examples.sort_by(|a, b| a.name.cmp(&b.name));
        let exercises = read_exercises(&root)?;
        Ok(Workbook {
            root,
            examples,
            exercises,
        })
    }

    /// Looks examples up by name; no names means all of them. An unknown name is an error that
    /// suggests the closest names.
    pub fn select(&self, names: &[String]) -> Result<Vec<&Example>, String> {
        if names.is_empty() {
            return Ok(self.examples.iter().collect());
        }
        let mut selected = Vec::new();
        for name in names {
            let found: Vec<&Example> = self
                .examples
                .iter()
                .filter(|e| &e.name == name || e.name == format!("{name}.py"))
                .collect();
            if found.is_empty() {
                let known: Vec<&str> = self.examples.iter().map(|e| e.name.as_str()).collect();
                let mut message = suggest::unknown("example", name, &known, "cargo xtask list");
                if self.exercises.iter().any(|e| &e.name == name) {
                    message = format!(
                        "'{name}' is an exercise, not an example: check it with \
                         `cargo xtask check {name}`"
                    );
                }
                return Err(message);
            }
            // A name given twice, or `NAME` and then `NAME.py`, checks each program once.
            for example in found {
                if !selected.iter().any(|s: &&Example| s.name == example.name) {
                    selected.push(example);
                }
            }
        }
        Ok(selected)
    }
}

/// The header lines of a source file: its opening `//!` comment (`#` comment, in Python).
fn header(text: &str, language: Language) -> Vec<&str> {
    let marker = match language {
        Language::Rust => "//!",
        Language::Python => "#",
    };
    text.lines()
        .map_while(|l| l.strip_prefix(marker))
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect()
}

/// The value of a `key: value` line of the header.
fn field<'t>(header: &[&'t str], key: &str) -> Option<&'t str> {
    header
        .iter()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
        .map(str::trim)
}

fn seconds_field(header: &[&str], key: &str, file: &Path) -> Result<Option<Duration>, String> {
    let Some(value) = field(header, key) else {
        return Ok(None);
    };
    value
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s > 0.0 && *s <= crate::verify::MAX_LIMIT.as_secs_f64())
        .map(|s| Some(Duration::from_secs_f64(s)))
        .ok_or_else(|| {
            format!(
                "{}: `{key}: {value}` needs a number of seconds up to 3600, such as `{key}: 30`",
                file.display()
            )
        })
}

fn read_example(root: &Path, path: &Path) -> Result<Example, String> {
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .ok_or_else(|| format!("{}: not a UTF-8 file name", path.display()))?
        .to_string();
    let relative = |p: &Path| {
        p.strip_prefix(root)
            .map(Path::to_path_buf)
            .unwrap_or(p.into())
    };
    let stdout = path.with_extension("stdout");
    let stderr = path.with_extension("stderr");
    let (expected_file, expected) = match (stdout.is_file(), stderr.is_file()) {
        // This example cannot be checked; the others, and the exercises, still can.
        (true, true) => (
            stdout.clone(),
            Expected::Unreadable(format!(
                "it has both {} and {}: keep the one that says what it does (a `.stdout` for a \
                 program that runs, a `.stderr` for one that must not compile)",
                relative(&stdout).display(),
                relative(&stderr).display()
            )),
        ),
        (true, false) => (stdout.clone(), read_expected(&stdout, Expected::Output)),
        (false, true) => (
            stderr.clone(),
            read_expected(&stderr, Expected::CompileError),
        ),
        (false, false) => (stdout, Expected::Missing),
    };
    let mut example = describe(root, path, Language::Rust)?;
    example.name = name;
    example.expected_file = relative(&expected_file);
    example.expected = expected;
    Ok(example)
}

/// An example read from its source's header, with no expectation yet.
fn describe(root: &Path, path: &Path, language: Language) -> Result<Example, String> {
    let relative = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let text = fs::read(path).map_err(|e| format!("cannot read {}: {e}", relative.display()))?;
    let text = String::from_utf8_lossy(&text);
    let header = header(&text, language);
    Ok(Example {
        name: String::new(),
        language,
        description: header
            .first()
            .map(|l| l.trim().to_string())
            .unwrap_or_default(),
        args: field(&header, "verify-args")
            .map(|l| l.split_whitespace().map(String::from).collect())
            .unwrap_or_default(),
        limit: seconds_field(&header, "verify-limit", &relative)?,
        cpu: seconds_field(&header, "verify-cpu", &relative)?,
        needs_python: field(&header, "verify-needs") == Some("python3")
            || language == Language::Python,
        needs_quiet: field(&header, "verify-needs") == Some("a quiet machine"),
        fails_by_design: false,
        source: relative,
        expected_file: PathBuf::new(),
        expected: Expected::Missing,
    })
}

/// Reads an expected file; one that is not UTF-8 makes that example fail, not the whole harness.
fn read_expected(path: &Path, kind: fn(String) -> Expected) -> Expected {
    match fs::read(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Expected::Missing,
        Err(e) => Expected::Unreadable(e.to_string()),
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => kind(text),
            Err(e) => Expected::Unreadable(format!(
                "it is not UTF-8 text (byte {} is not valid UTF-8); save it as UTF-8",
                e.utf8_error().valid_up_to()
            )),
        },
    }
}

/// Reads the exercises from `xtask/exercises/*/`: each one's header from its handout, its
/// expected output from `expected.stdout`, and its source: the reader's copy in `exercises/`.
fn read_exercises(root: &Path) -> Result<Vec<Example>, String> {
    let dir = root.join(EXERCISE_KEYS);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut exercises = Vec::new();
    for entry in entries {
        let keys = entry.map_err(|e| e.to_string())?.path();
        let Some(name) = keys.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !keys.join("handout.rs").is_file() {
            continue;
        }
        let mut exercise = describe(root, &keys.join("handout.rs"), Language::Rust)?;
        exercise.name = name.to_string();
        exercise.source = Path::new(EXERCISES).join(format!("{name}.rs"));
        exercise.expected_file = Path::new(EXERCISE_KEYS).join(name).join("expected.stdout");
        exercise.expected = read_expected(&root.join(&exercise.expected_file), Expected::Output);
        exercises.push(exercise);
    }
    exercises.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(exercises)
}

/// The first line of a Python counterpart that names its own expected output.
const DECLARATION: &str = "# expected output:";

/// Reads the Python counterpart at `path` of the Rust example `twin`.
fn read_counterpart(root: &Path, path: &Path, twin: &Example) -> Result<Example, String> {
    let mut example = describe(root, path, Language::Python)?;
    let text = fs::read_to_string(path).unwrap_or_default();
    let declared = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix(DECLARATION));
    let (expected_file, expected) = match declared {
        None => (twin.expected_file.clone(), twin.expected.clone()),
        Some(file) => {
            let file = example.source.with_file_name(file.trim());
            let expected = read_expected(&root.join(&file), Expected::Output);
            if expected == twin.expected {
                return Err(format!(
                    "{} declares its own expected output, {}, but it is the same as {}'s: \
                     remove the declaration",
                    example.source.display(),
                    file.display(),
                    twin.name
                ));
            }
            (file, expected)
        }
    };
    example.name = format!("{}.py", twin.name);
    example.expected_file = expected_file;
    example.expected = expected;
    example.description = format!("the Python counterpart of {}", twin.name);
    example.args = Vec::new();
    Ok(example)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_read_from_the_header_only() {
        let text = "//! Do it.\n//! verify-cpu: 2.5\n\n// verify-limit: 9\n";
        let header = header(text, Language::Rust);
        assert_eq!(field(&header, "verify-cpu"), Some("2.5"));
        assert_eq!(field(&header, "verify-limit"), None);
        let bad = seconds_field(&["verify-limit: inf"], "verify-limit", Path::new("x.rs"));
        assert!(bad.unwrap_err().contains("needs a number of seconds"));
    }
}
