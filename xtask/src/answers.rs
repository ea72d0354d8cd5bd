//! No page hands out an exercise's answer. An exercise asks for the lesson's idea in a shape the
//! pages have not shown; if most of what a solution adds to its handout stands, word for word,
//! in an example the book shows (or in the exercise's own hints), the reader copies instead of
//! thinking.
//!
//! A solution's added lines are its code lines (trimmed; not blank, not comments, not imports,
//! which name the tools but not how they are used; with a letter or a digit, so that a lone `}`
//! does not count) that its handout does not have, counted as a multiset. At most [`SHARE`] of
//! them may stand in a shown file.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use crate::Workbook;
use crate::catalog::EXERCISE_KEYS;

/// The share of a solution's added lines that may stand in a shown file: a quarter.
pub const SHARE: (usize, usize) = (1, 4);

/// The lines of `code` that count, trimmed.
pub fn code_lines(code: &str) -> Vec<&str> {
    code.lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("//") && !l.starts_with('#') && !l.starts_with("use "))
        .filter(|l| l.chars().any(char::is_alphanumeric))
        .collect()
}

/// The code lines `solution` adds to `handout`: each line as often as the solution has it more
/// than the handout.
pub fn added<'s>(handout: &str, solution: &'s str) -> Vec<&'s str> {
    let mut have: HashMap<&str, usize> = HashMap::new();
    for line in code_lines(handout) {
        *have.entry(line).or_default() += 1;
    }
    code_lines(solution)
        .into_iter()
        .filter(|line| match have.get_mut(line) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .collect()
}

/// For each added line of an exercise that stands in a shown file, which file.
pub fn shown_lines<'s>(
    added: &[&'s str],
    shown: &BTreeMap<PathBuf, BTreeSet<String>>,
) -> Vec<(&'s str, PathBuf)> {
    added
        .iter()
        .filter_map(|line| {
            shown
                .iter()
                .find(|(_, lines)| lines.contains(*line))
                .map(|(file, _)| (*line, file.clone()))
        })
        .collect()
}

/// The exercises whose answer the book hands out, given the files its pages include (paths
/// relative to the root): the examples' sources among them, and each exercise's hints, count as
/// shown.
pub fn problems(workbook: &Workbook, included: &BTreeSet<PathBuf>) -> Vec<String> {
    let root = &workbook.root;
    let read = |path: &Path| fs::read_to_string(root.join(path)).unwrap_or_default();
    let mut shown: BTreeMap<PathBuf, BTreeSet<String>> = included
        .iter()
        .filter(|p| p.starts_with("examples") && p.extension().is_some_and(|e| e == "rs"))
        .map(|p| {
            let lines = code_lines(&read(p)).into_iter().map(String::from).collect();
            (p.clone(), lines)
        })
        .collect();
    let mut problems = Vec::new();
    for exercise in &workbook.exercises {
        let keys = Path::new(EXERCISE_KEYS).join(&exercise.name);
        let hints = keys.join("hints.md");
        let hint_code: BTreeSet<String> = code_lines(&read(&hints))
            .into_iter()
            .map(String::from)
            .collect();
        shown.insert(hints.clone(), hint_code);
        let (handout, solution) = (
            read(&keys.join("handout.rs")),
            read(&keys.join("solution.rs")),
        );
        let added = added(&handout, &solution);
        let found = shown_lines(&added, &shown);
        shown.remove(&hints);
        if found.len() * SHARE.1 > added.len() * SHARE.0 {
            let mut by_file: BTreeMap<&Path, Vec<&str>> = BTreeMap::new();
            for (line, file) in &found {
                by_file.entry(file).or_default().push(line);
            }
            let files: Vec<String> = by_file
                .iter()
                .map(|(file, lines)| {
                    format!(
                        "{} ({} lines, `{}`...)",
                        file.display(),
                        lines.len(),
                        lines[0]
                    )
                })
                .collect();
            problems.push(format!(
                "{}: {} of the {} code lines its solution adds stand word for word in what the \
                 book shows ({}); at most a quarter may. Ask for the idea in a shape no page \
                 shows, or hint at it without the code",
                exercise.name,
                found.len(),
                added.len(),
                files.join(", ")
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_lines_are_counted_as_a_multiset_without_braces_or_comments() {
        let handout = "fn main() {\n    // TODO\n    let a = 1;\n}\n";
        let solution =
            "fn main() {\n    // done\n    let a = 1;\n    let a = 1;\n    go(a);\n    }\n}\n";
        assert_eq!(added(handout, solution), ["let a = 1;", "go(a);"]);
    }

    #[test]
    fn a_solution_copied_from_a_shown_example_is_caught() {
        let shown = BTreeMap::from([(
            PathBuf::from("examples/park.rs"),
            ["thread::park();", "let waker = Waker::from(signal);"]
                .map(String::from)
                .into(),
        )]);
        let copied = [
            "thread::park();",
            "let waker = Waker::from(signal);",
            "fresh();",
        ];
        assert_eq!(shown_lines(&copied, &shown).len(), 2);
        let own = ["loop_until_ready();", "thread::park();", "a();", "b();"];
        assert_eq!(shown_lines(&own, &shown).len(), 1, "a quarter is allowed");
    }
}
