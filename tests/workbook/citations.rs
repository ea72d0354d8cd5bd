//! The book's citations of source code hold (`cargo xtask lint` runs the same check), and the
//! check fails on each kind of wrong citation.

use std::fs;
use std::path::PathBuf;

use xtask::Workbook;
use xtask::citations::{CitationReport, Python, Sources, check_book, check_page};

/// The book's citations, checked once for the tests that read the report.
fn book_report() -> &'static CitationReport {
    static REPORT: std::sync::OnceLock<CitationReport> = std::sync::OnceLock::new();
    REPORT.get_or_init(|| {
        let root = Workbook::locate().unwrap().root;
        let pages = xtask::markdown::pages(&root).unwrap();
        check_book(&root, &pages, &Sources::locate(&root))
    })
}

#[test]
fn every_source_path_is_a_citation_and_every_crate_citation_holds_in_the_pinned_version() {
    let report = book_report();
    assert!(
        report.problems.is_empty(),
        "\n{}\n",
        report.problems.join("\n")
    );
    assert!(
        report.held.len() >= 10,
        "only {} citations of crates found: is the scan still finding them?",
        report.held.len()
    );
}

/// CPython's citations are checked against the `python3` on this machine. Without one they
/// are skipped, and this test says so: a citation never passes unchecked.
mod python {
    #[test]
    fn every_citation_of_cpython_names_a_file_and_a_definition() {
        let report = super::book_report();
        assert!(
            report.skipped.is_empty(),
            "\n{}\n(to leave the Python checks out: `cargo test -- --skip python::`)",
            report.skipped.join("\n")
        );
        assert!(
            report.cpython_problems.is_empty(),
            "\n{}\n",
            report.cpython_problems.join("\n")
        );
        assert!(!report.cpython_held.is_empty());
    }
}

/// A tiny crate and a tiny Python library, written under `target/` for these tests.
fn fake_sources(python: bool) -> (PathBuf, Sources) {
    let root = Workbook::locate()
        .unwrap()
        .root
        // One directory per kind: the tests that use them run at the same time.
        .join(format!("target/harness-tests/citations-{python}"));
    let _ = fs::remove_dir_all(&root);
    let files = [
        (
            "async-io-2.6.0/src/reactor.rs",
            "/// fn in_a_comment() {}\npub(crate) struct Reactor;\n\nimpl Reactor {\n    \
             pub(crate) fn lock(&self) { let _ = \"}\"; }\n    fn process_timers(&self) {}\n}\n",
        ),
        ("async-io-2.6.0/src/driver.rs", "pub fn block_on() {}\n"),
        (
            "lib/asyncio/tasks.py",
            "class Task:\n    def __step(self):\n        pass\n\n\nasync def sleep(delay):\n    pass\n",
        ),
    ];
    for (path, text) in files {
        let path = root.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    let python = if python {
        Ok(Python {
            version: "3.11.7".to_string(),
            lib: root.join("lib"),
            executable: "python3".into(),
        })
    } else {
        Err("python3 is not on this machine".to_string())
    };
    let crates = vec![(
        "async-io".to_string(),
        "2.6.0".to_string(),
        Some(root.join("async-io-2.6.0")),
    )];
    (root, Sources::new(crates, python))
}

const PAGE: &str = "\
# A page

`Reactor::lock` and `process_timers` in async-io's `src/reactor.rs` hold, and so does
`Task.__step` in CPython's `Lib/asyncio/tasks.py`.

Missing file: `Reactor::lock` in async-io's `src/reactr.rs`.
Missing function: `Reactor::lok` in async-io's `src/reactor.rs`; `in_a_comment` in async-io's
`src/reactor.rs`.
In another file: `block_on` in async-io's `src/reactor.rs`.
Not a citation: `Reactor::lock` (async-io, `src/reactor.rs`), nor `tasks.py`, nor src/driver.rs.
A module path: `async_io::block_on` in async-io's `src/driver.rs`.
A crate not in Cargo.lock: `spawn` in tokio's `src/task.rs`.
CPython: `Task.__wakeup` in CPython's `Lib/asyncio/tasks.py`, and `sleep` in CPython's
`Lib/asyncio/task.py`.

```text
`src/in_a_code_block.rs` is not prose
```
";

fn check(python: bool) -> CitationReport {
    let (root, sources) = fake_sources(python);
    let mut report = CitationReport::default();
    let page = xtask::markdown::Page::new("src/page.md", PAGE);
    check_page(&root, &page, &sources, &mut report);
    report
}

#[test]
fn each_kind_of_wrong_citation_is_reported_with_its_page_line_and_what_is_wrong() {
    let report = check(true);
    let held: Vec<String> = report
        .held
        .iter()
        .chain(&report.cpython_held)
        .map(|c| format!("{}: {c}", c.line))
        .collect();
    assert_eq!(
        held,
        [
            "3: `Reactor::lock` and `process_timers` in async-io's `src/reactor.rs`",
            "4: `Task.__step` in CPython's `Lib/asyncio/tasks.py`",
        ]
    );
    let expected = [
        "src/page.md:10: `src/reactor.rs`: a source path must end a citation: `NAME` in CRATE's \
         `PATH`, but it follows \"(async-io,\"",
        "src/page.md:10: `tasks.py`: a source file named without its path; cite it as `NAME` in \
         CRATE's `src/...` (or CPython's `Lib/...`)",
        "src/page.md:10: src/driver.rs: a source path outside a code span; cite it as `NAME` in \
         CRATE's `src/driver.rs`",
        "src/page.md:11: `src/driver.rs`: `async_io::block_on` before it: `async_io::block_on` is \
         a module path: cite the function `block_on` in the file that defines it",
        "src/page.md:6: `Reactor::lock` in async-io's `src/reactr.rs`: no such file in async-io \
         2.6.0; did you mean `src/reactor.rs`?",
        "src/page.md:7: `Reactor::lok` in async-io's `src/reactor.rs`: no `fn lok` in an `impl` \
         of `Reactor` in async-io 2.6.0's `src/reactor.rs`; did you mean `Reactor::lock`?",
        "src/page.md:7: `in_a_comment` in async-io's `src/reactor.rs`: no `fn in_a_comment` (nor a \
         type or a `pub use` of it) in async-io 2.6.0's `src/reactor.rs`",
        "src/page.md:9: `block_on` in async-io's `src/reactor.rs`: no `fn block_on` (nor a type or \
         a `pub use` of it) in async-io 2.6.0's `src/reactor.rs`; it is in `src/driver.rs`",
        "src/page.md:12: `spawn` in tokio's `src/task.rs`: tokio is not in Cargo.lock",
    ];
    assert_eq!(
        report.problems,
        expected,
        "got:\n{}",
        report.problems.join("\n")
    );
    let expected_cpython = [
        "src/page.md:13: `Task.__wakeup` in CPython's `Lib/asyncio/tasks.py`: no `def __wakeup` \
         in `class Task` in CPython 3.11.7's `Lib/asyncio/tasks.py`",
        "src/page.md:13: `sleep` in CPython's `Lib/asyncio/task.py`: no such file in CPython \
         3.11.7; did you mean `Lib/asyncio/tasks.py`?",
    ];
    assert_eq!(
        report.cpython_problems,
        expected_cpython,
        "got:\n{}",
        report.cpython_problems.join("\n")
    );
    assert!(report.skipped.is_empty());
}

#[test]
fn without_python3_cpython_citations_are_skipped_never_passed() {
    let report = check(false);
    assert!(report.cpython_held.is_empty() && report.cpython_problems.is_empty());
    assert_eq!(
        report.skipped,
        [
            "src/page.md:4: `Task.__step` in CPython's `Lib/asyncio/tasks.py`: not checked: \
             python3 is not on this machine",
            "src/page.md:13: `Task.__wakeup` in CPython's `Lib/asyncio/tasks.py`: not checked: \
             python3 is not on this machine",
            "src/page.md:13: `sleep` in CPython's `Lib/asyncio/task.py`: not checked: python3 is \
             not on this machine",
        ]
    );
}
