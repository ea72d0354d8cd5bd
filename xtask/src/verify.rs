//! `cargo xtask verify`: builds the examples once, runs them all at the same time, and checks
//! each one against its expected output or expected compile error.
//!
//! Running them concurrently keeps the whole check about as long as the slowest example: they
//! spend nearly all their time asleep. A run that printed every line, in order, but whose timings
//! missed their range by a little (less than [`crate::report::RERUN_MISS`]) is run again at once, while the
//! longer examples still run, up to [`Options::reruns`] times: a machine that was busy for a
//! moment passes the second time, a program whose timing changed fails every time. The report
//! says when a pass needed a re-run.
//!
//! A failure that the machine's load explains (see `Outcome::load_explains`: the program waited
//! for a CPU at least as long as its failure needs) is run again after a pause, up to
//! [`PAUSES`], while the check has taken less than [`PATIENCE`]. If the machine stays busy, the
//! verdict is *could not judge* (`Verdict::Unjudged`), which is never a pass and blames nothing
//! on the program. Content and order are always judged; so is a line that came early, which load
//! cannot cause.

use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::build::{self, Diagnostic, Progress};
use crate::catalog::{Example, Expected, Language};
use crate::compare::{self, DiffLine};
use crate::report::{Outcome, Verdict};
use crate::run::{self, End, Limits};

/// The pauses before running again a check that failed in a way the machine's load explains:
/// enough for a build, or a burst of other checks, to end.
pub const PAUSES: [Duration; 3] = [
    Duration::from_secs(2),
    Duration::from_secs(5),
    Duration::from_secs(10),
];

/// No pause is made once a check has taken this long, pauses and runs included.
pub const PATIENCE: Duration = Duration::from_secs(60);

/// Python programs start this far apart, and at most [`PYTHONS_AT_ONCE`] run at the same time. An
/// interpreter spends about 0.1 s of CPU starting up (and some on every step), and thirty of
/// them started at once keep both cores of a small machine busy for a second and more, making
/// every program that runs with them late. The Rust programs, which start in a few milliseconds
/// and then sleep, all start at once.
pub const PYTHON_PACE: Duration = Duration::from_millis(60);

/// See [`PYTHON_PACE`].
pub const PYTHONS_AT_ONCE: usize = 6;

/// Lets Python programs start one at a time, [`PYTHON_PACE`] apart, at most [`PYTHONS_AT_ONCE`]
/// running.
#[derive(Default)]
struct PythonGate {
    state: Mutex<(usize, Option<Instant>)>,
    freed: Condvar,
}

impl PythonGate {
    fn run<T>(&self, f: impl FnOnce() -> T) -> T {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            let (running, last) = *state;
            let wait = last.map_or(Duration::ZERO, |l| {
                (l + PYTHON_PACE).saturating_duration_since(Instant::now())
            });
            if running < PYTHONS_AT_ONCE && wait.is_zero() {
                break;
            }
            let wait = if running < PYTHONS_AT_ONCE {
                wait
            } else {
                Duration::from_secs(1)
            };
            state = self
                .freed
                .wait_timeout(state, wait)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        *state = (state.0 + 1, Some(Instant::now()));
        drop(state);
        let result = f();
        self.state.lock().unwrap_or_else(|e| e.into_inner()).0 -= 1;
        self.freed.notify_all();
        result
    }
}

/// The longest a program that needs a quiet machine waits for one before it starts anyway (and,
/// if the machine is still busy, says so itself).
pub const QUIET_WAIT: Duration = Duration::from_secs(20);

/// Waits until the machine's CPUs have been idle at least half of the last quarter second (from
/// `/proc/stat`), or `most` has passed; returns how long it waited. For a program that measures
/// what a busy machine hides: it is not started in the crowd at the start of a pass.
pub fn wait_for_idle_cpus(most: Duration) -> Duration {
    let start = Instant::now();
    let times = || -> Option<(u64, u64)> {
        let stat = std::fs::read_to_string("/proc/stat").ok()?;
        let ticks: Vec<u64> = stat
            .lines()
            .next()?
            .split_whitespace()
            .skip(1)
            .map(|n| n.parse().unwrap_or(0))
            .collect();
        Some((ticks.get(3)? + ticks.get(4)?, ticks.iter().take(8).sum()))
    };
    let mut before = times();
    while start.elapsed() < most {
        thread::sleep(Duration::from_millis(250));
        let now = times();
        let (Some((idle_0, all_0)), Some((idle_1, all_1))) = (before, now) else {
            break; // no /proc/stat: nothing to wait for
        };
        if (idle_1 - idle_0) as f64 >= 0.5 * (all_1 - all_0).max(1) as f64 {
            break;
        }
        before = now;
    }
    start.elapsed()
}

/// Settings for one verification.
#[derive(Clone, Debug)]
pub struct Options {
    /// Time limit per example; by default [`default_limit`].
    pub limit: Option<Duration>,
    pub progress: Progress,
    /// The Python that runs the Python counterparts.
    pub python: String,
    /// Cargo features to build the examples with (`exercise-keys` for the exercises' handouts
    /// and solutions).
    pub features: Vec<&'static str>,
    /// The package the examples belong to, if not the workbook's own (`exercises`).
    pub package: Option<&'static str>,
    /// The part of the default time limit that does not depend on the example's length.
    pub base_limit: Duration,
    /// How many times a run whose timings were a little off is run again.
    pub reruns: usize,
    /// Where to count the programs started and checked, for a caller that watches the pass
    /// from another thread.
    pub count: Option<Arc<Count>>,
    /// Programs built already (by name), which cargo does not build: the exercises' usual
    /// mistakes, compiled alone (see [`crate::mistakes`]).
    pub prebuilt: std::collections::BTreeMap<String, std::path::PathBuf>,
}

/// How far a pass has come.
#[derive(Debug, Default)]
pub struct Count {
    /// Programs to run.
    pub started: AtomicUsize,
    /// Programs checked (re-runs included).
    pub checked: AtomicUsize,
}

impl Count {
    /// How many programs of the pass are still running, once it has started.
    pub fn running(&self) -> Option<usize> {
        let started = self.started.load(Ordering::SeqCst);
        (started > 0).then(|| started.saturating_sub(self.checked.load(Ordering::SeqCst)))
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            limit: None,
            progress: Progress::Quiet,
            python: "python3".to_string(),
            features: Vec::new(),
            package: None,
            base_limit: Duration::from_secs(10),
            reruns: 2,
            count: None,
            prebuilt: Default::default(),
        }
    }
}

/// No run may go on longer than this, whatever its limit says: a limit from the command line,
/// from a `verify-limit` line, or from an expected output with a huge stamp.
pub const MAX_LIMIT: Duration = Duration::from_secs(3600);

/// The time limit of an example: `base` (ten seconds, by default) more than twice the time it
/// should take, and at most [`MAX_LIMIT`].
pub fn default_limit(example: &Example, base: Duration) -> Duration {
    let wanted = base.as_secs_f64() + 2.0 * example.expected_duration();
    Duration::from_secs_f64(wanted.min(MAX_LIMIT.as_secs_f64()))
}

/// Everything one verification found.
#[derive(Debug)]
pub struct Report {
    pub outcomes: Vec<Outcome>,
    /// How long the build took.
    pub build_time: Duration,
    /// How long it took, after the build, to run and check every example (re-runs included).
    pub check_time: Duration,
}

impl Report {
    /// No example failed (some may have been skipped).
    pub fn passed(&self) -> bool {
        !self.outcomes.iter().any(Outcome::failed)
    }

    /// The example that took longest to run, its re-runs included, if any ran.
    pub fn slowest(&self) -> Option<&Outcome> {
        self.outcomes
            .iter()
            .filter(|o| o.elapsed.is_some())
            .max_by_key(|o| o.time_in_all_runs())
    }

    pub fn outcome(&self, name: &str) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| o.name == name)
    }

    /// What `cargo xtask verify` prints after each check's line: the report of every check that
    /// failed or could not be judged, then how many did what, and how long it all took.
    pub fn conclusion(&self) -> String {
        let mut text = String::new();
        for outcome in self.outcomes.iter().filter(|o| o.failed()) {
            text += &format!("\n{outcome}\n");
        }
        for outcome in self.outcomes.iter().filter(|o| o.unjudged()) {
            text += &format!("\n{outcome}\n");
        }
        let count = |f: fn(&Outcome) -> bool| self.outcomes.iter().filter(|o| f(o)).count();
        let and = |n: usize, what: &str| match n {
            0 => String::new(),
            n => format!(", {n} {what}"),
        };
        let slowest = self
            .slowest()
            .map(|o| {
                let time = compare::format_seconds(o.time_in_all_runs().as_secs_f64());
                format!(" (the slowest, {}, took {time})", o.name)
            })
            .unwrap_or_default();
        let rerun = match self.outcomes.iter().filter(|o| o.runs > 1).count() {
            0 => String::new(),
            n => format!(" ({n} after a re-run)"),
        };
        text += &format!(
            "\n{} example(s) checked in {} after the build{slowest}: {} passed{rerun}, {} \
             failed{}{}\n",
            self.outcomes.len(),
            compare::format_seconds(self.check_time.as_secs_f64()),
            count(Outcome::passed),
            count(Outcome::failed),
            and(
                count(Outcome::unjudged),
                "could not be judged (the machine was too busy)"
            ),
            and(
                count(Outcome::skipped),
                "skipped (not checked, so not passed)"
            )
        );
        text
    }

    /// Whether the verification succeeded: nothing failed, nothing went unjudged, something
    /// passed, and (when checks were `named`) none of them was skipped. A skipped check proves
    /// nothing.
    pub fn succeeded(&self, named: bool) -> bool {
        let any = |f: fn(&Outcome) -> bool| self.outcomes.iter().any(f);
        let skipped_by_name = named && any(Outcome::skipped);
        let bad = any(Outcome::failed) || any(Outcome::unjudged) || skipped_by_name;
        any(Outcome::passed) && !bad
    }
}

/// Verifies `examples`, all of them from the workbook at `root`.
pub fn verify(root: &Path, examples: &[&Example], options: &Options) -> Result<Report, String> {
    let runnable: Vec<&Example> = examples
        .iter()
        .copied()
        .filter(|e| matches!(e.expected, Expected::Output(_)))
        .collect();
    let lessons: Vec<&str> = examples
        .iter()
        .filter(|e| e.is_compile_fail())
        .map(|e| e.name.as_str())
        .collect();

    let build_start = Instant::now();
    let names: Vec<&str> = runnable
        .iter()
        .filter(|e| e.language == Language::Rust && !options.prebuilt.contains_key(&e.name))
        .map(|e| e.name.as_str())
        .collect();
    let built = if names.is_empty() {
        build::Built::default()
    } else {
        build::examples_in(
            root,
            options.package,
            &names,
            &options.features,
            options.progress,
        )?
    };
    let build_time = build_start.elapsed();

    let check_start = Instant::now();
    let python = runnable
        .iter()
        .any(|e| e.needs_python)
        .then(|| python_executable(&options.python));
    let command = |example: &Example| -> Result<Command, Box<Verdict>> {
        if example.needs_python
            && let Some(Err(why)) = &python
        {
            return Err(Box::new(Verdict::Skipped(why.clone())));
        }
        let mut command = match example.language {
            Language::Python => match &python {
                Some(Ok(python)) => Ok(python_command(root, example, python)),
                _ => unreachable!("Python is looked for when a counterpart is selected"),
            },
            Language::Rust => match built
                .programs
                .get(&example.name)
                .or_else(|| options.prebuilt.get(&example.name))
            {
                Some(program) => {
                    let mut command = Command::new(program);
                    command.current_dir(root).args(&example.args);
                    Ok(command)
                }
                None => Err(Box::new(Verdict::NotBuilt(
                    built.failure.clone().unwrap_or_default(),
                ))),
            },
        }?;
        // A benchmark (it declares its CPU time, and its output shows no timing) runs at a
        // lower priority, so that the programs whose timings are checked wake up on time.
        if example.cpu.is_some() && example.expected_duration() == 0.0 {
            run::lower_priority(&mut command);
        }
        Ok(command)
    };
    let limit = |example: &Example| {
        options
            .limit
            .or(example.limit)
            .unwrap_or_else(|| default_limit(example, options.base_limit))
    };
    // The longest first, so that the last to start is not the last to end: by time limit, which
    // grows with the expected duration and is set by hand for a program whose output shows none.
    let mut order = runnable.clone();
    order.sort_by_key(|example| std::cmp::Reverse(limit(example)));
    let gate = PythonGate::default();
    if let Some(count) = &options.count {
        count.started.store(order.len(), Ordering::SeqCst);
    }
    let mut outcomes = thread::scope(|scope| {
        let running: Vec<_> = order
            .iter()
            .map(|example| {
                let (command, gate) = (&command, &gate);
                let limit = limit(example);
                scope.spawn(move || {
                    let check = || match command(example) {
                        Ok(command) if example.language == Language::Python => {
                            gate.run(|| check_run(example, command, limit))
                        }
                        Ok(command) => check_run(example, command, limit),
                        Err(verdict) => Outcome::new(example, *verdict),
                    };
                    // A program that needs a quiet machine waits for the crowd to pass.
                    let waited = example.needs_quiet.then(|| wait_for_idle_cpus(QUIET_WAIT));
                    // A run that was only a little off goes again at once, while the longer
                    // examples still run.
                    let mut outcome = settle(example, options.reruns, check, thread::sleep);
                    outcome.pauses.extend(waited);
                    if let Some(count) = &options.count {
                        count.checked.fetch_add(1, Ordering::SeqCst);
                    }
                    outcome
                })
            })
            .collect();
        // Meanwhile, on this thread: the compile-fail lessons, then the examples that cannot be
        // run.
        let mut outcomes = check_lessons(root, examples, &lessons);
        outcomes.extend(examples.iter().filter_map(|e| match &e.expected {
            Expected::Missing => Some(Outcome::new(e, Verdict::NoExpectedOutput)),
            Expected::Unreadable(why) => Some(Outcome::new(e, Verdict::BadExpected(why.clone()))),
            _ => None,
        }));
        outcomes.extend(
            running
                .into_iter()
                .map(|r| r.join().expect("checker panicked")),
        );
        outcomes
    });
    // Nothing a checked program started outlives the pass.
    crate::orphans::end_adopted();
    let check_time = check_start.elapsed();

    outcomes.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(Report {
        outcomes,
        build_time,
        check_time,
    })
}

/// The command that runs a Python counterpart: from `examples/`, where its shared modules are,
/// and without leaving `__pycache__` directories behind.
pub fn python_command(root: &Path, example: &Example, python: &str) -> Command {
    let mut command = Command::new(python);
    let file = example.source.file_name().unwrap_or_default();
    command
        .arg(file)
        .current_dir(root.join(example.source.parent().unwrap_or(Path::new("."))))
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONUTF8", "1");
    command
}

/// The interpreter that `python` runs (`sys.executable`: past any wrapper script, such as
/// pyenv's, which would cost each run some CPU), or why the Python counterparts cannot run.
pub fn python_executable(python: &str) -> Result<String, String> {
    let found = Command::new(python)
        .args(["-c", "import sys; print(sys.executable)"])
        .output();
    match found {
        Ok(out) if out.status.success() => {
            let path = String::from_utf8_lossy(&out.stdout).trim().to_string();
            Ok(if path.is_empty() {
                python.to_string()
            } else {
                path
            })
        }
        _ => Err(format!(
            "`{python}` is not installed, so the programs that need Python cannot run"
        )),
    }
}

/// The expected output to write for a program that printed `printed`, where the file said
/// `expected` (`cargo xtask verify NAME --bless`): the printed lines, except that a printed line
/// that an expected line still matches (its wildcards, its rounded stamp) keeps the expected
/// line, so that blessing a changed program changes only the lines that changed.
pub fn blessed(expected: &str, printed: &str) -> String {
    let old: Vec<&str> = expected.lines().collect();
    let mut next = 0;
    let mut out = String::new();
    for line in printed.lines() {
        let kept = (next..old.len()).find(|&i| compare::line_matches(old[i], line));
        match kept {
            Some(i) => {
                out.push_str(old[i]);
                next = i + 1;
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// Checks a program as `verify` does: once, and again while its timings only just missed (up
/// to the default number of re-runs). A program whose timing changed fails every run.
pub fn check_settled(example: &Example, command: impl Fn() -> Command, limit: Duration) -> Outcome {
    let reruns = Options::default().reruns;
    settle(
        example,
        reruns,
        || check_run(example, command(), limit),
        thread::sleep,
    )
}

/// Runs `check`, and again, at once, up to `reruns` more times, while the outcome is worth it
/// (see [`Outcome::worth_rerunning`]); and again after each of the [`PAUSES`] while the
/// machine's load explains its failure (see [`Outcome::load_explains`]). If load still explains
/// it, the outcome is *could not judge*. An example that fails by design is never run again:
/// its failure, or its machine's, proves what it must.
fn settle(
    example: &Example,
    reruns: usize,
    check: impl Fn() -> Outcome,
    pause: impl Fn(Duration),
) -> Outcome {
    let started = Instant::now();
    let mut outcome = check();
    let mut at_once = 0;
    let mut pauses = PAUSES.iter();
    if example.fails_by_design {
        return outcome;
    }
    loop {
        if outcome.worth_rerunning() && at_once < reruns {
            at_once += 1;
            outcome.rerun(check());
        } else if outcome.load_explains().is_some()
            && let Some(&length) = pauses.next()
            && started.elapsed() + length < PATIENCE
        {
            pause(length);
            outcome.pauses.push(length);
            outcome.rerun(check());
        } else {
            break;
        }
    }
    if let Some(explained) = outcome.load_explains() {
        outcome.verdict = Verdict::Unjudged(explained);
    }
    outcome
}

/// Runs one program once and checks what it printed, and the CPU time it used, against
/// `example`'s expectations.
pub fn check_run(example: &Example, command: Command, limit: Duration) -> Outcome {
    let Expected::Output(expected) = &example.expected else {
        return Outcome::new(example, Verdict::NoExpectedOutput);
    };
    let run = match run::run(command, Limits::time(limit)) {
        Ok(run) => run,
        Err(e) => return Outcome::new(example, Verdict::CannotRun(e.to_string())),
    };
    let compared = compare::compare_with_margin(expected, &run.stdout);
    let mut outcome = Outcome::new(example, Verdict::Passed);
    outcome.cpu = Some((run.cpu, example.cpu_budget(run.elapsed)));
    outcome.waited = (!run.threads.is_empty()).then(|| run.waited());
    outcome.exit = run.status().map(|s| s.to_string());
    outcome.abstained = example.needs_quiet
        && run.status().and_then(|s| s.code()) == Some(crate::catalog::TRY_LATER);
    outcome.stderr = run.stderr.clone();
    outcome.printed = run.stdout.clone();
    outcome.line_waits = run.line_waits.clone();
    outcome.printed_nothing_wrong = compared.diff.as_ref().is_none_or(|diff| {
        diff.lines.iter().all(|line| {
            !matches!(
                line,
                DiffLine::Extra(_, None) | DiffLine::More { missing: false, .. }
            )
        })
    });
    // Of the threads that spun (they ran, and were taken off their CPU more often than they
    // gave it up), the one that wanted a core the longest: a spinning thread wants one all along.
    let spinning = run.threads.iter().filter(|t| t.spins()).map(|t| t.runnable);
    let busiest = (!run.threads.is_empty()).then(|| spinning.max().unwrap_or_default());
    outcome.runnable = busiest.zip(example.runnable_budget(run.elapsed));
    let busy = outcome.kept_a_core_busy();
    outcome.verdict = match (run.end, compared.diff) {
        (End::TimedOut, _) => Verdict::TimedOut {
            limit,
            stdout: run.stdout,
        },
        (End::TooMuchOutput(stream), _) => Verdict::TooMuchOutput {
            stream,
            stdout: run.stdout,
            stderr: run.stderr,
        },
        (End::Exited(status), diff) if !status.success() => Verdict::Crashed {
            status: status.to_string(),
            stderr: run.stderr,
            diff,
        },
        (End::Exited(_), None) if busy => Verdict::Busy,
        (End::Exited(_), None) => Verdict::Passed,
        (End::Exited(_), Some(diff)) => Verdict::WrongOutput(diff),
    };
    outcome.elapsed = Some(run.elapsed);
    outcome.margin = compared.margin;
    outcome.left_running = run.left_running;
    outcome
}

/// Compiles the compile-fail lessons and checks each one's first error.
fn check_lessons(root: &Path, examples: &[&Example], names: &[&str]) -> Vec<Outcome> {
    if names.is_empty() {
        return Vec::new();
    }
    let built = build::compile_fail_lessons(root, names);
    let whole = build::rustc_release().as_deref() == Some(build::RUSTC_OF_RECORD);
    examples
        .iter()
        .filter(|e| e.is_compile_fail())
        .map(|example| {
            let verdict = match &built {
                Err(e) => Verdict::CannotRun(e.clone()),
                Ok(built) => check_error(example, built.first_errors.get(&example.name), whole),
            };
            Outcome::new(example, verdict)
        })
        .collect()
}

/// Checks a compile-fail lesson's first error (`None`: it compiled) against the expected one:
/// its first line always, and all of it when `whole` (the compiler is the release the expected
/// file was recorded with, [`build::RUSTC_OF_RECORD`]).
pub fn check_error(example: &Example, actual: Option<&Diagnostic>, whole: bool) -> Verdict {
    let Expected::CompileError(expected) = &example.expected else {
        return Verdict::NoExpectedOutput;
    };
    let expected = build::tidy(expected);
    let expected_headline = expected.lines().next().unwrap_or_default().to_string();
    match actual {
        None => Verdict::Compiled {
            expected: expected_headline,
        },
        Some(actual) if actual.headline != expected_headline => Verdict::WrongError {
            expected: expected_headline,
            actual: actual.headline.clone(),
        },
        Some(actual) if whole && actual.rendered != expected => Verdict::WrongError {
            expected,
            actual: actual.rendered.clone(),
        },
        Some(_) => Verdict::Passed,
    }
}

#[cfg(test)]
mod tests {
    use std::cell::{Cell, RefCell};

    use super::*;
    use crate::compare::{Diff, Late};

    fn example(expected: &str) -> Example {
        Example {
            name: "late".into(),
            language: Language::Rust,
            source: "examples/late.rs".into(),
            expected_file: "examples/late.stdout".into(),
            expected: Expected::Output(expected.into()),
            description: String::new(),
            args: Vec::new(),
            limit: None,
            cpu: None,
            needs_python: false,
            needs_quiet: false,
            fails_by_design: false,
        }
    }

    /// A run whose second line came `miss` seconds past its range, having waited `waited`
    /// seconds for a CPU in that step.
    fn late_run(example: &Example, miss: f64, waited: f64) -> Outcome {
        let mut outcome = Outcome::new(
            example,
            Verdict::WrongOutput(Diff {
                lines: Vec::new(),
                timing_only: true,
                reordered: false,
                too_early: false,
                early_stamp: false,
                too_late: true,
                worst_miss: miss,
                late: vec![Late {
                    line: 1,
                    after: Some(0),
                    miss,
                }],
                invisible: Vec::new(),
            }),
        );
        outcome.waited = Some(Duration::from_secs_f64(waited + 0.01));
        let (at_start, in_step) = (Duration::from_millis(10), Duration::from_secs_f64(waited));
        outcome.line_waits = vec![(Duration::ZERO, at_start), (at_start, at_start + in_step)];
        outcome
    }

    #[test]
    fn blessing_keeps_the_expected_lines_that_still_match() {
        let expected = "[0.00s] start\ntook [..]\n[1.00s] old line\n[2.00s] end\n";
        let printed = "[0.01s] start\ntook 42 ms\n[1.02s] new line\n[2.01s] end\n";
        assert_eq!(
            blessed(expected, printed),
            "[0.00s] start\ntook [..]\n[1.02s] new line\n[2.00s] end\n"
        );
        assert_eq!(blessed("", "[0.00s] hi\n"), "[0.00s] hi\n");
    }

    #[test]
    fn a_limit_from_a_huge_stamp_is_capped() {
        let huge = example("[999999.00s] never\n");
        assert_eq!(default_limit(&huge, Duration::from_secs(10)), MAX_LIMIT);
    }

    #[test]
    fn a_late_line_is_the_machines_doing_only_if_the_program_waited_as_long_in_its_step() {
        let example = example("[0.00s] a\n[1.00s] b\n");
        let explained = late_run(&example, 0.2, 0.3).load_explains();
        assert_eq!(explained.map(|e| e.what), Some("the timing"));
        assert_eq!(late_run(&example, 0.2, 0.1).load_explains(), None);
        // Waiting before the step does not count: the same total, all of it seen by a read
        // before line 0 was printed.
        let mut early_wait = late_run(&example, 0.2, 0.3);
        let all = Duration::from_millis(310);
        early_wait.line_waits = vec![(all, all), (all, all)];
        assert_eq!(early_wait.load_explains(), None);
        // A line that came early is never the machine's doing.
        let mut early = late_run(&example, 0.2, 0.3);
        if let Verdict::WrongOutput(diff) = &mut early.verdict {
            diff.too_early = true;
        }
        assert_eq!(early.load_explains(), None);
    }

    #[test]
    fn a_busy_machine_gets_pauses_then_could_not_judge_never_a_pass() {
        let example = example("[0.00s] a\n[1.00s] b\n");
        let paused = RefCell::new(Vec::new());
        let outcome = settle(
            &example,
            2,
            || late_run(&example, 0.2, 0.3),
            |d| paused.borrow_mut().push(d),
        );
        assert_eq!(*paused.borrow(), PAUSES);
        assert!(
            outcome.unjudged() && !outcome.passed() && !outcome.failed(),
            "{outcome:?}"
        );
        // The first run, two at once (a near miss), and one after each pause.
        assert_eq!(outcome.runs, 1 + 2 + PAUSES.len());
        let report = outcome.to_string();
        assert!(report.contains("could not judge the timing"), "{report}");
        assert!(report.contains("the machine is busy"), "{report}");
        assert!(!report.contains("did a sleep get longer"), "{report}");
    }

    #[test]
    fn a_late_line_the_machine_does_not_explain_is_judged_at_once() {
        let example = example("[0.00s] a\n[1.00s] b\n");
        let runs = Cell::new(0);
        let outcome = settle(
            &example,
            2,
            || {
                runs.set(runs.get() + 1);
                late_run(&example, 0.6, 0.0)
            },
            |_| panic!("no pause for a failure that load does not explain"),
        );
        assert!(outcome.failed(), "{outcome:?}");
        assert_eq!(runs.get(), 1);
    }

    #[test]
    fn a_quiet_moment_after_a_pause_gives_a_verdict() {
        let example = example("[0.00s] a\n[1.00s] b\n");
        let runs = Cell::new(0);
        let outcome = settle(
            &example,
            2,
            || {
                runs.set(runs.get() + 1);
                if runs.get() == 1 {
                    late_run(&example, 0.6, 0.8)
                } else {
                    Outcome::new(&example, Verdict::Passed)
                }
            },
            |_| {},
        );
        assert!(outcome.passed(), "{outcome:?}");
        assert_eq!(outcome.pauses, [PAUSES[0]]);
    }
}
