//! Checks the book's pages against the files they show: the promises that keep the book and the
//! examples from drifting apart.
//!
//! - every `{{#include}}` names a file that exists, and an anchor that the file defines;
//! - no Rust code is pasted into a page: every `rust` block is an include of a compiled file;
//! - every example, and its expected output, is shown by some page;
//! - every link to another page (or to a heading) leads somewhere, and `SUMMARY.md` lists every
//!   page;
//! - every citation of a crate's or CPython's source holds (see [`crate::citations`]);
//! - every quiz's answer key agrees with the expected output, and every quotation of the notes
//!   is the notes' words (see [`crate::quiz`], [`crate::notes`]);
//! - every exercise has its hints, shown folded on its page (see [`crate::hints`]), and no page
//!   shows its answer (see [`crate::answers`]);
//! - every name of `asyncio.__all__` is mapped by the phrasebook or listed as not mapped (see
//!   [`crate::asyncio_names`]).
//!
//! It reads the Markdown sources only (through [`crate::markdown`]), so it runs without mdBook.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::Workbook;
use crate::markdown::{self, Page};

/// Everything wrong with the book's pages, one problem a line; empty if all is well.
pub fn problems(workbook: &Workbook) -> Vec<String> {
    lint(workbook).0
}

/// What `cargo xtask lint` finds: the problems, and what could not be checked (never a pass).
pub fn lint(workbook: &Workbook) -> (Vec<String>, Vec<String>) {
    let root = &workbook.root;
    let pages = match markdown::pages(root) {
        Ok(pages) => pages,
        Err(problem) => return (vec![problem], Vec::new()),
    };
    let mut problems = Vec::new();
    let mut included = BTreeSet::new();
    let anchors: BTreeMap<PathBuf, BTreeSet<String>> = pages
        .iter()
        .map(|p| {
            let ids = p.parsed.anchors.iter().map(|a| a.id.clone()).collect();
            (p.path.clone(), ids)
        })
        .collect();

    for page in &pages {
        let mut found = Vec::new();
        for (line, include) in markdown::includes(&page.text) {
            let (file, anchor) = split_anchor(&include);
            let target = resolve(&page.path, file);
            let Ok(text) = fs::read_to_string(root.join(&target)) else {
                found.push((line, format!("includes {file}, which does not exist")));
                continue;
            };
            if let Some(anchor) = anchor
                && !(text.contains(&format!("ANCHOR: {anchor}"))
                    && text.contains(&format!("ANCHOR_END: {anchor}")))
            {
                found.push((
                    line,
                    format!("includes {file}:{anchor}, but {file} has no anchor '{anchor}'"),
                ));
            }
            included.insert(target);
        }
        for line in pasted_rust(page) {
            let problem = "Rust code pasted into the page; include it from a compiled example";
            found.push((line, problem.to_string()));
        }
        for (line, link) in &page.parsed.links {
            if let Some(problem) = broken(root, &page.path, link, &anchors) {
                found.push((*line, problem));
            }
        }
        found.sort_by_key(|(line, _)| *line);
        let page = page.path.display();
        problems.extend(
            found
                .into_iter()
                .map(|(line, p)| format!("{page}:{line}: {p}")),
        );
    }

    for exercise in &workbook.exercises {
        let file = &exercise.expected_file;
        if root.join(file).exists() && !included.contains(file) {
            problems.push(format!(
                "{} is not shown by any page of the book; include it in the chapter's exercises",
                file.display()
            ));
        }
    }
    for example in &workbook.examples {
        for file in [&example.source, &example.expected_file] {
            if root.join(file).exists() && !included.contains(file) {
                problems.push(format!(
                    "{} is not shown by any page of the book; include it in a chapter",
                    file.display()
                ));
            }
        }
    }

    let summary = Path::new("src/SUMMARY.md");
    match pages.iter().find(|p| p.path == summary) {
        None => problems.push("src/SUMMARY.md is missing".to_string()),
        Some(page) => {
            let listed: BTreeSet<PathBuf> = page
                .parsed
                .links
                .iter()
                .map(|(_, link)| resolve(summary, link.split('#').next().unwrap_or("")))
                .collect();
            for page in &pages {
                if page.path != summary && !listed.contains(&page.path) {
                    problems.push(format!(
                        "{} is not listed in src/SUMMARY.md, so no reader can reach it",
                        page.path.display()
                    ));
                }
            }
        }
    }
    let (citations, unchecked) = crate::citations::problems(root, &pages);
    problems.extend(citations);
    problems.extend(crate::quiz::problems(workbook, &pages));
    problems.extend(crate::hints::problems(workbook, &pages));
    problems.extend(crate::mistakes::problems(workbook));
    problems.extend(crate::answers::problems(workbook, &included));
    problems.extend(crate::asyncio_names::problems(root, &pages));
    problems.extend(crate::notes::problems(workbook, &pages));
    (problems, unchecked)
}

/// Splits `path:anchor` (mdBook also accepts line ranges there; those are not anchors).
pub(crate) fn split_anchor(include: &str) -> (&str, Option<&str>) {
    match include.split_once(':') {
        Some((file, anchor)) if !anchor.starts_with(|c: char| c.is_ascii_digit() || c == ':') => {
            (file, Some(anchor))
        }
        Some((file, _)) => (file, None),
        None => (include, None),
    }
}

/// The line numbers of `rust` code blocks that contain code but no include.
fn pasted_rust(page: &Page) -> Vec<usize> {
    page.parsed
        .code_blocks
        .iter()
        .filter(|b| b.info.starts_with("rust"))
        .filter(|b| !b.text.trim().is_empty() && markdown::includes(&b.text).is_empty())
        .map(|b| b.line)
        .collect()
}

/// Why a link from `page` is broken, if it is. Links to other sites are not followed.
fn broken(
    root: &Path,
    page: &Path,
    link: &str,
    anchors: &BTreeMap<PathBuf, BTreeSet<String>>,
) -> Option<String> {
    if link.contains("://") || link.starts_with("mailto:") {
        return None;
    }
    let (file, anchor) = match link.split_once('#') {
        Some((file, anchor)) => (file, Some(anchor)),
        None => (link, None),
    };
    let target = if file.is_empty() {
        page.to_path_buf()
    } else {
        resolve(page, file)
    };
    if !root.join(&target).exists() {
        return Some(format!(
            "links to {link}, but {} does not exist",
            target.display()
        ));
    }
    let anchor = anchor?;
    let ids = anchors.get(&target)?;
    (!ids.contains(anchor)).then(|| {
        format!(
            "links to {link}, but {} has no heading or term with the id '{anchor}'",
            target.display()
        )
    })
}

/// The path, relative to the workbook's root, of `target` as written in `page`.
pub(crate) fn resolve(page: &Path, target: &str) -> PathBuf {
    let mut path = page.parent().unwrap_or(Path::new("")).to_path_buf();
    for component in Path::new(target).components() {
        match component {
            Component::ParentDir => {
                path.pop();
            }
            Component::Normal(part) => path.push(part),
            _ => {}
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_told_from_line_ranges() {
        assert_eq!(split_anchor("a.rs:main"), ("a.rs", Some("main")));
        assert_eq!(split_anchor("a.rs:2:5"), ("a.rs", None));
        assert_eq!(split_anchor("a.rs"), ("a.rs", None));
    }
}
