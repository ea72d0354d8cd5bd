//! An exercise is declared once: by its directory, `xtask/exercises/NAME/`, which holds its
//! handout, its solution, its expected output and its hints. Everything else an exercise needs
//! follows from that, and is checked against it ([`drift`]) or written by
//! `cargo xtask new-exercise NAME` ([`new_exercise`]):
//!
//! - two `[[example]]`s of the root package, `NAME_handout` and `NAME_solution`, built with the
//!   `exercise-keys` feature (read with `cargo metadata`, as cargo reads the manifest);
//! - an `[[example]]` `NAME` of the `exercises` package, and the reader's copy `exercises/NAME.rs`;
//! - a line in the list of `tests/workbook/exercises.rs`, so that each exercise is a test.
//!
//! (The chapter's exercises page includes the expected output: `cargo xtask lint` checks that.)

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::catalog::{EXERCISE_KEYS, EXERCISES};

/// The test file that lists every exercise, and the macro that holds the list.
pub const TEST_LIST: &str = "tests/workbook/exercises.rs";
const LIST_OPEN: &str = "exercises! {\n";

/// The feature the exercises' keys are built with.
const KEYS_FEATURE: &str = "exercise-keys";

/// The maintainers' programs of exercise `name`, as (kind, file relative to the root): its
/// handout and its solution. (Its usual mistakes are changes to the solution: see
/// [`crate::mistakes`].)
pub fn key_files(_root: &Path, name: &str) -> Vec<(String, PathBuf)> {
    let dir = Path::new(EXERCISE_KEYS).join(name);
    ["handout", "solution"]
        .map(|kind| (kind.to_string(), dir.join(format!("{kind}.rs"))))
        .into()
}

/// Where the places derived from the exercises `names` disagree with them, one problem a line.
pub fn drift(root: &Path, names: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    let examples = match examples_by_package(root) {
        Ok(examples) => examples,
        Err(why) => return vec![why],
    };
    let mut keys = Vec::new();
    for name in names {
        for (kind, file) in key_files(root, name) {
            let target = format!("{name}_{kind}");
            let path = root.join(&file);
            let file = file.display();
            match examples
                .iter()
                .find(|e| e.package == "async-workbook" && e.name == target)
            {
                None => problems.push(format!(
                    "Cargo.toml has no [[example]] {target} (path = \"{file}\", \
                     required-features = [\"{KEYS_FEATURE}\"]); `cargo xtask new-exercise` \
                     writes it"
                )),
                Some(e) if e.path != path || !e.features.iter().any(|f| f == KEYS_FEATURE) => {
                    problems.push(format!(
                        "Cargo.toml's [[example]] {target} must have path = \"{file}\" and \
                         required-features = [\"{KEYS_FEATURE}\"]"
                    ))
                }
                Some(_) => {}
            }
            keys.push(target);
        }
        let copy = root.join(EXERCISES).join(format!("{name}.rs"));
        match examples
            .iter()
            .find(|e| e.package == EXERCISES && e.name == *name)
        {
            None => problems.push(format!(
                "{EXERCISES}/Cargo.toml has no [[example]] {name} (path = \"{name}.rs\")"
            )),
            Some(e) if e.path != copy => problems.push(format!(
                "{EXERCISES}/Cargo.toml's [[example]] {name} must have path = \"{name}.rs\""
            )),
            Some(_) => {}
        }
    }
    // The other way round: an entry for an exercise that is not declared.
    for e in &examples {
        let declared = |n: &str| names.contains(&n);
        let stray = match e.package.as_str() {
            "async-workbook" => {
                e.features.iter().any(|f| f == KEYS_FEATURE) && !keys.contains(&e.name)
            }
            EXERCISES => !declared(&e.name),
            _ => false,
        };
        if stray {
            problems.push(format!(
                "the {} package has an [[example]] {} ({}), but no exercise of \
                 {EXERCISE_KEYS}/ has that file",
                e.package,
                e.name,
                e.path.strip_prefix(root).unwrap_or(&e.path).display()
            ));
        }
    }
    match listed(root) {
        Err(why) => problems.push(why),
        Ok(listed) => {
            for name in names.iter().filter(|n| !listed.iter().any(|l| l == *n)) {
                problems.push(format!("{TEST_LIST} does not list {name}"));
            }
            for name in listed.iter().filter(|l| !names.contains(&l.as_str())) {
                problems.push(format!(
                    "{TEST_LIST} lists {name}, but no exercise {EXERCISE_KEYS}/{name}/ declares it"
                ));
            }
        }
    }
    problems
}

/// One `[[example]]` of a package of the workspace.
struct Target {
    package: String,
    name: String,
    path: PathBuf,
    features: Vec<String>,
}

/// The examples of the workspace's packages, as cargo reads the manifests.
fn examples_by_package(root: &Path) -> Result<Vec<Target>, String> {
    let metadata = crate::build::cargo_metadata(root, &["--no-deps"])?;
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str().map(str::to_string))
            .collect()
    };
    let mut found = Vec::new();
    for package in metadata["packages"].as_array().into_iter().flatten() {
        let name = package["name"].as_str().unwrap_or_default();
        for target in package["targets"].as_array().into_iter().flatten() {
            if !strings(&target["kind"]).iter().any(|k| k == "example") {
                continue;
            }
            found.push(Target {
                package: name.to_string(),
                name: target["name"].as_str().unwrap_or_default().to_string(),
                path: PathBuf::from(target["src_path"].as_str().unwrap_or_default()),
                features: strings(&target["required-features"]),
            });
        }
    }
    Ok(found)
}

/// The names in the list of [`TEST_LIST`].
fn listed(root: &Path) -> Result<Vec<String>, String> {
    let text = fs::read_to_string(root.join(TEST_LIST))
        .map_err(|e| format!("cannot read {TEST_LIST}: {e}"))?;
    let start = text
        .find(LIST_OPEN)
        .ok_or_else(|| format!("{TEST_LIST} has no `{}` list", LIST_OPEN.trim()))?;
    let body = &text[start + LIST_OPEN.len()..];
    let end = body.find('}').unwrap_or(body.len());
    Ok(body[..end]
        .split(',')
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect())
}

/// Writes every place a new exercise `name` needs: its directory with a handout, a solution, an
/// expected output and hints to fill in; its `[[example]]`s; the reader's copy; its line in the
/// test list. Returns the files it wrote or changed. Refuses a name that is taken or malformed.
pub fn new_exercise(root: &Path, name: &str) -> Result<Vec<PathBuf>, String> {
    let well_formed = name.len() > 5
        && name.starts_with("ex")
        && name[2..4].bytes().all(|b| b.is_ascii_digit())
        && name.as_bytes()[4] == b'_'
        && name[5..]
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !well_formed {
        return Err(format!(
            "an exercise's name is `exNN_what_it_asks`, such as `ex16_retry_with_backoff`, not \
             '{name}'"
        ));
    }
    let dir = root.join(EXERCISE_KEYS).join(name);
    if dir.exists() {
        return Err(format!("{} exists already", dir.display()));
    }
    let mut written = Vec::new();
    let mut write = |path: PathBuf, text: &str| -> Result<(), String> {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(path);
        Ok(())
    };
    let handout = format!(
        "//! {name}: say in one line what the reader is to write.\n//!\n//! Then what the program \
         must print, and how to check it:\n//! `cargo xtask check {name}`.\n\nuse \
         workbook::say;\n\nfn main() {{\n    todo!(\"write the exercise\");\n}}\n"
    );
    write(dir.join("handout.rs"), &handout)?;
    write(
        dir.join("solution.rs"),
        "//! Solution: say in one line how it is solved.\n\nuse workbook::say;\n\nfn main() {\n    \
         say!(\"done\");\n}\n",
    )?;
    write(dir.join("expected.stdout"), "[0.00s] done\n")?;
    write(
        dir.join("hints.md"),
        &format!(
            "# Hints: {name}\n\n## Hint 1\n\nA nudge: which idea of the chapter does it need?\n\n\
             ## Hint 2\n\nA step further: what to use, where.\n\n## Hint 3\n\nNearly the \
             answer: the shape of the code, not the code.\n"
        ),
    )?;
    write(root.join(EXERCISES).join(format!("{name}.rs")), &handout)?;
    let append = |path: PathBuf, text: String, written: &mut Vec<PathBuf>| -> Result<(), String> {
        let mut current = fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if !current.ends_with('\n') {
            current.push('\n');
        }
        current.push_str(&text);
        fs::write(&path, current).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(path);
        Ok(())
    };
    let keys: String = ["handout", "solution"]
        .map(|kind| {
            format!(
                "\n[[example]]\nname = \"{name}_{kind}\"\npath = \"{EXERCISE_KEYS}/{name}/{kind}.rs\"\n\
                 required-features = [\"{KEYS_FEATURE}\"]\n"
            )
        })
        .concat();
    append(root.join("Cargo.toml"), keys, &mut written)?;
    append(
        root.join(EXERCISES).join("Cargo.toml"),
        format!("\n[[example]]\nname = \"{name}\"\npath = \"{name}.rs\"\n"),
        &mut written,
    )?;
    // The test list, kept in order.
    let list = root.join(TEST_LIST);
    let text = fs::read_to_string(&list).map_err(|e| format!("cannot read {TEST_LIST}: {e}"))?;
    let mut names = listed(root)?;
    names.push(name.to_string());
    names.sort();
    let start = text
        .find(LIST_OPEN)
        .map(|at| at + LIST_OPEN.len())
        .unwrap_or(0);
    let end = start + text[start..].find('}').unwrap_or(0);
    let body: String = names.iter().map(|n| format!("    {n},\n")).collect();
    fs::write(&list, format!("{}{body}{}", &text[..start], &text[end..]))
        .map_err(|e| format!("cannot write {TEST_LIST}: {e}"))?;
    written.push(list);
    Ok(written)
}
