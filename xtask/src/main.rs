//! `cargo xtask`: the workbook's chores, one command each. Run it with no arguments for help.

use std::process::ExitCode;
use std::time::Duration;

use xtask::build::Progress;
use xtask::{Example, Options, Outcome, Workbook, compare, exercise, verify};

const HELP: &str = "\
cargo xtask <command>

Commands:
  list                    every example, one a line: its name and what it shows
  verify [NAME...]        build and run the examples (all, or those named) and check that each
                          prints what the book says, in order and on time
      --timeout SECONDS   stop an example that runs longer (default: 10 s + twice its length)
  check [NAME]            check your solution of an exercise; with no name, every exercise
                          and whether it is done
  browser                 build the book and open every page in headless Chromium: no console
                          errors, nothing loaded from the network, every link resolves, search
                          works; saves a screenshot in target/ci-artifacts/
  timelines               run the coroutine chapter's examples and draw their timelines into
                          src/timelines/ (when each coroutine runs, sleeps and wakes)
  scale                   measure how far tasks scale (`examples/scale.rs`, in release mode) and
                          record the table and plot the book shows, in src/scale/
  lint                    check the book's pages: every include and link resolves, no Rust code
                          is pasted, and every example is shown by some page
  book [ARGS...]          run mdBook on the book with the pinned version, installing it if
                          needed: `book build`, `book serve --open`
  help                    this text
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
    match command {
        "list" => list(),
        "verify" => verify(rest),
        "lint" => lint(),
        "scale" => scale(),
        "browser" => browser(),
        "timelines" => xtask::timeline::record(&Workbook::locate()?.root).map(|()| true),
        "check" => check(rest),
        "book" => xtask::book::run(&Workbook::locate()?.root, rest),
        "help" | "--help" | "-h" => {
            print!("{HELP}");
            Ok(true)
        }
        other => Err(xtask::suggest::unknown(
            "command",
            other,
            &[
                "list", "verify", "check", "scale", "browser", "lint", "book", "help",
            ],
            "cargo xtask help",
        )),
    }
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
    Ok(true)
}

fn check(names: &[String]) -> Result<bool, String> {
    if let Some(flag) = names.iter().find(|n| n.starts_with('-')) {
        return Err(format!(
            "unknown option '{flag}' (`cargo xtask help` lists them)"
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
        let done = exercises.iter().filter(|e| outcome(e).passed()).count();
        println!(
            "\n{done} of {} done. `cargo xtask check NAME` says what is left in one.",
            exercises.len()
        );
        return Ok(done == exercises.len());
    }
    for e in &exercises {
        println!("{}", exercise::feedback(e, outcome(e)));
    }
    Ok(exercises.iter().all(|e| outcome(e).passed()))
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

fn verify(args: &[String]) -> Result<bool, String> {
    let mut names = Vec::new();
    let mut options = Options {
        progress: Progress::Show,
        ..Options::default()
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--timeout" => {
                let seconds = args
                    .next()
                    .and_then(|s| s.parse::<f64>().ok())
                    .filter(|s| *s > 0.0)
                    .ok_or("--timeout needs a number of seconds, e.g. `--timeout 30`")?;
                options.limit = Some(Duration::from_secs_f64(seconds));
            }
            flag if flag.starts_with('-') => {
                return Err(format!(
                    "unknown option '{flag}' (`cargo xtask help` lists them)"
                ));
            }
            name => names.push(name.to_string()),
        }
    }
    let workbook = Workbook::locate()?;
    let examples = workbook.select(&names)?;
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
            let time = o.elapsed.unwrap_or_default().as_secs_f64();
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
    println!(
        "\n{} example(s) checked in {} after the build{slowest}: {} passed, {} failed{skipped}",
        report.outcomes.len(),
        compare::seconds(report.check_time.as_secs_f64()),
        count(Outcome::passed),
        failures.len()
    );
    Ok(failures.is_empty())
}
