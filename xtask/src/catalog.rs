//! Finds the book's examples and what each one is expected to do.
//!
//! An example is `examples/NAME.rs`. Next to it, exactly one file says what it must do, and the
//! book includes that same file as the example's "Output":
//! - `NAME.stdout`: the program runs and prints this (see `compare` for timings and `[..]`);
//! - `NAME.stderr`: the program must not compile; the file holds the compiler's first error line,
//!   `error[CODE]: message`, and the code and message are checked.
//!
//! The first `//!` line of the example is its one-line description. Two optional lines of its
//! opening comment tell the harness how to run it: `//! verify-args: ARGS...` and
//! `//! verify-limit: SECONDS`.
//!
//! An example may have a Python counterpart, `examples/NAME.py`, run with `python3` and checked
//! against the same expected output. Where the two are meant to differ, the Python file declares
//! it on its first line, `# expected output: OTHER.stdout`, naming its own expected output; that
//! file must then differ from the Rust example's. Other `.py` files in `examples/` are modules
//! the counterparts share.

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
    /// For an exercise, its `//! Hint:` line, shown when it is not done yet.
    pub hint: Option<String>,
    /// Arguments the harness runs it with, from a `//! verify-args:` line (say, a small size
    /// for a benchmark).
    pub args: Vec<String>,
    /// Its own time limit, from a `//! verify-limit: SECONDS` line, for a program whose length
    /// its expected output does not show.
    pub limit: Option<Duration>,
}

impl Example {
    pub fn is_compile_fail(&self) -> bool {
        matches!(self.expected, Expected::CompileError(_))
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
    /// The exercises, `examples/exercises/NAME.rs`, each with its `NAME.stdout`.
    pub exercises: Vec<Example>,
}

impl Workbook {
    /// The workbook this harness belongs to (the parent of the `xtask` directory).
    pub fn locate() -> Result<Workbook, String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("xtask lives inside the workbook")
            .to_path_buf();
        Workbook::at(root)
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
                return Err(suggest::unknown(
                    "example",
                    name,
                    &known,
                    "cargo xtask list",
                ));
            }
            selected.extend(found);
        }
        Ok(selected)
    }
}

fn read_example(root: &Path, path: &Path) -> Result<Example, String> {
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .ok_or_else(|| format!("{}: not a UTF-8 file name", path.display()))?
        .to_string();
    let text =
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let description = text
        .lines()
        .find_map(|l| l.strip_prefix("//!"))
        .map(|l| l.trim().to_string())
        .unwrap_or_default();
    let hint = text
        .lines()
        .find_map(|l| l.strip_prefix("//! Hint:"))
        .map(|l| l.trim().to_string());
    let args = text
        .lines()
        .find_map(|l| l.strip_prefix("//! verify-args:"))
        .map(|l| l.split_whitespace().map(String::from).collect())
        .unwrap_or_default();
    let limit = text
        .lines()
        .find_map(|l| l.strip_prefix("//! verify-limit:"))
        .and_then(|l| l.trim().parse::<f64>().ok())
        .map(Duration::from_secs_f64);
    let relative = |p: PathBuf| p.strip_prefix(root).map(Path::to_path_buf).unwrap_or(p);
    let stdout = path.with_extension("stdout");
    let stderr = path.with_extension("stderr");
    let (expected_file, expected) = match (stdout.is_file(), stderr.is_file()) {
        (true, true) => {
            return Err(format!(
                "example '{name}' has both {} and {}; keep the one that says what it does",
                relative(stdout).display(),
                relative(stderr).display()
            ));
        }
        (true, false) => (stdout.clone(), Expected::Output(read(&stdout)?)),
        (false, true) => (stderr.clone(), Expected::CompileError(read(&stderr)?)),
        (false, false) => (stdout, Expected::Missing),
    };
    Ok(Example {
        name,
        language: Language::Rust,
        source: relative(path.to_path_buf()),
        expected_file: relative(expected_file),
        expected,
        description,
        hint,
        args,
        limit,
    })
}

/// Reads `examples/exercises/*.rs`, if there is such a directory.
fn read_exercises(root: &Path) -> Result<Vec<Example>, String> {
    let dir = root.join("examples/exercises");
    let Ok(entries) = fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut exercises = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|x| x == "rs") {
            exercises.push(read_example(root, &path)?);
        }
    }
    exercises.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(exercises)
}

/// The first line of a Python counterpart that names its own expected output.
const DECLARATION: &str = "# expected output:";

/// Reads the Python counterpart at `path` of the Rust example `twin`.
fn read_counterpart(root: &Path, path: &Path, twin: &Example) -> Result<Example, String> {
    let text =
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let source = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let name = format!("{}.py", twin.name);
    let declared = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix(DECLARATION));
    let (expected_file, expected) = match declared {
        None => (twin.expected_file.clone(), twin.expected.clone()),
        Some(file) => {
            let file = source.with_file_name(file.trim());
            let expected = Expected::Output(read(&root.join(&file))?);
            if expected == twin.expected {
                return Err(format!(
                    "{} declares its own expected output, {}, but it is the same as {}'s: \
                     remove the declaration",
                    source.display(),
                    file.display(),
                    twin.name
                ));
            }
            (file, expected)
        }
    };
    Ok(Example {
        name,
        language: Language::Python,
        source,
        expected_file,
        expected,
        description: format!("the Python counterpart of {}", twin.name),
        hint: None,
        args: Vec::new(),
        limit: None,
    })
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}
