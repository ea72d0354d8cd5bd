//! `cargo xtask` as a reader meets it: bad input gets a clear message and exit code 2, never a
//! panic; help works for each command; a moved or copied workbook checks its own files; `reset`
//! restores an exercise and keeps the reader's version.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use crate::harness_catches::scratch_dir;
use crate::shared::workbook;

/// The `xtask` program, built once.
pub(crate) fn xtask_program() -> &'static Path {
    static PROGRAM: OnceLock<PathBuf> = OnceLock::new();
    PROGRAM.get_or_init(|| {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let out = Command::new(cargo)
            .current_dir(&workbook().root)
            .args(["build", "--quiet", "--package", "xtask", "--bin", "xtask"])
            .args(["--message-format=json"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json = String::from_utf8_lossy(&out.stdout);
        let line = json
            .lines()
            .find(|l| l.contains("\"executable\":\"") && l.contains("\"name\":\"xtask\""))
            .expect("cargo names the xtask program");
        let start = line.find("\"executable\":\"").unwrap() + "\"executable\":\"".len();
        PathBuf::from(&line[start..start + line[start..].find('"').unwrap()])
    })
}

/// Runs `cargo xtask ARGS` in `dir`.
fn xtask_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(xtask_program())
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn xtask(args: &[&str]) -> Output {
    xtask_in(&workbook().root, args)
}

/// What it printed, both streams, and its exit code.
fn said(out: &Output) -> (String, Option<i32>) {
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(!text.contains("panicked"), "a panic:\n{text}");
    (text, out.status.code())
}

#[test]
fn bad_input_gets_a_message_that_says_what_to_do() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["verify", "--timeout", "inf"],
            "--timeout needs a number of seconds",
        ),
        (
            &["verify", "--timeout", "-3"],
            "--timeout needs a number of seconds",
        ),
        (
            &["verify", "--repeat", "0"],
            "--repeat needs a number of runs",
        ),
        (
            &["verify", "--fast"],
            "unknown option '--fast' for `verify`",
        ),
        (&["verify", "cout"], "did you mean one of 'count_"),
        (
            &["verify", "ex01_compose_steps"],
            "is an exercise, not an example",
        ),
        (&["check", "ex99"], "unknown exercise 'ex99'"),
        (
            &["check", "ex01_compose_steps", "ex02_gather_a_list"],
            "checks one exercise",
        ),
        (&["check", "--all"], "unknown option '--all' for `check`"),
        (&["reset"], "needs the exercise to reset"),
        (
            &["list", "extra"],
            "takes no arguments, but was given 'extra'",
        ),
        (&["lint", "--fix"], "takes no arguments"),
        (&["frobnicate"], "unknown command 'frobnicate'"),
        (&["mutant"], "did you mean 'mutants'?"),
        (&["verify", "--timeout", "999999"], "up to 3600"),
    ];
    for (args, wanted) in cases {
        let (text, code) = said(&xtask(args));
        assert_eq!(code, Some(2), "{args:?}:\n{text}");
        assert!(
            text.contains(wanted),
            "{args:?}: expected {wanted:?} in\n{text}"
        );
    }
}

#[test]
fn every_command_explains_itself() {
    // Every command that `help` lists, with `--help` and `-h`.
    let (overview, code) = said(&xtask(&["help"]));
    assert_eq!(code, Some(0), "{overview}");
    let commands: Vec<&str> = overview
        .lines()
        .filter_map(|l| l.strip_prefix("  ").filter(|l| !l.starts_with(' ')))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|word| word.chars().all(|c| c.is_ascii_lowercase()))
        .collect();
    assert!(commands.len() >= 12, "{commands:?}");
    for command in commands {
        for flag in ["--help", "-h"] {
            let (text, code) = said(&xtask(&[command, flag]));
            assert_eq!(code, Some(0), "{command} {flag}:\n{text}");
            let first = if command == "help" {
                "cargo xtask <command>".to_string()
            } else {
                format!("cargo xtask {command}")
            };
            assert!(text.starts_with(&first), "{command} {flag}:\n{text}");
        }
    }
    for (command, wanted) in [
        ("verify", "--repeat N"),
        ("check", "`ex7` is"),
        ("reset", "--check"),
        ("watch", "each time you save it"),
    ] {
        let (text, _) = said(&xtask(&[command, "--help"]));
        assert!(text.contains(wanted), "{command} --help:\n{text}");
    }
    // `book` alone explains itself too, at once: it does not install mdBook to print its help.
    let start = std::time::Instant::now();
    let (text, code) = said(&xtask(&["book"]));
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("book serve --open"), "{text}");
    assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
}

/// A workbook of its own, made under `target/`: `book.toml`, `xtask/`, one example, and one
/// exercise whose working copy is missing. Nothing in it needs building.
pub(crate) fn tiny_workbook(name: &str) -> PathBuf {
    let root = scratch_dir(name);
    let write = |path: &str, text: &str| {
        let path = root.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    };
    write("book.toml", "[book]\n");
    write(
        "examples/only_here.rs",
        "//! An example only this copy has.\nfn main() {}\n",
    );
    write("examples/only_here.stdout", "hello\n");
    write(
        "xtask/exercises/ex01_only_here/handout.rs",
        "//! An exercise only this copy has.\n//!\n//! Hint: there is none.\nfn main() {}\n",
    );
    write("xtask/exercises/ex01_only_here/expected.stdout", "done\n");
    fs::create_dir_all(root.join("exercises")).unwrap();
    root
}

#[test]
fn a_copied_workbook_checks_its_own_files() {
    let copy = tiny_workbook("copied");
    let (text, code) = said(&xtask_in(&copy, &["list"]));
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains("only_here  An example only this copy has."),
        "{text}"
    );
    assert!(
        !text.contains("count_concurrent"),
        "it listed the original's examples:\n{text}"
    );
    // From a directory inside it, too.
    let (text, _) = said(&xtask_in(&copy.join("examples"), &["list"]));
    assert!(text.contains("only_here"), "{text}");
    // Its exercise is its own: missing here, so `check` says how to restore it. (`ex1` is short
    // for it.)
    for name in ["ex01_only_here", "ex1"] {
        let (text, code) = said(&xtask_in(&copy, &["check", name]));
        assert_eq!(code, Some(1), "{text}");
        assert!(
            text.contains(
                "exercises/ex01_only_here.rs is missing: `cargo xtask reset ex01_only_here`"
            ),
            "{text}"
        );
    }
}

/// A working copy that is not there is "gone" to `check`, and "missing" to `reset --check`, not
/// "todo" or "differs".
#[test]
fn a_missing_working_copy_is_called_missing() {
    let copy = tiny_workbook("gone");
    let (text, _) = said(&xtask_in(&copy, &["check"]));
    assert!(text.contains("gone  ex01_only_here"), "{text}");
    let (text, code) = said(&xtask_in(&copy, &["reset", "--check"]));
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("exercises/ex01_only_here.rs is missing (`cargo xtask reset ex01_only_here`"),
        "{text}"
    );
}

/// Without its expected output, an exercise cannot be checked: the reader is told which file
/// of the workbook is missing, not that their exercise is not done.
#[test]
fn an_exercise_without_its_expected_output_cannot_be_checked() {
    let copy = tiny_workbook("no-expected");
    fs::write(copy.join("exercises/ex01_only_here.rs"), "fn main() {}\n").unwrap();
    fs::remove_file(copy.join("xtask/exercises/ex01_only_here/expected.stdout")).unwrap();
    let (text, code) = said(&xtask_in(&copy, &["check", "ex01_only_here"]));
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("ex01_only_here: cannot be checked."),
        "{text}"
    );
    assert!(
        text.contains("xtask/exercises/ex01_only_here/expected.stdout is missing"),
        "{text}"
    );
    assert!(!text.contains("not done yet"), "{text}");
    let (text, _) = said(&xtask_in(&copy, &["check"]));
    assert!(text.contains("????  ex01_only_here"), "{text}");
}

/// An example with both a `.stdout` and a `.stderr` cannot be checked, but the rest of the
/// workbook can: `list`, `check` and `reset` work as before.
#[test]
fn a_stray_stderr_file_fails_only_its_example() {
    let copy = tiny_workbook("stray-stderr");
    fs::write(copy.join("examples/only_here.stderr"), "error: no\n").unwrap();
    let (text, code) = said(&xtask_in(&copy, &["list"]));
    assert_eq!(code, Some(0), "{text}");
    let (text, code) = said(&xtask_in(&copy, &["reset", "ex01_only_here"]));
    assert_eq!(code, Some(0), "{text}");
    let (text, code) = said(&xtask_in(&copy, &["check", "ex01_only_here"]));
    assert_ne!(code, Some(2), "{text}");
    assert!(!text.contains("has both"), "{text}");
    let (text, code) = said(&xtask_in(&copy, &["verify", "only_here"]));
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("it has both examples/only_here.stdout and examples/only_here.stderr"),
        "{text}"
    );
}

#[test]
fn two_resets_keep_two_backups() {
    let copy = tiny_workbook("two-resets");
    let working = copy.join("exercises/ex01_only_here.rs");
    let mut kept = Vec::new();
    for work in [
        "fn main() { /* first */ }\n",
        "fn main() { /* second */ }\n",
    ] {
        fs::write(&working, work).unwrap();
        let (text, code) = said(&xtask_in(&copy, &["reset", "ex01_only_here"]));
        assert_eq!(code, Some(0), "{text}");
        let backup = text
            .split("your version is in ")
            .nth(1)
            .expect(&text)
            .trim();
        kept.push((copy.join(backup), work));
    }
    assert_ne!(
        kept[0].0, kept[1].0,
        "the second reset reused the first's backup"
    );
    for (backup, work) in kept {
        assert_eq!(fs::read_to_string(backup).unwrap(), work);
    }
}

/// A working copy that exists but cannot be read cannot be kept, so `reset` leaves it alone.
#[test]
fn reset_leaves_a_working_copy_it_cannot_read_alone() {
    let copy = tiny_workbook("unreadable");
    let working = copy.join("exercises/ex01_only_here.rs");
    // A directory where the file should be: unreadable as a file even for root.
    fs::create_dir_all(&working).unwrap();
    let (text, code) = said(&xtask_in(&copy, &["reset", "ex01_only_here"]));
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("nothing was changed"), "{text}");
    assert!(working.is_dir());
    fs::remove_dir(&working).unwrap();
    // And a file without read permission, as an ordinary user meets it (root reads it anyway).
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        use std::os::unix::fs::PermissionsExt;
        fs::write(&working, "fn main() { /* mine */ }\n").unwrap();
        fs::set_permissions(&working, fs::Permissions::from_mode(0o200)).unwrap();
        let (text, code) = said(&xtask_in(&copy, &["reset", "ex01_only_here"]));
        fs::set_permissions(&working, fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(code, Some(2), "{text}");
        assert_eq!(
            fs::read_to_string(&working).unwrap(),
            "fn main() { /* mine */ }\n"
        );
    }
}

/// A name given twice is checked once; a check that was skipped (no `python3` on the `PATH`)
/// is not a pass; and lint does not say the book agrees when it could not check citations.
/// (Named `python`: `cargo test -- --skip python` leaves it out where there is none.)
#[test]
fn without_python_a_skipped_check_is_not_a_pass_and_a_name_twice_runs_once() {
    let (text, code) = said(&xtask(&[
        "verify",
        "timer_starts_when_made.py",
        "timer_starts_when_made.py",
    ]));
    assert_eq!(code, Some(0), "{text}");
    assert_eq!(
        text.matches("ok    timer_starts_when_made.py").count(),
        1,
        "{text}"
    );

    let empty = scratch_dir("no-python");
    let without_python = |args: &[&str]| {
        Command::new(xtask_program())
            .current_dir(&workbook().root)
            .env("PATH", &empty)
            .args(args)
            .output()
            .unwrap()
    };
    let (text, code) = said(&without_python(&["verify", "count_concurrent.py"]));
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("1 skipped (not checked, so not passed)"),
        "{text}"
    );
    let (text, code) = said(&without_python(&["lint"]));
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("could not be checked"), "{text}");
    assert!(
        !text.contains("the book's pages and the examples agree"),
        "{text}"
    );
}

#[test]
fn outside_a_workbook_the_message_says_where_to_run() {
    let (text, code) = said(&xtask_in(Path::new("/"), &["list"]));
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("is not inside the workbook"), "{text}");
}

#[test]
fn reset_restores_an_exercise_and_keeps_the_readers_version() {
    let copy = tiny_workbook("reset");
    let working = copy.join("exercises/ex01_only_here.rs");
    let handout = fs::read_to_string(copy.join("xtask/exercises/ex01_only_here/handout.rs"));
    // A missing one is put back.
    let (text, code) = said(&xtask_in(&copy, &["reset", "ex01_only_here"]));
    assert_eq!(code, Some(0), "{text}");
    assert_eq!(fs::read_to_string(&working).ok(), handout.ok());
    assert_eq!(said(&xtask_in(&copy, &["reset", "--check"])).1, Some(0));
    // A changed one is put back, and the reader's version kept.
    fs::write(&working, "fn main() { /* my work */ }\n").unwrap();
    assert_eq!(said(&xtask_in(&copy, &["reset", "--check"])).1, Some(1));
    let (text, code) = said(&xtask_in(&copy, &["reset", "ex1"]).clone());
    assert_eq!(
        code,
        Some(2),
        "a short name is not guessed for a reset:\n{text}"
    );
    let (text, code) = said(&xtask_in(&copy, &["reset", "ex01_only_here"]));
    assert_eq!(code, Some(0), "{text}");
    let kept = text
        .split("your version is in ")
        .nth(1)
        .expect(&text)
        .trim();
    assert!(kept.starts_with("exercises/backups/"), "{text}");
    assert_eq!(
        fs::read_to_string(copy.join(kept)).unwrap(),
        "fn main() { /* my work */ }\n"
    );
    assert_eq!(said(&xtask_in(&copy, &["reset", "--check"])).1, Some(0));
}

#[test]
fn an_unreadable_expected_file_fails_its_example_only() {
    let copy = tiny_workbook("not-utf8");
    fs::write(
        copy.join("examples/other.rs"),
        "//! Another.\nfn main() {}\n",
    )
    .unwrap();
    fs::write(copy.join("examples/other.stdout"), b"caf\xe9\n").unwrap();
    let (text, code) = said(&xtask_in(&copy, &["list"]));
    assert_eq!(
        code,
        Some(0),
        "one bad file does not stop the others:\n{text}"
    );
    assert!(
        text.contains("only_here") && text.contains("other"),
        "{text}"
    );
}

/// `watch` checks every exercise, says which is next, then notices a saved file. (In the tiny
/// workbook the check of the saved file cannot build, which is enough to see it noticed.)
#[test]
fn watch_notices_a_saved_exercise() {
    use std::io::{BufRead, BufReader};
    let copy = tiny_workbook("watch");
    let mut watch = Command::new(xtask_program())
        .current_dir(&copy)
        .arg("watch")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Bounded: if it never notices, it is stopped, its output ends, and the test fails.
    let pid = watch.id().to_string();
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let finished = done.clone();
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(30));
        // Not once the test is over: the pid may be another process's by then.
        if !finished.load(std::sync::atomic::Ordering::SeqCst) {
            let _ = Command::new("kill").args(["-KILL", &pid]).status();
        }
    });
    let mut lines = BufReader::new(watch.stdout.take().unwrap()).lines();
    let mut seen = String::new();
    let mut wait_for = |wanted: &str| {
        for line in lines.by_ref() {
            let line = line.unwrap();
            seen += &line;
            seen.push('\n');
            if line.contains(wanted) {
                return;
            }
        }
        panic!("watch never said {wanted:?}:\n{seen}");
    };
    wait_for("0 of 1 done. Next: ex01_only_here");
    wait_for("Watching exercises/ for changes");
    fs::write(copy.join("exercises/ex01_only_here.rs"), "fn main() {}\n").unwrap();
    wait_for("exercises/ex01_only_here.rs changed: checking it...");
    let _ = watch.kill();
    let _ = watch.wait();
    done.store(true, std::sync::atomic::Ordering::SeqCst);
}

/// The list of commands, as a reader sees it.
#[test]
fn the_help_lists_every_command() {
    let (text, code) = said(&xtask(&["help"]));
    assert_eq!(code, Some(0), "{text}");
    crate::snapshot::assert_snapshot("help", &text);
}

/// `verify NAME --bless` writes what the program printed to its expected file, keeping the
/// lines that still match (here a wildcard), and refuses to bless what it was not named.
/// (Named `python`: the program is a Python counterpart, so nothing needs building.)
#[test]
fn bless_writes_the_expected_file_and_keeps_what_still_matches_python() {
    let copy = tiny_workbook("bless");
    fs::write(
        copy.join("examples/greet.rs"),
        "//! Greets.\nfn main() {}\n",
    )
    .unwrap();
    fs::write(copy.join("examples/greet.stdout"), "hello\n").unwrap();
    fs::write(
        copy.join("examples/greet.py"),
        "# expected output: greet.py.stdout\nprint('took 42 ms')\nprint('hello, world')\n",
    )
    .unwrap();
    fs::write(copy.join("examples/greet.py.stdout"), "took [..]\nhello\n").unwrap();
    let (text, code) = said(&xtask_in(&copy, &["verify", "--bless"]));
    assert_eq!(code, Some(2), "{text}");
    let (text, code) = said(&xtask_in(&copy, &["verify", "greet.py", "--bless"]));
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains("greet.py: wrote examples/greet.py.stdout"),
        "{text}"
    );
    assert_eq!(
        fs::read_to_string(copy.join("examples/greet.py.stdout")).unwrap(),
        "took [..]\nhello, world\n"
    );
    let (text, code) = said(&xtask_in(&copy, &["verify", "greet.py"]));
    assert_eq!(code, Some(0), "blessed, it passes:\n{text}");
}

/// `cargo xtask hint NAME` shows the hints one at a time, says how many are left, remembers what
/// was read (in the target directory, here a scratch one), and shows hint N on demand; bad input
/// says what to do.
#[test]
fn hints_come_one_at_a_time_and_are_remembered() {
    let target = scratch_dir("hints-seen");
    let exercise = &workbook().exercises[0];
    let name = exercise.name.as_str();
    let total = xtask::hints::read(&workbook().root, name).unwrap().len();
    let hint = |args: &[&str]| {
        let out = Command::new(xtask_program())
            .current_dir(&workbook().root)
            .env("CARGO_TARGET_DIR", &target)
            .arg("hint")
            .args(args)
            .output()
            .unwrap();
        said(&out)
    };
    let (first, code) = hint(&[name]);
    assert_eq!(code, Some(0), "{first}");
    assert!(
        first.starts_with(&format!("{name}, hint 1 of {total}:")),
        "{first}"
    );
    assert!(first.contains("again shows hint 2"), "{first}");
    let (second, _) = hint(&[name]);
    assert!(
        second.starts_with(&format!("{name}, hint 2 of {total}:")),
        "{second}"
    );
    let (again, _) = hint(&[name, "1"]);
    assert_eq!(again, first, "hint 1 on demand is hint 1");
    let (next, _) = hint(&[name]);
    assert!(
        next.contains(&format!("hint {} of {total}", 3.min(total))),
        "{next}"
    );
    let (last, _) = hint(&[name]);
    assert!(last.contains("That was the last hint"), "{last}");

    for (args, says) in [
        (vec![], "`cargo xtask hint NAME` shows the next hint"),
        (vec![name, "two"], "the second argument is a hint's number"),
        (vec![name, "9"], "has hints 1 to"),
        (vec!["ex99_nothing"], "unknown exercise 'ex99_nothing'"),
        (vec![name, "--all"], "--all"),
    ] {
        let (text, code) = hint(&args);
        assert_eq!(code, Some(2), "{args:?}:\n{text}");
        assert!(text.contains(says), "{args:?}:\n{text}");
    }
}

/// `--bless` writes each program's output to its own file, whatever order the runs end in and
/// the names were given in.
#[test]
fn bless_writes_each_output_to_its_own_file() {
    let copy = tiny_workbook("bless-pairs");
    for (name, word) in [("alpha", "first"), ("beta", "second"), ("gamma", "third")] {
        fs::write(
            copy.join(format!("examples/{name}.rs")),
            "//! A twin.\nfn main() {}\n",
        )
        .unwrap();
        fs::write(copy.join(format!("examples/{name}.stdout")), "x\n").unwrap();
        fs::write(
            copy.join(format!("examples/{name}.py")),
            format!("# expected output: {name}.py.stdout\nprint('{word}')\n"),
        )
        .unwrap();
        fs::write(copy.join(format!("examples/{name}.py.stdout")), "y\n").unwrap();
    }
    let (text, code) = said(&xtask_in(
        &copy,
        &["verify", "gamma.py", "alpha.py", "beta.py", "--bless"],
    ));
    assert_eq!(code, Some(0), "{text}");
    for (name, word) in [("alpha", "first"), ("beta", "second"), ("gamma", "third")] {
        let written = fs::read_to_string(copy.join(format!("examples/{name}.py.stdout"))).unwrap();
        assert_eq!(written, format!("{word}\n"), "{name}:\n{text}");
    }
}
