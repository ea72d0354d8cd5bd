//! `cargo xtask mutants`: the proof that the timing rules catch a changed sleep, in every example
//! and every exercise's solution.
//!
//! Each duration of 100 ms or more written in a program (`Duration::from_millis(200)`,
//! `Duration::from_secs(1)`, `Duration::from_secs_f64(0.5)`; in Python, `sleep(0.2)`) is made twice
//! as long, then half as long, one at a time. Each changed program (a *mutant*) is compiled with
//! rustc against the crates of a normal build, then checked against the original's expected
//! output, with the same re-runs as `verify`. A mutant that still passes *survived*: either the
//! check has a hole, or the output does not depend on that duration, and the line must be listed
//! in `xtask/mutants-excused.txt` with the reason. (The list is kept apart from the programs so
//! that the lesson code the book shows carries no note for the harness.)

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

use crate::build::{self, Progress};
use crate::catalog::{Example, Expected, Language};
use crate::report::{Outcome, Verdict};
use crate::{Workbook, exercise, verify};

/// Durations shorter than this are left alone: the book's timing claims rest on steps of 100 ms
/// or more.
pub const SHORTEST: f64 = 0.1;

/// One duration written in a program.
#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    /// 1-based line number.
    pub line: usize,
    /// Byte range of the literal call in the text, such as `from_millis(200)`.
    pub start: usize,
    pub end: usize,
    pub seconds: f64,
    /// How to write another number of seconds the same way.
    form: Form,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Form {
    Millis,
    Secs,
    SecsF64,
    PythonSleep,
}

impl Site {
    /// The literal rewritten for `seconds`.
    fn written(&self, seconds: f64) -> String {
        match self.form {
            Form::Millis | Form::Secs => format!("from_millis({})", (seconds * 1e3).round()),
            Form::SecsF64 => format!("from_secs_f64({seconds})"),
            Form::PythonSleep => format!("sleep({seconds})"),
        }
    }
}

/// The file of durations that no change may be caught on, relative to the workbook's root.
pub const EXCUSED: &str = "xtask/mutants-excused.txt";

/// One line of [`EXCUSED`]: a duration whose length cannot show in what its program prints.
#[derive(Clone, Debug, PartialEq)]
pub struct Excuse {
    /// The program, relative to the workbook's root.
    pub file: PathBuf,
    /// Text that stands on exactly one line of the program, the duration's.
    pub text: String,
    pub why: String,
}

/// Reads [`EXCUSED`]: `FILE | TEXT ON THE LINE | WHY` a line, `#` for comments.
pub fn excuses(list: &str) -> Result<Vec<Excuse>, String> {
    let mut excuses = Vec::new();
    for (index, line) in list.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split(" | ").map(str::trim).collect();
        let [file, text, why] = fields[..] else {
            return Err(format!(
                "{EXCUSED}:{}: expected `FILE | TEXT ON THE LINE | WHY`, found {line:?}",
                index + 1
            ));
        };
        excuses.push(Excuse {
            file: PathBuf::from(file),
            text: text.to_string(),
            why: why.to_string(),
        });
    }
    Ok(excuses)
}

/// Checks every excuse against its program: the file exists, and the text stands on exactly one
/// of its lines, which has a duration of 100 ms or more. An excuse that matches nothing would
/// keep excusing nothing while a changed line went unchecked.
pub fn check_excuses(root: &Path, excuses: &[Excuse]) -> Vec<String> {
    let mut problems = Vec::new();
    for excuse in excuses {
        let Ok(text) = fs::read_to_string(root.join(&excuse.file)) else {
            problems.push(format!("{EXCUSED}: no file {}", excuse.file.display()));
            continue;
        };
        let language = if excuse.file.extension().is_some_and(|e| e == "py") {
            Language::Python
        } else {
            Language::Rust
        };
        let lines: Vec<usize> = text
            .lines()
            .enumerate()
            .filter(|(_, line)| line.contains(&excuse.text))
            .map(|(i, _)| i + 1)
            .collect();
        let (sites, _) = sites(&text, language, &[]);
        match lines[..] {
            [line] if sites.iter().any(|s| s.line == line) => {}
            [line] => problems.push(format!(
                "{EXCUSED}: {}:{line} has no duration of 100 ms or more to excuse",
                excuse.file.display()
            )),
            [] => problems.push(format!(
                "{EXCUSED}: no line of {} has {:?}; update or remove the excuse",
                excuse.file.display(),
                excuse.text
            )),
            _ => problems.push(format!(
                "{EXCUSED}: {:?} stands on lines {lines:?} of {}; give text that only one has",
                excuse.text,
                excuse.file.display()
            )),
        }
    }
    problems
}

/// The durations of 100 ms or more in a program's text, except on the lines that one of the
/// `excused` texts stands on (returned apart, with their line numbers).
pub fn sites<'a>(
    text: &str,
    language: Language,
    excused: &[&'a Excuse],
) -> (Vec<Site>, Vec<(usize, &'a Excuse)>) {
    let forms: &[(&str, Form, f64)] = match language {
        Language::Rust => &[
            ("from_millis(", Form::Millis, 1e-3),
            ("from_secs(", Form::Secs, 1.0),
            ("from_secs_f64(", Form::SecsF64, 1.0),
        ],
        Language::Python => &[("sleep(", Form::PythonSleep, 1.0)],
    };
    let mut found = Vec::new();
    let mut excused_sites = Vec::new();
    let mut offset = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let excuse = excused.iter().find(|e| line.contains(&e.text));
        // A duration in a comment is not one the program waits for.
        let comment = match language {
            Language::Rust => "//",
            Language::Python => "#",
        };
        let code = line.find(comment).unwrap_or(line.len());
        for (name, form, unit) in forms {
            for (at, _) in line[..code].match_indices(name) {
                // `from_secs(` must not be read inside `from_secs_f64(`, nor `sleep(` inside
                // `asleep(`.
                if line[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let digits = &line[at + name.len()..];
                let len = digits
                    .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '_'))
                    .unwrap_or(digits.len());
                if !digits[len..].starts_with(')') {
                    continue;
                }
                let Ok(value) = digits[..len].replace('_', "").parse::<f64>() else {
                    continue;
                };
                let seconds = value * unit;
                if seconds < SHORTEST {
                    continue;
                }
                if let Some(excuse) = excuse {
                    excused_sites.push((index + 1, *excuse));
                    continue;
                }
                found.push(Site {
                    line: index + 1,
                    start: offset + at,
                    end: offset + at + name.len() + len + 1,
                    seconds,
                    form: *form,
                });
            }
        }
        offset += line.len();
    }
    found.sort_by_key(|s| s.start);
    (found, excused_sites)
}

/// One changed copy of a program.
#[derive(Clone, Debug)]
pub struct Mutant {
    /// The example (or solution) it is a copy of, with the original's expected output.
    pub example: Example,
    pub line: usize,
    /// "from_millis(200) → from_millis(400)".
    pub change: String,
    pub text: String,
}

fn mutants_of<'a>(
    example: &Example,
    text: &str,
    excuses: &'a [Excuse],
) -> (Vec<Mutant>, Vec<(usize, &'a Excuse)>) {
    let mine: Vec<&Excuse> = excuses
        .iter()
        .filter(|e| e.file == example.source)
        .collect();
    let (sites, excused) = sites(text, example.language, &mine);
    let mutants = sites
        .iter()
        .flat_map(|site| {
            [2.0, 0.5].map(|factor| {
                let to = site.written(site.seconds * factor);
                let from = &text[site.start..site.end];
                Mutant {
                    example: example.clone(),
                    line: site.line,
                    change: format!("{from} → {to}"),
                    text: format!("{}{to}{}", &text[..site.start], &text[site.end..]),
                }
            })
        })
        .collect();
    (mutants, excused)
}

/// What became of one mutant.
enum Fate {
    Caught(String),
    Survived,
    /// The machine was too busy to judge it: neither caught nor survived.
    Unjudged(String),
    /// It did not compile (which says nothing about the check).
    Broken(String),
}

/// A short reason why a failing outcome failed.
fn why_caught(outcome: &Outcome) -> String {
    match &outcome.verdict {
        Verdict::WrongOutput(diff) if diff.timing_only && diff.too_early => "too early".into(),
        Verdict::WrongOutput(diff) if diff.timing_only => "too late".into(),
        Verdict::WrongOutput(diff) if diff.has_timing_note() => "order and timing".into(),
        Verdict::WrongOutput(_) => "other lines".into(),
        Verdict::Busy => "CPU".into(),
        Verdict::Crashed { .. } => "crashed".into(),
        Verdict::TimedOut { .. } => "timed out".into(),
        _ => "failed".into(),
    }
}

/// The programs to change: every runnable example whose expected output shows a timing, and every
/// exercise's solution; all of them, or those named.
fn programs(workbook: &Workbook, names: &[String]) -> Result<Vec<Example>, String> {
    let exercises: Vec<&Example> = workbook.exercises.iter().collect();
    let solutions = exercise::keys(&workbook.root, &exercises)
        .into_iter()
        .filter(|k| k.name.ends_with("_solution"));
    let all: Vec<Example> = workbook
        .examples
        .iter()
        .cloned()
        .chain(solutions)
        .filter(|e| matches!(e.expected, Expected::Output(_)) && e.expected_duration() > 0.0)
        .collect();
    if names.is_empty() {
        return Ok(all);
    }
    names
        .iter()
        .map(|name| {
            all.iter()
                .find(|e| &e.name == name)
                .cloned()
                .ok_or_else(|| format!("no example or solution '{name}' that prints a timing"))
        })
        .collect()
}

/// Makes, compiles and checks every mutant; prints what survived. True if none did.
pub fn run(workbook: &Workbook, names: &[String]) -> Result<bool, String> {
    let programs = programs(workbook, names)?;
    let list = fs::read_to_string(workbook.root.join(EXCUSED))
        .map_err(|e| format!("cannot read {EXCUSED}: {e}"))?;
    let excuses = excuses(&list)?;
    let problems = check_excuses(&workbook.root, &excuses);
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }
    let mut mutants = Vec::new();
    let mut excused = Vec::new();
    for example in &programs {
        let text = fs::read_to_string(workbook.root.join(&example.source))
            .map_err(|e| format!("cannot read {}: {e}", example.source.display()))?;
        let (found, why) = mutants_of(example, &text, &excuses);
        mutants.extend(found);
        excused.extend(
            why.into_iter()
                .map(|(line, excuse)| (example.source.clone(), line, excuse.why.clone())),
        );
    }
    eprintln!(
        "{} mutants of {} programs; building the originals' crates...",
        mutants.len(),
        programs.len()
    );
    let rust: Vec<&str> = programs
        .iter()
        .filter(|e| e.language == Language::Rust)
        .map(|e| e.name.as_str())
        .collect();
    let built = build::examples_in(
        &workbook.root,
        None,
        &rust,
        &["exercise-keys"],
        Progress::Show,
    )?;
    if let Some(failure) = &built.failure {
        return Err(format!("the examples do not build:\n{failure}"));
    }
    let dir = workbook.root.join("target/mutants");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let python = verify::python_executable("python3")?;

    // Compile on every core at a lower priority, and check each mutant as soon as it is
    // built: the checks mostly sleep, and the compiles do not delay them.
    let next = Mutex::new(mutants.iter().enumerate());
    let fates: Mutex<Vec<(usize, Fate)>> = Mutex::new(Vec::new());
    let cores = thread::available_parallelism().map_or(2, |n| n.get());
    thread::scope(|scope| {
        for _ in 0..cores * 4 {
            scope.spawn(|| {
                loop {
                    let Some((i, mutant)) = next.lock().unwrap().next() else {
                        break;
                    };
                    let fate = check(workbook, &built, &dir, &python, i, mutant);
                    let mut fates = fates.lock().unwrap();
                    fates.push((i, fate));
                    if fates.len().is_multiple_of(20) {
                        eprintln!("{} of {} checked", fates.len(), mutants.len());
                    }
                }
            });
        }
    });
    let mut fates = fates.into_inner().unwrap();
    fates.sort_by_key(|(i, _)| *i);
    Ok(summarize(&mutants, &fates, &excused))
}

/// Compiles (for Rust) and checks one mutant.
fn check(
    workbook: &Workbook,
    built: &build::Built,
    dir: &Path,
    python: &str,
    i: usize,
    mutant: &Mutant,
) -> Fate {
    let example = &mutant.example;
    let command = match example.language {
        Language::Rust => {
            let file = dir.join(format!("m{i}.rs"));
            let program = dir.join(format!("m{i}"));
            if let Err(e) = fs::write(&file, &mutant.text) {
                return Fate::Broken(e.to_string());
            }
            if let Err(errors) = build::compile_alone(built, &file, &program) {
                return Fate::Broken(errors.lines().next().unwrap_or_default().to_string());
            }
            let mut command = Command::new(program);
            command.current_dir(&workbook.root).args(&example.args);
            command
        }
        Language::Python => {
            // In target/mutants/, importing the modules it shares from `examples/`.
            let file = dir.join(format!("m{i}.py"));
            if let Err(e) = fs::write(&file, &mutant.text) {
                return Fate::Broken(e.to_string());
            }
            let copy = Example {
                source: file,
                ..example.clone()
            };
            let outcome = rerun_until_settled(&copy, || {
                let mut command = verify::python_command(&workbook.root, &copy, python);
                command.env("PYTHONPATH", workbook.root.join("examples"));
                command
            });
            return fate(&outcome);
        }
    };
    let program = command.get_program().to_owned();
    let args: Vec<_> = command.get_args().map(|a| a.to_owned()).collect();
    let outcome = rerun_until_settled(example, || {
        let mut c = Command::new(&program);
        c.current_dir(&workbook.root).args(&args);
        c
    });
    fate(&outcome)
}

fn fate(outcome: &Outcome) -> Fate {
    match &outcome.verdict {
        Verdict::Passed => Fate::Survived,
        Verdict::Unjudged(explained) => {
            Fate::Unjudged(format!("{}: {}", explained.what, explained.figures))
        }
        _ => Fate::Caught(why_caught(outcome)),
    }
}

/// Checks a program, and runs it again (as `verify` does) while it only just missed: a mutant
/// that a busy machine made fail must not count as caught.
fn rerun_until_settled(example: &Example, command: impl Fn() -> Command) -> Outcome {
    let limit = verify::default_limit(example, Duration::from_secs(10));
    verify::check_settled(example, command, limit)
}

fn summarize(
    mutants: &[Mutant],
    fates: &[(usize, Fate)],
    excused: &[(PathBuf, usize, String)],
) -> bool {
    let mut by_program: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut survivors = String::new();
    let mut unjudged = String::new();
    let mut broken = String::new();
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    for (i, fate) in fates {
        let mutant = &mutants[*i];
        let entry = by_program.entry(&mutant.example.name).or_default();
        entry.0 += 1;
        let place = format!(
            "  {}:{}: {}",
            mutant.example.source.display(),
            mutant.line,
            mutant.change
        );
        match fate {
            Fate::Caught(why) => {
                entry.1 += 1;
                *reasons.entry(why.clone()).or_default() += 1;
            }
            Fate::Survived => {
                let _ = writeln!(survivors, "{place}");
            }
            Fate::Unjudged(why) => {
                let _ = writeln!(unjudged, "{place}: could not judge {why}");
            }
            Fate::Broken(why) => {
                let _ = writeln!(broken, "{place}: does not compile: {why}");
            }
        }
    }
    for (name, (made, caught)) in &by_program {
        println!("{name:<34} {caught:>3} of {made:>3} caught");
    }
    let caught: usize = by_program.values().map(|(_, c)| c).sum();
    let why: Vec<String> = reasons.iter().map(|(w, n)| format!("{n} {w}")).collect();
    println!(
        "\n{caught} of {} mutants caught ({})",
        fates.len(),
        why.join(", ")
    );
    if !excused.is_empty() {
        println!("\nNot changed, because the output does not depend on them:");
        for (file, line, why) in excused {
            println!("  {}:{line}: {why}", file.display());
        }
    }
    if !broken.is_empty() {
        println!(
            "\nMutants that did not compile prove nothing, and are not counted as caught (does \
             `compile_alone` in xtask/src/build.rs know every crate the program uses?):\n{broken}"
        );
    }
    if !unjudged.is_empty() {
        println!(
            "\nNot judged, because the machine was too busy (a mutant that was not judged is not \
             caught: run `cargo xtask mutants` again when the machine is quieter):\n{unjudged}"
        );
    }
    if survivors.is_empty() {
        return unjudged.is_empty() && broken.is_empty();
    }
    println!(
        "\nSurvived: these changes still pass their check. Either the check misses them, or the \
         output does not depend on the duration, and the line should be listed, with why, in \
         {EXCUSED}:\n{survivors}"
    );
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_of_100_ms_or_more_are_found() {
        let text = "let a = Duration::from_millis(200);\nlet b = Duration::from_millis(10);\n\
                    let c = Duration::from_secs(1);\nlet d = Duration::from_secs_f64(0.25);\n";
        let (found, _) = sites(text, Language::Rust, &[]);
        let seconds: Vec<f64> = found.iter().map(|s| s.seconds).collect();
        assert_eq!(seconds, [0.2, 1.0, 0.25]);
        assert_eq!(&text[found[0].start..found[0].end], "from_millis(200)");
        assert_eq!(found[1].written(0.5), "from_millis(500)");
        assert_eq!(found[2].written(0.5), "from_secs_f64(0.5)");
    }

    #[test]
    fn an_excuse_excuses_its_line_only() {
        let list = "# a comment\nexamples/a.rs | from_secs(5) | only a limit, never reached\n";
        let excuses = excuses(list).unwrap();
        let text = "let a = Duration::from_secs(5);\nlet b = Duration::from_secs(2);\n";
        let (found, excused) = sites(text, Language::Rust, &excuses.iter().collect::<Vec<_>>());
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].line, 2);
        assert_eq!(excused, [(1, &excuses[0])]);
    }

    #[test]
    fn an_excuse_that_matches_no_line_or_several_is_reported() {
        let dir = std::env::temp_dir().join(format!("excuses-{}", std::process::id()));
        fs::create_dir_all(dir.join("examples")).unwrap();
        fs::write(
            dir.join("examples/a.rs"),
            "let a = Duration::from_secs(5);\nlet b = Duration::from_secs(5);\nlet c = 1;\n",
        )
        .unwrap();
        let list = "examples/a.rs | from_secs(9) | gone\nexamples/a.rs | from_secs(5) | twice\n\
                    examples/a.rs | let c | no duration\nexamples/b.rs | x | no file\n";
        let problems = check_excuses(&dir, &excuses(list).unwrap());
        let _ = fs::remove_dir_all(&dir);
        assert_eq!(problems.len(), 4, "{problems:#?}");
        assert!(
            problems[0].contains("no line of examples/a.rs"),
            "{}",
            problems[0]
        );
        assert!(
            problems[1].contains("stands on lines [1, 2]"),
            "{}",
            problems[1]
        );
        assert!(problems[2].contains("has no duration"), "{}", problems[2]);
        assert!(
            problems[3].contains("no file examples/b.rs"),
            "{}",
            problems[3]
        );
    }

    #[test]
    fn a_mutant_the_machine_was_too_busy_to_judge_is_not_caught() {
        let example = Example {
            name: "m".into(),
            language: Language::Rust,
            source: "examples/m.rs".into(),
            expected_file: "examples/m.stdout".into(),
            expected: Expected::Output("[1.00s] x\n".into()),
            description: String::new(),
            args: Vec::new(),
            limit: None,
            cpu: None,
            needs_python: false,
            needs_quiet: false,
            fails_by_design: false,
        };
        let outcome = Outcome::new(
            &example,
            Verdict::Unjudged(crate::report::Explained {
                what: "the timing",
                figures: "it waited".into(),
            }),
        );
        assert!(matches!(fate(&outcome), Fate::Unjudged(_)));
        let (mutants, fates) = (
            vec![Mutant {
                example,
                line: 1,
                change: "from_millis(100) → from_millis(200)".into(),
                text: String::new(),
            }],
            vec![(0, fate(&outcome))],
        );
        assert!(
            !summarize(&mutants, &fates, &[]),
            "an unjudged mutant counted as caught"
        );
    }

    #[test]
    fn a_malformed_excuse_is_an_error() {
        let error = excuses("examples/a.rs | from_secs(5)\n").unwrap_err();
        assert!(
            error.contains(":1: expected `FILE | TEXT ON THE LINE | WHY`"),
            "{error}"
        );
    }

    #[test]
    fn durations_in_comments_are_not_changed() {
        let (found, _) = sites(
            "// Timer::after(Duration::from_secs(1))\n",
            Language::Rust,
            &[],
        );
        assert!(found.is_empty());
        let (found, _) = sites(
            "# asyncio.sleep(0.5) is a coroutine\n",
            Language::Python,
            &[],
        );
        assert!(found.is_empty());
    }

    #[test]
    fn python_sleeps_are_found() {
        let (found, _) = sites(
            "    await asyncio.sleep(0.5)\n    await asleep(1)\n",
            Language::Python,
            &[],
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].written(1.0), "sleep(1)");
    }
}
