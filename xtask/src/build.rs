//! Builds examples with cargo, once for all of them, and reads cargo's JSON messages: where each
//! program was written, and, for compile-fail lessons, the first error the compiler reported.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

/// What a build produced.
#[derive(Debug, Default)]
pub struct Built {
    /// Example name → its program.
    pub programs: HashMap<String, PathBuf>,
    /// Library crate name → its `.rlib`, for compiling a single file against the same crates.
    pub libraries: HashMap<String, PathBuf>,
    /// Example name → the first error the compiler reported for it (`error[E0061]: ...`).
    pub first_errors: HashMap<String, Diagnostic>,
    /// cargo's own error output, when the build failed.
    pub failure: Option<String>,
}

/// How much of cargo's progress to show.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Progress {
    /// Let cargo print its progress and errors to the terminal.
    Show,
    /// Keep quiet; cargo's errors end up in [`Built::failure`].
    Quiet,
}

fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Builds the named examples of the workbook's own package (which must all be runnable ones).
pub fn examples(root: &Path, names: &[&str], progress: Progress) -> Result<Built, String> {
    examples_in(root, None, names, &[], progress)
}

/// Builds the named examples of `package` (the workbook's own, if `None`) with cargo features
/// turned on (such as `exercise-keys`).
pub fn examples_in(
    root: &Path,
    package: Option<&str>,
    names: &[&str],
    features: &[&str],
    progress: Progress,
) -> Result<Built, String> {
    let mut command = cargo();
    command.current_dir(root).args([
        "build",
        "--keep-going",
        "--message-format=json-render-diagnostics",
    ]);
    if let Some(package) = package {
        command.args(["--package", package]);
    }
    if !features.is_empty() {
        command.args(["--features", &features.join(",")]);
    }
    for name in names {
        command.args(["--example", name]);
    }
    if progress == Progress::Quiet {
        command.arg("--quiet");
    }
    cargo_json(command, progress)
}

/// Compiles the named compile-fail lessons, which only build with the `compile-fail` feature,
/// and records the first error of each.
pub fn compile_fail_lessons(root: &Path, names: &[&str]) -> Result<Built, String> {
    let mut command = cargo();
    command.current_dir(root).args([
        "build",
        "--quiet",
        "--keep-going",
        "--features",
        "compile-fail",
        "--message-format=json",
    ]);
    for name in names {
        command.args(["--example", name]);
    }
    cargo_json(command, Progress::Quiet)
}

fn cargo_json(mut command: Command, progress: Progress) -> Result<Built, String> {
    command.stdout(Stdio::piped());
    command.stderr(match progress {
        Progress::Show => Stdio::inherit(),
        Progress::Quiet => Stdio::piped(),
    });
    let output = run_listed(command).map_err(|e| format!("cannot run cargo: {e}"))?;
    let mut built = Built::default();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        if let Ok(message) = serde_json::from_str::<Value>(line) {
            record(&mut built, &message);
        }
    }
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr).trim().to_string();
        built.failure = Some(if stderr.is_empty() {
            "cargo build failed (its errors are above)".to_string()
        } else {
            stderr
        });
    }
    Ok(built)
}

fn record(built: &mut Built, message: &Value) {
    let target = &message["target"];
    let name = target["name"].as_str().unwrap_or_default().to_string();
    let kinds: Vec<&str> = target["kind"]
        .as_array()
        .map(|k| k.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    match message["reason"].as_str() {
        Some("compiler-artifact") => {
            if let Some(program) = message["executable"].as_str() {
                if kinds.contains(&"example") {
                    built.programs.insert(name, stable_path(Path::new(program)));
                }
            } else if kinds.iter().any(|k| k.ends_with("lib")) {
                let rlib = message["filenames"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .find(|f| f.ends_with(".rlib"));
                if let Some(rlib) = rlib {
                    built
                        .libraries
                        .insert(name.replace('-', "_"), PathBuf::from(rlib));
                }
            }
        }
        Some("compiler-message") => {
            let diagnostic = &message["message"];
            if diagnostic["level"] == "error" && !built.first_errors.contains_key(&name) {
                let rendered = diagnostic["rendered"].as_str().unwrap_or_default();
                built.first_errors.insert(
                    name,
                    Diagnostic {
                        headline: headline(diagnostic),
                        rendered: tidy(rendered),
                    },
                );
            }
        }
        _ => {}
    }
}

/// Runs a build to its end, as `Command::output` does, in a process group of its own that the
/// signal handler kills with the programs under way (`signals`): a harness interrupted during a
/// build stops the build too, and a build goes if the harness dies (`run::isolate`).
pub fn run_listed(mut command: Command) -> std::io::Result<std::process::Output> {
    crate::signals::kill_children_on_signals();
    crate::run::isolate(&mut command);
    let (child, _group) = {
        let _spawning = crate::orphans::SPAWNING
            .read()
            .unwrap_or_else(|e| e.into_inner());
        let child = command.spawn()?;
        let group = crate::signals::Group::new(child.id());
        (child, group)
    };
    child.wait_with_output()
}

/// The crates an example may use, as `rustc --extern` names them.
const EXAMPLE_CRATES: [&str; 10] = [
    "smol",
    "futures_lite",
    "async_channel",
    "async_io",
    "tokio",
    "workbook",
    "pin_project_lite",
    "atomic_waker",
    "async_signal",
    "libc",
];

/// Compiles one source file into `program` with rustc, against the crates a cargo build of the
/// examples produced (`built`, which must include a build of some example), at a lower CPU
/// priority: programs may be being timed meanwhile. For a changed copy of an example, without
/// touching the workbook. Returns rustc's errors if it does not compile.
///
/// A program compiled before from the same source against the same crates is reused (from
/// `compile-cache/` next to cargo's `deps/`), as cargo reuses what it built.
pub fn compile_alone(built: &Built, file: &Path, program: &Path) -> Result<(), String> {
    let smol = built
        .libraries
        .get("smol")
        .ok_or("compile_alone needs a build of the examples first")?;
    let deps = smol.parent().unwrap_or(Path::new("."));
    let source = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let cache = deps.with_file_name("compile-cache");
    prune_cache(built, &cache);
    let cached = cache.join(format!("{:016x}", cache_key(built, &source)));
    // Linked, never copied: a file this process has open for writing would be inherited by a
    // program another thread starts meanwhile, and running this one would fail (ETXTBSY).
    let _ = std::fs::remove_file(program);
    if std::fs::hard_link(&cached, program).is_ok() {
        return Ok(());
    }
    let mut rustc = Command::new(std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into()));
    crate::run::lower_priority(&mut rustc);
    rustc
        .args(["--edition", "2024", "--crate-type", "bin", "-A", "warnings"])
        .args(["-C", "debuginfo=0", "-o"])
        .arg(program)
        .arg(file)
        .arg("-L")
        .arg(format!("dependency={}", deps.display()));
    for krate in EXAMPLE_CRATES {
        if let Some(rlib) = built.libraries.get(krate) {
            rustc
                .arg("--extern")
                .arg(format!("{krate}={}", rlib.display()));
        }
    }
    let output = run_listed(rustc).map_err(|e| format!("cannot run rustc: {e}"))?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    // Into the cache, linked (see above): a whole program, from the moment it appears there.
    let _ = std::fs::create_dir_all(&cache);
    let _ = std::fs::hard_link(program, &cached);
    Ok(())
}

/// Removes, once a process, the programs of the cache compiled before the newest of the crates
/// they link was built: their keys name the crates as they were, so they can never be used
/// again, and without this the cache grows by a program a mistake or mutant at every rebuild.
fn prune_cache(built: &Built, cache: &Path) {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let modified = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
        let newest = EXAMPLE_CRATES
            .iter()
            .filter_map(|krate| built.libraries.get(*krate))
            .filter_map(|rlib| modified(rlib))
            .max();
        let (Some(newest), Ok(entries)) = (newest, std::fs::read_dir(cache)) else {
            return;
        };
        for entry in entries.flatten() {
            if modified(&entry.path()).is_some_and(|made| made < newest) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    });
}

/// What a program compiled alone depends on: its source, the crates it links (path and time of
/// change) and the compiler.
fn cache_key(built: &Built, source: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    source.hash(&mut hasher);
    for krate in EXAMPLE_CRATES {
        if let Some(rlib) = built.libraries.get(krate) {
            rlib.hash(&mut hasher);
            let changed = std::fs::metadata(rlib).and_then(|m| m.modified()).ok();
            changed.hash(&mut hasher);
        }
    }
    std::env::var_os("RUSTC").hash(&mut hasher);
    hasher.finish()
}

/// The first line of a diagnostic as rustc prints it: `error[E0061]: this function takes ...`.
/// A lint made an error (`#![deny(unused_must_use)]`) has the lint's name as its code in the JSON,
/// but rustc prints it without one: `error: unused implementer of ...`.
/// The file of a built program that no other build replaces. Cargo reports an example as
/// `target/debug/examples/NAME`, a link it makes to `NAME-HASH`, where the hash stands for the
/// build's settings; and another build of NAME with other features (a test that builds the
/// examples without `exercise-keys`, say) replaces that link, which for a moment does not exist.
/// `NAME-HASH` stays. So: the file in the same directory named `NAME-...` that is the same file
/// (same inode), or the path as given if there is none.
fn stable_path(program: &Path) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let (Some(dir), Some(name), Ok(meta)) = (
            program.parent(),
            program.file_name().and_then(|n| n.to_str()),
            std::fs::metadata(program),
        ) else {
            return program.to_path_buf();
        };
        let twin = std::fs::read_dir(dir).ok().and_then(|entries| {
            entries.flatten().map(|e| e.path()).find(|path| {
                let hashed = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .and_then(|n| n.strip_prefix(name)?.strip_prefix('-'))
                    .is_some_and(|hash| hash.bytes().all(|b| b.is_ascii_hexdigit()));
                hashed
                    && std::fs::metadata(path)
                        .is_ok_and(|m| m.ino() == meta.ino() && m.dev() == meta.dev())
            })
        });
        twin.unwrap_or_else(|| program.to_path_buf())
    }
    #[cfg(not(unix))]
    program.to_path_buf()
}

/// A compile error, as rustc reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// Its first line: `error[E0061]: this function takes 1 argument ...`.
    pub headline: String,
    /// All of it, as rustc prints it (without colours), lines trimmed at the end.
    pub rendered: String,
}

/// The Rust release whose compile errors the compile-fail lessons' `.stderr` files record whole.
/// With it, a lesson's whole first error is compared; with another release, only its first line,
/// since releases reword the notes and suggestions below it.
pub const RUSTC_OF_RECORD: &str = "1.95.0";

/// The release of the `rustc` on the `PATH`, such as `1.95.0`.
pub fn rustc_release() -> Option<String> {
    let output = Command::new("rustc").arg("--version").output().ok()?;
    let version = String::from_utf8_lossy(&output.stdout);
    version.split_whitespace().nth(1).map(str::to_string)
}

/// Text with each line's trailing spaces, and blank lines at the end, removed: what an editor
/// may do to a file, and what does not matter in a diagnostic.
pub fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    lines.join("\n").trim_end().to_string()
}

pub fn headline(diagnostic: &Value) -> String {
    let message = diagnostic["message"].as_str().unwrap_or_default();
    match diagnostic["code"]["code"].as_str() {
        Some(code) if is_error_code(code) => format!("error[{code}]: {message}"),
        _ => format!("error: {message}"),
    }
}

/// Whether `code` is one of rustc's error codes (`E0061`), rather than a lint's name.
fn is_error_code(code: &str) -> bool {
    code.len() == 5 && code.starts_with('E') && code[1..].bytes().all(|b| b.is_ascii_digit())
}

/// The error code in a headline: `E0061` in `error[E0061]: ...`.
pub fn error_code(headline: &str) -> Option<&str> {
    headline.strip_prefix("error[")?.split(']').next()
}

/// What `cargo metadata` says of the workspace at `root`, run with `args` besides
/// `--format-version 1 --quiet` (`--no-deps` for the workspace's own packages only).
pub fn cargo_metadata(root: &Path, args: &[&str]) -> Result<Value, String> {
    let output = cargo()
        .current_dir(root)
        .arg("metadata")
        .args(args)
        .args(["--format-version", "1", "--quiet"])
        .output()
        .map_err(|e| format!("cannot run cargo metadata: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("cargo metadata printed something else than JSON: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_read_like_rustc() {
        let with_code: Value = serde_json::from_str(
            r#"{"level":"error","message":"mismatched types","code":{"code":"E0308"}}"#,
        )
        .unwrap();
        assert_eq!(headline(&with_code), "error[E0308]: mismatched types");
        let without: Value =
            serde_json::from_str(r#"{"level":"error","message":"oops","code":null}"#).unwrap();
        assert_eq!(headline(&without), "error: oops");
        let lint: Value = serde_json::from_str(
            r#"{"level":"error","message":"unused result","code":{"code":"unused_must_use"}}"#,
        )
        .unwrap();
        assert_eq!(headline(&lint), "error: unused result");
        assert_eq!(error_code("error[E0061]: this function"), Some("E0061"));
        assert_eq!(error_code("error: oops"), None);
    }
}
