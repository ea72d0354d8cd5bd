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
//!   is the notes' words (see [`crate::quiz`]).
//!
//! It reads the Markdown sources only, so it runs without mdBook.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::Workbook;

/// One page of the book, as written.
struct Page {
    /// Path relative to the workbook's root, such as `src/coroutines/count.md`.
    path: PathBuf,
    text: String,
}

/// Everything wrong with the book's pages, one problem a line; empty if all is well.
pub fn problems(workbook: &Workbook) -> Vec<String> {
    lint(workbook).0
}

/// What `cargo xtask lint` finds: the problems, and what could not be checked (never a pass).
pub fn lint(workbook: &Workbook) -> (Vec<String>, Vec<String>) {
    let root = &workbook.root;
    let pages = match read_pages(root) {
        Ok(pages) => pages,
        Err(problem) => return (vec![problem], Vec::new()),
    };
    let mut problems = Vec::new();
    let mut included = BTreeSet::new();
    let headings: BTreeMap<PathBuf, BTreeSet<String>> = pages
        .iter()
        .map(|p| (p.path.clone(), heading_ids(&p.text)))
        .collect();

    for page in &pages {
        let mut found = Vec::new();
        for (line, include) in includes(&page.text) {
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
        for line in pasted_rust(&page.text) {
            let problem = "Rust code pasted into the page; include it from a compiled example";
            found.push((line, problem.to_string()));
        }
        for (line, link) in links(&page.text) {
            if let Some(problem) = broken(root, &page.path, &link, &headings) {
                found.push((line, problem));
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
            let listed: BTreeSet<PathBuf> = links(&page.text)
                .into_iter()
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
    let (citations, unchecked) = crate::citations::problems(workbook);
    problems.extend(citations);
    problems.extend(crate::quiz::problems(workbook));
    (problems, unchecked)
}

fn read_pages(root: &Path) -> Result<Vec<Page>, String> {
    let mut pages = Vec::new();
    let mut dirs = vec![PathBuf::from("src")];
    while let Some(dir) = dirs.pop() {
        let entries = fs::read_dir(root.join(&dir))
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        for entry in entries {
            let name = entry.map_err(|e| e.to_string())?.file_name();
            let path = dir.join(name);
            if root.join(&path).is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "md") {
                let text = fs::read_to_string(root.join(&path))
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                pages.push(Page { path, text });
            }
        }
    }
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(pages)
}

/// The `{{#include ...}}` (and `{{#rustdoc_include ...}}`) directives of a page, with their line
/// numbers. A directive escaped with a backslash, as in `\{{#include}}`, is text, not a directive.
fn includes(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("{{#") {
            let escaped = rest[..at].ends_with('\\');
            let after = &rest[at + 3..];
            let Some(end) = after.find("}}") else { break };
            let directive = &after[..end];
            if !escaped {
                for kind in ["include ", "rustdoc_include "] {
                    if let Some(arg) = directive.strip_prefix(kind) {
                        found.push((n + 1, arg.trim().to_string()));
                    }
                }
            }
            rest = &after[end + 2..];
        }
    }
    found
}

/// Splits `path:anchor` (mdBook also accepts line ranges there; those are not anchors).
fn split_anchor(include: &str) -> (&str, Option<&str>) {
    match include.split_once(':') {
        Some((file, anchor)) if !anchor.starts_with(|c: char| c.is_ascii_digit() || c == ':') => {
            (file, Some(anchor))
        }
        Some((file, _)) => (file, None),
        None => (include, None),
    }
}

/// The line numbers of `rust` code blocks that contain code but no include.
fn pasted_rust(text: &str) -> Vec<usize> {
    let mut pasted = Vec::new();
    let mut block: Option<(usize, bool, bool, bool)> = None; // (start, rust, include, body)
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some(info) = trimmed.strip_prefix("```") {
            match block.take() {
                Some((start, rust, include, body)) => {
                    if rust && body && !include {
                        pasted.push(start);
                    }
                }
                None => block = Some((n + 1, info.trim().starts_with("rust"), false, false)),
            }
        } else if let Some((_, _, include, body)) = block.as_mut() {
            *include |= !includes(line).is_empty();
            *body |= !line.trim().is_empty();
        }
    }
    pasted
}

/// The targets of the Markdown links of a page, outside code, with their line numbers.
fn links(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in prose_lines(text) {
        let mut rest = line;
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let Some(end) = after.find(')') else { break };
            let target = after[..end].trim();
            if !target.is_empty() && !target.contains(' ') {
                found.push((n, target.to_string()));
            }
            rest = &after[end + 1..];
        }
    }
    found
}

/// Why a link from `page` is broken, if it is. Links to other sites are not followed.
fn broken(
    root: &Path,
    page: &Path,
    link: &str,
    headings: &BTreeMap<PathBuf, BTreeSet<String>>,
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
    let ids = headings.get(&target)?;
    (!ids.contains(anchor)).then(|| {
        format!(
            "links to {link}, but {} has no heading with the id '{anchor}'",
            target.display()
        )
    })
}

/// The ids mdBook gives the headings of a page (as `id_from_content` in mdbook-html 0.5 does:
/// the heading's text, lower-cased, spaces to `-`, keeping letters, digits, `_` and `-`).
fn heading_ids(text: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for (_, line) in prose_lines(text) {
        let Some(title) = line.strip_prefix('#') else {
            continue;
        };
        let title = rendered(title.trim_start_matches('#'));
        let id: String = title
            .trim()
            .to_lowercase()
            .chars()
            .filter_map(|c| match c {
                c if c.is_alphanumeric() || c == '_' || c == '-' => Some(c),
                c if c.is_whitespace() => Some('-'),
                _ => None,
            })
            .collect();
        let mut unique = id.clone();
        let mut counter = 1;
        while !ids.insert(unique.clone()) {
            unique = format!("{id}-{counter}");
            counter += 1;
        }
    }
    ids
}

/// The text of a line of Markdown as a reader sees it: link text without its target, no marks.
fn rendered(markdown: &str) -> String {
    let mut out = String::new();
    let mut rest = markdown;
    while let Some(at) = rest.find("](") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        rest = after.find(')').map_or("", |end| &after[end + 1..]);
    }
    out.push_str(rest);
    out.replace(['`', '*', '['], "")
}

/// The lines of a page that are not inside a code block, numbered from 1.
fn prose_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut in_code = false;
    text.lines().enumerate().filter_map(move |(n, line)| {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            return None;
        }
        (!in_code).then_some((n + 1, line))
    })
}

/// The path, relative to the workbook's root, of `target` as written in `page`.
fn resolve(page: &Path, target: &str) -> PathBuf {
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
    fn heading_ids_follow_mdbook() {
        let ids = heading_ids(
            "# Nested gather: tasks or zip?\n## Version 1: tasks, as `gather` does it\n## Limits\n## Limits\n```sh\n# not a heading\n```",
        );
        let expected = [
            "nested-gather-tasks-or-zip",
            "version-1-tasks-as-gather-does-it",
            "limits",
            "limits-1",
        ];
        assert_eq!(ids, expected.into_iter().map(String::from).collect());
    }

    #[test]
    fn includes_skip_escaped_directives() {
        let text = "{{#include ../a.rs:main}}\nsee `\\{{#include}}`\n";
        assert_eq!(includes(text), vec![(1, "../a.rs:main".to_string())]);
    }

    #[test]
    fn anchors_are_told_from_line_ranges() {
        assert_eq!(split_anchor("a.rs:main"), ("a.rs", Some("main")));
        assert_eq!(split_anchor("a.rs:2:5"), ("a.rs", None));
        assert_eq!(split_anchor("a.rs"), ("a.rs", None));
    }
}
