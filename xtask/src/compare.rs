//! Compares what a program printed with what the book says it prints.
//!
//! Lines are compared in order and exactly, with two exceptions that make real runs comparable:
//! - `[..]` in an expected line matches any text, for values that differ on every run;
//! - a timing (`1.00s`, `250 ms`) matches any timing written the same way, and its value is then
//!   checked on the run's timeline (see `timing`).
//!
//! The lines are first aligned by their text with Myers' diff (the `similar` crate, with a
//! deadline, so that any output is compared in bounded time), then the timings of the aligned
//! lines are checked in order. When something differs, [`compare`] returns a [`Diff`] that says
//! which lines are missing, which are extra, which came too early or too late, and names any
//! difference that cannot be seen (trailing spaces, a byte-order mark, a carriage return).

use std::collections::HashMap;
use std::fmt;
use std::time::{Duration, Instant};

use similar::DiffOp;
use similar::algorithms::{Capture, myers};

use crate::timing::{Piece, Timeline, TimingCheck, pieces};

pub use crate::timing::{WILDCARD, format_seconds, timings};

/// How long the alignment may take before it settles for a rougher diff.
const ALIGN_DEADLINE: Duration = Duration::from_secs(1);

/// At most this many lines of one run of missing or extra lines are shown.
const SHOWN_PER_RUN: usize = 12;

/// Matching lines shown around each change.
const CONTEXT: usize = 3;

/// One line, read into pieces once.
struct Line<'a> {
    text: &'a str,
    pieces: Vec<Piece>,
}

/// An expected line and an actual line, as `similar` compares them: equal when the text matches,
/// whatever the timings' values.
struct Expected<'a>(Line<'a>);
struct Actual<'a>(Line<'a>);

impl PartialEq<Expected<'_>> for Actual<'_> {
    fn eq(&self, expected: &Expected<'_>) -> bool {
        match_pieces(&expected.0.pieces, &self.0.pieces).is_some()
    }
}

/// Whether two pieces match, leaving the timings' values aside.
fn same_piece(expected: &Piece, actual: &Piece) -> bool {
    match (expected, actual) {
        (Piece::Char(e), Piece::Char(a)) => e == a,
        (Piece::Time(e), Piece::Time(a)) => e.written_like(a),
        _ => false,
    }
}

fn same_run(expected: &[Piece], actual: &[Piece]) -> bool {
    expected.len() == actual.len() && expected.iter().zip(actual).all(|(e, a)| same_piece(e, a))
}

/// Matches an actual line against an expected one (with wildcards), and returns the pairs of
/// timings that face each other. A glob match: the parts between wildcards are found leftmost
/// first, which is exact for patterns whose only operator is "any text", and linear in practice.
fn match_pieces(expected: &[Piece], actual: &[Piece]) -> Option<Vec<(Piece, Piece)>> {
    let parts: Vec<&[Piece]> = expected.split(|p| *p == Piece::Any).collect();
    let mut pairs = Vec::new();
    let mut record = |part: &[Piece], at: usize| {
        for (k, p) in part.iter().enumerate() {
            if matches!(p, Piece::Time(_)) {
                pairs.push((*p, actual[at + k]));
            }
        }
    };
    if let [only] = parts.as_slice() {
        if !same_run(only, actual) {
            return None;
        }
        record(only, 0);
        return Some(pairs);
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if first.len() + last.len() > actual.len() {
        return None;
    }
    let end = actual.len() - last.len();
    if !same_run(first, &actual[..first.len()]) || !same_run(last, &actual[end..]) {
        return None;
    }
    record(first, 0);
    let mut at = first.len();
    for part in &parts[1..parts.len() - 1] {
        let found = (at..=end.checked_sub(part.len())?)
            .find(|&i| same_run(part, &actual[i..i + part.len()]))?;
        record(part, found);
        at = found + part.len();
    }
    record(last, end);
    Some(pairs)
}

/// Whether one actual line matches one expected line, timings included, as the first line of a
/// run would be checked.
pub fn line_matches(expected: &str, actual: &str) -> bool {
    let (e, a) = (pieces(expected, true), pieces(actual, false));
    let mut timeline = Timeline::default();
    match_pieces(&e, &a).is_some_and(|pairs| {
        pairs
            .into_iter()
            .all(|pair| timeline_check(&mut timeline, pair).ok())
    })
}

fn timeline_check(timeline: &mut Timeline, pair: (Piece, Piece)) -> TimingCheck {
    match pair {
        (Piece::Time(e), Piece::Time(a)) => timeline.check(e, a),
        _ => unreachable!("only timings are paired"),
    }
}

/// One line of a diff.
#[derive(Clone, Debug, PartialEq)]
pub enum DiffLine {
    /// In both.
    Same(String),
    /// Expected, but not printed.
    Missing(String),
    /// Printed, but not expected; with a note when it is the missing line above with a timing
    /// out of range.
    Extra(String, Option<String>),
    /// Lines left out of the display because they match.
    Skipped(usize),
    /// Lines of a run of missing or extra lines left out of the display.
    More { lines: usize, missing: bool },
}

/// The difference between expected and actual output.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Diff {
    pub lines: Vec<DiffLine>,
    /// Every line was printed, in order; only timings are out of range.
    pub timing_only: bool,
    /// Every line was printed, but some in another order, each at a time close to its own
    /// ([`Diff::worst_miss`] says how close): what a moment of load can do to two lines a few
    /// tens of milliseconds apart.
    pub reordered: bool,
    /// Some timing came too early (a sleep shorter, or not awaited).
    pub too_early: bool,
    /// Some line's stamp came too early. Load makes a program late, never early (the stamps
    /// count from the program's start, before any timer is made), so this is the program's doing.
    pub early_stamp: bool,
    /// Some timing came too late (a sleep longer, or work done one after another).
    pub too_late: bool,
    /// The largest amount by which a timing missed its range, in seconds.
    pub worst_miss: f64,
    /// Each printed line with a timing later than its range, in order.
    pub late: Vec<Late>,
    /// Differences a reader cannot see in the lines themselves.
    pub invisible: Vec<String>,
}

impl Diff {
    /// Whether any line differs only in its timing.
    pub fn has_timing_note(&self) -> bool {
        self.too_early || self.too_late
    }
}

/// A printed line whose timing came later than its range allows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Late {
    /// Its index among the printed lines.
    pub line: usize,
    /// The index of the printed line with a timing before it, if any: its step began there.
    pub after: Option<usize>,
    /// By how much it missed its range, in seconds.
    pub miss: f64,
}

/// The result of a comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    /// `None` when every line matches, in order, on time, and no line is left over.
    pub diff: Option<Diff>,
    /// The smallest distance from a timing to the nearer end of its range, in seconds (negative
    /// when out of range); `None` when no timing was compared.
    pub margin: Option<f64>,
}

/// Compares the whole output.
pub fn compare(expected: &str, actual: &str) -> Result<(), Diff> {
    match compare_with_margin(expected, actual).diff {
        None => Ok(()),
        Some(diff) => Err(diff),
    }
}

/// Splits text into lines as `str::lines` does (a `\r\n` ends a line like `\n`).
fn split(text: &str) -> Vec<&str> {
    text.lines().collect()
}

/// Compares the whole output, and says how close its timings came to their limits.
pub fn compare_with_margin(expected: &str, actual: &str) -> Compared {
    let expected: Vec<Expected> = split(expected)
        .into_iter()
        .map(|text| {
            Expected(Line {
                text,
                pieces: pieces(text, true),
            })
        })
        .collect();
    // Far more lines than expected cannot be right, and aligning them all would take long: the
    // lines beyond twice the expected ones (and a hundred) are only counted.
    let mut actual = split(actual);
    let beyond = actual.split_off(actual.len().min(2 * expected.len() + 100));
    let actual: Vec<Actual> = actual
        .into_iter()
        .map(|text| {
            Actual(Line {
                text,
                pieces: pieces(text, false),
            })
        })
        .collect();
    let mut capture = Capture::default();
    let deadline = Instant::now() + ALIGN_DEADLINE;
    myers::diff_deadline(
        &mut capture,
        &expected,
        0..expected.len(),
        &actual,
        0..actual.len(),
        Some(deadline),
    )
    .expect("capturing a diff cannot fail");

    let mut rows = Vec::new();
    let mut timeline = Timeline::default();
    let mut margin: Option<f64> = None;
    let (mut too_early, mut too_late, mut text_differs) = (false, false, false);
    let mut early_stamp = false;
    let mut worst_miss = 0.0f64;
    let mut late = Vec::new();
    let mut last_timed: Option<usize> = None;
    let (mut unprinted, mut unexpected) = (Vec::new(), Vec::new());
    // The lines of the change under way: shown together, those expected first, as in a hunk of
    // a unified diff.
    let (mut missing, mut extra) = (Vec::new(), Vec::new());
    for op in capture.ops() {
        // `similar` calls the first sequence "old": here, the expected lines.
        let (expected_range, actual_range) = (op.old_range(), op.new_range());
        if let DiffOp::Equal { .. } = op {
            rows.append(&mut missing);
            rows.append(&mut extra);
            for (index, e) in actual_range.zip(expected_range) {
                let (a, e) = (&actual[index].0, &expected[e].0);
                let pairs = match_pieces(&e.pieces, &a.pieces).expect("aligned lines match");
                let timed = !pairs.is_empty();
                let notes: Vec<String> = pairs
                    .into_iter()
                    .map(|pair| {
                        let verdict = timeline_check(&mut timeline, pair);
                        early_stamp |=
                            verdict.too_early() && matches!(pair.0, Piece::Time(t) if t.stamp);
                        verdict
                    })
                    .inspect(|v| margin = Some(margin.map_or(v.margin(), |m| m.min(v.margin()))))
                    .filter(|v| !v.ok())
                    .inspect(|v| {
                        too_early |= v.too_early();
                        too_late |= !v.too_early();
                        worst_miss = worst_miss.max(-v.margin());
                        if !v.too_early() {
                            late.push(Late {
                                line: index,
                                after: last_timed,
                                miss: -v.margin(),
                            });
                        }
                    })
                    .map(|v| v.describe())
                    .collect();
                if timed {
                    last_timed = Some(index);
                }
                if notes.is_empty() {
                    rows.push(DiffLine::Same(a.text.to_string()));
                } else {
                    rows.push(DiffLine::Missing(e.text.to_string()));
                    rows.push(DiffLine::Extra(a.text.to_string(), Some(notes.join("; "))));
                }
            }
        } else {
            text_differs = true;
            unprinted.extend(expected_range.clone().map(|e| &expected[e].0));
            unexpected.extend(actual_range.clone().map(|a| &actual[a].0));
            missing.extend(expected_range.map(|e| DiffLine::Missing(expected[e].0.text.into())));
            extra.extend(actual_range.map(|a| DiffLine::Extra(actual[a].0.text.into(), None)));
        }
    }
    text_differs |= !beyond.is_empty();
    extra.extend(beyond.iter().map(|a| DiffLine::Extra(a.to_string(), None)));
    rows.append(&mut missing);
    rows.append(&mut extra);
    if !text_differs && !too_early && !too_late {
        return Compared { diff: None, margin };
    }
    let invisible = invisible_differences(&rows);
    let moved = (text_differs && beyond.is_empty())
        .then(|| displacement(&unprinted, &unexpected))
        .flatten();
    Compared {
        diff: Some(Diff {
            lines: shorten(trim_context(rows, CONTEXT)),
            timing_only: !text_differs,
            reordered: moved.is_some(),
            worst_miss: worst_miss.max(moved.unwrap_or(0.0)),
            late,
            too_early,
            early_stamp,
            too_late,
            invisible,
        }),
        margin,
    }
}

/// When the expected lines that were not printed where expected are exactly the lines printed
/// elsewhere (each matched once, timings aside), how far apart in time, at most, a line and its
/// expected place are. `None` if any line is missing or extra for good.
fn displacement(unprinted: &[&Line], unexpected: &[&Line]) -> Option<f64> {
    let mut left: Vec<&Line> = unexpected.to_vec();
    let mut furthest = 0.0f64;
    for expected in unprinted {
        let (at, pairs) = left
            .iter()
            .enumerate()
            .find_map(|(at, a)| Some((at, match_pieces(&expected.pieces, &a.pieces)?)))?;
        left.swap_remove(at);
        for pair in pairs {
            if let (Piece::Time(e), Piece::Time(a)) = pair {
                furthest = furthest.max((a.seconds - e.seconds).abs());
            }
        }
    }
    left.is_empty().then_some(furthest)
}

/// Names the differences that a reader cannot see: a missing and an extra line that are the same
/// once trailing spaces, byte-order marks and carriage returns are left out, and blank lines.
fn invisible_differences(rows: &[DiffLine]) -> Vec<String> {
    let missing: Vec<&str> = rows
        .iter()
        .filter_map(|r| match r {
            DiffLine::Missing(l) => Some(l.as_str()),
            _ => None,
        })
        .collect();
    let extra: Vec<&str> = rows
        .iter()
        .filter_map(|r| match r {
            DiffLine::Extra(l, None) => Some(l.as_str()),
            _ => None,
        })
        .collect();
    let mut notes = Vec::new();
    // A few notes say it; a thousand would hide the diff.
    let mut say = |note: String| {
        if notes.len() < 5 && !notes.contains(&note) {
            notes.push(note);
        }
    };
    let visible = |l: &str| {
        l.trim_end_matches([' ', '\t', '\r'])
            .replace(['\u{feff}', '\r'], "")
    };
    // Linear: the missing lines by how they look, then one pass over the extra ones.
    let by_look: HashMap<String, &str> = missing.iter().map(|e| (visible(e), *e)).collect();
    for a in &extra {
        let Some(e) = by_look.get(&visible(a)) else {
            continue;
        };
        for (line, whose) in [(e, "the expected line"), (a, "the printed line")] {
            for what in hidden_characters(line) {
                say(format!("{whose} \"{}\" {what}", visible(line)));
            }
        }
    }
    let blank = |lines: &[&str]| lines.iter().filter(|l| l.trim().is_empty()).count();
    match (blank(&missing), blank(&extra)) {
        (0, 0) => {}
        (m, 0) => say(format!("{m} blank line(s) expected, not printed")),
        (0, x) => say(format!("{x} blank line(s) printed, not expected")),
        _ => say("blank lines differ".to_string()),
    }
    notes
}

/// What a line holds that cannot be seen: "ends with 2 spaces", "starts with a byte-order mark".
fn hidden_characters(line: &str) -> Vec<String> {
    let mut found = Vec::new();
    if line.starts_with('\u{feff}') {
        found.push("starts with a byte-order mark (U+FEFF)".to_string());
    }
    if line.contains('\r') {
        found.push("holds a carriage return (\\r)".to_string());
    }
    let trailing = line.len() - line.trim_end_matches([' ', '\t']).len();
    if trailing > 0 {
        found.push(format!("ends with {trailing} space(s) or tab(s)"));
    }
    found
}

/// Keeps `context` matching lines around each change and folds the rest into
/// [`DiffLine::Skipped`]. Linear in the number of lines.
fn trim_context(lines: Vec<DiffLine>, context: usize) -> Vec<DiffLine> {
    let changed = |l: &DiffLine| !matches!(l, DiffLine::Same(_));
    // near[i]: line i is at most `context` lines from a change, before it or after it.
    let mut near = vec![false; lines.len()];
    let mut since = usize::MAX;
    for (i, line) in lines.iter().enumerate() {
        since = if changed(line) {
            0
        } else {
            since.saturating_add(1)
        };
        near[i] = since <= context;
    }
    since = usize::MAX;
    for (i, line) in lines.iter().enumerate().rev() {
        since = if changed(line) {
            0
        } else {
            since.saturating_add(1)
        };
        near[i] |= since <= context;
    }
    let mut out = Vec::new();
    let mut skipped = 0;
    for (line, near) in lines.into_iter().zip(near) {
        if near {
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

/// Shows at most [`SHOWN_PER_RUN`] lines of each run of missing or extra lines.
fn shorten(lines: Vec<DiffLine>) -> Vec<DiffLine> {
    fn flush(out: &mut Vec<DiffLine>, hidden: &mut usize, missing: bool) {
        if *hidden > 0 {
            out.push(DiffLine::More {
                lines: *hidden,
                missing,
            });
            *hidden = 0;
        }
    }
    let mut out = Vec::new();
    // The run of missing (`true`) or extra (`false`) lines this line belongs to, and its length.
    let mut run: Option<(bool, usize)> = None;
    let mut hidden = 0;
    for line in lines {
        let kind = match &line {
            DiffLine::Missing(_) => Some(true),
            DiffLine::Extra(_, None) => Some(false),
            _ => None,
        };
        run = match (run, kind) {
            (Some((missing, n)), Some(k)) if missing == k => Some((missing, n + 1)),
            (previous, kind) => {
                if let Some((missing, _)) = previous {
                    flush(&mut out, &mut hidden, missing);
                }
                kind.map(|k| (k, 1))
            }
        };
        match run {
            Some((_, n)) if n > SHOWN_PER_RUN => hidden += 1,
            _ => out.push(line),
        }
    }
    if let Some((missing, _)) = run {
        flush(&mut out, &mut hidden, missing);
    }
    out
}

/// A line of a diff as it is shown: invisible characters made visible.
fn shown(line: &str) -> String {
    if line.is_empty() {
        return "(a blank line)".to_string();
    }
    let body = line.trim_end_matches([' ', '\t']);
    let mut text = visible(&body.replace('\u{feff}', "<BOM>").replace('\t', "\\t"));
    for c in line[body.len()..].chars() {
        text.push(if c == '\t' { '→' } else { '·' });
    }
    text
}

/// The most characters of one line of a program's output that a report shows.
pub const SHOWN_CHARS: usize = 200;

/// A line of a program's output as a report may print it to a terminal: control characters
/// (an escape sequence would recolour or clear the reader's terminal) written out as `\r`,
/// `\e`, `\x07`, and at most [`SHOWN_CHARS`] characters of it, with how many more there were.
pub fn visible(line: &str) -> String {
    let mut text = String::new();
    for (shown, c) in line.chars().enumerate() {
        if shown == SHOWN_CHARS {
            let more = line.chars().count() - SHOWN_CHARS;
            text.push_str(&format!("... ({more} more characters)"));
            break;
        }
        match c {
            '\r' => text.push_str("\\r"),
            '\u{1b}' => text.push_str("\\e"),
            '\t' => text.push('\t'),
            c if c.is_control() => text.push_str(&format!("\\x{:02x}", c as u32)),
            c => text.push(c),
        }
    }
    text
}

impl fmt::Display for Diff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in &self.lines {
            match line {
                DiffLine::Same(l) => writeln!(f, "    {}", visible(l))?,
                DiffLine::Missing(l) => writeln!(f, "  - {}", shown(l))?,
                DiffLine::Extra(l, None) => writeln!(f, "  + {}", shown(l))?,
                DiffLine::Extra(l, Some(note)) => writeln!(f, "  + {}    <- {note}", shown(l))?,
                DiffLine::Skipped(n) => writeln!(f, "    ... {n} matching line(s) ...")?,
                DiffLine::More { lines, missing } => {
                    let what = if *missing {
                        "expected, not printed"
                    } else {
                        "printed, not expected"
                    };
                    writeln!(f, "  ... and {lines} more line(s) {what} ...")?
                }
            }
        }
        for note in &self.invisible {
            writeln!(f, "  Invisible difference: {note}.")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timings_match_within_the_range() {
        assert!(line_matches("[1.00s] Two", "[1.02s] Two"));
        assert!(line_matches("[1.00s] Two", "[1.14s] Two"));
        assert!(!line_matches("[1.00s] Two", "[2.00s] Two"), "too late");
        assert!(!line_matches("[1.00s] Two", "[0.50s] Two"), "too early");
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
        assert!(
            !line_matches("[1.00s] Two", "at 1.00s Two"),
            "a stamp is not a duration"
        );
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
        assert!(line_matches("a[..]b[..]c", "a-b-b-c"));
        assert!(!line_matches("a[..]b[..]c", "a-c-b"));
        assert!(line_matches("[..] after 1.00 s", "woke after 1.10 s"));
        assert!(!line_matches("[..] after 1.00 s", "woke after 2.10 s"));
    }

    #[test]
    fn equal_outputs_have_no_diff() {
        assert_eq!(compare("a\n[1.00s] b\n", "a\n[1.03s] b\n"), Ok(()));
        assert_eq!(compare("a\r\nb\n", "a\nb\r\n"), Ok(()), "CRLF ends a line");
    }

    #[test]
    fn a_swapped_pair_shows_as_missing_and_extra() {
        let diff = compare("a\nb\nc\n", "b\na\nc\n").unwrap_err();
        let text = diff.to_string();
        assert!(text.contains("- a") || text.contains("- b"), "{text}");
        assert!(text.contains("+ a") || text.contains("+ b"), "{text}");
        assert!(!diff.timing_only);
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
        assert!(diff.timing_only && diff.too_late && !diff.too_early);
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
        assert!(diff.too_early);
        assert!(diff.to_string().contains("0.10 s is too early"), "{diff}");
    }

    #[test]
    fn a_doubled_step_is_caught_late_in_a_long_run() {
        let expected: String = (0..=30)
            .map(|i| format!("[{:.2}s] step {i}\n", i as f64 * 0.1))
            .collect();
        // Every step 2 ms late: fine.
        let drifting: String = (0..=30)
            .map(|i| format!("[{:.2}s] step {i}\n", i as f64 * 0.102))
            .collect();
        assert_eq!(compare(&expected, &drifting), Ok(()));
        // The 25th step takes 200 ms instead of 100 ms.
        let doubled: String = (0..=30)
            .map(|i| {
                format!(
                    "[{:.2}s] step {i}\n",
                    i as f64 * 0.1 + if i >= 25 { 0.1 } else { 0.0 }
                )
            })
            .collect();
        let diff = compare(&expected, &doubled).unwrap_err();
        assert!(diff.to_string().contains("+ [2.60s] step 25"), "{diff}");
    }

    #[test]
    fn long_runs_of_matching_lines_are_folded() {
        let expected: String = (0..20).map(|i| format!("{i}\n")).collect();
        let actual = expected.replace("10\n", "ten\n");
        let diff = compare(&expected, &actual).unwrap_err();
        assert_eq!(diff.lines.first(), Some(&DiffLine::Skipped(7)));
        assert_eq!(diff.lines.last(), Some(&DiffLine::Skipped(6)));
    }

    #[test]
    fn long_runs_of_extra_lines_are_cut() {
        let actual: String = (0..1000).map(|i| format!("line {i}\n")).collect();
        let diff = compare("line 0\n", &actual).unwrap_err();
        let text = diff.to_string();
        assert!(text.contains("+ line 12\n"), "{text}");
        assert!(!text.contains("+ line 13\n"), "{text}");
        assert!(
            text.contains("... and 987 more line(s) printed, not expected"),
            "{text}"
        );
    }

    #[test]
    fn large_outputs_are_compared_quickly() {
        let expected: String = (0..50).map(|i| format!("[0.00s] line {i}\n")).collect();
        let actual: String = (0..20_000)
            .map(|i| format!("[0.00s] other {i}\n"))
            .collect();
        let start = Instant::now();
        let diff = compare(&expected, &actual).unwrap_err();
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{:?}",
            start.elapsed()
        );
        assert!(diff.lines.len() < 40, "{} lines: {diff}", diff.lines.len());
        // Only the first 200 printed lines are aligned; the others are only added to the
        // extra lines: all the expected lines first, then the printed ones, cut short.
        let text = diff.to_string();
        assert!(text.starts_with("  - [0.00s] line 0\n"), "{text}");
        assert!(
            text.contains("  ... and 19988 more line(s) printed, not expected ..."),
            "{text}"
        );
        assert!(text.contains("  + [0.00s] other 0\n"), "{text}");
    }

    #[test]
    fn an_early_stamp_is_told_from_an_early_duration() {
        let stamp = compare("[0.00s] a\n[0.20s] b\n", "[0.00s] a\n[0.15s] b\n").unwrap_err();
        assert!(stamp.too_early && stamp.early_stamp, "{stamp:?}");
        // A measured duration can come out short on a busy machine (the wait began late).
        let duration = compare("waited 100 ms\n", "waited 50 ms\n").unwrap_err();
        assert!(duration.too_early && !duration.early_stamp, "{duration:?}");
    }

    #[test]
    fn lines_close_in_time_in_another_order_are_told_from_lines_missing() {
        let expected = "[0.00s] a\n[0.25s] b\n[0.30s] c\n";
        let swapped = compare(expected, "[0.00s] a\n[0.31s] c\n[0.31s] b\n").unwrap_err();
        assert!(swapped.reordered, "{swapped:?}");
        assert!((swapped.worst_miss - 0.01).abs() < 1e-9, "{swapped:?}");
        let lost = compare(expected, "[0.00s] a\n[0.31s] c\n").unwrap_err();
        assert!(!lost.reordered, "{lost:?}");
        let other = compare(expected, "[0.00s] a\n[0.31s] c\n[0.31s] d\n").unwrap_err();
        assert!(!other.reordered, "{other:?}");
    }

    #[test]
    fn invisible_differences_are_named() {
        let diff = compare("[0.00s] done\n", "[0.00s] done  \n").unwrap_err();
        let text = diff.to_string();
        assert!(text.contains("+ [0.00s] done··"), "{text}");
        assert!(
            text.contains("the printed line \"[0.00s] done\" ends with 2 space(s) or tab(s)"),
            "{text}"
        );
        let bom = compare("\u{feff}hello\n", "hello\n").unwrap_err();
        assert!(bom.to_string().contains("byte-order mark"), "{bom}");
        let cr = compare("ab\n", "a\rb\n").unwrap_err();
        assert!(cr.to_string().contains("carriage return"), "{cr}");
        let blank = compare("a\n\n", "a\n").unwrap_err();
        assert!(blank.to_string().contains("- (a blank line)"), "{blank}");
        assert!(
            blank
                .to_string()
                .contains("1 blank line(s) expected, not printed"),
            "{blank}"
        );
    }
}
