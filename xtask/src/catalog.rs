//! Finds the book's examples and what each one is expected to do.
//!
//! An example is `examples/NAME.rs`. Next to it, exactly one file says what it must do, and the
//! book includes that same file as the example's "Output":
//! - `NAME.stdout`: the program runs and prints this (see `compare` for timings and `[..]`);
//! - `NAME.stderr`: the program must not compile; the file holds the compiler's first error line,
//!   `error[CODE]: message`, and the code and message are checked.
//!
//! The first `//!` line of the example is its one-line description.

use std::fs;
use std::path::{Path, PathBuf};

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

/// One example of the book.
#[derive(Clone, Debug)]
pub struct Example {
    pub name: String,
    /// The source file, relative to the workbook's root.
    pub source: PathBuf,
    /// The file that holds the expectation (`NAME.stdout` or `NAME.stderr`), relative to the
    /// root; for a [`Expected::Missing`] one, the file to create.
    pub expected_file: PathBuf,
    pub expected: Expected,
    pub description: String,
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
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.extension().is_some_and(|x| x == "rs") {
                examples.push(read_example(&root, &path)?);
            }
        }
        examples.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Workbook { root, examples })
    }

    /// Looks examples up by name; no names means all of them. An unknown name is an error that
    /// suggests the closest names.
    pub fn select(&self, names: &[String]) -> Result<Vec<&Example>, String> {
        if names.is_empty() {
            return Ok(self.examples.iter().collect());
        }
        names
            .iter()
            .map(|name| {
                self.examples
                    .iter()
                    .find(|e| &e.name == name)
                    .ok_or_else(|| {
                        let known: Vec<&str> =
                            self.examples.iter().map(|e| e.name.as_str()).collect();
                        suggest::unknown("example", name, &known, "cargo xtask list")
                    })
            })
            .collect()
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
        source: relative(path.to_path_buf()),
        expected_file: relative(expected_file),
        expected,
        description,
    })
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}
