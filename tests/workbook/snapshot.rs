//! Reports pinned whole: each is compared, line by line, with a file in
//! `tests/workbook/snapshots/`, where `[..]` stands for any text (a time, a path, a pid). A test
//! that asserts a fragment leaves the rest of the message unchecked; a snapshot shows a reviewer
//! exactly what a reader will see.
//!
//! mdBook's own tests do this with snapbox. It would add a dozen crates to the build for what
//! these sixty lines do; so, like the rest of the harness, this is a small piece of our own.
//!
//! To update a snapshot on purpose, run the test with `SNAPSHOTS=overwrite`: the file is
//! rewritten with the report as it is, and `git diff` shows the change. Put `[..]` back where a
//! value varies from run to run.

use std::fs;

use crate::shared::workbook;

/// Whether `actual` matches the snapshot `name`, line for line.
pub fn assert_snapshot(name: &str, actual: &str) {
    let file = workbook()
        .root
        .join("tests/workbook/snapshots")
        .join(format!("{name}.txt"));
    if std::env::var_os("SNAPSHOTS").is_some_and(|v| v == "overwrite") {
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(&file, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&file).unwrap_or_else(|e| {
        panic!(
            "no snapshot {} ({e}): run the test with SNAPSHOTS=overwrite to write it, then \
             review it\n\nthe report:\n{actual}",
            file.display()
        )
    });
    let (want, got): (Vec<&str>, Vec<&str>) =
        (expected.lines().collect(), actual.lines().collect());
    let same = want.len() == got.len() && want.iter().zip(&got).all(|(w, g)| matches(w, g));
    if !same {
        let mut diff = String::new();
        for i in 0..want.len().max(got.len()) {
            match (want.get(i), got.get(i)) {
                (Some(w), Some(g)) if matches(w, g) => diff += &format!("    {g}\n"),
                (w, g) => {
                    if let Some(w) = w {
                        diff += &format!("  - {w}\n");
                    }
                    if let Some(g) = g {
                        diff += &format!("  + {g}\n");
                    }
                }
            }
        }
        panic!(
            "the report differs from its snapshot {} (- snapshot, + report; `[..]` matches any \
             text; SNAPSHOTS=overwrite rewrites it){}:\n{diff}",
            file.display(),
            crate::shared::busy_note()
        );
    }
}

/// Whether `line` matches `pattern`, where each `[..]` of the pattern matches any text.
fn matches(pattern: &str, line: &str) -> bool {
    let parts: Vec<&str> = pattern.split("[..]").collect();
    let [first, middle @ .., last] = parts.as_slice() else {
        return pattern == line;
    };
    if parts.len() == 1 {
        return pattern == line;
    }
    let Some(mut rest) = line.strip_prefix(first) else {
        return false;
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

#[test]
fn a_placeholder_matches_any_text_and_nothing_else_does() {
    assert!(matches("took [..] s", "took 1.02 s"));
    assert!(matches("[..]", ""));
    assert!(matches("a [..] b [..] c", "a 1 b 2 c"));
    assert!(!matches("a [..] b", "a 1 c"));
    assert!(!matches("exact", "exact "));
    assert!(!matches("[..]x[..]x", "x"));
}
