//! Every exercise, both ways: its reference solution passes `cargo xtask check`, and the
//! exercise as handed out, and each of its usual mistakes, fails it. One test per exercise, so
//! that a failure names it.
//!
//! Both come from the maintainers' copy, `xtask/exercises/NAME/`, never from the reader's working
//! copy in `exercises/`: whatever state a reader's exercises are in (untouched, solved, half
//! written, not compiling), these tests check the same files.

use xtask::exercise;

use crate::shared::{busy_note, report as keys, workbook};

fn both_ways(name: &str) {
    let exercise = exercise::select(workbook(), &[name.to_string()]).unwrap()[0];
    let solution = keys()
        .outcome(&format!("{name}_solution"))
        .expect("the solution was checked");
    assert!(
        !solution.unjudged(),
        "the solution of {name} could not be judged, the machine is too busy:\n{solution}"
    );
    assert!(
        solution.passed(),
        "the solution of {name} fails its check{}:\n{solution}",
        busy_note()
    );
    let untouched = keys()
        .outcome(&format!("{name}_handout"))
        .expect("the handout was checked");
    assert!(
        !untouched.passed(),
        "{name}, as handed out, already passes its check: it teaches nothing"
    );
    // On the handout's own code, never on the reader's working copy.
    let code = std::fs::read_to_string(exercise::handout(workbook(), exercise)).unwrap();
    let feedback = exercise::feedback_on(workbook(), exercise, untouched, &code);
    assert!(feedback.contains("not done yet"), "{feedback}");
    assert!(
        feedback.contains("Stuck? "),
        "the feedback on {name} does not point at its hints:\n{feedback}"
    );
    assert!(
        feedback.contains("It is still as handed out. When it is done, it prints"),
        "the feedback on {name} as handed out does not show what it must print:\n{feedback}"
    );
    mistakes_are_caught(exercise);
}

/// Each usual mistake kept for the exercise (the solution with its passages replaced: see
/// `xtask::mistakes`), built alone and run in the shared pass, fails its check, and the feedback
/// says what its `feedback:` lines ask for (the trap it falls into, say).
fn mistakes_are_caught(exercise: &xtask::Example) {
    let root = &workbook().root;
    let solution = std::fs::read_to_string(
        root.join("xtask/exercises")
            .join(&exercise.name)
            .join("solution.rs"),
    )
    .unwrap();
    for mistake in xtask::mistakes::read(root, &exercise.name).unwrap_or_else(|e| panic!("{e}")) {
        let name = mistake.name();
        let outcome = keys().outcome(&name).expect("the mistake was checked");
        assert!(
            !outcome.unjudged(),
            "{name} could not be judged, the machine is too busy:\n{outcome}"
        );
        assert!(
            !outcome.passed(),
            "{name} ({}) passes the check: the check does not catch this mistake",
            mistake.about
        );
        let code = mistake.apply(&solution).unwrap_or_else(|e| panic!("{e}"));
        let feedback = exercise::feedback_on(workbook(), exercise, outcome, &code);
        // The feedback speaks of the first thing that went wrong; on a loaded machine a line
        // made late by the load can come first, so the note says when the machine is busy.
        for wanted in &mistake.feedback {
            assert!(
                feedback.contains(wanted.as_str()),
                "the feedback on {name} does not say {wanted:?}{}:\n{feedback}",
                busy_note()
            );
        }
    }
}

macro_rules! exercises {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                both_ways(stringify!($name));
            }
        )*
    };
}

exercises! {
    ex01_compose_steps,
    ex02_gather_a_list,
    ex03_when_tasks_start,
    ex04_prefetch,
    ex05_pairs_stream,
    ex06_race_by_hand,
    ex07_rollback_on_cancel,
    ex08_retry_makes_futures,
    ex09_oneshot,
    ex10_block_on_timeout,
    ex11_result_from_a_thread,
    ex12_tiny_executor,
    ex13_pipeline,
    ex14_staggered_mirrors,
    ex15_worker_pool,
    ex16_debounce,
    ex17_downloader,
    ex18_saves_at_shutdown,
    ex19_start_signal,
    ex20_subprocesses,
    ex21_lock_across_await,
    ex22_chat_server,
    ex23_merge_fairly,
    ex24_frames_survive_timeouts,
    ex25_first_two_successes,
    ex26_async_handlers,
}

#[test]
fn every_exercise_has_a_handout_and_a_solution() {
    for key in crate::shared::keys() {
        assert!(
            workbook().root.join(&key.source).is_file(),
            "{}: write {}",
            key.name,
            key.source.display()
        );
    }
}

/// The feedback a reader gets for ex01 as handed out: the diff, how long it took, and where the
/// hints are.
#[test]
fn feedback_for_a_sequential_solution_points_at_concurrency() {
    let exercise = exercise::select(workbook(), &["ex01_compose_steps".into()]).unwrap()[0];
    let handout = keys().outcome("ex01_compose_steps_handout").unwrap();
    let code = std::fs::read_to_string(exercise::handout(workbook(), exercise)).unwrap();
    let feedback = exercise::feedback_on(workbook(), exercise, handout, &code);
    crate::snapshot::assert_snapshot("feedback_sequential_ex01", &feedback);
}

/// An unknown exercise name is an error that suggests the closest ones.
#[test]
fn an_unknown_exercise_is_named_with_suggestions() {
    let error = exercise::select(workbook(), &["ex01_compose_step".into()]).unwrap_err();
    assert!(
        error.contains("unknown exercise 'ex01_compose_step'"),
        "{error}"
    );
    assert!(error.contains("ex01_compose_steps"), "{error}");
}

/// Every exercise is declared once, by its directory, and each place that follows from it (the
/// manifests' `[[example]]`s, the list above) agrees.
#[test]
fn every_exercise_is_declared_everywhere_it_must_be() {
    let names: Vec<&str> = workbook()
        .exercises
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    let problems = xtask::registry::drift(&workbook().root, &names);
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

/// `new-exercise` writes every place an exercise needs, and `drift` catches each kind of
/// disagreement: a missing `[[example]]`, a listed exercise that does not exist, one that is
/// listed nowhere.
#[test]
fn a_new_exercise_is_written_everywhere_and_a_disagreement_is_caught() {
    let root = crate::harness_catches::scratch_dir("new-exercise");
    let write = |path: &str, text: &str| {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "Cargo.toml",
        "[workspace]\nmembers = [\".\", \"exercises\"]\n\n[package]\nname = \"async-workbook\"\n\
         version = \"0.1.0\"\nedition = \"2021\"\n\n[lib]\npath = \"lib.rs\"\n\n[features]\n\
         exercise-keys = []\n",
    );
    write("lib.rs", "");
    write(
        "exercises/Cargo.toml",
        "[package]\nname = \"exercises\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\
         autoexamples = false\n\n[lib]\npath = \"lib.rs\"\n",
    );
    write("exercises/lib.rs", "");
    write("tests/workbook/exercises.rs", "exercises! {\n}\n");
    let written = xtask::registry::new_exercise(&root, "ex01_first").unwrap();
    assert_eq!(written.len(), 8, "{written:?}");
    assert_eq!(
        xtask::registry::drift(&root, &["ex01_first"]),
        Vec::<String>::new()
    );
    assert!(
        xtask::registry::new_exercise(&root, "ex01_first").is_err(),
        "written twice"
    );
    assert!(
        xtask::registry::new_exercise(&root, "first").is_err(),
        "a malformed name"
    );
    let mistake = xtask::mistakes::new(&root, "ex01_first", "too_early").unwrap();
    assert!(root.join(&mistake).is_file(), "{}", mistake.display());
    assert!(
        xtask::mistakes::new(&root, "ex01_first", "too_early").is_err(),
        "a mistake written twice"
    );
    assert!(
        xtask::mistakes::new(&root, "ex09_none", "x").is_err(),
        "a mistake of no exercise"
    );

    // Break it: drop the solution's [[example]], and list an exercise that does not exist.
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let solution = manifest
        .find("\n[[example]]\nname = \"ex01_first_solution\"")
        .unwrap();
    write("Cargo.toml", &manifest[..solution]);
    let list = std::fs::read_to_string(root.join("tests/workbook/exercises.rs")).unwrap();
    write(
        "tests/workbook/exercises.rs",
        &list.replace("ex01_first,", "ex01_first,\n    ex02_ghost,"),
    );
    let problems = xtask::registry::drift(&root, &["ex01_first", "ex03_unlisted"]);
    let expected = [
        "Cargo.toml has no [[example]] ex01_first_solution",
        "Cargo.toml has no [[example]] ex03_unlisted_handout",
        "exercises/Cargo.toml has no [[example]] ex03_unlisted",
        "tests/workbook/exercises.rs does not list ex03_unlisted",
        "tests/workbook/exercises.rs lists ex02_ghost, but no exercise",
    ];
    for wanted in expected {
        assert!(
            problems.iter().any(|p| p.starts_with(wanted)),
            "{wanted:?} not in\n{}",
            problems.join("\n")
        );
    }
}

/// A mistake whose passage no longer stands in the solution (the solution changed under it) is
/// reported by `cargo xtask lint`, naming the mistake's file.
#[test]
fn a_stale_mistake_is_reported() {
    let root = crate::harness_catches::scratch_dir("stale-mistake");
    let dir = root.join("xtask/exercises/ex01_x");
    std::fs::create_dir_all(dir.join("mistakes")).unwrap();
    std::fs::create_dir_all(root.join("examples")).unwrap();
    std::fs::write(dir.join("handout.rs"), "//! Do x.\nfn main() {}\n").unwrap();
    std::fs::write(dir.join("solution.rs"), "fn main() {\n    go();\n}\n").unwrap();
    std::fs::write(dir.join("expected.stdout"), "done\n").unwrap();
    std::fs::write(
        dir.join("mistakes/gone.md"),
        "# Mistake: x\n\n```rust\n    stop();\n```\n\nbecomes\n\n```rust\n    halt();\n```\n",
    )
    .unwrap();
    let workbook = xtask::Workbook::at(root).unwrap();
    let problems = xtask::mistakes::problems(&workbook);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .starts_with("xtask/exercises/ex01_x/mistakes/gone.md: passage 1 stands 0 times"),
        "{problems:?}"
    );
}
