//! The book's questions and its quotations of the notes (`cargo xtask lint` runs the same
//! checks): every answer key agrees with the expected output of the program it asks about, so a
//! change in what a program prints fails here until the question is brought up to date; every
//! question about a program comes before its output; and every passage quoted as the notes'
//! words is in the notes.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use xtask::markdown::Page;
use xtask::notes::{self, NOTES};
use xtask::quiz::{self, Question};
use xtask::{Expected, Workbook};

fn workbook() -> Workbook {
    Workbook::locate().unwrap()
}

fn all_questions(workbook: &Workbook) -> Vec<Question> {
    let (questions, malformed) = quiz::questions(workbook).unwrap();
    assert!(malformed.is_empty(), "{}", malformed.join("\n"));
    questions
}

#[test]
fn every_answer_key_agrees_with_the_expected_output_and_every_quote_with_the_notes() {
    let pages = xtask::markdown::pages(&workbook().root).unwrap();
    let mut problems = quiz::problems(&workbook(), &pages);
    problems.extend(notes::problems(&workbook(), &pages));
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

/// Each chapter asks at least four questions, every page of the part beyond the notes at least
/// one, and the book at least 24, most about output.
#[test]
fn every_chapter_has_questions() {
    let mut per_chapter: BTreeMap<String, usize> = BTreeMap::new();
    let mut per_page: BTreeMap<PathBuf, usize> = BTreeMap::new();
    let questions = all_questions(&workbook());
    for question in &questions {
        let chapter = question.page.iter().nth(1).unwrap().to_string_lossy();
        let chapter = chapter.trim_end_matches(".md").to_string();
        *per_chapter.entry(chapter).or_default() += 1;
        *per_page.entry(question.page.clone()).or_default() += 1;
    }
    for chapter in [
        "coroutines",
        "rules",
        "wakeup",
        "patterns",
        "beyond",
        "phrasebook",
        "scale",
    ] {
        let asked = per_chapter.get(chapter).copied().unwrap_or(0);
        assert!(asked >= 4, "the {chapter} chapter asks {asked} questions");
    }
    let beyond = fs::read_dir(workbook().root.join("src/beyond")).unwrap();
    for page in beyond {
        let page = PathBuf::from("src/beyond").join(page.unwrap().file_name());
        if page.ends_with("exercises.md") {
            continue;
        }
        assert!(
            per_page.get(&page).is_some_and(|&n| n >= 1),
            "{} asks no question",
            page.display()
        );
    }
    let total = questions.len();
    let about_output = questions.iter().filter(|q| q.example.is_some()).count();
    assert!(total >= 24, "{total} questions in all");
    assert!(
        2 * about_output > total,
        "{about_output} of {total} about output"
    );
}

/// At least ten questions are about variations of the examples: programs that the book shows
/// only inside a question (a line swapped, an `.await` dropped...), whose verified output is the
/// key, folded with the answer.
#[test]
fn at_least_ten_questions_are_about_variations() {
    let workbook = workbook();
    let pages = xtask::markdown::pages(&workbook.root).unwrap();
    let questions = all_questions(&workbook);
    // The sources each page includes outside its questions.
    let mut shown_outside = std::collections::BTreeSet::new();
    for page in &pages {
        let (asked, _) = quiz::parse(&page.path, &page.text);
        let mut text = page.text.clone();
        for question in asked.iter().rev() {
            text.replace_range(question.span.clone(), "");
        }
        for (_, include) in xtask::markdown::includes(&text) {
            let file = include.split(':').next().unwrap_or_default();
            shown_outside.insert(file.rsplit('/').next().unwrap_or_default().to_string());
        }
    }
    let variations: Vec<&str> = questions
        .iter()
        .filter_map(|q| q.example.as_deref())
        .filter(|name| !name.ends_with(".py"))
        .filter(|name| !shown_outside.contains(&format!("{name}.rs")))
        .collect();
    assert!(
        variations.len() >= 10,
        "{} questions about variations: {variations:?}",
        variations.len()
    );
}

/// A page with questions whose keys disagree with the real expected output of
/// `gather_with_tasks`, checked by the same code as the book's questions.
#[test]
fn a_stale_key_fails_naming_the_question_and_the_file() {
    let page = "# A page\n\n\
        <!-- quiz: order gather_with_tasks -->\nIn what order?\n\n- 1\n- main2 start\n\n\
        A stale key.\n\n<!-- output -->\n```text\n\
        {{#include ../examples/gather_with_tasks.stdout}}\n```\n<!-- /output -->\n<!-- /quiz -->\n\n\
        <!-- quiz: time gather_with_tasks line=\"main2 end\" -->\nWhen?\n\n\
        - [x] 3.00 s\n- [ ] 2.00 s\n\nA stale key.\n\n<!-- output -->\n```text\n\
        {{#include ../examples/gather_with_tasks.stdout}}\n```\n<!-- /output -->\n<!-- /quiz -->\n";
    let page = Page::new("src/fake.md", page);
    let (questions, malformed) = quiz::parse(&page.path, &page.text);
    assert!(malformed.is_empty(), "{malformed:?}");
    let file = "examples/gather_with_tasks.stdout";
    let problems: Vec<String> = questions
        .iter()
        .flat_map(|q| quiz::check(q, &page, &workbook().examples))
        .collect();
    assert_eq!(
        problems,
        [
            format!(
                "src/fake.md:3: quiz-fake-1 (\"In what order?\"): the key puts `main2 start` \
                 after `1`, but {file} prints it before"
            ),
            format!(
                "src/fake.md:18: quiz-fake-2 (\"When?\"): the key says `main2 end` is printed \
                 at 3.00 s, but {file} prints it at 2.00 s"
            ),
            format!(
                "src/fake.md:18: quiz-fake-2 (\"When?\"): the choice 2.00 s is marked wrong, \
                 but {file} prints `main2 end` then"
            ),
            // The second question asks about an output the first one shows above it.
            format!(
                "src/fake.md:18: quiz-fake-2 (\"When?\"): line 13 shows {file}, the output it \
                 asks about, above it: ask first (move the question above it, and the output \
                 into the question)"
            ),
        ]
    );
}

/// A question about an output that the page shows above it can be answered by reading back:
/// it fails, and so does one whose folded output is not the program's.
#[test]
fn a_question_after_its_output_or_without_it_fails() {
    let page = "# A page\n\n```text\n{{#include ../examples/gather_with_tasks.stdout}}\n```\n\n\
        <!-- quiz: order gather_with_tasks -->\nIn what order?\n\n- main2 start\n- 1\n\n\
        Queued first.\n\n<!-- output -->\n```text\n\
        {{#include ../examples/count_concurrent.stdout}}\n```\n<!-- /output -->\n<!-- /quiz -->\n";
    let page = Page::new("src/fake.md", page);
    let (questions, malformed) = quiz::parse(&page.path, &page.text);
    assert!(malformed.is_empty(), "{malformed:?}");
    let problems = quiz::check(&questions[0], &page, &workbook().examples);
    let file = "examples/gather_with_tasks.stdout";
    assert_eq!(
        problems,
        [
            format!(
                "src/fake.md:7: quiz-fake-1 (\"In what order?\"): its output must include \
                 {file} (`{{{{#include ...}}}}` between <!-- output --> and <!-- /output -->)"
            ),
            format!(
                "src/fake.md:7: quiz-fake-1 (\"In what order?\"): line 4 shows {file}, the \
                 output it asks about, above it: ask first (move the question above it, and the \
                 output into the question)"
            ),
        ]
    );
}

/// The book's own questions, against an expected output changed as a program's output might
/// change: the question whose key depended on it fails, and says where and why.
#[test]
fn a_changed_output_fails_the_real_question_that_asks_about_it() {
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

    let pages = xtask::markdown::pages(&workbook.root).unwrap();
    let problems: Vec<String> = all_questions(&workbook)
        .iter()
        .flat_map(|q| {
            let page = pages.iter().find(|p| p.path == q.page).unwrap();
            quiz::check(q, page, &examples)
        })
        .collect();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].contains(
            "the key puts `tasks: a` after `tasks: b`, but examples/tie_order.stdout prints it \
             before"
        ),
        "{}",
        problems[0]
    );
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
    let page = Page::new("src/page.md", page);
    let problems = notes::quote_problems(&page, &notes);
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
    let page = |path: &str| Page::new(path, fs::read_to_string(root.join(path)).unwrap());
    let quotes = notes::quotes(&page("src/coroutines/walkthrough.md"));
    for step in 1..=16 {
        assert!(
            quotes
                .iter()
                .any(|(_, q)| q.starts_with(&format!("{step}. "))),
            "step {step} of the walkthrough has no quote of the notes"
        );
    }
    assert!(
        notes::quotes(&page("src/rules.md")).len() >= 6,
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

/// `cargo xtask lint` runs the question check: a small workbook with a stale key fails it.
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
             <!-- quiz: order hello -->\nWhich first?\n\n- two\n- one\n\nNo.\n\n\
             <!-- output -->\n```text\n{{#include ../examples/hello.stdout}}\n```\n\
             <!-- /output -->\n<!-- /quiz -->\n",
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
            "src/chapter.md:7: quiz-chapter-1 (\"Which first?\"): the key puts `one` after \
             `two`, but examples/hello.stdout prints it before"
        ]
    );
}
