//! Where the cited sources are: the package versions this workbook's `Cargo.lock` pins, as
//! `cargo metadata` reports them (each with the directory it was unpacked into), and the
//! standard library of the `python3` on this machine.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use super::Definitions;

/// The cited packages and Python's library.
pub struct Sources {
    /// Package name → each version pinned, with its unpacked source directory if found.
    pub(super) crates: BTreeMap<String, Vec<Pinned>>,
    /// Why the packages could not be listed, if they could not.
    pub(super) lock_problem: Option<String>,
    /// The standard library of `python3`, or why there is none.
    pub(super) python: Result<Python, String>,
    /// Python files already read by `ast`, by path: their definitions, or `None` if there is
    /// no such file (or it does not parse).
    python_read: Mutex<HashMap<PathBuf, Option<Definitions>>>,
    /// Rust files already read, the same way: a file cited many times is read once.
    rust_read: Mutex<HashMap<PathBuf, Option<Definitions>>>,
}

/// One pinned version of a package.
pub(super) struct Pinned {
    pub(super) version: String,
    pub(super) dir: Option<PathBuf>,
}

/// The standard library of the `python3` on this machine.
pub struct Python {
    /// Such as `3.11.7`.
    pub version: String,
    /// The directory that holds `asyncio/`, which `Lib/` in a citation stands for.
    pub lib: PathBuf,
    /// The interpreter itself (`sys.executable`), which reads the definitions: past any
    /// wrapper script such as pyenv's, which costs a few processes a run.
    pub executable: PathBuf,
}

impl Sources {
    /// The sources of the workbook at `root`: its packages, from `cargo metadata`, and
    /// `python3`'s library.
    pub fn locate(root: &Path) -> Sources {
        let (crates, lock_problem) = match packages(root) {
            Ok(crates) => (crates, None),
            Err(why) => (Vec::new(), Some(why)),
        };
        let mut sources = Sources::new(crates, python_lib());
        sources.lock_problem = lock_problem;
        sources
    }

    /// Sources given by hand: `(package, version, its source directory)`, and Python's library
    /// (or why there is none). For tests.
    pub fn new(
        crates: Vec<(String, String, Option<PathBuf>)>,
        python: Result<Python, String>,
    ) -> Sources {
        let mut map: BTreeMap<String, Vec<Pinned>> = BTreeMap::new();
        for (name, version, dir) in crates {
            map.entry(name).or_default().push(Pinned { version, dir });
        }
        Sources {
            crates: map,
            lock_problem: None,
            python,
            python_read: Mutex::new(HashMap::new()),
            rust_read: Mutex::new(HashMap::new()),
        }
    }

    /// The definitions of the Python files `relative` (to `dir`), read by `ast` in one run of
    /// `python3` for those not read before; `None` for a file that is not there.
    pub(super) fn python_definitions(
        &self,
        dir: &Path,
        relative: &[String],
    ) -> Vec<Option<Definitions>> {
        let paths: Vec<PathBuf> = relative.iter().map(|r| dir.join(r)).collect();
        let mut read = self.python_read.lock().unwrap_or_else(|e| e.into_inner());
        let new: Vec<&PathBuf> = paths.iter().filter(|p| !read.contains_key(*p)).collect();
        if !new.is_empty() {
            let python = match &self.python {
                Ok(python) => python.executable.as_path(),
                Err(_) => Path::new("python3"),
            };
            let found = super::python::definitions(python, &new);
            for path in new {
                read.insert(path.clone(), found.get(path).cloned());
            }
        }
        paths
            .iter()
            .map(|p| read.get(p).cloned().flatten())
            .collect()
    }

    /// The definitions of the Rust file `path`, read once; `None` for a file that is not there.
    pub(super) fn rust_definitions(&self, path: &Path) -> Option<Definitions> {
        let mut read = self.rust_read.lock().unwrap_or_else(|e| e.into_inner());
        read.entry(path.to_path_buf())
            .or_insert_with(|| {
                std::fs::read_to_string(path)
                    .ok()
                    .map(|text| super::rust::definitions(&text))
            })
            .clone()
    }
}

/// The packages of the workbook that come from a registry, as `(name, version, directory)`:
/// `cargo metadata` resolves them from `Cargo.lock` (it may fetch the ones not yet downloaded).
fn packages(root: &Path) -> Result<Vec<(String, String, Option<PathBuf>)>, String> {
    let metadata = crate::build::cargo_metadata(root, &["--locked"])?;
    let packages = metadata["packages"].as_array().cloned().unwrap_or_default();
    Ok(packages
        .iter()
        .filter(|p| {
            p["source"]
                .as_str()
                .is_some_and(|s| s.starts_with("registry+"))
        })
        .filter_map(|p| {
            let name = p["name"].as_str()?.to_string();
            let version = p["version"].as_str()?.to_string();
            let dir = p["manifest_path"]
                .as_str()
                .and_then(|m| Path::new(m).parent())
                .filter(|d| d.is_dir())
                .map(Path::to_path_buf);
            Some((name, version, dir))
        })
        .collect())
}

/// The standard library of `python3`: the parent of its `asyncio` package.
fn python_lib() -> Result<Python, String> {
    let script = "import asyncio, os, platform, sys; \
                  print(platform.python_version()); \
                  print(os.path.dirname(os.path.dirname(asyncio.__file__))); \
                  print(sys.executable)";
    let output = Command::new("python3")
        .args(["-c", script])
        .output()
        .map_err(|e| format!("python3 is not on this machine ({e})"))?;
    if !output.status.success() {
        return Err("python3 could not say where its asyncio is".to_string());
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let mut lines = text.lines();
    match (lines.next(), lines.next(), lines.next()) {
        (Some(version), Some(lib), Some(executable)) => Ok(Python {
            version: version.trim().to_string(),
            lib: PathBuf::from(lib.trim()),
            executable: PathBuf::from(executable.trim()),
        }),
        _ => Err("python3 could not say where its asyncio is".to_string()),
    }
}
