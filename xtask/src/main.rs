//! `cargo xtask`: the workbook's chores, one command each. Run it with no arguments for help.

use std::process::ExitCode;
use std::time::Duration;

use xtask::build::Progress;
use xtask::{Example, Options, Workbook, exercise, repeat, verify};

/// One command: its name, how it is called, one line for `cargo xtask help`, what
/// `cargo xtask NAME --help` says, and what runs it. Help, dispatch and suggestions all come from
/// [`COMMANDS`], so none can drift from the others.
struct Command {
    name: &'static str,
    usage: &'static str,
    summary: &'static str,
    help: &'static str,
    section: Section,
    run: fn(&[String]) -> Result<bool, String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Section {
    Reading,
    Examples,
    Maintainers,
}

const COMMANDS: &[Command] = &[
    Command {
        name: "book",
        usage: "book [ARGS...]",
        summary: "run mdBook on the book with the pinned version, installing it if needed: \
                  `book serve --open` to read it, `book build`",
        help: "Runs mdBook (the version the book is written for; installed into target/tools/ \
               the first time, which takes a few minutes) with ARGS, at the workbook's root:\n\n  \
               cargo xtask book serve --open   read the book at http://localhost:3000\n  \
               cargo xtask book build          build it into target/book/\n\n\
               After mdBook's own build, it adds the index that lets the search box find \
               Korean words.",
        section: Section::Reading,
        run: book,
    },
    Command {
        name: "check",
        usage: "check [NAME]",
        summary: "check your solution of an exercise; with no name, every exercise, how many \
                  are done, and which is next",
        help: "Checks your working copy of an exercise (`exercises/NAME.rs`): `done`, or what is \
               still wrong, with a hint. With no name: every exercise, how many are done, and \
               which one is next. `ex7` is short for `ex07_thread_timer`.",
        section: Section::Reading,
        run: check,
    },
    Command {
        name: "hint",
        usage: "hint NAME [N]",
        summary: "the next hint for an exercise (each exercise has two or three, from a nudge \
                  to nearly the answer); with N, hint N",
        help: "Shows the next hint for exercise NAME that you have not read yet, and says how \
               many are left; `cargo xtask hint NAME 2` shows hint 2 again. It remembers what \
               you have read in target/xtask/hints/. The hints are in \
               xtask/exercises/NAME/hints.md, and folded under each exercise in the book.",
        section: Section::Reading,
        run: hint,
    },
    Command {
        name: "watch",
        usage: "watch",
        summary: "check the exercise you are working on each time you save it",
        help: "Checks the first exercise that is not done, then checks an exercise again each \
               time you save it, and moves on to the next one when it is done. Ctrl-C stops it.",
        section: Section::Reading,
        run: watch,
    },
    Command {
        name: "reset",
        usage: "reset NAME | --all | --check",
        summary: "put an exercise back as handed out (your version is kept in \
                  exercises/backups/)",
        help: "Puts an exercise back as handed out. If your version differs, it is kept first, \
               in exercises/backups/, under a name no other backup has. `--all` resets every \
               exercise; `--check` only lists the exercises that differ from their handout (and \
               fails if any does). NAME is the whole name: since a reset overwrites your file, \
               `ex7` is not guessed.",
        section: Section::Reading,
        run: reset,
    },
    Command {
        name: "list",
        usage: "list",
        summary: "every example, one a line: its name and what it shows",
        help: "Lists every example of the book, one a line: its name and what it shows. Run one \
               with `cargo run --example NAME`.",
        section: Section::Examples,
        run: list,
    },
    Command {
        name: "verify",
        usage: "verify [NAME...] [--timeout SECONDS] [--repeat N] [--bless]",
        summary: "build and run the examples (all, or those named) and check that each prints \
                  what the book says, in order and on time",
        help: "Builds the examples (all, or those named; `NAME.py` for a Python counterpart only), \
               runs them side by side, and checks that each prints what its expected file says, \
               in order and on time, without keeping a core busy. A run whose timings were only \
               a little off is run again at once, up to twice. A run that failed in a way the \
               machine's load explains (it waited for a CPU at least as long as it was late) is \
               run again after pauses of 2, 5 and 10 s; if the machine stays busy, the check \
               says it could not judge, which is not a pass. The report says all of it.\n\n  \
               --timeout SECONDS   stop an example that runs longer (default: 10 s + twice its \
               length; at most an hour)\n  \
               --repeat N          run everything N times and print, for each example, how \
               often it passed, its worst timing margin and the longest it waited for a CPU: \
               how tolerances hold up under load\n  \
               --bless             write what each example named printed to its expected \
               file, for review with `git diff` (lines that still match keep their rounded \
               stamps and wildcards); for a compile-fail lesson (one with a NAME.stderr, even \
               an empty one), its first compile error",
        section: Section::Examples,
        run: verify,
    },
    Command {
        name: "lint",
        usage: "lint",
        summary: "check the book's pages: every include and link resolves, no Rust code is \
                  pasted, every example is shown by some page, and every citation of a crate's \
                  or CPython's source names a file and function that exist",
        help: "Checks the book's pages against the examples and the sources they cite. Citations \
               of CPython are checked against the `python3` on this machine: without one, they \
               are not checked, and lint says so and fails.",
        section: Section::Maintainers,
        run: lint,
    },
    Command {
        name: "browser",
        usage: "browser",
        summary: "build the book and open every page in headless Chromium: no console errors, \
                  nothing loaded from the network, every link resolves, search works (in Korean \
                  too), the quizzes work from the keyboard, and axe finds nothing in any theme; \
                  saves screenshots in target/ci-artifacts/",
        help: "Builds the book, then checks every page in headless Chromium (Debian's chromium \
               and chromium-driver) and runs the axe accessibility engine on each in every \
               theme (axe-core from xtask/browser/package-lock.json, installed with `npm ci`): \
               see xtask/browser/check_book.py.",
        section: Section::Maintainers,
        run: browser,
    },
    Command {
        name: "timelines",
        usage: "timelines",
        summary: "run the coroutine chapter's examples and draw their timelines into \
                  src/timelines/ (when each coroutine runs, sleeps and wakes)",
        help: "Runs the coroutine chapter's examples and draws, from their real runs, the \
               timelines the chapter shows, into src/timelines/.",
        section: Section::Maintainers,
        run: timelines,
    },
    Command {
        name: "mutants",
        usage: "mutants [NAME...]",
        summary: "make each sleep of 100 ms or more in the examples and solutions twice as long, \
                  then half as long, and check that every change is caught",
        help: "Makes each duration of 100 ms or more in the examples and the exercises' solutions \
               (all, or those named) twice as long, then half as long, one at a time, and checks \
               each changed copy: every change must fail its check. Durations whose length \
               cannot show are listed in xtask/mutants-excused.txt.",
        section: Section::Maintainers,
        run: mutants,
    },
    Command {
        name: "new-exercise",
        usage: "new-exercise NAME",
        summary: "start a new exercise: write its handout, solution, expected output and every \
                  place that declares it",
        help: "Writes a new exercise, `xtask/exercises/NAME/` (a handout, a solution and an \
               expected output to fill in), the reader's copy `exercises/NAME.rs`, its \
               `[[example]]`s in both manifests, and its line in the test list. `cargo test` \
               checks that these places agree. NAME is `exNN_what_it_asks`.",
        section: Section::Maintainers,
        run: new_exercise,
    },
    Command {
        name: "new-mistake",
        usage: "new-mistake NAME WHAT",
        summary: "keep a usual mistake of an exercise, which its check must catch",
        help: "Writes xtask/exercises/NAME/mistakes/WHAT.md, to fill in: what goes wrong, and \
               the passages of the solution a reader would write otherwise, each with what they \
               would write. `cargo test` builds each mistake (the solution so changed), checks \
               that it fails the exercise's check, and that the feedback says the words of its \
               `feedback:` lines; `cargo xtask lint` checks that each passage still stands in the \
               solution.",
        section: Section::Maintainers,
        run: new_mistake,
    },
    Command {
        name: "preprocessor",
        usage: "preprocessor",
        summary: "the book's mdBook preprocessor (book.toml names it): questions become the data \
                  the page's widget reads, and exercises' hints are shown folded",
        help: "Not for running by hand: mdBook runs it (see `[preprocessor.workbook]` in \
               book.toml), with `supports RENDERER`, then with the book on stdin, and reads the \
               book, rewritten, on stdout. The question format is described in xtask/src/quiz.rs, \
               the hints' in xtask/src/hints.rs.",
        section: Section::Maintainers,
        run: xtask::preprocessor::run,
    },
    Command {
        name: "scale",
        usage: "scale",
        summary: "measure how far tasks scale (`examples/scale.rs`, in release mode) and record \
                  the table and plot the book shows, in src/scale/",
        help: "Runs examples/scale.rs at full size, in release mode, and records the table and \
               the plot of the scale chapter into src/scale/. Run it on a quiet machine.",
        section: Section::Maintainers,
        run: scale,
    },
    Command {
        name: "help",
        usage: "help",
        summary: "this text",
        help: "Lists the commands; `cargo xtask NAME --help` says more about one.",
        section: Section::Maintainers,
        run: help,
    },
];

/// The list of commands, by section, from [`COMMANDS`].
fn overview() -> String {
    let mut text = String::from(
        "cargo xtask <command>        (`cargo xtask <command> --help` says more about one)\n",
    );
    for (section, title) in [
        (Section::Reading, "Reading and exercises:"),
        (Section::Examples, "The book's examples:"),
        (Section::Maintainers, "For maintainers:"),
    ] {
        text += &format!("\n{title}\n");
        for command in COMMANDS.iter().filter(|c| c.section == section) {
            let mut lines = wrap(command.summary, 66).into_iter();
            text += &format!(
                "  {:<22}  {}\n",
                command.usage,
                lines.next().unwrap_or_default()
            );
            for line in lines {
                text += &format!("  {:<22}  {line}\n", "");
            }
        }
    }
    text
}

/// `text` broken into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("there is always a line");
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

fn main() -> ExitCode {
    // The process cargo started supervises a copy of itself, which does the work.
    if let Some(code) = xtask::supervisor::supervise() {
        return code;
    }
    // From the start: a signal during a build stops the build too.
    xtask::signals::kill_children_on_signals();
    // Output piped into a program that stops reading (`| head`) ends this one quietly, as it
    // ends any other command-line tool, instead of making `println!` panic.
    // SAFETY: signal(2) with a valid signal number and the default disposition.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
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
    let (name, rest) = match args.split_first() {
        Some((name, rest)) => (name.as_str(), rest),
        None => ("help", &[][..]),
    };
    if name == "--help" || name == "-h" {
        return help(&[]);
    }
    let Some(command) = COMMANDS.iter().find(|c| c.name == name) else {
        let names: Vec<&str> = COMMANDS.iter().map(|c| c.name).collect();
        return Err(xtask::suggest::unknown(
            "command",
            name,
            &names,
            "cargo xtask help",
        ));
    };
    if command.name != "help" && rest.iter().any(|a| a == "--help" || a == "-h") {
        println!("cargo xtask {}\n", command.usage);
        for line in command.help.split('\n') {
            match line.strip_prefix("  ") {
                // An option, or an example command: kept as written.
                Some(_) => println!("{line}"),
                None => println!("{}", wrap(line, 96).join("\n")),
            }
        }
        return Ok(true);
    }
    (command.run)(rest)
}

fn help(rest: &[String]) -> Result<bool, String> {
    if !rest.iter().all(|a| a == "--help" || a == "-h") {
        no_arguments("help", rest)?;
    }
    print!("{}", overview());
    Ok(true)
}

fn book(rest: &[String]) -> Result<bool, String> {
    // With nothing to do, say what it does, rather than install mdBook to print mdBook's help.
    if rest.is_empty() {
        return run(&["book".to_string(), "--help".to_string()]);
    }
    xtask::book::run(&Workbook::locate()?.root, rest)
}

fn watch(rest: &[String]) -> Result<bool, String> {
    no_arguments("watch", rest)?;
    xtask::watch::watch(&Workbook::locate()?)
}

fn mutants(rest: &[String]) -> Result<bool, String> {
    if let Some(flag) = rest.iter().find(|n| n.starts_with('-')) {
        return Err(unknown_option(flag, "mutants"));
    }
    xtask::mutants::run(&Workbook::locate()?, rest)
}

/// `verify NAME... --bless`: runs the named examples, and writes what each printed to its
/// expected file (keeping the lines that still match), for the maintainer to review; for a
/// compile-fail lesson, its first compile error.
fn bless_examples(
    workbook: &Workbook,
    names: &[String],
    examples: &[&Example],
    options: &Options,
) -> Result<bool, String> {
    if names.is_empty() {
        return Err("--bless writes expected files: name the examples to bless".to_string());
    }
    // An example with no expected output yet is run too, as if it expected nothing.
    let runnable: Vec<Example> = examples
        .iter()
        .filter(|e| !e.is_compile_fail())
        .map(|e| match &e.expected {
            xtask::Expected::Missing => Example {
                expected: xtask::Expected::Output(String::new()),
                ..(*e).clone()
            },
            _ => (*e).clone(),
        })
        .collect();
    let mut all = bless_lessons(workbook, examples)?;
    if runnable.is_empty() {
        return Ok(all);
    }
    let refs: Vec<&Example> = runnable.iter().collect();
    let report = verify::verify(&workbook.root, &refs, options)?;
    for example in &runnable {
        // By name: the report lists its outcomes in its own order.
        let Some(outcome) = report.outcome(&example.name) else {
            continue;
        };
        let xtask::Expected::Output(expected) = &example.expected else {
            continue;
        };
        let file = &example.expected_file;
        let shared = example.language == xtask::Language::Python
            && workbook
                .examples
                .iter()
                .any(|e| e.language == xtask::Language::Rust && &e.expected_file == file);
        match &outcome.verdict {
            xtask::Verdict::Passed => {
                println!("{}: prints what {} says", example.name, file.display())
            }
            xtask::Verdict::WrongOutput(_) if shared => {
                all = false;
                println!(
                    "{}: not blessed: it shares {} with its Rust twin; bless the twin, or give \
                     it a file of its own (`# expected output: FILE`)",
                    example.name,
                    file.display()
                );
            }
            xtask::Verdict::WrongOutput(_) => {
                let text = verify::blessed(expected, &outcome.printed);
                std::fs::write(workbook.root.join(file), text)
                    .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
                println!(
                    "{}: wrote {}: review it with `git diff {}`",
                    example.name,
                    file.display(),
                    file.display()
                );
            }
            _ => {
                all = false;
                println!(
                    "{}: not blessed: its run did not end well:\n{outcome}",
                    example.name
                );
            }
        }
    }
    Ok(all)
}

/// `--bless` for the compile-fail lessons among `examples`: writes each one's first compile
/// error to its `.stderr`. True if every lesson failed to compile, as a lesson must.
fn bless_lessons(workbook: &Workbook, examples: &[&Example]) -> Result<bool, String> {
    let lessons: Vec<&Example> = examples
        .iter()
        .copied()
        .filter(|e| e.is_compile_fail())
        .collect();
    if lessons.is_empty() {
        return Ok(true);
    }
    let names: Vec<&str> = lessons.iter().map(|e| e.name.as_str()).collect();
    let built = xtask::build::compile_fail_lessons(&workbook.root, &names)?;
    let release = xtask::build::rustc_release();
    let mut all = true;
    for lesson in lessons {
        let file = &lesson.expected_file;
        let Some(error) = built.first_errors.get(&lesson.name) else {
            all = false;
            println!(
                "{}: not blessed: it compiles, and a compile-fail lesson must not",
                lesson.name
            );
            continue;
        };
        let text = format!("{}\n", xtask::build::tidy(&error.rendered));
        let current = std::fs::read_to_string(workbook.root.join(file)).unwrap_or_default();
        if xtask::build::tidy(&current) == xtask::build::tidy(&text) {
            println!("{}: fails as {} says", lesson.name, file.display());
            continue;
        }
        std::fs::write(workbook.root.join(file), &text)
            .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        println!(
            "{}: wrote {}: review it with `git diff {}`",
            lesson.name,
            file.display(),
            file.display()
        );
        if release.as_deref() != Some(xtask::build::RUSTC_OF_RECORD) {
            println!(
                "  (recorded with rustc {}; the harness compares the whole error only with rustc \
                 {}, the release of record, and the first line with any other)",
                release.as_deref().unwrap_or("of unknown release"),
                xtask::build::RUSTC_OF_RECORD
            );
        }
    }
    Ok(all)
}

fn new_exercise(rest: &[String]) -> Result<bool, String> {
    let [name] = rest else {
        return Err("`cargo xtask new-exercise` needs one name, such as `ex16_retry`".to_string());
    };
    let root = Workbook::locate()?.root;
    for file in xtask::registry::new_exercise(&root, name)? {
        println!(
            "wrote {}",
            file.strip_prefix(&root).unwrap_or(&file).display()
        );
    }
    println!(
        "\nNow write the handout, the solution, the expected output and the hints; in the \
         chapter's exercises page, include the expected output and write \
         `<!-- hints: {name} -->`. `cargo xtask new-mistake {name} WHAT` keeps a usual mistake \
         that the check must catch."
    );
    Ok(true)
}

fn new_mistake(rest: &[String]) -> Result<bool, String> {
    let [name, what] = rest else {
        return Err(
            "`cargo xtask new-mistake NAME WHAT` needs an exercise and a name for the mistake, \
             such as `ex12_at_most_two let_underscore_permit`"
                .to_string(),
        );
    };
    let root = Workbook::locate()?.root;
    let file = xtask::mistakes::new(&root, name, what)?;
    println!("wrote {}", file.display());
    println!(
        "\nNow say what goes wrong in its heading, and quote the passages of the solution a \
         reader would write otherwise, each followed by what they would write; a line \
         `feedback: WORDS` makes the tests check that the check's feedback says them."
    );
    Ok(true)
}

fn timelines(rest: &[String]) -> Result<bool, String> {
    no_arguments("timelines", rest)?;
    xtask::timeline::record(&Workbook::locate()?.root).map(|()| true)
}

/// A command that takes no arguments says so, rather than ignoring them.
fn no_arguments(command: &str, rest: &[String]) -> Result<(), String> {
    match rest.first() {
        None => Ok(()),
        Some(arg) => Err(format!(
            "`cargo xtask {command}` takes no arguments, but was given '{arg}' \
             (`cargo xtask {command} --help` describes it)"
        )),
    }
}

fn unknown_option(flag: &str, command: &str) -> String {
    format!("unknown option '{flag}' for `{command}` (`cargo xtask {command} --help` lists them)")
}

fn list(rest: &[String]) -> Result<bool, String> {
    no_arguments("list", rest)?;
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
        println!("{}", exercise::feedback(&workbook, e, outcome(e)));
    }
    Ok(exercises.iter().all(|e| outcome(e).passed()))
}

fn hint(args: &[String]) -> Result<bool, String> {
    if let Some(flag) = args.iter().find(|a| a.starts_with('-')) {
        return Err(unknown_option(flag, "hint"));
    }
    let (name, which) = match args {
        [name] => (name, None),
        [name, n] => match n.parse::<usize>() {
            Ok(n) => (name, Some(n)),
            Err(_) => {
                return Err(format!(
                    "`cargo xtask hint {name} {n}`: the second argument is a hint's number,                      such as 2"
                ));
            }
        },
        _ => {
            return Err(
                "`cargo xtask hint NAME` shows the next hint for exercise NAME (`cargo xtask \
                 check` lists them); `cargo xtask hint NAME 2` shows hint 2"
                    .to_string(),
            );
        }
    };
    let workbook = Workbook::locate()?;
    let exercise = exercise::select(&workbook, std::slice::from_ref(name))?[0];
    print!("{}", xtask::hints::show(&workbook, exercise, which)?);
    Ok(true)
}

fn reset(args: &[String]) -> Result<bool, String> {
    let workbook = Workbook::locate()?;
    match args {
        [flag] if flag == "--check" => {
            let changed = exercise::changed(&workbook);
            for e in &changed {
                if exercise::working_copy(&workbook, e).exists() {
                    println!("{} differs from its handout", e.source.display());
                } else {
                    println!(
                        "{} is missing (`cargo xtask reset {}` puts it back)",
                        e.source.display(),
                        e.name
                    );
                }
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
fn browser(rest: &[String]) -> Result<bool, String> {
    no_arguments("browser", rest)?;
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
fn scale(rest: &[String]) -> Result<bool, String> {
    no_arguments("scale", rest)?;
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

fn lint(rest: &[String]) -> Result<bool, String> {
    no_arguments("lint", rest)?;
    let workbook = Workbook::locate()?;
    let (problems, unchecked) = xtask::pages::lint(&workbook);
    for problem in &problems {
        println!("{problem}");
    }
    if let Some(note) = xtask::asyncio_names::newer_names(&workbook.root) {
        println!("{note}");
    }
    if !unchecked.is_empty() {
        println!(
            "\n{} citation(s) could not be checked, so the book is not known to agree with them:",
            unchecked.len()
        );
        for line in unchecked.iter().take(5) {
            println!("  {line}");
        }
        if unchecked.len() > 5 {
            println!("  ... and {} more", unchecked.len() - 5);
        }
    }
    if problems.is_empty() && unchecked.is_empty() {
        println!("the book's pages and the examples agree");
    }
    Ok(problems.is_empty() && unchecked.is_empty())
}

/// A number of seconds from the command line: positive, finite, and at most an hour.
fn seconds(flag: &str, value: Option<&String>) -> Result<Duration, String> {
    value
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0 && *s <= verify::MAX_LIMIT.as_secs_f64())
        .map(Duration::from_secs_f64)
        .ok_or_else(|| format!("{flag} needs a number of seconds up to 3600, e.g. `{flag} 30`"))
}

fn verify(args: &[String]) -> Result<bool, String> {
    let mut names = Vec::new();
    let mut options = Options {
        progress: Progress::Show,
        ..Options::default()
    };
    let mut repeat = None;
    let mut bless = false;
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
            "--bless" => bless = true,
            flag if flag.starts_with('-') => return Err(unknown_option(flag, "verify")),
            name => names.push(name.to_string()),
        }
    }
    let workbook = Workbook::locate()?;
    let examples = workbook.select(&names)?;
    if bless {
        return bless_examples(&workbook, &names, &examples, &options);
    }
    if let Some(n) = repeat {
        return repeat::repeat(&workbook, &examples, &options, n);
    }
    eprintln!("building {} example(s)...", examples.len());
    let report = verify::verify(&workbook.root, &examples, &options)?;
    for outcome in &report.outcomes {
        println!("{}", outcome.summary());
    }
    print!("{}", report.conclusion());
    Ok(report.succeeded(!names.is_empty()))
}
