//! Every name asyncio exports has its place in the phrasebook. The names of `asyncio.__all__` in
//! Python 3.11, the version the book's Python twins run on, are kept in [`LIST`]; each must be
//! mapped on the phrasebook's first page, [`PAGE`] (a definition-list term that names it,
//! `` `asyncio.NAME...` ``, whose entry gives an example), or stand in its list of names not
//! mapped, under the heading [`NOT_MAPPED`], with a line on why.
//!
//! A newer Python exports more: [`newer_names`] asks the `python3` on the machine for its
//! `asyncio.__all__` and names what the list lacks, as a note that never fails a check, so that
//! a reader's newer Python never turns `cargo test` red.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use crate::markdown::Page;

/// The list of names, one a line (`#` lines are comments), relative to the root.
pub const LIST: &str = "xtask/asyncio-all.txt";
/// The page that maps them.
pub const PAGE: &str = "src/phrasebook.md";
/// The heading of the names deliberately not mapped, on [`PAGE`].
pub const NOT_MAPPED: &str = "Not mapped";

/// The names of the list.
pub fn listed(root: &Path) -> Result<Vec<String>, String> {
    let text =
        std::fs::read_to_string(root.join(LIST)).map_err(|e| format!("cannot read {LIST}: {e}"))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect())
}

/// The `asyncio.NAME` references in `text`: each `NAME`, the first part after `asyncio.`.
fn names_in(text: &str) -> Vec<String> {
    text.match_indices("asyncio.")
        .map(|(at, prefix)| {
            text[at + prefix.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// The names the page maps, each with whether its entry names an example; and the names it
/// lists as not mapped.
fn read_page(page: &Page) -> (Vec<(String, bool, usize)>, BTreeSet<String>) {
    let lines: Vec<&str> = page.text.lines().collect();
    let not_mapped_at = page
        .parsed
        .anchors
        .iter()
        .find(|a| a.text == NOT_MAPPED)
        .map(|a| a.line);
    let mut mapped = Vec::new();
    for anchor in &page.parsed.anchors {
        // A term (not a heading: those start with `#`) before the not-mapped section.
        let line = lines.get(anchor.line - 1).copied().unwrap_or_default();
        if line.starts_with('#') || not_mapped_at.is_some_and(|at| anchor.line > at) {
            continue;
        }
        let entry = lines[anchor.line..]
            .iter()
            .take_while(|l| !l.trim().is_empty())
            .any(|l| l.contains("Example"));
        for name in names_in(&anchor.text) {
            mapped.push((name, entry, anchor.line));
        }
    }
    let mut not_mapped = BTreeSet::new();
    if let Some(at) = not_mapped_at {
        for line in lines[at..].iter().take_while(|l| !l.starts_with("## ")) {
            if let Some(item) = line.strip_prefix("- ") {
                let first = item.split([':', ',']).next().unwrap_or_default();
                not_mapped.extend(names_in(first));
            }
        }
    }
    (mapped, not_mapped)
}

/// What is wrong: a listed name neither mapped nor listed as not mapped, a name both, a mapped
/// name whose entry gives no example, a list that is missing.
pub fn problems(root: &Path, pages: &[Page]) -> Vec<String> {
    // A workbook without a phrasebook (a test's small one) has no names to map; the book's own
    // phrasebook cannot go missing unnoticed, as SUMMARY.md links to it.
    let Some(page) = pages.iter().find(|p| p.path == Path::new(PAGE)) else {
        return Vec::new();
    };
    let listed = match listed(root) {
        Ok(listed) => listed,
        Err(why) => return vec![why],
    };
    let (mapped, not_mapped) = read_page(page);
    let mut problems = Vec::new();
    for name in &listed {
        let entries: Vec<&(String, bool, usize)> =
            mapped.iter().filter(|(n, _, _)| n == name).collect();
        match (entries.is_empty(), not_mapped.contains(name)) {
            (true, false) => problems.push(format!(
                "{PAGE}: asyncio.{name} is neither mapped (a term `asyncio.{name}...` with its \
                 Rust counterpart, a line on the difference and an example) nor listed under \
                 \"{NOT_MAPPED}\" with why"
            )),
            (false, true) => problems.push(format!(
                "{PAGE}: asyncio.{name} is mapped and also listed under \"{NOT_MAPPED}\""
            )),
            _ => {}
        }
        if !entries.is_empty() && !entries.iter().any(|(_, example, _)| *example) {
            problems.push(format!(
                "{PAGE}:{}: the entry of asyncio.{name} names no example",
                entries[0].2
            ));
        }
    }
    for name in not_mapped.iter().filter(|n| !listed.contains(n)) {
        problems.push(format!(
            "{PAGE}: \"{NOT_MAPPED}\" lists asyncio.{name}, which {LIST} does not have"
        ));
    }
    problems
}

/// The names the `python3` on this machine exports that the list lacks, as a note; `None` if
/// it lacks none, or if there is no `python3` to ask.
pub fn newer_names(root: &Path) -> Option<String> {
    let listed = listed(root).ok()?;
    let output = Command::new("python3")
        .args([
            "-c",
            "import asyncio, sys; print(sys.version.split()[0]); print(*sorted(asyncio.__all__))",
        ])
        .output()
        .ok()
        .filter(|o| o.status.success())?;
    let text = String::from_utf8_lossy(&output.stdout);
    let mut lines = text.lines();
    let version = lines.next()?.to_string();
    let new: Vec<&str> = lines
        .next()?
        .split_whitespace()
        .filter(|n| !listed.iter().any(|l| l == n))
        .collect();
    (!new.is_empty()).then(|| {
        format!(
            "note: the python3 here (Python {version}) exports names that {LIST} (Python 3.11) \
             does not list, so the phrasebook need not map them: {}",
            new.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE_TEXT: &str = "# Phrasebook\n\n## Running\n\n`asyncio.run(main())`\n: → x\n  \
        differs\n  Example: [a](a.md)\n\n`asyncio.sleep(d)`, `asyncio.wait_for`\n: → y\n  \
        no example here\n\n## Not mapped\n\n- `asyncio.AbstractChildWatcher`: deprecated.\n\
        - `asyncio.run`: twice.\n";

    /// The problems with `list` against the page above, in a directory of the test's own.
    fn check(test: &str, list: &str) -> Vec<String> {
        let root = std::env::temp_dir().join(format!("asyncio-{test}-{}", std::process::id()));
        std::fs::create_dir_all(root.join("xtask")).unwrap();
        std::fs::write(root.join(LIST), list).unwrap();
        let page = Page::new(PAGE, PAGE_TEXT);
        let found = problems(&root, &[page]);
        std::fs::remove_dir_all(root).unwrap();
        found
    }

    #[test]
    fn each_name_is_mapped_with_an_example_or_listed_as_not_mapped() {
        let found = check(
            "mapped",
            "# comment\nrun\nsleep\nwait_for\nAbstractChildWatcher\nTimeout\n",
        );
        let expected = [
            "asyncio.run is mapped and also listed",
            "the entry of asyncio.sleep names no example",
            "the entry of asyncio.wait_for names no example",
            "asyncio.Timeout is neither mapped",
        ];
        assert_eq!(found.len(), expected.len(), "{found:#?}");
        for (problem, wanted) in found.iter().zip(expected) {
            assert!(problem.contains(wanted), "{problem} / {wanted}");
        }
    }

    #[test]
    fn names_a_newer_python_adds_are_a_note() {
        let root = std::env::temp_dir().join(format!("asyncio-newer-{}", std::process::id()));
        std::fs::create_dir_all(root.join("xtask")).unwrap();
        std::fs::write(root.join(LIST), "run\n").unwrap();
        let note = newer_names(&root);
        std::fs::remove_dir_all(root).unwrap();
        // Without a python3 there is nothing to ask, and nothing to say.
        if Command::new("python3").arg("-V").output().is_ok() {
            let note = note.expect("a list with one name lacks the others");
            assert!(note.starts_with("note: the python3 here"), "{note}");
            assert!(note.contains("sleep") && !note.contains(" run,"), "{note}");
        }
    }

    #[test]
    fn a_name_not_mapped_must_be_in_the_list() {
        let found = check("not-mapped", "run\nsleep\nwait_for\n");
        assert!(
            found
                .iter()
                .any(|p| p.contains("lists asyncio.AbstractChildWatcher, which")),
            "{found:#?}"
        );
    }
}
