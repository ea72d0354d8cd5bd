//! Compares what a program printed with what the book says it prints.
//!
//! Lines are compared in order and exactly, with two exceptions that make real runs comparable:
//! - a *timing*, a number followed by a unit (`1.00s`, `3 s`, `250 ms`, `2.5 seconds`), is read
//!   as a duration and passes when the actual one lies within [`allowed_range`] of the expected
//!   one: never much earlier (a sleep cannot end early), and not so late that the run has changed;
//! - `[..]` in an expected line matches any text, for values that differ on every run.
//!
//! When the lines differ, [`compare`] returns a [`Diff`] that says which lines are missing, which
//! are extra, and for a line that only differs in a timing, by how much.

use std::fmt;

/// The text in an expected line that matches anything.
pub const WILDCARD: &str = "[..]";

/// A timing found in a line of output.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Timing {
    /// The duration, in seconds.
    pub seconds: f64,
    /// The smallest step the printed number can show, in seconds (`1.00s` → 0.01).
    pub resolution: f64,
    /// Seconds per unit of the written unit (1 for `s`, 0.001 for `ms`).
    pub scale: f64,
    /// How it is written after the number: the unit, and a space before it or not. Two timings
    /// only match when they are written alike (`1.00s` does not match `1.00 s` or `1000ms`).
    pub unit: &'static str,
    pub spaced: bool,
}

impl Timing {
    fn written_like(&self, other: &Timing) -> bool {
        self.unit == other.unit && self.spaced == other.spaced
    }
}

/// One piece of a line: a character, a timing, or (expected lines only) the wildcard.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Piece {
    Char(char),
    Time(Timing),
    Any,
}

/// Units a timing may be written in, longest first so that `ms` is not read as `m` + `s`.
const UNITS: [(&str, f64); 6] = [
    ("seconds", 1.0),
    ("second", 1.0),
    ("ms", 1e-3),
    ("µs", 1e-6),
    ("us", 1e-6),
    ("s", 1.0),
];

/// The range of actual durations that match an expected timing, in seconds.
///
/// Early: at most 5% plus the printed resolution (timers never fire early; this only absorbs
/// rounding). Late: 15% plus a slack that depends on the unit (0.3 s for timings written in
/// seconds, 40 ms in milliseconds, 1 ms in microseconds), enough for a loaded 2-core machine,
/// yet far below the difference between "concurrent" and "sequential" (1 s against 3 s).
pub fn allowed_range(expected: Timing) -> (f64, f64) {
    let slack = if expected.scale >= 1.0 {
        0.3
    } else if expected.scale >= 1e-3 {
        0.04
    } else {
        1e-3
    };
    let low = expected.seconds - 0.05 * expected.seconds - expected.resolution;
    let high = expected.seconds * 1.15 + slack;
    (low.max(0.0), high)
}

fn within(expected: Timing, actual: Timing) -> bool {
    let (low, high) = allowed_range(expected);
    (low..=high).contains(&actual.seconds)
}

/// Splits a line into pieces, reading timings (and, if `wildcards`, `[..]`).
fn pieces(line: &str, wildcards: bool) -> Vec<Piece> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if wildcards && line[at..].starts_with(WILDCARD) {
            out.push(Piece::Any);
            i += WILDCARD.len();
            continue;
        }
        let starts_word = i == 0 || !is_word_char(chars[i - 1].1);
        if c.is_ascii_digit()
            && starts_word
            && let Some((timing, used)) = timing_at(&line[at..])
        {
            out.push(Piece::Time(timing));
            i += line[at..at + used].chars().count();
            continue;
        }
        out.push(Piece::Char(c));
        i += 1;
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '.' || c == '_'
}

/// Reads a timing at the start of `text`: digits, maybe a fraction, maybe one space, a unit,
/// then the end of the word. Returns it and the number of bytes it took.
fn timing_at(text: &str) -> Option<(Timing, usize)> {
    let int = text.bytes().take_while(u8::is_ascii_digit).count();
    let mut end = int;
    let mut decimals = 0;
    if text[end..].starts_with('.') {
        decimals = text[end + 1..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        if decimals == 0 {
            return None;
        }
        end += 1 + decimals;
    }
    let number: f64 = text[..end].parse().ok()?;
    let spaced = text[end..].starts_with(' ');
    let after_space = if spaced { end + 1 } else { end };
    let rest = &text[after_space..];
    let (unit, scale) = UNITS.iter().find(|(unit, _)| rest.starts_with(unit))?;
    let used = after_space + unit.len();
    if text[used..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let timing = Timing {
        seconds: number * scale,
        resolution: 10f64.powi(-(decimals as i32)) * scale,
        scale: *scale,
        unit,
        spaced,
    };
    Some((timing, used))
}

/// The timings in a line, in order.
pub fn timings(line: &str) -> Vec<Timing> {
    pieces(line, false)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Time(t) => Some(t),
            _ => None,
        })
        .collect()
}

/// Whether `actual` matches the pattern `expected`; with `any_time`, timings match whatever
/// their value (used to tell a wrong timing from a wrong line).
fn matches(expected: &[Piece], actual: &[Piece], any_time: bool) -> bool {
    // reachable[j]: the expected pieces seen so far can match the first j actual pieces.
    let mut reachable = vec![false; actual.len() + 1];
    reachable[0] = true;
    for pattern in expected {
        let mut next = vec![false; actual.len() + 1];
        for j in 0..=actual.len() {
            if !reachable[j] {
                continue;
            }
            match pattern {
                Piece::Any => next[j..].iter_mut().for_each(|r| *r = true),
                Piece::Char(c) => {
                    if actual.get(j) == Some(&Piece::Char(*c)) {
                        next[j + 1] = true;
                    }
                }
                Piece::Time(e) => {
                    if let Some(Piece::Time(a)) = actual.get(j)
                        && e.written_like(a)
                        && (any_time || within(*e, *a))
                    {
                        next[j + 1] = true;
                    }
                }
            }
        }
        reachable = next;
    }
    reachable[actual.len()]
}

/// Whether one actual line matches one expected line.
pub fn line_matches(expected: &str, actual: &str) -> bool {
    matches(&pieces(expected, true), &pieces(actual, false), false)
}

/// One line of a diff.
#[derive(Clone, Debug, PartialEq)]
pub enum DiffLine {
    /// In both.
    Same(String),
    /// Expected, but not printed.
    Missing(String),
    /// Printed, but not expected; with a note when it differs from the line above only in
    /// a timing.
    Extra(String, Option<String>),
    /// Lines left out of the display because they match.
    Skipped(usize),
}

/// The difference between expected and actual output.
#[derive(Clone, Debug, PartialEq)]
pub struct Diff {
    pub lines: Vec<DiffLine>,
}

impl Diff {
    /// Whether any line differs only in its timing.
    pub fn has_timing_note(&self) -> bool {
        self.lines
            .iter()
            .any(|l| matches!(l, DiffLine::Extra(_, Some(_))))
    }
}

/// Compares the whole output. `Ok` when every line matches, in order, and no line is left over.
pub fn compare(expected: &str, actual: &str) -> Result<(), Diff> {
    let expected: Vec<&str> = expected.lines().collect();
    let actual: Vec<&str> = actual.lines().collect();
    let ops = align(&expected, &actual);
    if ops.iter().all(|op| matches!(op, DiffLine::Same(_))) {
        return Ok(());
    }
    Err(Diff {
        lines: trim_context(annotate_timings(ops), 3),
    })
}

/// A longest common subsequence alignment of the two lists of lines.
fn align(expected: &[&str], actual: &[&str]) -> Vec<DiffLine> {
    let (n, m) = (expected.len(), actual.len());
    let same: Vec<Vec<bool>> = expected
        .iter()
        .map(|e| actual.iter().map(|a| line_matches(e, a)).collect())
        .collect();
    // longest[i][j]: length of the longest common subsequence of expected[i..] and actual[j..].
    let mut longest = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            longest[i][j] = if same[i][j] {
                longest[i + 1][j + 1] + 1
            } else {
                longest[i + 1][j].max(longest[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut ops = Vec::new();
    while i < n || j < m {
        if i < n && j < m && same[i][j] {
            ops.push(DiffLine::Same(actual[j].to_string()));
            (i, j) = (i + 1, j + 1);
        } else if i < n && (j == m || longest[i + 1][j] >= longest[i][j + 1]) {
            ops.push(DiffLine::Missing(expected[i].to_string()));
            i += 1;
        } else {
            ops.push(DiffLine::Extra(actual[j].to_string(), None));
            j += 1;
        }
    }
    ops
}

/// Puts each extra line right after the missing line it replaces, when the two differ only in
/// their timings, with a note that says which timing is out of range.
fn annotate_timings(ops: Vec<DiffLine>) -> Vec<DiffLine> {
    let mut out: Vec<DiffLine> = Vec::new();
    let mut k = 0;
    while k < ops.len() {
        // A run of missing lines, then a run of extra lines: pair them up in order.
        let missing_end = (k..ops.len())
            .find(|&x| !matches!(ops[x], DiffLine::Missing(_)))
            .unwrap_or(ops.len());
        let extra_end = (missing_end..ops.len())
            .find(|&x| !matches!(ops[x], DiffLine::Extra(..)))
            .unwrap_or(ops.len());
        if missing_end == k || extra_end == missing_end {
            out.push(ops[k].clone());
            k += 1;
            continue;
        }
        let text = |op: &DiffLine| match op {
            DiffLine::Missing(l) | DiffLine::Extra(l, _) => l.clone(),
            _ => unreachable!("the runs hold only missing and extra lines"),
        };
        let missing: Vec<String> = ops[k..missing_end].iter().map(text).collect();
        let extra: Vec<String> = ops[missing_end..extra_end].iter().map(text).collect();
        // Pair each extra line with the first unpaired missing line it differs from only in
        // timings. Unpaired missing lines come first; each pair is shown where the extra line was.
        let mut partner: Vec<Option<(usize, String)>> = vec![None; extra.len()];
        let mut taken = vec![false; missing.len()];
        for (x, a) in extra.iter().enumerate() {
            for (y, e) in missing.iter().enumerate() {
                if taken[y] {
                    continue;
                }
                if let Some(note) = timing_note(e, a) {
                    taken[y] = true;
                    partner[x] = Some((y, note));
                    break;
                }
            }
        }
        for (y, e) in missing.iter().enumerate() {
            if !taken[y] {
                out.push(DiffLine::Missing(e.clone()));
            }
        }
        for (a, paired) in extra.into_iter().zip(partner) {
            match paired {
                Some((y, note)) => {
                    out.push(DiffLine::Missing(missing[y].clone()));
                    out.push(DiffLine::Extra(a, Some(note)));
                }
                None => out.push(DiffLine::Extra(a, None)),
            }
        }
        k = extra_end;
    }
    out
}

/// If two lines differ only in their timings, says which ones are out of range and how.
fn timing_note(expected: &str, actual: &str) -> Option<String> {
    let (e, a) = (pieces(expected, true), pieces(actual, false));
    if !matches(&e, &a, true) {
        return None;
    }
    let notes: Vec<String> = timings(expected)
        .into_iter()
        .zip(timings(actual))
        .filter(|(e, a)| !within(*e, *a))
        .map(|(e, a)| describe_timing(e, a))
        .collect();
    Some(if notes.is_empty() {
        "a timing is out of range".to_string()
    } else {
        notes.join("; ")
    })
}

/// "3.00 s is too late: expected 0.94 to 1.45 s".
pub fn describe_timing(expected: Timing, actual: Timing) -> String {
    let (low, high) = allowed_range(expected);
    let verdict = if actual.seconds < low {
        "too early"
    } else {
        "too late"
    };
    format!(
        "{} is {verdict}: expected about {} (from {} to {})",
        seconds(actual.seconds),
        seconds(expected.seconds),
        seconds(low),
        seconds(high)
    )
}

/// A duration in seconds, written the way a reader expects: "1.45 s", "51.5 ms".
pub fn seconds(s: f64) -> String {
    if s >= 0.1 {
        format!("{s:.2} s")
    } else {
        format!("{:.1} ms", s * 1e3)
    }
}

/// Keeps `context` matching lines around each change and folds the rest into [`DiffLine::Skipped`].
fn trim_context(lines: Vec<DiffLine>, context: usize) -> Vec<DiffLine> {
    let changed: Vec<usize> = (0..lines.len())
        .filter(|&i| !matches!(lines[i], DiffLine::Same(_)))
        .collect();
    let near = |i: usize| changed.iter().any(|&c| c.abs_diff(i) <= context);
    let mut out = Vec::new();
    let mut skipped = 0;
    for (i, line) in lines.into_iter().enumerate() {
        if near(i) {
            if skipped > 0 {
                out.push(DiffLine::Skipped(skipped));
                skipped = 0;
            }
            out.push(line);
        } else {
            skipped += 1;
        }
    }
    if skipped > 0 {
        out.push(DiffLine::Skipped(skipped));
    }
    out
}

impl fmt::Display for Diff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in &self.lines {
            match line {
                DiffLine::Same(l) => writeln!(f, "    {l}")?,
                DiffLine::Missing(l) => writeln!(f, "  - {l}")?,
                DiffLine::Extra(l, None) => writeln!(f, "  + {l}")?,
                DiffLine::Extra(l, Some(note)) => writeln!(f, "  + {l}    <- {note}")?,
                DiffLine::Skipped(n) => writeln!(f, "    ... {n} matching line(s) ...")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> Timing {
        timings(text)[0]
    }

    #[test]
    fn reads_timings_in_their_units() {
        assert_eq!(t("[1.00s] Two").seconds, 1.0);
        assert_eq!(t("executed in 3.01 seconds.").seconds, 3.01);
        assert!((t("woke after 250 ms").seconds - 0.25).abs() < 1e-12);
        assert!((t("late by 12 µs").seconds - 12e-6).abs() < 1e-12);
        assert_eq!(t("took 2 s").resolution, 1.0);
    }

    #[test]
    fn numbers_without_units_are_text() {
        for line in [
            "count(1) starts",
            "3 tasks",
            "1 second3",
            "v2.0s",
            "x1 s",
            "1.s",
        ] {
            assert!(timings(line).is_empty(), "{line:?} has no timing");
        }
    }

    #[test]
    fn timings_match_within_the_range() {
        assert!(line_matches("[1.00s] Two", "[1.02s] Two"));
        assert!(line_matches("[1.00s] Two", "[1.40s] Two"));
        assert!(!line_matches("[1.00s] Two", "[2.00s] Two"), "too late");
        assert!(!line_matches("[1.00s] Two", "[0.50s] Two"), "too early");
        assert!(!line_matches("[3.00s] 3", "[6.00s] 3"));
        assert!(line_matches("[0.00s] One", "[0.01s] One"));
        assert!(!line_matches("[0.00s] One", "[1.00s] One"));
        assert!(line_matches("delayed by 200 ms", "delayed by 231 ms"));
        assert!(!line_matches("delayed by 10 ms", "delayed by 200 ms"));
    }

    #[test]
    fn text_must_match_exactly() {
        assert!(!line_matches("[1.00s] Two", "[1.00s] Three"));
        assert!(!line_matches("[1.00s] Two", "[1.00s] Two "));
        assert!(!line_matches("[1.00s] Two", "[1.00 s] Two"));
        assert!(!line_matches("took 1.00 s", "took 1000 ms"));
    }

    #[test]
    fn wildcards_match_any_text() {
        assert!(line_matches(
            "median [..], p99 [..]",
            "median 31 µs, p99 210 µs"
        ));
        assert!(line_matches("[..]", ""));
        assert!(line_matches("a[..]b", "a long way to b"));
        assert!(!line_matches("a[..]b", "a long way to c"));
        assert!(line_matches("[..] after [1.00s]", "woke after [1.10s]"));
        assert!(!line_matches("[..] after [1.00s]", "woke after [2.10s]"));
    }

    #[test]
    fn equal_outputs_have_no_diff() {
        assert_eq!(compare("a\n[1.00s] b\n", "a\n[1.03s] b\n"), Ok(()));
    }

    #[test]
    fn a_swapped_pair_shows_as_missing_and_extra() {
        let diff = compare("a\nb\nc\n", "b\na\nc\n").unwrap_err();
        let text = diff.to_string();
        assert!(text.contains("- a") || text.contains("- b"), "{text}");
        assert!(text.contains("+ a") || text.contains("+ b"), "{text}");
    }

    #[test]
    fn a_missing_line_is_named() {
        let diff = compare("a\nb\nc\n", "a\nc\n").unwrap_err();
        assert_eq!(
            diff.lines,
            vec![
                DiffLine::Same("a".into()),
                DiffLine::Missing("b".into()),
                DiffLine::Same("c".into())
            ]
        );
    }

    #[test]
    fn an_extra_line_is_named() {
        let diff = compare("a\n", "a\nb\n").unwrap_err();
        assert_eq!(diff.lines[1], DiffLine::Extra("b".into(), None));
    }

    #[test]
    fn a_late_line_gets_a_note() {
        let diff = compare("[0.00s] One\n[1.00s] Two\n", "[0.00s] One\n[3.00s] Two\n").unwrap_err();
        assert!(diff.has_timing_note());
        let text = diff.to_string();
        assert!(text.contains("- [1.00s] Two"), "{text}");
        assert!(
            text.contains("+ [3.00s] Two    <- 3.00 s is too late: expected about 1.00 s"),
            "{text}"
        );
    }

    #[test]
    fn an_early_line_gets_a_note() {
        let diff = compare("[1.00s] Two\n", "[0.10s] Two\n").unwrap_err();
        assert!(diff.to_string().contains("0.10 s is too early"), "{diff}");
    }

    #[test]
    fn long_runs_of_matching_lines_are_folded() {
        let expected: String = (0..20).map(|i| format!("{i}\n")).collect();
        let actual = expected.replace("10\n", "ten\n");
        let diff = compare(&expected, &actual).unwrap_err();
        assert_eq!(diff.lines.first(), Some(&DiffLine::Skipped(7)));
        assert_eq!(diff.lines.last(), Some(&DiffLine::Skipped(6)));
    }
}
