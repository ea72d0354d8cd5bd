//! What the harness found for each example, and how it says so: one line per example, and for a
//! failure, what went wrong, in which files, and what to do next.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::build;
use crate::catalog::{EXERCISES, Example, Language};
use crate::compare::{self, Diff, DiffLine};
use crate::run::Stream;

/// A run whose timings missed by more than this is not run again: its program changed.
pub const RERUN_MISS: f64 = 0.5;

/// The result of checking one example.
#[derive(Debug)]
pub enum Verdict {
    Passed,
    /// It ran and exited normally, but printed something else.
    WrongOutput(Diff),
    /// It printed the right lines on time, but kept a core busy doing it.
    Busy,
    /// It exited with an error (a panic, say).
    Crashed {
        status: String,
        stderr: String,
        diff: Option<Diff>,
    },
    /// It was still running at its time limit, and was killed.
    TimedOut {
        limit: Duration,
        stdout: String,
    },
    /// It printed more than the harness keeps on `stream`, and was stopped.
    TooMuchOutput {
        stream: Stream,
        stdout: String,
        stderr: String,
    },
    /// The machine was too busy to judge `what` ("the timing", say): the way the run went wrong
    /// is explained by how long the program waited for a CPU, and stayed so after the harness
    /// paused and ran it again. Never a pass, and never blamed on the program.
    Unjudged(Explained),
    /// A compile-fail lesson that compiled.
    Compiled {
        expected: String,
    },
    /// A compile-fail lesson that failed with another error.
    WrongError {
        expected: String,
        actual: String,
    },
    /// It has no expected output to compare with.
    NoExpectedOutput,
    /// Its expected output cannot be read: why.
    BadExpected(String),
    /// The build did not produce it.
    NotBuilt(String),
    /// It could not be started.
    CannotRun(String),
    /// It was not run, for this reason (a Python counterpart without `python3`). Not a pass.
    Skipped(String),
    /// An exercise whose working copy is gone.
    MissingCopy,
}

/// A failure that the machine's load explains: what could not be judged, and the figures that
/// explain it.
#[derive(Clone, Debug, PartialEq)]
pub struct Explained {
    /// "the timing", "whether it ends in time", "whether it keeps a core busy".
    pub what: &'static str,
    /// "the program waited 0.42 s for a CPU in the step that came 0.15 s late".
    pub figures: String,
}

/// One example's verdict, with what a reader needs to find it.
#[derive(Debug)]
pub struct Outcome {
    pub name: String,
    pub language: Language,
    pub source: PathBuf,
    pub expected_file: PathBuf,
    pub verdict: Verdict,
    /// How long it ran, for examples that ran.
    pub elapsed: Option<Duration>,
    /// The CPU time it used, and the CPU time it was allowed.
    pub cpu: Option<(Duration, Duration)>,
    /// How long its busiest thread was runnable (on a CPU or waiting for one), and how long a
    /// thread was allowed to be, where that was measured and limited.
    pub runnable: Option<(Duration, Duration)>,
    /// How close its timings came to their limits, in seconds (negative: out of range).
    pub margin: Option<f64>,
    /// It exited, leaving processes it had started running (the harness stopped them).
    pub left_running: bool,
    /// How many times it ran: more than once when a run that was a little off was repeated.
    pub runs: usize,
    /// What went wrong in the runs before this one, one line each.
    pub earlier: Vec<String>,
    /// The smallest timing margin of the first run (for `verify --repeat`).
    pub first_margin: Option<f64>,
    /// How long the runs before this one took.
    pub earlier_time: Duration,
    /// How long its threads waited for a CPU during the run (see `run::Run::waited`), where
    /// that was measured.
    pub waited: Option<Duration>,
    /// How long a correct run takes: the largest timing of the expected output, in seconds.
    pub expected_duration: f64,
    /// How it exited, for a run that ended by itself: `exit status: 0`.
    pub exit: Option<String>,
    /// Its error output (what the harness kept of it).
    pub stderr: String,
    /// What it printed (what the harness kept of it).
    pub printed: String,
    /// The pauses the harness made before running it again, because the machine was busy.
    pub pauses: Vec<Duration>,
    /// For each line it printed, how long it had waited for a CPU before it printed the line,
    /// and after (see `run::Run::line_waits`).
    pub line_waits: Vec<(Duration, Duration)>,
    /// Every line it printed is an expected line, in order (timings aside): it may have printed
    /// too few, but none wrong.
    pub printed_nothing_wrong: bool,
    /// A program that needs a quiet machine said that it was too busy to measure (it exited with
    /// `catalog::TRY_LATER`).
    pub abstained: bool,
}

impl Outcome {
    pub fn new(example: &Example, verdict: Verdict) -> Outcome {
        Outcome {
            name: example.name.clone(),
            language: example.language,
            source: example.source.clone(),
            expected_file: example.expected_file.clone(),
            verdict,
            elapsed: None,
            cpu: None,
            runnable: None,
            margin: None,
            left_running: false,
            runs: 1,
            earlier: Vec::new(),
            first_margin: None,
            earlier_time: Duration::ZERO,
            waited: None,
            expected_duration: example.expected_duration(),
            exit: None,
            stderr: String::new(),
            printed: String::new(),
            pauses: Vec::new(),
            line_waits: Vec::new(),
            printed_nothing_wrong: false,
            abstained: false,
        }
    }

    pub fn passed(&self) -> bool {
        matches!(self.verdict, Verdict::Passed)
    }

    /// The machine was too busy to judge it (see [`Verdict::Unjudged`]).
    pub fn unjudged(&self) -> bool {
        matches!(self.verdict, Verdict::Unjudged(_))
    }

    /// What the machine's load explains of this failure, if anything. Only failures load can
    /// cause, and only when the program waited for a CPU at least as long as the failure needs:
    /// - lines later than their range, when in the step that ends with each of them (from the
    ///   line with a timing before it) the program may have waited for a CPU at least as long as
    ///   that line missed its range by (a line that came early is never the machine's doing, nor
    ///   are lines missing, extra or out of order). The wait in a step is read generously, from
    ///   before the step's first line was printed to after its last was read;
    /// - a time-out, when nothing it printed was wrong and the program waited for a CPU for at
    ///   least half of the time it ran past its expected length;
    /// - a program that needs a quiet machine saying that it was not (see
    ///   `Example::needs_quiet`);
    /// - a thread that wanted a core all along (the runnable rule), when the CPU time the
    ///   program used is within its budget and its threads spent at least half of that wanting
    ///   waiting for a CPU.
    pub fn load_explains(&self) -> Option<Explained> {
        let s = |seconds: f64| compare::format_seconds(seconds);
        let waited = self.waited?.as_secs_f64();
        match &self.verdict {
            Verdict::WrongOutput(diff)
                if diff.timing_only && !diff.too_early && !diff.early_stamp =>
            {
                let before = |line: Option<usize>| {
                    line.and_then(|l| self.line_waits.get(l))
                        .map_or(0.0, |(before, _)| before.as_secs_f64())
                };
                let after = |line: usize| {
                    self.line_waits
                        .get(line)
                        .map_or(0.0, |(_, after)| after.as_secs_f64())
                };
                let steps: Option<Vec<(f64, f64)>> = diff
                    .late
                    .iter()
                    .map(|late| {
                        let step = after(late.line) - before(late.after);
                        (self.line_waits.len() > late.line && step >= late.miss)
                            .then_some((step, late.miss))
                    })
                    .collect();
                let (step, miss) = steps?.into_iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
                Some(Explained {
                    what: "the timing",
                    figures: format!(
                        "in the step where a line missed its range by {}, the program waited {} \
                         for a CPU",
                        s(miss),
                        s(step)
                    ),
                })
            }
            Verdict::Crashed { stderr, .. } if self.abstained => Some(Explained {
                what: "the measurement",
                figures: format!("the program said: {}", compare::visible(stderr.trim())),
            }),
            Verdict::TimedOut { .. } if self.printed_nothing_wrong => {
                let elapsed = self.elapsed?.as_secs_f64();
                let over = elapsed - self.expected_duration;
                (waited >= over / 2.0).then(|| Explained {
                    what: "whether it ends in time",
                    figures: format!(
                        "the program waited {} for a CPU in a {} run",
                        s(waited),
                        s(elapsed)
                    ),
                })
            }
            Verdict::Busy => {
                let (cpu, budget) = self.cpu?;
                let (runnable, _) = self.runnable?;
                (cpu <= budget && waited >= runnable.as_secs_f64() / 2.0).then(|| Explained {
                    what: "whether it keeps a core busy",
                    figures: format!(
                        "its threads waited {} for a CPU, and used only {} of one, in a {} run",
                        s(waited),
                        s(cpu.as_secs_f64()),
                        s(self.elapsed.unwrap_or_default().as_secs_f64())
                    ),
                })
            }
            _ => None,
        }
    }

    /// It used more CPU than it was allowed, or was runnable for longer than it was allowed.
    pub fn kept_a_core_busy(&self) -> bool {
        let over =
            |limits: Option<(Duration, Duration)>| limits.is_some_and(|(used, may)| used > may);
        over(self.cpu) || over(self.runnable)
    }

    /// How it kept a core busy, in a sentence: the CPU time it used, or, where it got too little
    /// of a core for that to show, how long it wanted one.
    fn how_busy(&self) -> String {
        let wall = compare::format_seconds(self.elapsed.unwrap_or_default().as_secs_f64());
        let s = |d: Duration| compare::format_seconds(d.as_secs_f64());
        match (self.cpu, self.runnable) {
            (Some((cpu, budget)), _) if cpu > budget => format!(
                "it used {} of CPU in {wall} (it may use {})",
                s(cpu),
                s(budget)
            ),
            (Some((cpu, _)), Some((runnable, budget))) => format!(
                "one of its threads was running or waiting for a core for {} of its {wall} run \
                 (a thread may be for {}); the machine is busy, so it got only {} of CPU, but \
                 it wanted a core all along",
                s(runnable),
                s(budget),
                s(cpu)
            ),
            _ => format!("in {wall}"),
        }
    }

    /// It was stopped at a time limit shorter than its expected output says it runs.
    fn stopped_before_its_time(&self) -> bool {
        matches!(&self.verdict, Verdict::TimedOut { limit, .. }
            if limit.as_secs_f64() < self.expected_duration)
    }

    pub fn skipped(&self) -> bool {
        matches!(self.verdict, Verdict::Skipped(_))
    }

    /// It was judged, and failed: neither passed, nor skipped, nor unjudged.
    pub fn failed(&self) -> bool {
        !self.passed() && !self.skipped() && !self.unjudged()
    }

    /// Passed at its first run.
    pub fn passed_first_time(&self) -> bool {
        self.passed() && self.runs == 1
    }

    /// It printed every line, and its timings missed by a little, or two lines close in time
    /// came in the other order: worth running again, in case the machine was busy. Not when a
    /// line's stamp came early: a busy machine makes lines late, never early, and a run again
    /// would only give a shortened sleep another chance to hide behind a late wake-up.
    pub fn worth_rerunning(&self) -> bool {
        matches!(&self.verdict, Verdict::WrongOutput(diff)
            if (diff.timing_only || diff.reordered)
                && !diff.early_stamp
                && diff.worst_miss < RERUN_MISS)
    }

    /// Takes the result of running it again, remembering what went wrong before.
    pub fn rerun(&mut self, again: Outcome) {
        let why = match &self.verdict {
            Verdict::WrongOutput(diff) if diff.reordered && diff.worst_miss < 0.001 => format!(
                "run {}: lines came in another order, each on time",
                self.runs
            ),
            Verdict::WrongOutput(diff) if diff.reordered => format!(
                "run {}: some lines came in another order, with timings off by up to {}",
                self.runs,
                compare::format_seconds(diff.worst_miss)
            ),
            Verdict::WrongOutput(diff) => format!(
                "run {}: a timing missed its range by {}",
                self.runs,
                compare::format_seconds(diff.worst_miss)
            ),
            _ => format!("run {}: failed", self.runs),
        };
        let why = match self.load_explains() {
            Some(explained) => format!(
                "run {}: could not judge {}: {}",
                self.runs, explained.what, explained.figures
            ),
            None => why,
        };
        let (runs, mut earlier, first, pauses) = (
            self.runs,
            std::mem::take(&mut self.earlier),
            self.first_margin.or(self.margin),
            std::mem::take(&mut self.pauses),
        );
        earlier.push(why);
        let earlier_time = self.earlier_time + self.elapsed.unwrap_or_default();
        *self = again;
        self.runs = runs + 1;
        self.earlier = earlier;
        self.first_margin = first;
        self.earlier_time = earlier_time;
        self.pauses = pauses;
    }

    /// How long all its runs took, one after another, with the pauses between them (zero if it
    /// never ran).
    pub fn time_in_all_runs(&self) -> Duration {
        self.earlier_time + self.elapsed.unwrap_or_default() + self.pauses.iter().sum::<Duration>()
    }

    fn is_exercise(&self) -> bool {
        self.source.starts_with(EXERCISES)
    }

    /// The one-line summary: `ok    count_concurrent  1.00 s`.
    pub fn summary(&self) -> String {
        let status = match &self.verdict {
            Verdict::Passed => "ok".to_string(),
            Verdict::Skipped(why) => return format!("skip  {:<28} {why}", self.name),
            Verdict::Unjudged(_) => "BUSY".to_string(),
            _ => "FAIL".to_string(),
        };
        let time = self
            .elapsed
            .map(|d| compare::format_seconds(d.as_secs_f64()))
            .unwrap_or_default();
        let cpu = self
            .cpu
            .map(|(cpu, _)| format!("  (CPU {})", compare::format_seconds(cpu.as_secs_f64())))
            .unwrap_or_default();
        let again = match self.runs {
            1 => String::new(),
            n => format!(
                "  (ran {n} times; before the last: {})",
                self.earlier.join("; ")
            ),
        };
        format!("{status:<5} {:<28} {time:>9}{cpu}{again}", self.name)
    }
}

/// Everything about a failure; nothing for a pass.
impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (name, source, expected) = (
            &self.name,
            self.source.display(),
            self.expected_file.display(),
        );
        match &self.verdict {
            Verdict::Passed => return Ok(()),
            Verdict::WrongOutput(diff) => {
                // An exercise's expected file sits next to its solution: name the page instead.
                let what = if self
                    .expected_file
                    .starts_with(crate::catalog::EXERCISE_KEYS)
                {
                    "what the exercise must print (its exercises page shows it)".to_string()
                } else {
                    expected.to_string()
                };
                writeln!(f, "{name} ({source}) printed something other than {what}:")?;
                writeln!(f, "  - expected, not printed   + printed, not expected")?;
                write!(f, "{diff}")?;
                if diff.lines.iter().any(|l| {
                    matches!(
                        l,
                        DiffLine::Missing(_) | DiffLine::More { missing: true, .. }
                    )
                }) {
                    // Lines that never came: how it ended, and what it said, may tell why.
                    let exit = self.exit.as_deref().unwrap_or("an unknown status");
                    writeln!(f, "  It ended with {exit}.")?;
                    write_indented(f, "its error output:", &self.stderr, 20)?;
                }
                if diff.too_early {
                    writeln!(
                        f,
                        "  A line came too early: did something start before its time? A sleep \
                         shorter than it should be, an `.await` missing (a `Timer` that is created \
                         but not awaited does not wait, and the compiler does not warn), or a \
                         future made or a task spawned before its turn?"
                    )?;
                }
                if diff.too_late {
                    writeln!(
                        f,
                        "  A line came too late: did a sleep get longer, did concurrent work \
                         become sequential, or is a line printed only after waiting for something \
                         it need not wait for?"
                    )?;
                }
            }
            Verdict::Busy => {
                writeln!(
                    f,
                    "{name} ({source}) printed the right lines on time, but kept a core busy: {}.",
                    self.how_busy()
                )?;
                writeln!(
                    f,
                    "  A task that waits should sleep until it is woken. Something polls in a \
                     loop instead: a `poll` that calls `wake_by_ref()` and returns `Pending` \
                     before its event has come, a loop that checks the time, or a `block_on` \
                     (or an executor) that polls again, or looks at its queue again, without \
                     parking its thread until a waker unparks it. Store the waker, and wake it \
                     once, when the event happens."
                )?;
            }
            Verdict::Crashed {
                status,
                stderr,
                diff,
            } => {
                writeln!(f, "{name} ({source}) failed: {status}")?;
                write_indented(f, "its error output:", stderr, 40)?;
                if let Some(diff) = diff {
                    writeln!(f, "  its output, against {expected}:")?;
                    write!(f, "{diff}")?;
                }
            }
            Verdict::TimedOut { limit, stdout } if self.stopped_before_its_time() => {
                writeln!(
                    f,
                    "{name} ({source}) was stopped at its time limit, {}, before the {} its \
                     expected output ({expected}) shows: the limit is too short for it.",
                    compare::format_seconds(limit.as_secs_f64()),
                    compare::format_seconds(self.expected_duration)
                )?;
                write_indented(f, "what it printed before:", stdout, 40)?;
            }
            Verdict::TimedOut { limit, stdout } => {
                writeln!(
                    f,
                    "{name} ({source}) was still running after {} and was stopped; \
                     is it waiting for something that never happens?",
                    compare::format_seconds(limit.as_secs_f64())
                )?;
                if self.language == Language::Rust {
                    writeln!(
                        f,
                        "  The usual causes: a `recv()` whose channel never closes, because a \
                         `Sender` (or a clone of it) is still alive somewhere; a task awaited \
                         that never ends, or a lock never released; a future that returned \
                         `Pending` without its waker being stored and woken, or with an earlier \
                         poll's waker stored instead of the latest (it is never polled again); a \
                         thread parked that nothing unparks. The last lines it \
                         printed show where it got to."
                    )?;
                }
                write_indented(f, "what it printed before:", stdout, 40)?;
            }
            Verdict::TooMuchOutput {
                stream,
                stdout,
                stderr,
            } => {
                let (which, flood) = match stream {
                    Stream::Stdout => ("its output", stdout),
                    Stream::Stderr => ("its error output", stderr),
                };
                let (lines, bytes) = (flood.lines().count(), flood.len());
                writeln!(
                    f,
                    "{name} ({source}) printed too much on {which} (more than the {lines} lines \
                     and {bytes} bytes the harness keeps) and was stopped: is it printing in a \
                     loop that never ends?"
                )?;
                write_indented(f, "the start of its output:", stdout, 20)?;
                write_indented(f, "the start of its error output:", stderr, 10)?;
            }
            Verdict::Unjudged(Explained { what, figures }) => {
                let s = |d: Duration| compare::format_seconds(d.as_secs_f64());
                writeln!(
                    f,
                    "{name} ({source}): could not judge {what}: {figures}; the machine is busy."
                )?;
                let pauses: Vec<String> = self.pauses.iter().map(|p| s(*p)).collect();
                let known = match *what {
                    "the timing" => "Every line came, and in order: that much is right.",
                    "whether it keeps a core busy" => {
                        "Every line came, in order and on time: that much is right."
                    }
                    "the measurement" => "It measures what a busy machine hides.",
                    _ => "Nothing it printed was wrong.",
                };
                writeln!(
                    f,
                    "  {known} It was run {} time(s), with pauses of {} between, and the machine \
                     stayed busy. Check again when the machine is quieter (a build or another \
                     check running beside this one is enough to make it busy).",
                    self.runs,
                    if pauses.is_empty() {
                        "none".to_string()
                    } else {
                        pauses.join(", ")
                    }
                )?;
                return Ok(());
            }
            Verdict::Compiled { expected: want } => writeln!(
                f,
                "{name} ({source}) compiled, but it is a lesson that must fail with\n    \
                 {want}\n  (as {expected} says)"
            )?,
            Verdict::WrongError {
                expected: want,
                actual,
            } => {
                let (want_first, actual_first) = (
                    want.lines().next().unwrap_or_default(),
                    actual.lines().next().unwrap_or_default(),
                );
                let codes = (build::error_code(want), build::error_code(actual));
                let what = if want_first == actual_first {
                    "the right error, explained differently"
                } else if codes.0 == codes.1 {
                    "the right error code, with another message"
                } else {
                    "another error"
                };
                writeln!(f, "{name} ({source}) failed to compile with {what}:")?;
                let (old, new): (Vec<&str>, Vec<&str>) =
                    (want.lines().collect(), actual.lines().collect());
                for op in similar::capture_diff_slices(similar::Algorithm::Myers, &old, &new) {
                    for change in op.iter_changes(&old, &new) {
                        let sign = match change.tag() {
                            similar::ChangeTag::Delete => '-',
                            similar::ChangeTag::Insert => '+',
                            similar::ChangeTag::Equal => ' ',
                        };
                        writeln!(f, "  {sign} {}", change.value())?;
                    }
                }
                writeln!(
                    f,
                    "  (expected in {expected}; see the whole error with \
                     `cargo build --example {name} --features compile-fail`)"
                )?;
            }
            Verdict::NoExpectedOutput => writeln!(f, "{}", self.no_expected_output())?,
            Verdict::BadExpected(why) => writeln!(
                f,
                "{name} ({source}): its expected output {expected} cannot be read: {why}"
            )?,
            Verdict::NotBuilt(why) => {
                writeln!(f, "{name} ({source}) did not build")?;
                write_indented(f, "cargo said:", why, 60)?;
            }
            Verdict::CannotRun(why) => writeln!(f, "{name} ({source}) could not be run: {why}")?,
            Verdict::Skipped(why) => writeln!(f, "{name} ({source}) was skipped: {why}")?,
            Verdict::MissingCopy => writeln!(
                f,
                "{source} is missing: `cargo xtask reset {name}` puts it back as handed out"
            )?,
        }
        // (A flood of output keeps a core busy by itself: no need to say so.)
        let busy_is_news = !matches!(self.verdict, Verdict::Busy | Verdict::TooMuchOutput { .. });
        if self.kept_a_core_busy() && busy_is_news {
            writeln!(
                f,
                "  It also kept a core busy: {}. Does something poll in a loop instead of \
                 waiting to be woken?",
                self.how_busy()
            )?;
        }
        if self.left_running {
            writeln!(
                f,
                "  Processes it had started were still running when it ended; the harness \
                 stopped them."
            )?;
        }
        if !self.earlier.is_empty() {
            writeln!(
                f,
                "  It was run {} times, and this is the last run; before it, {}.",
                self.runs,
                self.earlier.join("; ")
            )?;
        }
        Ok(())
    }
}

impl Outcome {
    /// What to do about a missing expected output: it depends on who owns it.
    fn no_expected_output(&self) -> String {
        let (name, source, expected) = (
            &self.name,
            self.source.display(),
            self.expected_file.display(),
        );
        if self.is_exercise() {
            return format!(
                "the exercise {name} has no expected output: {expected} is missing. It comes \
                 with the workbook; restore it with `git checkout -- {expected}`"
            );
        }
        match self.language {
            Language::Python => {
                let twin = name.trim_end_matches(".py");
                format!(
                    "{name} ({source}) has nothing to compare with: its Rust twin {twin} has no \
                     expected output either. Create {expected} with what both must print"
                )
            }
            Language::Rust => format!(
                "{name} ({source}) has no expected output: create {expected} with what it must \
                 print (`cargo run --example {name} > {expected}`, then read it and round its \
                 timings), or {} with the error it must fail with",
                Path::new(&self.expected_file)
                    .with_extension("stderr")
                    .display()
            ),
        }
    }
}

/// Writes `text` indented under `title`, at most `most` lines of it.
fn write_indented(f: &mut fmt::Formatter<'_>, title: &str, text: &str, most: usize) -> fmt::Result {
    if text.trim().is_empty() {
        return writeln!(f, "  {title} (nothing)");
    }
    writeln!(f, "  {title}")?;
    for line in text.lines().take(most) {
        writeln!(f, "    {}", compare::visible(line))?;
    }
    let more = text.lines().count().saturating_sub(most);
    if more > 0 {
        writeln!(f, "    ... and {more} more line(s)")?;
    }
    Ok(())
}
