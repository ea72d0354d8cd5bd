//! Hints in steps. Each exercise has two or three, in `xtask/exercises/NAME/hints.md`, from a
//! nudge to nearly the answer:
//!
//! ````text
//! ## Hint 1
//!
//! Which of the two runs first, and why?
//!
//! ## Hint 2
//!
//! ...
//! ````
//!
//! The reader gets them one at a time, with `cargo xtask hint NAME` (which remembers how many
//! they have read, in `target/xtask/hints/`); a failed check says which one to read next; and the
//! chapter's exercises page shows them folded where it writes `<!-- hints: NAME -->` (the book's
//! preprocessor puts them there, each a `<details>` with its Markdown inside, where a translation
//! tool finds it).

use std::fs;
use std::path::{Path, PathBuf};

use crate::catalog::EXERCISE_KEYS;
use crate::markdown::Page;
use crate::{Example, Workbook};

/// How many hints an exercise has: a nudge, and at most two steps more.
pub const FEWEST: usize = 2;
pub const MOST: usize = 3;

/// Where a page asks for an exercise's hints.
const MARK: &str = "<!-- hints:";

/// The hints file of exercise `name`, relative to the root.
pub fn file(name: &str) -> PathBuf {
    Path::new(EXERCISE_KEYS).join(name).join("hints.md")
}

/// The hints of exercise `name`, in order, each its Markdown (without its heading).
pub fn read(root: &Path, name: &str) -> Result<Vec<String>, String> {
    let path = file(name);
    let text = fs::read_to_string(root.join(&path))
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    parse(&text).map_err(|why| format!("{}: {why}", path.display()))
}

/// Splits a hints file at its `## Hint N` headings (not inside code blocks), checking that they
/// count 1, 2, 3 and that each has something to say.
pub fn parse(text: &str) -> Result<Vec<String>, String> {
    let mut hints: Vec<String> = Vec::new();
    let mut fence: Option<&str> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if let Some(open) = fence {
            if trimmed.starts_with(open) {
                fence = None;
            }
        } else if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
        } else if let Some(number) = line.strip_prefix("## Hint ") {
            if number.trim() != (hints.len() + 1).to_string() {
                return Err(format!(
                    "`{line}` should be `## Hint {}`: the hints count from 1, in order",
                    hints.len() + 1
                ));
            }
            hints.push(String::new());
            continue;
        }
        match hints.last_mut() {
            Some(hint) => {
                hint.push_str(line);
                hint.push('\n');
            }
            None if line.trim().is_empty() || line.starts_with("# ") => {}
            None => return Err("text before `## Hint 1`".to_string()),
        }
    }
    let hints: Vec<String> = hints.into_iter().map(|h| h.trim().to_string()).collect();
    if let Some(empty) = hints.iter().position(String::is_empty) {
        return Err(format!("hint {} says nothing", empty + 1));
    }
    if !(FEWEST..=MOST).contains(&hints.len()) {
        return Err(format!(
            "it has {} hints; an exercise has {FEWEST} or {MOST}, from a nudge to nearly the \
             answer, each under `## Hint N`",
            hints.len()
        ));
    }
    Ok(hints)
}

/// What is wrong with the exercises' hints, and where the pages show them.
pub fn problems(workbook: &Workbook, pages: &[Page]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut shown = Vec::new();
    for page in pages {
        for (line, name) in marks(&page.text) {
            if workbook.exercises.iter().any(|e| e.name == name) {
                shown.push(name);
            } else {
                problems.push(format!(
                    "{}:{line}: `<!-- hints: {name} -->` names no exercise",
                    page.path.display()
                ));
            }
        }
    }
    for exercise in &workbook.exercises {
        if let Err(why) = read(&workbook.root, &exercise.name) {
            problems.push(why);
        }
        match shown.iter().filter(|n| **n == exercise.name).count() {
            1 => {}
            0 => problems.push(format!(
                "no page shows the hints of {0}: write `<!-- hints: {0} -->` under it in the \
                 chapter's exercises page",
                exercise.name
            )),
            _ => problems.push(format!("the hints of {} are shown twice", exercise.name)),
        }
    }
    problems
}

/// The `<!-- hints: NAME -->` marks of a page, with their line numbers.
fn marks(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let name = line.trim().strip_prefix(MARK)?.strip_suffix("-->")?.trim();
            Some((i + 1, name.to_string()))
        })
        .collect()
}

/// A page with each `<!-- hints: NAME -->` replaced by the hints, folded: a `<details>` each,
/// whose Markdown mdBook then renders (blank lines around it, so that it is Markdown, not HTML).
pub fn expand(root: &Path, text: &str) -> String {
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        let name = line
            .trim()
            .strip_prefix(MARK)
            .and_then(|l| l.strip_suffix("-->"))
            .map(str::trim);
        let Some(name) = name else {
            out.push_str(line);
            continue;
        };
        match read(root, name) {
            Ok(hints) => {
                for (i, hint) in hints.iter().enumerate() {
                    out.push_str(&format!(
                        "<details class=\"hint\">\n<summary>Hint {} of {}</summary>\n\n{hint}\n\n\
                         </details>\n\n",
                        i + 1,
                        hints.len()
                    ));
                }
            }
            // `cargo xtask lint` says what is wrong; the page says that hints are missing.
            Err(why) => out.push_str(&format!("\n> The hints cannot be shown: {why}\n\n")),
        }
    }
    out
}

/// Where `cargo xtask hint` keeps how many hints of `name` the reader has read.
fn seen_file(workbook: &Workbook, name: &str) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workbook.root.join("target"));
    target.join("xtask").join("hints").join(name)
}

/// How many hints of `exercise` the reader has read.
pub fn seen(workbook: &Workbook, exercise: &Example) -> usize {
    fs::read_to_string(seen_file(workbook, &exercise.name))
        .ok()
        .and_then(|t| t.trim().parse().ok())
        .unwrap_or(0)
}

/// `cargo xtask hint NAME [N]`: hint N, or the next one the reader has not read; remembers it.
pub fn show(
    workbook: &Workbook,
    exercise: &Example,
    which: Option<usize>,
) -> Result<String, String> {
    let hints = read(&workbook.root, &exercise.name)?;
    let read_so_far = seen(workbook, exercise);
    let number = which.unwrap_or((read_so_far + 1).min(hints.len()));
    let Some(hint) = number.checked_sub(1).and_then(|i| hints.get(i)) else {
        return Err(format!(
            "{} has hints 1 to {}; `cargo xtask hint {}` shows the next one",
            exercise.name,
            hints.len(),
            exercise.name
        ));
    };
    let file = seen_file(workbook, &exercise.name);
    if number > read_so_far {
        // Remembering is a convenience: a read-only target/ costs the reader nothing else.
        let _ = fs::create_dir_all(file.parent().unwrap_or(Path::new(".")))
            .and_then(|()| fs::write(&file, number.to_string()));
    }
    let name = &exercise.name;
    let after = if number < hints.len() {
        format!(
            "Try it with this one first; `cargo xtask hint {name}` again shows hint {} of {}.",
            number + 1,
            hints.len()
        )
    } else {
        format!(
            "That was the last hint. If you are still stuck, the check's feedback \
             (`cargo xtask check {name}`) says what is wrong; the solution is in \
             {EXERCISE_KEYS}/{name}/solution.rs."
        )
    };
    Ok(format!(
        "{name}, hint {number} of {}:\n\n{}\n\n{after}\n",
        hints.len(),
        indent(hint)
    ))
}

/// What a failed check says about the hints: which to read next.
pub fn pointer(workbook: &Workbook, exercise: &Example) -> String {
    let total = read(&workbook.root, &exercise.name).map_or(0, |h| h.len());
    let read_so_far = seen(workbook, exercise).min(total);
    let name = &exercise.name;
    if total == 0 {
        String::new()
    } else if read_so_far < total {
        format!(
            "Stuck? `cargo xtask hint {name}` shows hint {} of {total}.\n",
            read_so_far + 1
        )
    } else {
        format!(
            "Stuck? You have read all {total} hints (`cargo xtask hint {name} N` shows hint N \
             again).\n"
        )
    }
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("    {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_are_read_in_steps() {
        let text = "# Hints\n\n## Hint 1\n\nA nudge.\n\n## Hint 2\n\n```rust\n## Hint 9\n```\n\
                    Nearly.\n";
        let hints = parse(text).unwrap();
        assert_eq!(hints, ["A nudge.", "```rust\n## Hint 9\n```\nNearly."]);
    }

    #[test]
    fn malformed_hints_say_what_to_do() {
        let one = parse("## Hint 1\n\nOnly one.\n").unwrap_err();
        assert!(
            one.contains("it has 1 hints; an exercise has 2 or 3"),
            "{one}"
        );
        let skipped = parse("## Hint 1\n\nA.\n\n## Hint 3\n\nC.\n").unwrap_err();
        assert!(skipped.contains("should be `## Hint 2`"), "{skipped}");
        let empty = parse("## Hint 1\n\n## Hint 2\n\nB.\n").unwrap_err();
        assert!(empty.contains("hint 1 says nothing"), "{empty}");
        let stray = parse("Read this.\n## Hint 1\n\nA.\n\n## Hint 2\n\nB.\n").unwrap_err();
        assert!(stray.contains("text before"), "{stray}");
    }

    #[test]
    fn a_mark_becomes_folded_hints() {
        let root = std::env::temp_dir().join(format!("hints-{}", std::process::id()));
        let dir = root.join(file("ex99_x")).parent().unwrap().to_path_buf();
        fs::create_dir_all(&dir).unwrap();
        fs::write(
            dir.join("hints.md"),
            "## Hint 1\n\nA *nudge*.\n\n## Hint 2\n\nB.\n",
        )
        .unwrap();
        let page = expand(&root, "# Ex\n\n<!-- hints: ex99_x -->\n\nAfter.\n");
        assert!(
            page.contains(
                "<details class=\"hint\">\n<summary>Hint 1 of 2</summary>\n\nA *nudge*.\n\n\
                 </details>"
            ),
            "{page}"
        );
        assert!(
            page.contains("Hint 2 of 2") && page.ends_with("\nAfter.\n"),
            "{page}"
        );
        let missing = expand(&root, "<!-- hints: ex98_y -->\n");
        assert!(missing.contains("The hints cannot be shown"), "{missing}");
        fs::remove_dir_all(root).unwrap();
    }
}
