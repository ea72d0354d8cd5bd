//! `cargo xtask`: the workbook's chores, one command each. Run it with no arguments for help.

use std::process::ExitCode;
use std::time::Duration;

use xtask::build::Progress;
use xtask::{Example, Options, Outcome, Workbook, compare, exercise, repeat, verify};

const HELP: &str = "\
cargo xtask <command>        (`cargo xtask <command> --help` says more about one)

Reading and exercises:
  book [ARGS...]          run mdBook on the book with the pinned version, installing it if
                          needed: `book serve --open` to read it, `book build`
  check [NAME]            check your solution of an exercise; with no name, every exercise,
                          how many are done, and which is next
  watch                   check the exercise you are working on each time you save it
  reset NAME              put an exercise back as handed out (your version is kept in
                          target/exercise-backups/)

The book's examples:
  list                    every example, one a line: its name and what it shows
  verify [NAME...]        build and run the examples (all, or those named) and check that each
                          prints what the book says, in order and on time

For maintainers:
  lint                    check the book's pages: every include and link resolves, no Rust code
                          is pasted, every example is shown by some page, and every citation
                          of a crate's or CPython's source names a file and function that exist
  browser                 build the book and open every page in headless Chromium: no console
                          errors, nothing loaded from the network, every link resolves, search
                          works; saves a screenshot in target/ci-artifacts/
  timelines               run the coroutine chapter's examples and draw their timelines into
                          src/timelines/ (when each coroutine runs, sleeps and wakes)
  mutants [NAME...]       make each sleep of 100 ms or more in the examples and solutions twice
                          as long, then half as long, and check that every change is caught
  scale                   measure how far tasks scale (`examples/scale.rs`, in release mode) and
                          record the table and plot the book shows, in src/scale/
  help                    this text
";

const VERIFY_HELP: &str = "\
cargo xtask verify [NAME...] [--timeout SECONDS] [--repeat N]

Builds the examples (all, or those named; `NAME.py` for a Python counterpart only), runs them
side by side, and checks that each prints what its expected file says, in order and on time,
without keeping a core busy. A run whose timings were only a little off is run again at once, up
to twice; the report says so.

  --timeout SECONDS   stop an example that runs longer (default: 10 s + twice its length)
  --repeat N          run everything N times and print, for each example, how often it passed
                      and its worst timing margin: how tolerances hold up under load
";

const CHECK_HELP: &str = "\
cargo xtask check [NAME]

Checks your working copy of an exercise (`exercises/NAME.rs`): `done`, or what is still wrong,
with a hint. With no name: every exercise, how many are done, and which one is next. `ex7` is
short for `ex07_thread_timer`.
";

const RESET_HELP: &str = "\
cargo xtask reset NAME | --all | --check

Puts an exercise back as handed out. If your version differs, it is kept first, in
target/exercise-backups/. `--all` resets every exercise; `--check` only lists the exercises that
differ from their handout (and fails if any does). NAME is the whole name: since a reset
overwrites your file, `ex7` is not guessed.
";

const WATCH_HELP: &str = "\
cargo xtask watch

Checks the first exercise that is not done, then checks an exercise again each time you save it,
and moves on to the next one when it is done. Ctrl-C stops it.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<bool, String> {
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => ("help", &[][..]),
    };
    let help = |text: &str| {
        print!("{text}");
        Ok(true)
    };
    let wants_help = rest.iter().any(|a| a == "--help" || a == "-h");
    match command {
        "verify" if wants_help => help(VERIFY_HELP),
        "check" if wants_help => help(CHECK_HELP),
        "reset" if wants_help => help(RESET_HELP),
        "watch" if wants_help => help(WATCH_HELP),
        "book" => xtask::book::run(&Workbook::locate()?.root, rest),
        "verify" => verify(rest),
        "check" => check(rest),
        "reset" => reset(rest),
        "watch" => {
            no_arguments(command, rest).and_then(|()| xtask::watch::watch(&Workbook::locate()?))
        }
        "list" => no_arguments(command, rest).and_then(|()| list()),
        "lint" => no_arguments(command, rest).and_then(|()| lint()),
        "scale" => no_arguments(command, rest).and_then(|()| scale()),
        "mutants" => xtask::mutants::run(&Workbook::locate()?, rest),
        "browser" => no_arguments(command, rest).and_then(|()| browser()),
        "timelines" => no_arguments(command, rest)
            .and_then(|()| xtask::timeline::record(&Workbook::locate()?.root).map(|()| true)),
        "help" | "--help" | "-h" => help(HELP),
        other => Err(xtask::suggest::unknown(
            "command",
            other,
            &[
                "list",
                "verify",
                "check",
                "watch",
                "reset",
                "scale",
                "browser",
                "lint",
                "book",
                "timelines",
                "help",
            ],
            "cargo xtask help",
        )),
    }
}

/// A command that takes no arguments says so, rather than ignoring them.
fn no_arguments(command: &str, rest: &[String]) -> Result<(), String> {
    match rest.first() {
        None => Ok(()),
        Some(arg) if arg == "--help" || arg == "-h" => Err(format!(
            "`cargo xtask {command}` takes no arguments (`cargo xtask help` describes it)"
        )),
        Some(arg) => Err(format!(
            "`cargo xtask {command}` takes no arguments, but was given '{arg}' \
             (`cargo xtask help` describes it)"
        )),
    }
}

fn unknown_option(flag: &str, command: &str) -> String {
    format!("unknown option '{flag}' for `{command}` (`cargo xtask {command} --help` lists them)")
}

fn list() -> Result<bool, String> {
    let workbook = Workbook::locate()?;
    let width = workbook
        .examples
        .iter()
        .map(|e| e.name.len())
        .max()
        .unwrap_or(0);
    for example in &workbook.examples {
        let kind = if example.is_compile_fail() {
            "(must not compile) "
        } else {
            ""
        };
        println!("{:<width$}  {kind}{}", example.name, example.description);
    }
    println!(
        "\nThe exercises are listed by `cargo xtask check`; run one with `cargo exercise NAME`."
    );
    Ok(true)
}

fn check(names: &[String]) -> Result<bool, String> {
    if let Some(flag) = names.iter().find(|n| n.starts_with('-')) {
        return Err(unknown_option(flag, "check"));
    }
    if names.len() > 1 {
        return Err(format!(
            "`cargo xtask check` checks one exercise, or all with no name; it was given {}",
            names.len()
        ));
    }
    let workbook = Workbook::locate()?;
    let exercises = exercise::select(&workbook, names)?;
    if names.is_empty() {
        eprintln!("checking all {} exercises...", exercises.len());
    }
    let report = exercise::check(&workbook, &exercises, Progress::Show)?;
    let outcome = |e: &Example| report.outcome(&e.name).expect("every exercise was checked");
    if names.is_empty() {
        let width = exercises.iter().map(|e| e.name.len()).max().unwrap_or(0);
        for e in &exercises {
            let state = exercise::state(outcome(e));
            println!("{state}  {:<width$}  {}", e.name, e.description);
        }
        println!("\n{}", exercise::progress(&exercises, &report));
        return Ok(exercises.iter().all(|e| outcome(e).passed()));
    }
    for e in &exercises {
        println!("{}", exercise::feedback(e, outcome(e)));
    }
    Ok(exercises.iter().all(|e| outcome(e).passed()))
}

fn reset(args: &[String]) -> Result<bool, String> {
    let workbook = Workbook::locate()?;
    match args {
        [flag] if flag == "--check" => {
            let changed = exercise::changed(&workbook);
            for e in &changed {
                println!("{} differs from its handout", e.source.display());
            }
            if changed.is_empty() {
                println!("every exercise is as handed out");
            }
            Ok(changed.is_empty())
        }
        [flag] if flag == "--all" => {
            for e in &workbook.exercises {
                reset_one(&workbook, e)?;
            }
            Ok(true)
        }
        [flag] if flag.starts_with('-') => Err(unknown_option(flag, "reset")),
        [name] => {
            let exercise = exercise::select_exact(&workbook, std::slice::from_ref(name))?[0];
            reset_one(&workbook, exercise).map(|()| true)
        }
        [] => Err("`cargo xtask reset` needs the exercise to reset, e.g. \
                   `cargo xtask reset ex01_concurrent_counts` (or `--all`)"
            .to_string()),
        _ => Err("`cargo xtask reset` takes one exercise at a time (or `--all`)".to_string()),
    }
}

fn reset_one(workbook: &Workbook, exercise: &Example) -> Result<(), String> {
    let backup = exercise::reset(workbook, exercise)?;
    let copy = exercise.source.display();
    match backup {
        Some(backup) => println!(
            "{copy} is back as handed out; your version is in {}",
            backup.display()
        ),
        None => println!("{copy} is as handed out"),
    }
    Ok(())
}

/// Builds the book, then checks it in a real browser (see `xtask/browser/check_book.py`).
fn browser() -> Result<bool, String> {
    let root = Workbook::locate()?.root;
    for program in ["chromium", "chromedriver", "python3"] {
        let found = std::process::Command::new(program)
            .arg("--version")
            .output();
        if !found.is_ok_and(|o| o.status.success()) {
            return Err(format!(
                "`{program}` is needed: on Debian, `apt-get install chromium chromium-driver python3`"
            ));
        }
    }
    if !xtask::book::run(&root, &["build".to_string()])? {
        return Ok(false);
    }
    let status = std::process::Command::new("python3")
        .current_dir(&root)
        .args([
            "xtask/browser/check_book.py",
            "target/book",
            "target/ci-artifacts/first-chapter.png",
        ])
        .status()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    Ok(status.success())
}

/// Runs the scale benchmark at full size, and records its results for the book.
fn scale() -> Result<bool, String> {
    let root = Workbook::locate()?.root;
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = std::process::Command::new(cargo)
        .current_dir(&root)
        .args([
            "run",
            "--release",
            "--example",
            "scale",
            "--",
            "--record",
            "src/scale",
        ])
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    Ok(status.success())
}

fn lint() -> Result<bool, String> {
    let problems = xtask::pages::problems(&Workbook::locate()?);
    for problem in &problems {
        println!("{problem}");
    }
    if problems.is_empty() {
        println!("the book's pages and the examples agree");
    }
    Ok(problems.is_empty())
}

/// A number of seconds from the command line: positive, finite, and at most a day.
fn seconds(flag: &str, value: Option<&String>) -> Result<Duration, String> {
    value
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0 && *s <= 86_400.0)
        .map(Duration::from_secs_f64)
        .ok_or_else(|| format!("{flag} needs a number of seconds, e.g. `{flag} 30`"))
}

fn verify(args: &[String]) -> Result<bool, String> {
    let mut names = Vec::new();
    let mut options = Options {
        progress: Progress::Show,
        ..Options::default()
    };
    let mut repeat = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--timeout" => options.limit = Some(seconds("--timeout", args.next())?),
            "--repeat" => {
                let n = args
                    .next()
                    .and_then(|s| s.parse::<usize>().ok())
                    .filter(|n| (1..=1000).contains(n))
                    .ok_or("--repeat needs a number of runs from 1 to 1000, e.g. `--repeat 20`")?;
                repeat = Some(n);
            }
            flag if flag.starts_with('-') => return Err(unknown_option(flag, "verify")),
            name => names.push(name.to_string()),
        }
    }
    let workbook = Workbook::locate()?;
    let examples = workbook.select(&names)?;
    if let Some(n) = repeat {
        return repeat::repeat(&workbook, &examples, &options, n);
    }
    eprintln!("building {} example(s)...", examples.len());
    let report = verify::verify(&workbook.root, &examples, &options)?;
    for outcome in &report.outcomes {
        println!("{}", outcome.summary());
    }
    let failures: Vec<_> = report.outcomes.iter().filter(|o| o.failed()).collect();
    for failure in &failures {
        println!("\n{failure}");
    }
    let slowest = report
        .slowest()
        .map(|o| {
            let time = o.time_in_all_runs().as_secs_f64();
            format!(
                " (the slowest, {}, took {})",
                o.name,
                compare::seconds(time)
            )
        })
        .unwrap_or_default();
    let count = |f: fn(&Outcome) -> bool| report.outcomes.iter().filter(|o| f(o)).count();
    let skipped = match count(Outcome::skipped) {
        0 => String::new(),
        n => format!(", {n} skipped"),
    };
    let rerun = match report.outcomes.iter().filter(|o| o.runs > 1).count() {
        0 => String::new(),
        n => format!(" ({n} after a re-run)"),
    };
    println!(
        "\n{} example(s) checked in {} after the build{slowest}: {} passed{rerun}, {} failed{skipped}",
        report.outcomes.len(),
        compare::seconds(report.check_time.as_secs_f64()),
        count(Outcome::passed),
        failures.len()
    );
    Ok(failures.is_empty())
}
