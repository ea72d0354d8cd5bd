//! The book's quizzes and its quotations of the notes (`cargo xtask lint` runs the same checks):
//! every answer key agrees with the expected output of the program it asks about, so a change in
//! what a program prints fails here until the quiz is brought up to date; and every passage quoted
//! as the notes' words is in the notes.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use xtask::quiz::{self, NOTES, Quiz};
use xtask::{Expected, Workbook};

fn workbook() -> Workbook {
    Workbook::locate().unwrap()
}

fn all_quizzes(workbook: &Workbook) -> Vec<Quiz> {
    let (quizzes, malformed) = quiz::quizzes(workbook).unwrap();
    assert!(malformed.is_empty(), "{}", malformed.join("\n"));
    quizzes
}

#[test]
fn every_answer_key_agrees_with_the_expected_output_and_every_quote_with_the_notes() {
    let pages = xtask::markdown::pages(&workbook().root).unwrap();
    let problems = quiz::problems(&workbook(), &pages);
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

/// Each chapter asks at least four questions, and the book at least 24, most about output.
#[test]
fn every_chapter_has_a_quiz() {
    let mut per_chapter: BTreeMap<String, usize> = BTreeMap::new();
    let mut about_output = 0;
    let quizzes = all_quizzes(&workbook());
    for quiz in &quizzes {
        let chapter = quiz.page.iter().nth(1).unwrap().to_string_lossy();
        let chapter = chapter.trim_end_matches(".md").to_string();
        *per_chapter.entry(chapter).or_default() += quiz.questions.len();
        about_output += quiz
            .questions
            .iter()
            .filter(|q| q.example.is_some())
            .count();
    }
    for chapter in [
        "coroutines",
        "rules",
        "wakeup",
        "patterns",
        "phrasebook",
        "scale",
    ] {
        let asked = per_chapter.get(chapter).copied().unwrap_or(0);
        assert!(asked >= 4, "the {chapter} chapter asks {asked} questions");
    }
    let total: usize = per_chapter.values().sum();
    assert!(total >= 24, "{total} questions in all");
    assert!(
        2 * about_output > total,
        "{about_output} of {total} about output"
    );
}

/// A fake quiz in a fake page, with keys that disagree with the real expected output of
/// `gather_with_tasks`, checked by the same code as the book's quizzes.
#[test]
fn a_stale_key_fails_naming_the_quiz_the_question_and_the_file() {
    let page = "# A page\n\n\
        <script type=\"text/x-quiz\" id=\"quiz-stale\">\n\
        order: gather_with_tasks\n\
        ask: In what order?\n\
        - 1\n\
        - main2 start\n\
        why: A stale key.\n\
        see: [here](#a-page)\n\
        \n\
        time: gather_with_tasks\n\
        ask: When?\n\
        line: main2 end\n\
        - [x] 3.00 s\n\
        - [ ] 2.00 s\n\
        why: A stale key.\n\
        see: [here](#a-page)\n\
        \n\
        printed: gather_with_tasks\n\
        ask: Which?\n\
        - [x] main2 start\n\
        - [ ] 2\n\
        - [x] main2 done\n\
        why: A stale key.\n\
        see: [here](#a-page)\n\
        </script>\n";
    let (quizzes, malformed) = quiz::parse_page(Path::new("src/fake.md"), page);
    assert!(malformed.is_empty(), "{malformed:?}");
    let problems = quiz::check(&quizzes[0], &workbook().examples);
    let file = "examples/gather_with_tasks.stdout";
    assert_eq!(
        problems,
        [
            format!(
                "src/fake.md:4: quiz 'quiz-stale', question 1 (\"In what order?\"): the key \
                 puts `main2 start` after `1`, but {file} prints it before"
            ),
            format!(
                "src/fake.md:11: quiz 'quiz-stale', question 2 (\"When?\"): the key says \
                 `main2 end` is printed at 3.00 s, but {file} prints it at 2.00 s"
            ),
            format!(
                "src/fake.md:11: quiz 'quiz-stale', question 2 (\"When?\"): the choice 2.00 s \
                 is marked wrong, but {file} prints `main2 end` then"
            ),
            format!(
                "src/fake.md:19: quiz 'quiz-stale', question 3 (\"Which?\"): the key says `2` \
                 is not printed, but {file} prints it"
            ),
            format!(
                "src/fake.md:19: quiz 'quiz-stale', question 3 (\"Which?\"): the key says \
                 `main2 done` is printed, but it is not a line of {file}"
            ),
        ]
    );
}

/// The book's own quizzes, against an expected output changed as a program's output might
/// change: the question whose key depended on it fails, and says where and why.
#[test]
fn a_changed_output_fails_the_real_quiz_that_asks_about_it() {
    let workbook = workbook();
    let mut examples = workbook.examples.clone();
    let tie_order = examples.iter_mut().find(|e| e.name == "tie_order").unwrap();
    let Expected::Output(output) = &tie_order.expected else {
        panic!("tie_order has no expected output")
    };
    // The two tasks' lines swapped, as if the reactor woke timers in another order.
    let swapped = output
        .replace("tasks: b", "tasks: @")
        .replace("tasks: a", "tasks: b")
        .replace("tasks: @", "tasks: a");
    assert_ne!(&swapped, output);
    tie_order.expected = Expected::Output(swapped);

    let problems: Vec<String> = all_quizzes(&workbook)
        .iter()
        .flat_map(|quiz| quiz::check(quiz, &examples))
        .collect();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let problem = &problems[0];
    for part in [
        "src/coroutines/nested-gather.md:",
        "quiz 'quiz-nested-gather', question 3",
        "the key puts `tasks: a` after `tasks: b`, but examples/tie_order.stdout prints it before",
    ] {
        assert!(problem.contains(part), "{problem}");
    }
}

#[test]
fn a_quote_that_is_not_the_notes_words_fails() {
    let root = workbook().root;
    let notes = fs::read_to_string(root.join(NOTES)).unwrap();
    let page = "# Page\n\n\
        > <span class=\"notes\" lang=\"ko\">event loop는 main() 코루틴을 먼저 실행</span>\n\
        \n\
        > <span class=\"notes\" lang=\"ko\">event loop는 main() 코루틴을 나중에 실행 … 5. print\n\
        > 실행</span>\n";
    let page = xtask::markdown::Page::new("src/page.md", page);
    let problems = quiz::quote_problems(&page, &notes);
    assert_eq!(
        problems,
        [format!(
            "src/page.md:5: \"event loop는 main() 코루틴을 나중에 실행\" is quoted as the notes' \
             words, but {NOTES} does not say it (quote the notes word for word, and mark a gap \
             with …)"
        )]
    );
}

/// The book quotes the notes in their words: the sixteen steps, the rules, the questions.
#[test]
fn the_sixteen_steps_are_quoted_in_the_notes_words() {
    let root = workbook().root;
    let page =
        |path: &str| xtask::markdown::Page::new(path, fs::read_to_string(root.join(path)).unwrap());
    let quotes = quiz::quotes(&page("src/coroutines/walkthrough.md"));
    for step in 1..=16 {
        assert!(
            quotes
                .iter()
                .any(|(_, q)| q.starts_with(&format!("{step}. "))),
            "step {step} of the walkthrough has no quote of the notes"
        );
    }
    assert!(
        quiz::quotes(&page("src/rules.md")).len() >= 6,
        "the rules are not all quoted"
    );
}

/// Each chapter opens with a summary in Korean, of three to five sentences.
#[test]
fn every_chapter_opens_with_a_summary_in_korean() {
    let root = workbook().root;
    for page in [
        "coroutines",
        "rules",
        "wakeup",
        "patterns",
        "phrasebook",
        "scale",
    ] {
        let path: PathBuf = root.join("src").join(format!("{page}.md"));
        let text = fs::read_to_string(&path).unwrap();
        let opening: Vec<&str> = text.lines().skip(1).skip_while(|l| l.is_empty()).collect();
        assert_eq!(
            opening.first(),
            Some(&"<div class=\"summary-ko\" lang=\"ko\">"),
            "src/{page}.md does not open with its summary in Korean"
        );
        let summary: String = opening
            .iter()
            .skip(1)
            .take_while(|l| **l != "</div>")
            .copied()
            .collect();
        let sentences = summary.matches("다.").count() + summary.matches("요.").count();
        assert!(
            (3..=5).contains(&sentences),
            "src/{page}.md's summary has {sentences} sentences"
        );
    }
}

/// `cargo xtask lint` runs the quiz check: a small workbook with a stale key fails it.
#[test]
fn the_lint_reports_a_stale_key() {
    let root = workbook().root.join("target/harness-tests/stale-quiz-book");
    let _ = fs::remove_dir_all(&root);
    let files = [
        ("examples/hello.rs", "fn main() {}\n"),
        ("examples/hello.stdout", "[0.00s] one\n[0.10s] two\n"),
        ("notes/asyncio-notes.md", "노트\n"),
        ("src/SUMMARY.md", "- [Chapter](chapter.md)\n"),
        (
            "src/chapter.md",
            "# Chapter\n\n```rust\n{{#include ../examples/hello.rs}}\n```\n\n\
             ```text\n{{#include ../examples/hello.stdout}}\n```\n\n\
             <script type=\"text/x-quiz\" id=\"quiz-hello\">\n\
             order: hello\nask: Which first?\n- two\n- one\nwhy: No.\nsee: [up](#chapter)\n\
             </script>\n",
        ),
    ];
    for (path, text) in files {
        let path = root.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    let problems = xtask::pages::problems(&Workbook::at(root).unwrap());
    assert_eq!(
        problems,
        [
            "src/chapter.md:12: quiz 'quiz-hello', question 1 (\"Which first?\"): the key puts \
          `one` after `two`, but examples/hello.stdout prints it before"
        ]
    );
}
