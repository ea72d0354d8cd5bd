//! Proof that every check of the harness can fail: each test feeds it a real wrong run (a wrong
//! order, a missing line, a run too slow or too fast, a wrong error code, a hang, a crash) and
//! asserts that it is reported, and how.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use xtask::build::{self, Built, Progress};
use xtask::verify::{self, check_error, check_run, check_settled};
use xtask::{Example, Expected, Options, Outcome, Verdict, Workbook};

use crate::snapshot::assert_snapshot as snapshot;

const LIMIT: Duration = Duration::from_secs(20);

fn workbook() -> &'static Workbook {
    static WORKBOOK: OnceLock<Workbook> = OnceLock::new();
    WORKBOOK.get_or_init(|| Workbook::locate().unwrap())
}

/// The two count examples, built once for all the tests here.
pub(crate) fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let names = ["count_concurrent", "count_sequential"];
        let built = build::examples(&workbook().root, &names, Progress::Quiet).unwrap();
        assert_eq!(built.failure, None);
        built
    })
}

fn example(name: &str) -> Example {
    let found = workbook().examples.iter().find(|e| e.name == name);
    found.unwrap_or_else(|| panic!("no example {name}")).clone()
}

/// `count_concurrent`, expected to print `expected` instead of what its `.stdout` says.
fn count_expecting(expected: &str) -> Example {
    Example {
        expected: Expected::Output(expected.to_string()),
        ..example("count_concurrent")
    }
}

fn expected_output(name: &str) -> String {
    match example(name).expected {
        Expected::Output(text) => text,
        other => panic!("{name} expects {other:?}"),
    }
}

fn program(name: &str) -> Command {
    Command::new(&built().programs[name])
}

/// The failure report, after asserting that `outcome` is a failure.
fn failure(outcome: &Outcome) -> String {
    assert!(!outcome.passed(), "{} passed", outcome.name);
    outcome.to_string()
}

#[test]
fn the_real_expectation_passes() {
    let outcome = check_run(
        &example("count_concurrent"),
        program("count_concurrent"),
        LIMIT,
    );
    assert!(outcome.passed(), "{outcome}");
}

#[test]
fn a_wrong_order_is_caught() {
    // The report is pinned whole, timings of the first lines included: not in the crowd.
    crate::shared::after_the_crowd();
    // Expect `Two` before the last `One`: the real program prints all three `One`s first.
    let swapped = expected_output("count_concurrent").replacen(
        "[0.00s] One\n[1.00s] Two\n",
        "[1.00s] Two\n[0.00s] One\n",
        1,
    );
    let report = failure(&check_run(
        &count_expecting(&swapped),
        program("count_concurrent"),
        LIMIT,
    ));
    snapshot("wrong_order", &report);
}

#[test]
fn a_missing_line_is_caught() {
    // The report is pinned whole, timings of the first lines included: not in the crowd.
    crate::shared::after_the_crowd();
    let longer =
        expected_output("count_concurrent").replace("[1.00s] Two\n", "[1.00s] Two\nThree\n");
    let outcome = check_run(
        &count_expecting(&longer),
        program("count_concurrent"),
        LIMIT,
    );
    // A line that never came: the report says how the program ended, and what it said on its
    // error output.
    snapshot("missing_line", &failure(&outcome));
}

#[test]
fn an_extra_line_is_caught() {
    // The report is pinned whole, timings of the first lines included: not in the crowd.
    crate::shared::after_the_crowd();
    let shorter = expected_output("count_concurrent").replacen("[0.00s] One\n", "", 1);
    let outcome = check_run(
        &count_expecting(&shorter),
        program("count_concurrent"),
        LIMIT,
    );
    snapshot("extra_line", &failure(&outcome));
}

#[test]
fn a_sequential_run_is_too_slow() {
    // The report is pinned whole, timings of the first lines included: not in the crowd.
    crate::shared::after_the_crowd();
    // The sequential program, held to what the concurrent one must print.
    let outcome = check_run(
        &example("count_concurrent"),
        program("count_sequential"),
        LIMIT,
    );
    snapshot("too_slow", &failure(&outcome));
}

#[test]
fn a_run_faster_than_its_sleeps_is_too_fast() {
    // The report is pinned whole, timings of the first lines included: not in the crowd.
    crate::shared::after_the_crowd();
    // As if the book said each count sleeps 2 s: the real one sleeps 1 s.
    let slower = expected_output("count_concurrent")
        .replace("[1.00s]", "[2.00s]")
        .replace("1.00 seconds", "2.00 seconds");
    let outcome = check_run(
        &count_expecting(&slower),
        program("count_concurrent"),
        LIMIT,
    );
    snapshot("too_fast", &failure(&outcome));
}

#[test]
fn a_wrong_error_code_is_caught() {
    let lesson = example("count_missing_argument");
    let built = build::compile_fail_lessons(&workbook().root, &[&lesson.name]).unwrap();
    let actual = built.first_errors.get(&lesson.name);
    let whole = build::rustc_release().as_deref() == Some(build::RUSTC_OF_RECORD);
    assert!(matches!(
        check_error(&lesson, actual, whole),
        Verdict::Passed
    ));

    let wrong = Example {
        expected: Expected::CompileError("error[E0308]: mismatched types".into()),
        ..lesson.clone()
    };
    let outcome = Outcome::new(&wrong, check_error(&wrong, actual, whole));
    snapshot("wrong_error_code", &failure(&outcome));

    // A lesson that compiles after all is a failure too.
    let outcome = Outcome::new(&lesson, check_error(&lesson, None, whole));
    snapshot("compiled_lesson", &failure(&outcome));
}

#[test]
fn a_change_below_the_first_line_of_an_error_is_caught_with_the_release_of_record_only() {
    let lesson = example("count_missing_argument");
    let built = build::compile_fail_lessons(&workbook().root, &[&lesson.name]).unwrap();
    let actual = built.first_errors.get(&lesson.name);
    let Expected::CompileError(text) = &lesson.expected else {
        panic!("not a compile-fail lesson")
    };
    let reworded = Example {
        expected: Expected::CompileError(text.replace("provide the argument", "add an argument")),
        ..lesson.clone()
    };
    // With the release the file was recorded with, the whole error is compared.
    let outcome = Outcome::new(&reworded, check_error(&reworded, actual, true));
    snapshot("reworded_error", &failure(&outcome));
    // With another release, only the first line.
    assert!(matches!(
        check_error(&reworded, actual, false),
        Verdict::Passed
    ));
}

#[cfg(unix)]
#[test]
fn a_hung_example_is_stopped_and_reported() {
    // `sleep` is not the script's last command, so the shell forks it rather than becoming it:
    // a process the program started, always there for the report to name.
    let mut hang = Command::new("sh");
    hang.args(["-c", "echo '[0.00s] One'; sleep 60; true"]);
    let start = Instant::now();
    let outcome = check_run(&example("count_concurrent"), hang, Duration::from_secs(1));
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "the harness waited for the hang"
    );
    snapshot("hung", &failure(&outcome));
}

#[cfg(unix)]
#[test]
fn a_crash_is_reported_with_its_error_output() {
    let mut crash = Command::new("sh");
    crash.args(["-c", "echo 'thread main panicked' >&2; exit 101"]);
    snapshot(
        "crash",
        &failure(&check_run(&example("count_concurrent"), crash, LIMIT)),
    );
}

#[test]
fn an_unknown_name_suggests_close_ones() {
    let error = workbook().select(&["cout".to_string()]).unwrap_err();
    assert!(
        error.starts_with("unknown example 'cout'; did you mean one of 'count_"),
        "{error}"
    );
    assert!(error.ends_with("(`cargo xtask list` shows all)"), "{error}");
}

#[test]
fn an_example_without_expected_output_says_what_to_create() {
    let root = scratch_dir("missing-output");
    std::fs::create_dir_all(root.join("examples")).unwrap();
    std::fs::write(
        root.join("examples/new_lesson.rs"),
        "//! Not finished.\nfn main() {}\n",
    )
    .unwrap();
    let workbook = Workbook::at(root.clone()).unwrap();
    let all = workbook.select(&[]).unwrap();
    let report = verify::verify(&root, &all, &Options::default()).unwrap();
    assert!(!report.passed());
    snapshot("no_expected_output", &report.outcomes[0].to_string());
}

/// The real thing: the count example's source, changed the three ways a reader might break it,
/// compiled, run, and checked against its own expected output. The unchanged source passes.
#[test]
fn broken_copies_of_the_count_example_fail_with_a_readable_diff() {
    let source =
        std::fs::read_to_string(workbook().root.join("examples/count_concurrent.rs")).unwrap();
    let zip = "future::zip(count(), future::zip(count(), count())).await;";
    let cases = [
        ("unchanged", source.clone(), None),
        (
            "sequential",
            source
                .replace(
                    zip,
                    "count().await;\n        count().await;\n        count().await;",
                )
                .replace("use smol::future;\n", ""),
            Some("s is too late: expected about 1.00 s"),
        ),
        (
            "sleeps_2s",
            source.replace("Duration::from_secs(1)", "Duration::from_secs(2)"),
            Some("s is too late: expected about 1.00 s"),
        ),
        (
            "swapped",
            source
                .replace("say!(\"One\");", "say!(\"TWO\");")
                .replace("say!(\"Two\");", "say!(\"One\");")
                .replace("say!(\"TWO\");", "say!(\"Two\");"),
            Some("  + [0.0"),
        ),
    ];
    let dir = scratch_dir("mutants");
    let expected = example("count_concurrent");
    let checks: Vec<_> = cases
        .into_iter()
        .map(|(name, text, wanted)| {
            let program = compile_alone(&dir, name, &text);
            (
                name,
                wanted,
                std::thread::spawn({
                    let expected = expected.clone();
                    move || check_run(&expected, Command::new(program), LIMIT)
                }),
            )
        })
        .collect();
    assert_caught(checks);
}

/// Joins each check: one that expects nothing must pass, one that expects a text must fail with
/// a report that holds it (and, named "halved", after a single run: lines early are never the
/// machine's doing, so they are not run again).
fn assert_caught(checks: Vec<(&str, Option<&str>, std::thread::JoinHandle<Outcome>)>) {
    for (name, wanted, check) in checks {
        let outcome = check.join().unwrap();
        let Some(wanted) = wanted else {
            assert!(outcome.passed(), "{name}: {outcome}");
            continue;
        };
        let report = failure(&outcome);
        if name == "halved" {
            assert_eq!(outcome.runs, 1, "{outcome:?}");
        }
        assert!(
            report.contains(wanted),
            "{name}: expected {wanted:?} in\n{report}"
        );
    }
}

/// Compiles one file with rustc against the crates cargo built for the examples.
pub(crate) fn compile_alone(dir: &Path, name: &str, source: &str) -> PathBuf {
    let file = dir.join(format!("{name}.rs"));
    std::fs::write(&file, source).unwrap();
    let program = dir.join(name);
    if let Err(errors) = build::compile_alone(built(), &file, &program) {
        panic!("{name} does not compile:\n{errors}");
    }
    program
}

/// A fresh directory under `target/` for one test's files.
pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = workbook().root.join("target/harness-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A Python counterpart is checked like a Rust example: a wrong order, or a sleep that changed,
/// fails. The Python is a copy of `count_concurrent.py` with one change.
#[test]
fn a_python_counterpart_with_a_wrong_order_or_timing_is_caught() {
    let original =
        std::fs::read_to_string(workbook().root.join("examples/count_concurrent.py")).unwrap();
    let mutants = [
        ("py-order", original.replace("say(\"One\")", "say(\"Two\")")),
        (
            "py-slow",
            original.replace("asyncio.sleep(1)", "asyncio.sleep(2)"),
        ),
    ];
    for (name, text) in mutants {
        assert_ne!(text, original, "the mutation {name} changed nothing");
        let dir = scratch_dir(name);
        std::fs::write(dir.join("count_concurrent.py"), text).unwrap();
        std::fs::copy(
            workbook().root.join("examples/timeline.py"),
            dir.join("timeline.py"),
        )
        .unwrap();
        let example = Example {
            source: dir.join("count_concurrent.py"),
            ..example("count_concurrent.py")
        };
        let command = verify::python_command(&workbook().root, &example, "python3");
        let outcome = check_run(&example, command, LIMIT);
        if let Verdict::CannotRun(why) = &outcome.verdict {
            panic!("python3 is needed for this test: {why}");
        }
        let report = failure(&outcome);
        assert!(
            matches!(outcome.verdict, Verdict::WrongOutput(_)),
            "{name}: {report}"
        );
    }
}

/// Without `python3`, the Python counterparts are reported as skipped: not passed, not failed.
#[test]
fn python_counterparts_are_skipped_without_python() {
    // `scale` runs asyncio itself, so it needs Python too (`//! verify-needs: python3`).
    let selected = workbook()
        .select(&["count_concurrent.py".to_string(), "scale".to_string()])
        .unwrap();
    let options = Options {
        python: "no-such-python3".to_string(),
        ..Options::default()
    };
    let report = verify::verify(&workbook().root, &selected, &options).unwrap();
    let outcome = report.outcome("count_concurrent.py").unwrap();
    assert!(outcome.skipped() && !outcome.passed(), "{outcome:?}");
    assert!(
        outcome.summary().starts_with("skip"),
        "{}",
        outcome.summary()
    );
    assert!(
        outcome
            .summary()
            .contains("`no-such-python3` is not installed")
    );
    let scale = report.outcome("scale").unwrap();
    assert!(scale.skipped(), "{scale:?}");
    assert!(report.passed(), "a skip is not a failure");
}

/// `async_close` is built on 100 ms steps. Its first sleep made twice as long, or half as long,
/// fails, however the machine is loaded: the lines after it come 100 ms late, or 50 ms early.
/// Each is checked as `verify` checks it, with its re-runs: the unchanged program may need one
/// on a loaded machine, the changed ones fail every run.
#[test]
fn a_100_ms_step_made_200_ms_or_50_ms_fails() {
    let source = std::fs::read_to_string(workbook().root.join("examples/async_close.rs")).unwrap();
    let step = "Duration::from_millis(100)";
    assert!(source.contains(step), "async_close no longer sleeps 100 ms");
    let dir = scratch_dir("steps");
    let expected = example("async_close");
    let cases = [
        ("unchanged", step, None),
        ("doubled", "Duration::from_millis(200)", Some("is too late")),
        ("halved", "Duration::from_millis(50)", Some("is too early")),
    ];
    let programs: Vec<_> = cases
        .into_iter()
        .map(|(name, to, wanted)| {
            let program = compile_alone(&dir, name, &source.replacen(step, to, 1));
            (name, wanted, program)
        })
        .collect();
    // Run once the crowd of the pass the tests share is gone, as `cargo xtask mutants` runs
    // alone: in the moment every test starts at once, a wake-up can be 50 ms late, and a sleep
    // of 50 ms where 100 ms were expected would then look right.
    crate::shared::after_the_crowd();
    let checks: Vec<_> = programs
        .into_iter()
        .map(|(name, wanted, program)| {
            let expected = expected.clone();
            let check = std::thread::spawn(move || {
                check_settled(&expected, || Command::new(&program), LIMIT)
            });
            (name, wanted, check)
        })
        .collect();
    assert_caught(checks);
}

/// A timer that never sleeps: its `poll` asks to be polled again at once until its deadline. It
/// prints the right lines at the right times.
const BUSY_TIMER: &str = r#"
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use workbook::say;

struct BusyTimer(Instant);

impl Future for BusyTimer {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if Instant::now() >= self.0 {
            return Poll::Ready(());
        }
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

fn main() {
    let ms: u64 = std::env::args().nth(1).map_or(300, |ms| ms.parse().unwrap());
    smol::block_on(async {
        say!("waiting {ms} ms");
        BusyTimer(Instant::now() + Duration::from_millis(ms)).await;
        say!("timer done");
    });
}
"#;

/// The busy timer, built. The tests that run it wait for the crowd of the pass the tests share
/// to be gone first: it keeps a core busy for a second, which would make the examples late.
fn busy_timer() -> &'static Path {
    static PROGRAM: OnceLock<PathBuf> = OnceLock::new();
    let program = PROGRAM.get_or_init(|| compile_alone(&scratch_dir("busy"), "busy", BUSY_TIMER));
    crate::shared::after_the_crowd();
    program
}

/// The book's thread-timer example, expecting the busy timer's lines for a wait of `ms` (a second
/// or more): long enough that, however loaded the machine, the busy timer cannot pass for a
/// correct program that waited for a core while it started.
fn waiting(ms: u32) -> Example {
    let expected = format!(
        "[0.00s] waiting {ms} ms\n[{:.2}s] timer done\n",
        ms as f64 / 1000.0
    );
    Example {
        expected: Expected::Output(expected),
        ..example("thread_timer")
    }
}

fn assert_caught_as_busy(outcome: &Outcome) {
    assert!(matches!(outcome.verdict, Verdict::Busy), "{outcome:?}");
    let report = failure(outcome);
    assert!(report.contains("kept a core busy"), "{report}");
    assert!(
        report.contains("`wake_by_ref()` and returns `Pending`"),
        "{report}"
    );
}

/// The busy timer fails for the core it keeps busy.
#[test]
fn a_busy_polling_timer_fails_for_the_cpu_it_burns() {
    // At normal priority, as a reader's program runs.
    let mut busy = Command::new(busy_timer());
    busy.arg("1000");
    let outcome = check_run(&waiting(1000), busy, LIMIT);
    assert_caught_as_busy(&outcome);
}

/// On a machine so busy that the busy timer gets a few percent of a core, it uses little CPU,
/// within its budget; it is caught by how long it wanted a core: all of its run (here a second, long
/// enough to tell from a correct program's start on a loaded machine).
#[test]
fn a_busy_polling_timer_that_gets_little_cpu_still_fails() {
    use std::os::unix::process::CommandExt;
    use std::sync::atomic::{AtomicBool, Ordering};

    fn on_cpu_0() {
        // SAFETY: an all-zero `cpu_set_t` is the empty set; the calls only read and write it.
        unsafe {
            let mut set: libc::cpu_set_t = std::mem::zeroed();
            libc::CPU_SET(0, &mut set);
            libc::sched_setaffinity(0, std::mem::size_of_val(&set), &set);
        }
    }
    let program = busy_timer();
    let stop = AtomicBool::new(false);
    let outcome = std::thread::scope(|scope| {
        // A thread of normal priority that spins on CPU 0, next to the busy timer at nice 15
        // (which then gets about 3% of that core).
        scope.spawn(|| {
            on_cpu_0();
            while !stop.load(Ordering::Relaxed) {
                std::hint::spin_loop();
            }
        });
        let mut busy = Command::new(program);
        busy.arg("2000");
        // SAFETY: runs between fork and exec, and makes only async-signal-safe system calls.
        unsafe {
            busy.pre_exec(|| {
                on_cpu_0();
                libc::setpriority(libc::PRIO_PROCESS, 0, 15);
                Ok(())
            });
        }
        let outcome = check_run(&waiting(2000), busy, LIMIT);
        stop.store(true, Ordering::Relaxed);
        outcome
    });
    let (cpu, budget) = outcome.cpu.expect("CPU time measured");
    assert!(cpu <= budget, "it got a whole core after all: {outcome:?}");
    // So starved, it may also print its last line late: then it fails for that, and the report
    // says that it kept a core busy as well.
    let report = failure(&outcome);
    match outcome.verdict {
        Verdict::Busy => assert_caught_as_busy(&outcome),
        Verdict::WrongOutput(_) => assert!(report.contains("It also kept a core busy")),
        _ => panic!("{outcome:?}"),
    }
    assert!(report.contains("it wanted a core all along"), "{report}");
}

/// A `block_on` that polls every 10 ms instead of sleeping until it is woken is on time and uses
/// little CPU, but its polls show in the output: the book's `block_on_by_hand`, with its
/// `block_on` changed so, is caught by the lines it prints too many.
#[test]
fn a_block_on_that_polls_on_a_timer_is_caught_by_its_polls() {
    let root = &workbook().root;
    let module = std::fs::read_to_string(root.join("examples/workbook/block_on.rs")).unwrap();
    let park = "while !unparker.woken.swap(false, Ordering::Acquire) {\n            thread::park();\n        }";
    assert!(module.contains(park), "block_on no longer parks this way");
    let timed = module
        .replace(
            park,
            "thread::park_timeout(std::time::Duration::from_millis(10));",
        )
        .replace(
            "use crate::{say, thread_name};",
            "use workbook::{say, thread_name};",
        )
        .replace("//!", "//");
    let main = std::fs::read_to_string(root.join("examples/block_on_by_hand.rs"))
        .unwrap()
        .replace("use workbook::block_on::block_on;", "use timed::block_on;");
    let source = format!("{main}\n#[allow(unused)]\nmod timed {{\n{timed}\n}}\n");
    let program = compile_alone(&scratch_dir("timed-polls"), "timed_polls", &source);
    let outcome = check_settled(
        &example("block_on_by_hand"),
        || Command::new(&program),
        LIMIT,
    );
    let report = failure(&outcome);
    assert!(
        report.contains("+ [0.0") && report.contains("[main] poll: not yet, Pending"),
        "{report}"
    );
}

/// Each line of `xtask/mutants-excused.txt` still names exactly one line with a duration, so that
/// no excuse goes on covering a line that has changed (a stale one is caught: the unit tests of
/// `xtask::mutants` show it).
#[test]
fn every_mutants_excuse_names_one_line_with_a_duration() {
    let root = &workbook().root;
    let list = std::fs::read_to_string(root.join(xtask::mutants::EXCUSED)).unwrap();
    let excuses = xtask::mutants::excuses(&list).unwrap_or_else(|e| panic!("{e}"));
    let problems = xtask::mutants::check_excuses(root, &excuses);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// What a reader sees when the machine was too busy to judge a check: the figures, and nothing
/// said against the program.
#[test]
fn a_check_the_machine_was_too_busy_to_judge_says_so() {
    let mut outcome = Outcome::new(
        &example("count_concurrent"),
        Verdict::Unjudged(xtask::report::Explained {
            what: "the timing",
            figures: "in the step where a line missed its range by 0.25 s, the program waited \
                      0.42 s for a CPU"
                .into(),
        }),
    );
    outcome.runs = 4;
    outcome.pauses = xtask::verify::PAUSES.to_vec();
    snapshot("unjudged", &outcome.to_string());
}
