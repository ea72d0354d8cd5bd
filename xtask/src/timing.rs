//! Timings in printed lines, and the rules that say when an actual timing matches an expected one.
//!
//! A *timing* is a number with a unit: `[1.00s]`, `3 s`, `250 ms`, `2.5 seconds`. A timing at the
//! very start of a line, in brackets, is a *stamp*: the time since the program started, as
//! `workbook::say!` and `timeline.py` print it. Any other timing is a *duration*.
//!
//! The rules ([`Timeline::range`]) follow from how the examples run:
//! - **Never early.** The clock starts before `main`, so before any timer, and a timer never
//!   fires before its deadline. A timing may be lower than expected only by its last printed digit
//!   (rounding). A line that comes sooner means a sleep got shorter or went missing.
//! - **Late by one step's slack at most.** A busy machine wakes a program a little late, and
//!   lateness adds up along a chain of sleeps. So each stamp may be as late as the latest stamp
//!   before it already was, plus a slack for its own step: [`STEP_SLACK`] and [`STEP_SHARE`] of
//!   the time since the previous stamp. A 100 ms step that took 200 ms is caught wherever it is
//!   in the run, and a run that was late before that step is not punished twice.

/// Fixed part of the slack each step gets: the wake-up latency of a loaded 2-core machine, with
/// room to spare, yet half of the shortest step the book's timings rely on (100 ms).
pub const STEP_SLACK: f64 = 0.05;

/// Part of the slack that grows with the step: long steps wake up later on a loaded machine.
pub const STEP_SHARE: f64 = 0.10;

/// A timing found in a line of output.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Timing {
    /// The duration, in seconds.
    pub seconds: f64,
    /// The smallest step the printed number can show, in seconds (`1.00s` → 0.01).
    pub resolution: f64,
    /// How it is written after the number: the unit, and a space before it or not. Two timings
    /// only match when they are written alike (`1.00s` does not match `1.00 s` or `1000ms`).
    pub unit: &'static str,
    pub spaced: bool,
    /// A stamp (`[1.00s]` at the start of a line) rather than a duration.
    pub stamp: bool,
}

impl Timing {
    /// Whether two timings are written alike, whatever their values.
    pub fn written_like(&self, other: &Timing) -> bool {
        self.unit == other.unit && self.spaced == other.spaced && self.stamp == other.stamp
    }
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

/// One piece of a line: a character, a timing, or (in expected lines only) the wildcard `[..]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Piece {
    Char(char),
    Time(Timing),
    Any,
}

/// The text in an expected line that matches anything.
pub const WILDCARD: &str = "[..]";

/// Splits a line into pieces, reading timings (and, if `wildcards`, `[..]`). Linear in the line.
pub fn pieces(line: &str, wildcards: bool) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut previous: Option<char> = None;
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        if wildcards && rest.starts_with(WILDCARD) {
            out.push(Piece::Any);
            rest = &rest[WILDCARD.len()..];
            previous = Some(']');
            continue;
        }
        let starts_word = !previous.is_some_and(is_word_char);
        if c.is_ascii_digit()
            && starts_word
            && let Some((timing, used)) = timing_at(rest)
        {
            out.push(Piece::Time(timing));
            previous = rest[..used].chars().last();
            rest = &rest[used..];
            continue;
        }
        out.push(Piece::Char(c));
        previous = Some(c);
        rest = &rest[c.len_utf8()..];
    }
    // `[1.00s] ...`: the timing is a stamp.
    if let [Piece::Char('['), Piece::Time(t), Piece::Char(']'), ..] = out.as_mut_slice() {
        t.stamp = true;
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
    // A number too long to be a timing (a counter, an id) stays text.
    if end > 18 {
        return None;
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
        unit,
        spaced,
        stamp: false,
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

/// Where a run is on its timeline: how late it already is, and the previous stamp. Feed it the
/// timings of the matched lines in order, with [`Timeline::check`].
#[derive(Clone, Copy, Debug, Default)]
pub struct Timeline {
    /// How late the latest stamps so far were, at most (never below zero), in seconds.
    pub late: f64,
    /// The expected value of the previous stamp.
    previous: f64,
}

/// What [`Timeline::check`] found for one timing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimingCheck {
    pub expected: Timing,
    pub actual: Timing,
    /// The allowed range of the actual value, in seconds.
    pub low: f64,
    pub high: f64,
    /// How late the run already was when this timing came.
    pub late_before: f64,
}

impl TimingCheck {
    pub fn ok(&self) -> bool {
        (self.low..=self.high).contains(&self.actual.seconds)
    }

    pub fn too_early(&self) -> bool {
        self.actual.seconds < self.low
    }

    /// How far it is from being too late, in seconds; negative when out of range (too late, or
    /// too early: by how much). Lateness is what load causes, so this is the margin to watch.
    pub fn margin(&self) -> f64 {
        if self.too_early() {
            self.actual.seconds - self.low
        } else {
            self.high - self.actual.seconds
        }
    }

    /// "0.30 s is too late: expected about 0.10 s (from 0.09 to 0.16 s)".
    pub fn describe(&self) -> String {
        let verdict = if self.too_early() {
            "too early"
        } else {
            "too late"
        };
        let unit = |s: f64| in_unit(s, &self.expected);
        let already = if self.late_before >= 0.005 && !self.too_early() {
            format!(
                ", as the run was already {} late",
                format_seconds(self.late_before)
            )
        } else {
            String::new()
        };
        format!(
            "{} is {verdict}: expected about {} (from {} to {}{already})",
            unit(self.actual.seconds),
            unit(self.expected.seconds),
            unit(self.low),
            unit(self.high),
        )
    }
}

impl Timeline {
    /// The range of actual values that match `expected`, at this point of the run.
    pub fn range(&self, expected: &Timing) -> (f64, f64) {
        let step = if expected.stamp {
            (expected.seconds - self.previous).max(0.0)
        } else {
            expected.seconds
        };
        let low = (expected.seconds - expected.resolution - 1e-9).max(0.0);
        let high =
            expected.seconds + expected.resolution + self.late + STEP_SLACK + STEP_SHARE * step;
        (low, high)
    }

    /// Checks one timing, then moves the timeline past it.
    pub fn check(&mut self, expected: Timing, actual: Timing) -> TimingCheck {
        let (low, high) = self.range(&expected);
        let verdict = TimingCheck {
            expected,
            actual,
            low,
            high,
            late_before: self.late,
        };
        if expected.stamp {
            // Only a stamp in range tells how late the machine runs; one out of range is the
            // program's doing, and must not excuse the lines after it.
            if verdict.ok() {
                self.late = self.late.max(actual.seconds - expected.seconds);
            }
            self.previous = expected.seconds;
        }
        verdict
    }
}

/// A duration in the unit `like` is written in: "0.06 s" for a stamp, "231.0 ms" for `200 ms`.
fn in_unit(s: f64, like: &Timing) -> String {
    if like.unit.starts_with('s') {
        format!("{s:.2} s")
    } else {
        format_seconds(s)
    }
}

/// A duration in seconds, written the way a reader expects: "1.45 s", "51.5 ms".
pub fn format_seconds(s: f64) -> String {
    if s.abs() >= 0.1 {
        format!("{s:.2} s")
    } else {
        format!("{:.1} ms", s * 1e3)
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
        assert!(t("[1.00s] Two").stamp);
        assert!(!t("executed in 3.01 seconds.").stamp);
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
            "12345678901234567890 s",
        ] {
            assert!(timings(line).is_empty(), "{line:?} has no timing");
        }
    }

    fn check(lines: &[(&str, &str)]) -> Vec<bool> {
        let mut timeline = Timeline::default();
        lines
            .iter()
            .map(|(e, a)| timeline.check(t(e), t(a)).ok())
            .collect()
    }

    #[test]
    fn a_stamp_is_never_early() {
        assert_eq!(
            check(&[("[0.50s]", "[0.49s]")]),
            [true],
            "one digit of rounding"
        );
        assert_eq!(check(&[("[0.50s]", "[0.45s]")]), [false]);
        assert_eq!(
            check(&[("[0.10s]", "[0.05s]")]),
            [false],
            "a 100 ms step halved"
        );
    }

    #[test]
    fn each_step_gets_its_own_slack() {
        // A 100 ms step may run 50 + 10 ms late (plus a digit), not 100 ms.
        assert_eq!(
            check(&[("[0.00s]", "[0.00s]"), ("[0.10s]", "[0.17s]")]),
            [true, true]
        );
        assert_eq!(
            check(&[("[0.00s]", "[0.00s]"), ("[0.10s]", "[0.20s]")]),
            [true, false]
        );
        // A run already 40 ms late is not punished again for it...
        assert_eq!(
            check(&[
                ("[0.10s]", "[0.14s]"),
                ("[0.20s]", "[0.24s]"),
                ("[0.30s]", "[0.35s]")
            ]),
            [true, true, true]
        );
        // ...but a step that doubles after it is still caught.
        assert_eq!(
            check(&[
                ("[0.10s]", "[0.14s]"),
                ("[0.20s]", "[0.24s]"),
                ("[0.30s]", "[0.44s]")
            ]),
            [true, true, false]
        );
        // Long steps get a share of their length: 1 s may be 150 ms late, not 1 s.
        assert_eq!(check(&[("[1.00s]", "[1.14s]")]), [true]);
        assert_eq!(check(&[("[1.00s]", "[2.00s]")]), [false]);
    }

    #[test]
    fn durations_count_from_the_lateness_so_far() {
        let lines = [
            ("[3.00s] Two", "[3.08s] Two"),
            ("in 3.00 seconds", "in 3.09 seconds"),
        ];
        assert_eq!(check(&lines), [true, true]);
        assert_eq!(check(&[("after 200 ms", "after 400 ms")]), [false]);
        assert_eq!(check(&[("after 10 ms", "after 11 ms")]), [true]);
    }

    #[test]
    fn a_verdict_says_how_far_off() {
        let mut timeline = Timeline::default();
        let verdict = timeline.check(t("[1.00s]"), t("[3.00s]"));
        assert_eq!(
            verdict.describe(),
            "3.00 s is too late: expected about 1.00 s (from 0.99 s to 1.16 s)"
        );
        assert!(verdict.margin() < -1.8);
    }
}
