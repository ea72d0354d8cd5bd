//! The book's pages agree with the examples (`cargo xtask lint`), and that check can fail.

use std::fs;
use std::path::PathBuf;

use xtask::Workbook;
use xtask::pages::problems;

#[test]
fn the_pages_include_every_example_and_every_include_and_link_resolves() {
    let workbook = Workbook::locate().unwrap();
    let problems = problems(&workbook);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A small workbook with one of each mistake, written under `target/` for this test.
fn broken_workbook() -> Workbook {
    let root = Workbook::locate()
        .unwrap()
        .root
        .join("target/harness-tests/broken-book");
    let _ = fs::remove_dir_all(&root);
    let files = [
        (
            "examples/shown.rs",
            "// ANCHOR: main\nfn main() {}\n// ANCHOR_END: main\n",
        ),
        ("examples/shown.stdout", ""),
        ("examples/hidden.rs", "fn main() {}\n"),
        ("examples/hidden.stdout", ""),
        (
            "src/SUMMARY.md",
            "[Intro](intro.md)\n- [Chapter](chapter.md)\n",
        ),
        (
            "src/intro.md",
            "# Intro\n\nSee [the chapter](chapter.md#output) and [nothing](gone.md).\n",
        ),
        (
            "src/chapter.md",
            "# Chapter\n\n```rust\n{{#include ../examples/shown.rs:main}}\n```\n\n\
             ```rust\n{{#include ../examples/shown.rs:mian}}\n```\n\n\
             ```rust\nfn pasted() {}\n```\n\n\
             ```text\n{{#include ../examples/shwon.stdout}}\n```\n\n[back](intro.md#intro)\n",
        ),
        ("src/orphan.md", "# Orphan\n"),
    ];
    for (path, text) in files {
        let path: PathBuf = root.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    Workbook::at(root).unwrap()
}

#[test]
fn each_kind_of_disagreement_is_reported() {
    let found = problems(&broken_workbook());
    let expected = [
        "src/chapter.md:8: includes ../examples/shown.rs:mian, but ../examples/shown.rs has no anchor 'mian'",
        "src/chapter.md:11: Rust code pasted into the page; include it from a compiled example",
        "src/chapter.md:16: includes ../examples/shwon.stdout, which does not exist",
        "src/intro.md:3: links to chapter.md#output, but src/chapter.md has no heading or term with the id 'output'",
        "src/intro.md:3: links to gone.md, but src/gone.md does not exist",
        "examples/hidden.rs is not shown by any page of the book; include it in a chapter",
        "examples/hidden.stdout is not shown by any page of the book; include it in a chapter",
        "examples/shown.stdout is not shown by any page of the book; include it in a chapter",
        "src/orphan.md is not listed in src/SUMMARY.md, so no reader can reach it",
    ];
    assert_eq!(found, expected, "got:\n{}", found.join("\n"));
}

/// CI must run the check command that README.md gives readers, so that the two cannot drift.
#[test]
fn ci_runs_the_test_command_from_the_readme() {
    let root = Workbook::locate().unwrap().root;
    let readme = fs::read_to_string(root.join("README.md")).unwrap();
    let ci = fs::read_to_string(root.join(".ci/run")).unwrap();
    let command = readme
        .lines()
        .find(|l| l.contains("# run every check"))
        .and_then(|l| l.split('#').next())
        .map(str::trim)
        .expect("README.md has a line with `# run every check`");
    assert!(
        ci.lines().any(|l| l.trim() == command),
        ".ci/run does not run `{command}`, the check command in README.md"
    );
}

/// The browser check's link test (`cargo xtask browser` runs it on the built book) fails on a
/// broken internal link or anchor. It needs only `python3`, not the browser.
#[test]
fn the_browser_check_fails_on_a_broken_internal_link() {
    let root = Workbook::locate().unwrap().root;
    let book = root.join("target/harness-tests/broken-links");
    let _ = fs::remove_dir_all(&book);
    fs::create_dir_all(book.join("chapter")).unwrap();
    let pages = [
        (
            "index.html",
            r##"<h1 id="top">Book</h1><a href="chapter/one.html#setup">ok</a>"##,
        ),
        (
            "chapter/one.html",
            r##"<h2 id="setup">Setup</h2><a href="../index.html#top">ok</a>
               <a href="two.html">missing page</a><a href="#nowhere">missing anchor</a>
               <a href="https://example.org/">another site, not followed</a>"##,
        ),
    ];
    for (path, html) in pages {
        fs::write(book.join(path), html).unwrap();
    }
    let output = std::process::Command::new("python3")
        .arg(root.join("xtask/browser/check_book.py"))
        .arg("--links-only")
        .arg(&book)
        .output()
        .expect("python3 is needed for this test");
    let printed = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{printed}");
    assert_eq!(
        printed.lines().collect::<Vec<_>>(),
        [
            "chapter/one.html: link to two.html: chapter/two.html does not exist",
            "chapter/one.html: link to #nowhere: chapter/one.html has no id 'nowhere'",
        ]
    );
}
