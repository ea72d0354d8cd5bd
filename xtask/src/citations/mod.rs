//! Checks the book's citations of source code against the sources themselves.
//!
//! A page names the source of a fact in one form:
//!
//! ```text
//! `Reactor::process_timers` in async-io's `src/reactor.rs`
//! `insert_timer` and `process_timers` in async-io's `src/reactor.rs`
//! `BaseEventLoop._run_once` in CPython's `Lib/asyncio/base_events.py`
//! ```
//!
//! that is, one or more code spans naming functions, methods or types (joined by `,` and `and`),
//! then `in CRATE's`, then the file's path as a code span. CRATE is a package of `Cargo.lock`, or
//! `CPython` for a file of Python's standard library (`Lib/...`). For each citation, the check:
//!
//! - finds the file in the version `Cargo.lock` pins (where `cargo metadata` says it was
//!   unpacked), or in the standard library of the `python3` on this machine; without `python3`,
//!   CPython's citations are *skipped*, never passed;
//! - checks that the file defines each name: in Rust, `NAME` is a `fn`, a `struct`, `enum`,
//!   `trait`, `type` or `union`, or a `pub use` re-export, and `Type::method` is a `fn method`
//!   inside an `impl` (or `trait`) block whose header names `Type`; in Python, `NAME` is a `def`
//!   or a `class`, and `Class.method` is a `def method` in the body of `class Class`.
//!
//! A code span that looks like a source path (`src/....rs`, `Lib/...`, `Modules/...`, a bare
//! `name.py` or `name.rs` that is not one of the workbook's examples) but is not the path of a
//! well-formed citation is a mistake too, so that no source can be named without being checked.
//!
//! The check has four parts: this module finds the citations in the pages and gives verdicts;
//! [`sources`] finds the cited packages (`cargo metadata`) and Python's library; [`rust`] reads
//! the definitions of a Rust file; [`python`] asks Python's own `ast` for those of a Python file.

mod python;
mod rust;
mod sources;

use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

pub use sources::{Python, Sources};

use crate::catalog::Language;

use crate::markdown::{Inline, Page};
use crate::suggest::closest;

/// One citation, as a page writes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Citation {
    /// The page, relative to the workbook's root (`src/wakeup/smol.md`).
    pub page: PathBuf,
    /// The line where the citation starts, from 1.
    pub line: usize,
    /// The names it cites: `Reactor::react`, `insert_timer`, `Task.__step`.
    pub names: Vec<String>,
    /// The package, as in `Cargo.lock`, or `CPython`.
    pub source: String,
    /// The path of the file inside the package: `src/reactor.rs`, `Lib/asyncio/tasks.py`.
    pub path: String,
}

impl Citation {
    fn is_cpython(&self) -> bool {
        self.source == CPYTHON
    }
}

impl fmt::Display for Citation {
    /// The citation as a page writes it, on one line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<String> = self.names.iter().map(|n| format!("`{n}`")).collect();
        let names = match names.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        };
        write!(f, "{names} in {}'s `{}`", self.source, self.path)
    }
}

const CPYTHON: &str = "CPython";

/// What the check found in the book.
#[derive(Debug, Default)]
pub struct CitationReport {
    /// Citations of crates that hold.
    pub held: Vec<Citation>,
    /// Citations of CPython that hold.
    pub cpython_held: Vec<Citation>,
    /// Wrong crate citations, and source paths outside a well-formed citation: one a line, as
    /// `page:line: citation: what is wrong`.
    pub problems: Vec<String>,
    /// Wrong CPython citations, in the same form.
    pub cpython_problems: Vec<String>,
    /// CPython citations that could not be checked, and why.
    pub skipped: Vec<String>,
}

/// Every citation problem in the book's `pages`, for `cargo xtask lint`; and the citations that
/// could not be checked, with why (CPython's, when there is no `python3`).
pub fn problems(root: &Path, pages: &[Page]) -> (Vec<String>, Vec<String>) {
    let report = check_book(root, pages, &Sources::locate(root));
    let problems = report
        .problems
        .into_iter()
        .chain(report.cpython_problems)
        .collect();
    (problems, report.skipped)
}

/// Checks the citations of every page.
pub fn check_book(root: &Path, pages: &[Page], sources: &Sources) -> CitationReport {
    // Every CPython file cited, read in one run of the interpreter rather than one run a file.
    if let Ok(python) = &sources.python {
        let cited: BTreeSet<String> = pages
            .iter()
            .flat_map(|page| scan(root, page).0)
            .filter(|c| c.is_cpython())
            .map(|c| c.path.trim_start_matches("Lib/").to_string())
            .collect();
        sources.python_definitions(&python.lib, &Vec::from_iter(cited));
    }
    let mut report = CitationReport::default();
    for page in pages {
        check_page(root, page, sources, &mut report);
    }
    report
}

/// Checks one page's citations, adding what it finds to `report`.
pub fn check_page(root: &Path, page: &Page, sources: &Sources, report: &mut CitationReport) {
    let (citations, malformed) = scan(root, page);
    report.problems.extend(malformed);
    for citation in citations {
        let where_ = format!("{}:{}: {citation}", page.path.display(), citation.line);
        match verdict(&citation, sources) {
            CitationCheck::Holds if citation.is_cpython() => report.cpython_held.push(citation),
            CitationCheck::Holds => report.held.push(citation),
            CitationCheck::Wrong(why) if citation.is_cpython() => {
                report.cpython_problems.push(format!("{where_}: {why}"))
            }
            CitationCheck::Wrong(why) => report.problems.push(format!("{where_}: {why}")),
            CitationCheck::Skipped(why) => {
                report.skipped.push(format!("{where_}: not checked: {why}"))
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Finding citations in Markdown.

/// The citations of a page, and its source paths that are not part of one (as problems).
pub fn scan(root: &Path, page: &Page) -> (Vec<Citation>, Vec<String>) {
    let mut citations = Vec::new();
    let mut problems = Vec::new();
    for pieces in &page.parsed.texts {
        for (i, piece) in pieces.iter().enumerate() {
            match piece {
                Inline::Code(span, line) => {
                    let Some(kind) = source_like(root, span) else {
                        continue;
                    };
                    match citation_at(pieces, i, kind) {
                        Ok(mut citation) => {
                            citation.page = page.path.clone();
                            citations.push(citation);
                        }
                        Err(why) => problems
                            .push(format!("{}:{line}: `{span}`: {why}", page.path.display())),
                    }
                }
                Inline::Text(text, line) => {
                    for path in bare_paths(text) {
                        problems.push(format!(
                            "{}:{line}: {path}: a source path outside a code span; cite it as \
                             `NAME` in CRATE's `{path}`",
                            page.path.display()
                        ));
                    }
                }
            }
        }
    }
    (citations, problems)
}

/// What kind of source a code span names, if it looks like a source path.
#[derive(Clone, Copy, Debug, PartialEq)]
enum SourceKind {
    /// `src/....rs`: a crate's file.
    Crate,
    /// `Lib/...`: CPython's standard library.
    CPython,
    /// A source that cannot be checked here, or a file name without its path.
    Unchecked(&'static str),
}

fn source_like(root: &Path, span: &str) -> Option<SourceKind> {
    let span = span.trim();
    if span.contains(char::is_whitespace) {
        return None;
    }
    if span.starts_with("src/") && span.ends_with(".rs") {
        Some(SourceKind::Crate)
    } else if span.starts_with("Lib/") {
        Some(SourceKind::CPython)
    } else if ["Modules/", "Objects/", "Python/", "Include/"]
        .iter()
        .any(|p| span.starts_with(p))
    {
        Some(SourceKind::Unchecked(
            "CPython's C sources are not on this machine, so this cannot be checked; cite the \
             Python version in `Lib/` instead",
        ))
    } else if !span.contains('/')
        && (span.ends_with(".py") || span.ends_with(".rs"))
        && !workbook_file(root, span)
    {
        Some(SourceKind::Unchecked(
            "a source file named without its path; cite it as `NAME` in CRATE's `src/...` (or \
             CPython's `Lib/...`)",
        ))
    } else {
        None
    }
}

/// Whether `name` is one of the workbook's own files: an example, a module the examples share,
/// an exercise, or one of an exercise's keys (`handout.rs`, `solution.rs`).
fn workbook_file(root: &Path, name: &str) -> bool {
    let keys = std::fs::read_dir(root.join(crate::catalog::EXERCISE_KEYS))
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path());
    ["examples", "examples/workbook", crate::catalog::EXERCISES]
        .iter()
        .map(|dir| root.join(dir))
        .chain(keys)
        .any(|dir| dir.join(name).is_file())
}

/// Source paths written in prose, outside code spans (and outside link targets).
fn bare_paths(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices("src/").chain(text.match_indices("Lib/")) {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| !(c.is_whitespace() || c == '(')) {
            continue;
        }
        let path: String = text[at..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || "_/.-".contains(*c))
            .collect();
        let path = path.trim_end_matches('.');
        if path.ends_with(".rs") || path.ends_with(".py") {
            found.push(path.to_string());
        }
    }
    found
}

/// The citation whose path is the code span `pieces[at]`, or why there is none.
fn citation_at(pieces: &[Inline], at: usize, kind: SourceKind) -> Result<Citation, String> {
    let Inline::Code(path, line) = &pieces[at] else {
        unreachable!("citation_at is called on code spans")
    };
    if let SourceKind::Unchecked(why) = kind {
        return Err(why.to_string());
    }
    let form = "a source path must end a citation: `NAME` in CRATE's `PATH`";
    let source = match at.checked_sub(1).map(|i| &pieces[i]) {
        Some(Inline::Text(text, _)) => {
            let words: Vec<&str> = text.split_whitespace().collect();
            let owner = match words.as_slice() {
                ["in", owner] => owner
                    .strip_suffix("'s")
                    .or_else(|| owner.strip_suffix("’s"))
                    .filter(|s| !s.is_empty()),
                _ => None,
            };
            owner.ok_or_else(|| format!("{form}, but it follows \"{}\"", tail(text)))?
        }
        _ => return Err(form.to_string()),
    };
    if path.contains("..") {
        return Err("a path inside a package cannot go up with `..`".to_string());
    }
    match (kind, source == CPYTHON) {
        (SourceKind::CPython, false) => {
            return Err(format!(
                "`Lib/...` is CPython's standard library: write \"in CPython's\", not \"in {source}'s\""
            ));
        }
        (SourceKind::Crate, true) => {
            return Err("CPython's files are cited as `Lib/...`".to_string());
        }
        _ => {}
    }
    let mut names = Vec::new();
    let mut i = at - 1;
    let mut first_line = *line;
    while let Some(Inline::Code(name, name_line)) = i.checked_sub(1).map(|j| &pieces[j]) {
        if let Err(why) = name_form(name, source == CPYTHON) {
            if names.is_empty() {
                return Err(format!("`{name}` before it: {why}"));
            }
            break;
        }
        names.push(name.clone());
        first_line = *name_line;
        i -= 1;
        let joined = i.checked_sub(1).map(|j| &pieces[j]);
        match joined {
            Some(Inline::Text(text, _))
                if matches!(text.trim(), "," | "and" | ", and") && i >= 2 =>
            {
                i -= 1;
            }
            _ => break,
        }
    }
    if names.is_empty() {
        return Err(format!(
            "{form}: name the function, method or type in a code span before \"in {source}'s\""
        ));
    }
    names.reverse();
    Ok(Citation {
        page: PathBuf::new(),
        line: first_line,
        names,
        source: source.to_string(),
        path: path.clone(),
    })
}

/// The last few words of a text, to say where a path was found.
fn tail(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    words[words.len().saturating_sub(4)..].join(" ")
}

/// Whether a code span is a name a citation can check, and if not, why.
fn name_form(name: &str, python: bool) -> Result<(), String> {
    let ident = |s: &str| {
        s.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
            && s.chars().all(|c| c.is_alphanumeric() || c == '_')
    };
    let (separator, other) = if python { (".", "::") } else { ("::", ".") };
    if name.contains(other) && !python {
        return Err("write a Rust method as `Type::method`".to_string());
    }
    if name.contains(other) && python {
        return Err("write a Python method as `Class.method`".to_string());
    }
    let parts: Vec<&str> = name.split(separator).collect();
    if !parts.iter().all(|p| ident(p)) || parts.len() > 2 {
        return Err(
            "not a name a citation can check: write `function`, `Type`, or `Type::method` \
             (`Class.method` in Python)"
                .to_string(),
        );
    }
    if !python && parts.len() == 2 && parts[0].starts_with(|c: char| c.is_lowercase()) {
        return Err(format!(
            "`{}` is a module path: cite the function `{}` in the file that defines it",
            name, parts[1]
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Checking a citation against the sources.

/// Whether a citation holds.
#[derive(Debug, PartialEq)]
pub enum CitationCheck {
    Holds,
    Wrong(String),
    Skipped(String),
}

/// Checks one citation against the sources.
pub fn verdict(citation: &Citation, sources: &Sources) -> CitationCheck {
    if citation.is_cpython() {
        let python = match &sources.python {
            Ok(python) => python,
            Err(why) => return CitationCheck::Skipped(why.clone()),
        };
        let relative = citation.path.trim_start_matches("Lib/");
        let what = format!("CPython {}", python.version);
        return check_file(
            citation,
            &python.lib,
            relative,
            &what,
            Language::Python,
            sources,
        );
    }
    let Some(pinned) = sources.crates.get(&citation.source) else {
        let known: Vec<&str> = sources.crates.keys().map(String::as_str).collect();
        let hint = match closest(&citation.source, &known).as_slice() {
            [] => String::new(),
            close => format!("; did you mean {}?", close.join(" or ")),
        };
        let why = sources
            .lock_problem
            .clone()
            .unwrap_or_else(|| format!("{} is not in Cargo.lock{hint}", citation.source));
        return CitationCheck::Wrong(why);
    };
    for pin in pinned {
        let what = format!("{} {}", citation.source, pin.version);
        let Some(dir) = &pin.dir else {
            return CitationCheck::Wrong(format!(
                "the sources of {what} are not on this machine (run `cargo fetch`)"
            ));
        };
        let verdict = check_file(
            citation,
            dir,
            &citation.path,
            &what,
            Language::Rust,
            sources,
        );
        if verdict != CitationCheck::Holds {
            return verdict;
        }
    }
    CitationCheck::Holds
}

/// How a page writes the start of a path inside the sources: `Lib/` for Python's library.
fn prefix(language: Language) -> &'static str {
    match language {
        Language::Rust => "",
        Language::Python => "Lib/",
    }
}

/// The definitions of `dir/relative`, or `None` if there is no such file.
fn definitions(
    dir: &Path,
    relative: &str,
    language: Language,
    sources: &Sources,
) -> Option<Definitions> {
    match language {
        Language::Rust => sources.rust_definitions(&dir.join(relative)),
        Language::Python => sources
            .python_definitions(dir, &[relative.to_string()])
            .remove(0),
    }
}

/// Checks that `dir/relative` exists and defines each name of the citation.
fn check_file(
    citation: &Citation,
    dir: &Path,
    relative: &str,
    what: &str,
    language: Language,
    sources: &Sources,
) -> CitationCheck {
    let Some(defs) = definitions(dir, relative, language, sources) else {
        let files = files_in(dir, language);
        let known: Vec<&str> = files.iter().map(String::as_str).collect();
        let name = relative.rsplit('/').next().unwrap_or(relative);
        let mut close: Vec<&str> = known
            .iter()
            .copied()
            .filter(|f| f.rsplit('/').next() == Some(name))
            .collect();
        for f in closest(relative, &known) {
            if !close.contains(&f) {
                close.push(f);
            }
        }
        let hint = match close.as_slice() {
            [] => String::new(),
            close => format!(
                "; did you mean {}?",
                close
                    .iter()
                    .take(3)
                    .map(|f| format!("`{}{f}`", prefix(language)))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        };
        return CitationCheck::Wrong(format!("no such file in {what}{hint}"));
    };
    for name in &citation.names {
        let Err(missing) = defs.defines(name, language) else {
            continue;
        };
        let others: Vec<String> = files_in(dir, language)
            .into_iter()
            .filter(|f| f != relative)
            .collect();
        if language == Language::Python {
            sources.python_definitions(dir, &others);
        }
        let elsewhere: Vec<String> = others
            .into_iter()
            .filter(|f| {
                definitions(dir, f, language, sources)
                    .is_some_and(|d| d.defines(name, language).is_ok())
            })
            .take(2)
            .map(|f| format!("`{}{f}`", prefix(language)))
            .collect();
        let hint = if elsewhere.is_empty() {
            missing.hint
        } else {
            format!("; it is in {}", elsewhere.join(" and "))
        };
        return CitationCheck::Wrong(format!(
            "{} in {what}'s `{}`{hint}",
            missing.what, citation.path
        ));
    }
    CitationCheck::Holds
}

/// The files under `dir` with this extension, relative to it (for a crate, under `src/` only;
/// for Python's library, `asyncio/` and the top level, where the book's citations point).
fn files_in(dir: &Path, language: Language) -> Vec<String> {
    let python = language == Language::Python;
    let extension = if python { "py" } else { "rs" };
    let mut found = Vec::new();
    let starts: Vec<PathBuf> = if python {
        vec![dir.to_path_buf(), dir.join("asyncio")]
    } else {
        vec![dir.join("src")]
    };
    for start in starts {
        let mut stack = vec![start];
        while let Some(d) = stack.pop() {
            let Ok(entries) = fs::read_dir(&d) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() && !python {
                    stack.push(path);
                } else if path.extension().is_some_and(|x| x == extension)
                    && let Ok(relative) = path.strip_prefix(dir)
                {
                    found.push(relative.to_string_lossy().replace('\\', "/"));
                }
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

/// What a name lacks: `no \`fn foo\``, and a hint such as `; did you mean \`fo\`?`.
struct Missing {
    what: String,
    hint: String,
}

/// The definitions of one source file.
#[derive(Clone, Debug, Default)]
struct Definitions {
    /// Top-level or nested functions and types: `(kind, name)`, such as `("fn", "react")`.
    items: Vec<(&'static str, String)>,
    /// Blocks that define methods: the names their header mentions, and the methods in them.
    blocks: Vec<(Vec<String>, Vec<String>)>,
    /// The keyword of a block: `impl` in Rust, `class` in Python (for messages).
    block_word: &'static str,
}

impl Definitions {
    fn defines(&self, name: &str, language: Language) -> Result<(), Missing> {
        let separator = if language == Language::Rust {
            "::"
        } else {
            "."
        };
        let fn_word = if language == Language::Rust {
            "fn"
        } else {
            "def"
        };
        let suggest = |name: &str, known: Vec<&str>, shown: &dyn Fn(&str) -> String| {
            let close = closest(name, &known);
            match close.as_slice() {
                [] => String::new(),
                close => format!(
                    "; did you mean {}?",
                    close
                        .iter()
                        .map(|c| format!("`{}`", shown(c)))
                        .collect::<Vec<_>>()
                        .join(" or ")
                ),
            }
        };
        match name.split_once(separator) {
            None => {
                if self.items.iter().any(|(_, n)| n == name) {
                    return Ok(());
                }
                let known: Vec<&str> = self.items.iter().map(|(_, n)| n.as_str()).collect();
                let what = if language == Language::Rust {
                    format!("no `fn {name}` (nor a type or a `pub use` of it)")
                } else {
                    format!("no `def {name}` (nor a `class {name}`)")
                };
                Err(Missing {
                    what,
                    hint: suggest(name, known, &|c| c.to_string()),
                })
            }
            Some((owner, method)) => {
                let owned: Vec<&(Vec<String>, Vec<String>)> = self
                    .blocks
                    .iter()
                    .filter(|(header, _)| header.iter().any(|h| h == owner))
                    .collect();
                if owned
                    .iter()
                    .any(|(_, methods)| methods.iter().any(|m| m == method))
                {
                    return Ok(());
                }
                // "an `impl` of `Reactor`", or "`class Task`".
                let block = if self.block_word == "impl" {
                    format!("an `impl` of `{owner}`")
                } else {
                    format!("`class {owner}`")
                };
                if owned.is_empty() {
                    let mut owners: Vec<&str> = self
                        .blocks
                        .iter()
                        .flat_map(|(h, _)| h.iter().map(String::as_str))
                        .collect();
                    owners.sort();
                    owners.dedup();
                    return Err(Missing {
                        what: format!("no {block}"),
                        hint: suggest(owner, owners, &|c| format!("{c}{separator}{method}")),
                    });
                }
                let methods: Vec<&str> = owned
                    .iter()
                    .flat_map(|(_, m)| m.iter().map(String::as_str))
                    .collect();
                let loose = self.items.iter().any(|(k, n)| *k == fn_word && n == method);
                let what = if loose {
                    format!("`{fn_word} {method}` is there, but not in {block}")
                } else {
                    format!("no `{fn_word} {method}` in {block}")
                };
                Err(Missing {
                    what,
                    hint: suggest(method, methods, &|c| format!("{owner}{separator}{c}")),
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_are_found_across_lines_and_lists() {
        let text = "Intro.\n\nIt calls `insert_timer` and\n`Reactor::process_timers` in async-io's\n\
                    `src/reactor.rs`, then `BaseEventLoop._run_once` in CPython's `Lib/asyncio/base_events.py`.\n\n\
                    ```text\n`src/not_prose.rs`\n```\n";
        let (citations, problems) = scan(Path::new("."), &Page::new("p.md", text));
        assert!(problems.is_empty(), "{problems:?}");
        let shown: Vec<String> = citations
            .iter()
            .map(|c| format!("{}: {c}", c.line))
            .collect();
        assert_eq!(
            shown,
            [
                "3: `insert_timer` and `Reactor::process_timers` in async-io's `src/reactor.rs`",
                "5: `BaseEventLoop._run_once` in CPython's `Lib/asyncio/base_events.py`",
            ]
        );
    }
}
