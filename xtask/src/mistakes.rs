//! The usual mistakes of an exercise: wrong solutions a reader would plausibly write, each of
//! which the exercise's check must catch. A mistake is kept as the change it makes to the
//! reference solution, not as a copy of it, so that it follows the solution when the solution
//! changes: `xtask/exercises/NAME/mistakes/WHAT.md`, in this form:
//!
//! ````text
//! # Mistake: the permit bound to `let _`, dropped at once
//!
//! feedback: drops what it gets on that very line
//!
//! ```rust
//!         let _permit = places.acquire().await;
//! ```
//!
//! becomes
//!
//! ```rust
//!         let _ = places.acquire().await;
//! ```
//! ````
//!
//! The heading says what goes wrong; each `feedback:` line, words the check's feedback must say
//! about it (the trap it falls into, say); then code blocks in pairs, a passage of the solution
//! (which must stand in it exactly once) and what it becomes. `cargo test` builds each mistake
//! (the solution with its passages replaced) and checks that it fails, with that feedback.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::Example;
use crate::catalog::EXERCISE_KEYS;

/// One usual mistake of an exercise.
#[derive(Clone, Debug, PartialEq)]
pub struct Mistake {
    /// The exercise's name.
    pub exercise: String,
    /// The mistake's name, its file's stem.
    pub what: String,
    /// Its file, relative to the root.
    pub file: PathBuf,
    /// What goes wrong, from its heading.
    pub about: String,
    /// Words the feedback must say.
    pub feedback: Vec<String>,
    /// Each passage of the solution, and what it becomes.
    pub edits: Vec<(String, String)>,
}

impl Mistake {
    /// The name it is built and reported under.
    pub fn name(&self) -> String {
        format!("{}_mistake_{}", self.exercise, self.what)
    }

    /// The program: `solution` with each passage replaced. Fails, naming the passage, if one
    /// does not stand in the solution exactly once.
    pub fn apply(&self, solution: &str) -> Result<String, String> {
        let mut text = solution.to_string();
        for (i, (from, to)) in self.edits.iter().enumerate() {
            match text.matches(from.as_str()).count() {
                1 => text = text.replacen(from.as_str(), to, 1),
                n => {
                    return Err(format!(
                        "{}: passage {} stands {n} times in the solution, not once: {:?}; \
                         quote it as the solution has it, with a line more around it if it \
                         stands twice",
                        self.file.display(),
                        i + 1,
                        from.lines().next().unwrap_or_default()
                    ));
                }
            }
        }
        Ok(text)
    }
}

/// Reads the mistakes kept for exercise `name`, in name order.
pub fn read(root: &Path, name: &str) -> Result<Vec<Mistake>, String> {
    let dir = Path::new(EXERCISE_KEYS).join(name).join("mistakes");
    let Ok(entries) = fs::read_dir(root.join(&dir)) else {
        return Ok(Vec::new());
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let what = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            let file = dir.join(format!("{what}.md"));
            let text = fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            parse(&text)
                .map(|(about, feedback, edits)| Mistake {
                    exercise: name.to_string(),
                    what,
                    file: file.clone(),
                    about,
                    feedback,
                    edits,
                })
                .map_err(|why| format!("{}: {why}", file.display()))
        })
        .collect()
}

type Parsed = (String, Vec<String>, Vec<(String, String)>);

/// Reads a mistake's file: its heading, its `feedback:` lines, and its code blocks in pairs.
pub fn parse(text: &str) -> Result<Parsed, String> {
    let mut about = None;
    let mut feedback = Vec::new();
    let mut blocks: Vec<String> = Vec::new();
    let mut open: Option<(&str, String)> = None;
    for line in text.lines() {
        if let Some((fence, block)) = &mut open {
            if line.trim_start().starts_with(*fence) && line.trim() == *fence {
                blocks.push(std::mem::take(block));
                open = None;
            } else {
                block.push_str(line);
                block.push('\n');
            }
            continue;
        }
        let trimmed = line.trim_start();
        if let Some(heading) = line.strip_prefix("# Mistake:") {
            about = Some(heading.trim().to_string());
        } else if let Some(words) = line.strip_prefix("feedback:") {
            feedback.push(words.trim().to_string());
        } else if trimmed.starts_with("```") {
            let fence = &trimmed[..trimmed.len() - trimmed.trim_start_matches('`').len()];
            open = Some((fence, String::new()));
        }
    }
    if open.is_some() {
        return Err("a code block is not closed".to_string());
    }
    let about = about.ok_or("it has no heading `# Mistake: what goes wrong`")?;
    if blocks.is_empty() || !blocks.len().is_multiple_of(2) {
        return Err(format!(
            "it has {} code blocks: they come in pairs, a passage of the solution and what it \
             becomes",
            blocks.len()
        ));
    }
    if let Some(empty) = blocks.iter().step_by(2).position(|b| b.is_empty()) {
        return Err(format!(
            "passage {} is empty: quote a line of the solution",
            empty + 1
        ));
    }
    let edits = blocks
        .chunks(2)
        .map(|pair| (pair[0].clone(), pair[1].clone()))
        .collect();
    Ok((about, feedback, edits))
}

/// What is wrong with the exercises' mistakes: a file that cannot be read, or a passage that no
/// longer stands in its solution exactly once (the solution changed under it).
pub fn problems(workbook: &crate::Workbook) -> Vec<String> {
    let mut problems = Vec::new();
    for exercise in &workbook.exercises {
        let solution = Path::new(EXERCISE_KEYS)
            .join(&exercise.name)
            .join("solution.rs");
        let Ok(solution) = fs::read_to_string(workbook.root.join(solution)) else {
            continue;
        };
        match read(&workbook.root, &exercise.name) {
            Err(why) => problems.push(why),
            Ok(mistakes) => {
                problems.extend(mistakes.iter().filter_map(|m| m.apply(&solution).err()))
            }
        }
    }
    problems
}

/// Builds every usual mistake of `exercises`, each alone with rustc (against the crates of
/// `built`, a build of some example), into `dir`, several at once. Returns each as an example to
/// check (the exercise's solution key, renamed, failing by design), with its program; and, for a
/// mistake that cannot be built, why.
pub fn compile(
    workbook: &crate::Workbook,
    exercises: &[&Example],
    built: &crate::build::Built,
    dir: &Path,
) -> Result<(Vec<Example>, BTreeMap<String, PathBuf>), String> {
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let keys = crate::exercise::keys(&workbook.root, exercises);
    let mut work = Vec::new();
    for exercise in exercises {
        let Some(solution) = keys
            .iter()
            .find(|k| k.name == format!("{}_solution", exercise.name))
        else {
            continue;
        };
        let text = fs::read_to_string(workbook.root.join(&solution.source))
            .map_err(|e| format!("cannot read {}: {e}", solution.source.display()))?;
        for mistake in read(&workbook.root, &exercise.name)? {
            let code = mistake.apply(&text)?;
            let example = Example {
                name: mistake.name(),
                source: mistake.file.clone(),
                fails_by_design: true,
                ..solution.clone()
            };
            work.push((example, code));
        }
    }
    let next = Mutex::new(work.iter());
    let done = Mutex::new(BTreeMap::new());
    let failed = Mutex::new(Vec::new());
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..cores {
            scope.spawn(|| {
                loop {
                    let Some((example, code)) = next.lock().unwrap().next() else {
                        break;
                    };
                    let file = dir.join(format!("{}.rs", example.name));
                    let program = dir.join(&example.name);
                    let built = fs::write(&file, code)
                        .map_err(|e| e.to_string())
                        .and_then(|()| crate::build::compile_alone(built, &file, &program));
                    match built {
                        Ok(()) => {
                            done.lock().unwrap().insert(example.name.clone(), program);
                        }
                        Err(errors) => failed.lock().unwrap().push(format!(
                            "{} ({}) does not compile: a usual mistake must compile and fail by \
                             its output:\n{errors}",
                            example.name,
                            example.source.display()
                        )),
                    }
                }
            });
        }
    });
    let failed = failed.into_inner().unwrap();
    if !failed.is_empty() {
        return Err(failed.join("\n"));
    }
    Ok((
        work.into_iter().map(|(e, _)| e).collect(),
        done.into_inner().unwrap(),
    ))
}

/// Writes a new mistake `what` of exercise `name`, to fill in. Returns its file.
pub fn new(root: &Path, name: &str, what: &str) -> Result<PathBuf, String> {
    if !root
        .join(EXERCISE_KEYS)
        .join(name)
        .join("solution.rs")
        .is_file()
    {
        return Err(format!(
            "{EXERCISE_KEYS}/{name}/solution.rs does not exist: is {name} an exercise?"
        ));
    }
    let well_formed = !what.is_empty()
        && what
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !well_formed {
        return Err(format!(
            "a mistake's name is lower case words joined by `_`, such as \
             `let_underscore_permit`, not '{what}'"
        ));
    }
    let file = Path::new(EXERCISE_KEYS)
        .join(name)
        .join("mistakes")
        .join(format!("{what}.md"));
    let path = root.join(&file);
    if path.exists() {
        return Err(format!("{} exists already", file.display()));
    }
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let template = "# Mistake: say in one line what goes wrong\n\n\
        feedback: words the check's feedback must say about it (or delete this line)\n\n\
        ```rust\na passage of the solution, exactly as it stands there (once)\n```\n\n\
        becomes\n\n```rust\nwhat the reader wrote instead\n```\n";
    fs::write(&path, template).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MISTAKE: &str = "# Mistake: the permit dropped at once\n\n\
        feedback: drops what it gets\n\n```rust\n    let _permit = p.acquire().await;\n```\n\n\
        becomes\n\n```rust\n    let _ = p.acquire().await;\n```\n";

    #[test]
    fn a_mistake_is_the_solution_with_passages_replaced() {
        let (about, feedback, edits) = parse(MISTAKE).unwrap();
        assert_eq!(about, "the permit dropped at once");
        assert_eq!(feedback, ["drops what it gets"]);
        let mistake = Mistake {
            exercise: "ex01_x".into(),
            what: "dropped".into(),
            file: "m.md".into(),
            about,
            feedback,
            edits,
        };
        let solution = "fn main() {\n    let _permit = p.acquire().await;\n    go();\n}\n";
        assert_eq!(
            mistake.apply(solution).unwrap(),
            "fn main() {\n    let _ = p.acquire().await;\n    go();\n}\n"
        );
        assert_eq!(mistake.name(), "ex01_x_mistake_dropped");
    }

    #[test]
    fn a_passage_not_in_the_solution_once_is_an_error() {
        let (about, feedback, edits) = parse(MISTAKE).unwrap();
        let mistake = Mistake {
            exercise: "ex01_x".into(),
            what: "dropped".into(),
            file: "m.md".into(),
            about,
            feedback,
            edits,
        };
        let gone = mistake.apply("fn main() {}\n").unwrap_err();
        assert!(gone.contains("stands 0 times in the solution"), "{gone}");
        let twice = "    let _permit = p.acquire().await;\n    let _permit = p.acquire().await;\n";
        assert!(mistake.apply(twice).unwrap_err().contains("stands 2 times"));
    }

    #[test]
    fn malformed_mistakes_say_what_to_do() {
        assert!(
            parse("```rust\na\n```\n")
                .unwrap_err()
                .contains("no heading")
        );
        let odd = parse("# Mistake: x\n```rust\na\n```\n").unwrap_err();
        assert!(odd.contains("1 code blocks"), "{odd}");
        let open = parse("# Mistake: x\n```rust\na\n").unwrap_err();
        assert!(open.contains("not closed"), "{open}");
    }
}
