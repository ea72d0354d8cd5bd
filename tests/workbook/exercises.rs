//! Every exercise, both ways: its reference solution passes `cargo xtask check`, and the
//! exercise as handed out fails it. One test per exercise, so that a failure names it.
//!
//! Both come from the maintainers' copy, `xtask/exercises/NAME/`, never from the reader's working
//! copy in `exercises/`: whatever state a reader's exercises are in (untouched, solved, half
//! written, not compiling), these tests check the same files.

use xtask::exercise;

use crate::shared::{report as keys, workbook};

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
        "the solution of {name} fails its check:\n{solution}"
    );
    let untouched = keys()
        .outcome(&format!("{name}_handout"))
        .expect("the handout was checked");
    assert!(
        !untouched.passed(),
        "{name}, as handed out, already passes its check: it teaches nothing"
    );
    let feedback = exercise::feedback(exercise, untouched);
    assert!(feedback.contains("not done yet"), "{feedback}");
    assert!(
        feedback.contains("Hint:"),
        "{name} has no `//! Hint:` line:\n{feedback}"
    );
}

macro_rules! exercises {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                both_ways(stringify!($name));
            }
        )*
        const LISTED: &[&str] = &[$(stringify!($name)),*];
    };
}

exercises! {
    ex01_concurrent_counts,
    ex02_gather_results,
    ex03_python_order,
    ex04_countdown_stream,
    ex05_yield_once,
    ex06_cleanup_on_cancel,
    ex07_thread_timer,
    ex08_block_on,
    ex09_unblock,
    ex10_closing_queue,
    ex11_fetch_timeout,
    ex12_at_most_two,
    ex13_shield_save,
    ex14_batch_join,
    ex15_pages_until_deadline,
}

#[test]
fn every_exercise_has_a_test_and_a_solution() {
    for exercise in &workbook().exercises {
        assert!(
            LISTED.contains(&exercise.name.as_str()),
            "add {} to the list in tests/workbook/exercises.rs",
            exercise.name
        );
    }
    for key in exercise::keys(&workbook().exercises.iter().collect::<Vec<_>>()) {
        assert!(
            workbook().root.join(&key.source).is_file(),
            "{}: write {}",
            key.name,
            key.source.display()
        );
    }
}

/// The feedback a reader gets for a sequential ex01: the diff, how long it took, and the hint.
#[test]
fn feedback_for_a_sequential_solution_points_at_concurrency() {
    let exercise = exercise::select(workbook(), &["ex01_concurrent_counts".into()]).unwrap()[0];
    let handout = keys().outcome("ex01_concurrent_counts_handout").unwrap();
    let feedback = exercise::feedback(exercise, handout);
    assert!(feedback.contains("It took "), "{feedback}");
    assert!(
        feedback.contains("a finished solution takes about 1.00 s"),
        "{feedback}"
    );
    assert!(feedback.contains("running concurrently"), "{feedback}");
}

/// An unknown exercise name is an error that suggests the closest ones.
#[test]
fn an_unknown_exercise_is_named_with_suggestions() {
    let error = exercise::select(workbook(), &["ex01_concurent_counts".into()]).unwrap_err();
    assert!(
        error.contains("unknown exercise 'ex01_concurent_counts'"),
        "{error}"
    );
    assert!(error.contains("ex01_concurrent_counts"), "{error}");
}
