//! The book's quizzes, checked against the examples' expected output, and the notes' own words,
//! which the pages quote beside their English, checked against the notes.
//!
//! A quiz is a block at the end of a page, which the browser turns into questions
//! (`theme/quiz.js`); without a script it shows nothing. Questions are separated by blank lines:
//!
//! ```text
//! <script type="text/x-quiz" id="quiz-count">
//! order: gather_with_tasks
//! ask: In what order do these lines come out?
//! - main2 start
//! - 1
//! why: The tasks run in the order they were queued.
//! see: [the output](nested-gather.md#version-1-tasks-as-gather-does-it)
//! </script>
//! ```
//!
//! The first line of a question says its kind, and for a question about a program, which
//! example (`NAME`, or `NAME.py` for its Python counterpart, whose expected output may differ):
//!
//! - `order: EXAMPLE`: the `- LINE` items are lines of the program's output, in the order it
//!   prints them (the key); the reader gets them shuffled, and puts them in order.
//! - `time: EXAMPLE`: `line: LINE` (with `nth: N` if that text is printed more than once) and
//!   choices of times, `- [x] 2.00 s` for the right one, `- [ ] 1.00 s` for the others: when is
//!   the line printed?
//! - `printed: EXAMPLE`: `- [x] LINE` for a line the program prints, `- [ ] LINE` for one it does
//!   not; the reader ticks the lines it prints.
//! - `choice:`: a question on the model (who polls, who wakes); exactly one `- [x]` choice.
//!
//! Every question has `ask:` (the question), `why:` (one line) and `see:` (a link to where the
//! book shows the program). The keys of the first three kinds are checked here against the
//! example's expected output, the same file the harness checks the program against; so a quiz
//! whose key no longer matches what the program prints fails `cargo xtask lint` and `cargo test`.
//! Lines are compared exactly, without their stamps (`[1.00s] `).
//!
//! A passage that a page quotes from the notes, in the notes' words, is marked
//! `<span class="notes" lang="ko">...</span>`; each part of it (parts are separated by `…`) must
//! be in the notes ([`NOTES`]), word for word, after whitespace is normalised.

use std::fs;
use std::path::{Path, PathBuf};

use crate::compare::timings;
use crate::markdown::{self, Page};
use crate::{Example, Expected, Workbook};

/// The learner's notes that the book answers, kept with the workbook.
pub const NOTES: &str = "notes/asyncio-notes.md";

/// How a quiz block starts and ends in a page.
const OPEN: &str = "<script type=\"text/x-quiz\"";
const CLOSE: &str = "</script>";

/// How a quoted passage of the notes starts and ends in a page.
pub const QUOTE_OPEN: &str = "<span class=\"notes\"";

/// One quiz: a block of questions in a page.
#[derive(Clone, Debug)]
pub struct Quiz {
    /// The page, relative to the workbook's root.
    pub page: PathBuf,
    /// The line of the page where the block starts, from 1.
    pub line: usize,
    /// Its `id`, which the page's script and the browser test use.
    pub id: String,
    pub questions: Vec<Question>,
}

/// What a question asks the reader to do.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// Put lines of the output in order.
    Order,
    /// Choose when a line is printed.
    Time,
    /// Tick the lines that are printed.
    Printed,
    /// Choose the one right answer about the model.
    Choice,
}

/// One question of a quiz.
#[derive(Clone, Debug)]
pub struct Question {
    /// The line of the page where it starts, from 1.
    pub line: usize,
    pub kind: Kind,
    /// The example whose output it asks about (none for a [`Kind::Choice`]).
    pub example: Option<String>,
    pub ask: String,
    /// For [`Kind::Time`]: the line asked about, and which of the lines with that text (from 1).
    pub asked: Option<String>,
    pub nth: Option<usize>,
    /// The items: lines in order ([`Kind::Order`]), or choices, each right or not.
    pub items: Vec<Item>,
    pub why: String,
    pub see: String,
}

/// One `- ...` item of a question.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub text: String,
    /// `[x]`; always true for the lines of an [`Kind::Order`] question.
    pub right: bool,
}

/// Everything wrong with the quizzes and the quotations of the notes in `pages`, one problem a
/// line.
pub fn problems(workbook: &Workbook, pages: &[Page]) -> Vec<String> {
    let mut problems = Vec::new();
    for page in pages {
        let (quizzes, malformed) = parse_page(&page.path, &page.text);
        problems.extend(malformed);
        for quiz in &quizzes {
            problems.extend(check(quiz, &workbook.examples));
        }
    }
    let notes = fs::read_to_string(workbook.root.join(NOTES));
    for page in pages {
        match &notes {
            Ok(notes) => problems.extend(quote_problems(page, notes)),
            Err(e) if !page.parsed.spans.is_empty() => problems.push(format!(
                "{}: quotes the notes, but {NOTES} cannot be read: {e}",
                page.path.display()
            )),
            Err(_) => {}
        }
    }
    problems
}

/// Every quiz of the book, and what is malformed in them.
pub fn quizzes(workbook: &Workbook) -> Result<(Vec<Quiz>, Vec<String>), String> {
    let mut all = Vec::new();
    let mut malformed = Vec::new();
    for page in markdown::pages(&workbook.root)? {
        let (quizzes, problems) = parse_page(&page.path, &page.text);
        all.extend(quizzes);
        malformed.extend(problems);
    }
    Ok((all, malformed))
}

// ---------------------------------------------------------------------------------------------
// Reading quizzes.

/// The quizzes of one page, and what is malformed in them (as problems).
pub fn parse_page(page: &Path, text: &str) -> (Vec<Quiz>, Vec<String>) {
    let text = outside_code(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut quizzes = Vec::new();
    let mut problems = Vec::new();
    let at = |line: usize| format!("{}:{line}", page.display());
    let mut n = 0;
    while n < lines.len() {
        let start = n;
        n += 1;
        if !lines[start].starts_with(OPEN) {
            continue;
        }
        let Some(id) = attribute(lines[start], "id") else {
            problems.push(format!(
                "{}: a quiz needs an id: <script type=\"text/x-quiz\" id=\"quiz-NAME\">",
                at(start + 1)
            ));
            continue;
        };
        let Some(end) = (start + 1..lines.len()).find(|&i| lines[i].trim() == CLOSE) else {
            problems.push(format!(
                "{}: quiz '{id}' has no {CLOSE} line",
                at(start + 1)
            ));
            break;
        };
        let mut quiz = Quiz {
            page: page.to_path_buf(),
            line: start + 1,
            id: id.clone(),
            questions: Vec::new(),
        };
        let body: Vec<(usize, &str)> = (start + 1..end).map(|i| (i + 1, lines[i])).collect();
        for block in body.split(|(_, l)| l.trim().is_empty()) {
            if block.is_empty() {
                continue;
            }
            match parse_question(block) {
                Ok(question) => quiz.questions.push(question),
                Err((line, why)) => {
                    let number = quiz.questions.len() + 1;
                    problems.push(format!(
                        "{}: quiz '{id}', question {number}: {why}",
                        at(line)
                    ))
                }
            }
        }
        if quiz.questions.is_empty() {
            problems.push(format!("{}: quiz '{id}' has no questions", at(start + 1)));
        }
        quizzes.push(quiz);
        n = end + 1;
    }
    (quizzes, problems)
}

/// The text of a page with its fenced code blocks blanked out, line for line: a quiz or a quote
/// shown as an example in a code block is not one.
fn outside_code(text: &str) -> String {
    let mut in_code = false;
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let fence = line.trim_start().starts_with("```");
        if !(fence || in_code) {
            out.push_str(line);
        }
        in_code ^= fence;
        out.push('\n');
    }
    out
}

/// The value of `name="..."` in an HTML tag.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = tag[start..].find('"')?;
    Some(tag[start..start + end].to_string())
}

/// Reads one question: its lines, each with its line number in the page.
fn parse_question(block: &[(usize, &str)]) -> Result<Question, (usize, String)> {
    let (first, head) = block[0];
    let (kind, example) = head
        .split_once(':')
        .map(|(k, e)| (k.trim(), e.trim()))
        .unwrap_or((head.trim(), ""));
    let kind = match kind {
        "order" => Kind::Order,
        "time" => Kind::Time,
        "printed" => Kind::Printed,
        "choice" => Kind::Choice,
        other => {
            return Err((
                first,
                format!(
                    "a question starts with its kind, `order: EXAMPLE`, `time: EXAMPLE`, \
                     `printed: EXAMPLE` or `choice:`, not `{other}`"
                ),
            ));
        }
    };
    let example = match (kind, example) {
        (Kind::Choice, "") => None,
        (Kind::Choice, _) => {
            return Err((first, "a `choice:` question names no example".to_string()));
        }
        (_, "") => {
            return Err((first, format!("`{head}` needs the example it asks about")));
        }
        (_, name) => Some(name.to_string()),
    };
    let mut question = Question {
        line: first,
        kind,
        example,
        ask: String::new(),
        asked: None,
        nth: None,
        items: Vec::new(),
        why: String::new(),
        see: String::new(),
    };
    for &(n, line) in &block[1..] {
        if let Some(item) = line.strip_prefix("- ") {
            let item = item.trim();
            let (right, text) = if let Some(t) = item.strip_prefix("[x] ") {
                (true, t)
            } else if let Some(t) = item.strip_prefix("[ ] ") {
                (false, t)
            } else if kind == Kind::Order {
                (true, item)
            } else {
                return Err((
                    n,
                    format!("a choice is `- [x] TEXT` (right) or `- [ ] TEXT`, not `{line}`"),
                ));
            };
            if kind == Kind::Order && item.starts_with('[') && item != text {
                return Err((
                    n,
                    "the lines of an `order` question have no [x]".to_string(),
                ));
            }
            question.items.push(Item {
                text: text.trim().to_string(),
                right,
            });
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err((n, format!("`{line}` is not `key: value` or `- item`")));
        };
        let value = value.trim().to_string();
        match key.trim() {
            "ask" => question.ask = value,
            "why" => question.why = value,
            "see" => question.see = value,
            "line" if kind == Kind::Time => question.asked = Some(value),
            "nth" if kind == Kind::Time => {
                question.nth = Some(
                    value
                        .parse()
                        .ok()
                        .filter(|&n| n > 0)
                        .ok_or((n, format!("`nth: {value}` needs a number from 1")))?,
                )
            }
            other => return Err((n, format!("unknown key `{other}`"))),
        }
    }
    for (field, value) in [
        ("ask", &question.ask),
        ("why", &question.why),
        ("see", &question.see),
    ] {
        if value.is_empty() {
            return Err((first, format!("`{field}:` is missing")));
        }
    }
    if !question.see.contains("](") {
        return Err((
            first,
            "`see:` needs a link to where the book shows it".to_string(),
        ));
    }
    if kind == Kind::Time && question.asked.is_none() {
        return Err((first, "a `time` question needs `line: LINE`".to_string()));
    }
    Ok(question)
}

// ---------------------------------------------------------------------------------------------
// Checking quizzes against the expected output.

/// One printed line of an expected output: its text without the stamp, and the stamp.
struct Printed<'a> {
    text: &'a str,
    stamp: Option<f64>,
}

fn printed(output: &str) -> Vec<Printed<'_>> {
    output
        .lines()
        .map(|line| {
            let stamp = timings(line).into_iter().find(|t| t.stamp);
            let text = match stamp {
                Some(_) => line.split_once("] ").map_or("", |(_, rest)| rest),
                None => line,
            };
            Printed {
                text,
                stamp: stamp.map(|t| t.seconds),
            }
        })
        .collect()
}

/// What is wrong with a quiz's questions, checked against the examples' expected output.
pub fn check(quiz: &Quiz, examples: &[Example]) -> Vec<String> {
    let mut problems = Vec::new();
    for (number, question) in quiz.questions.iter().enumerate() {
        let mut ask = question.ask.clone();
        if ask.chars().count() > 60 {
            ask = ask.chars().take(57).collect::<String>() + "...";
        }
        let prefix = format!(
            "{}:{}: quiz '{}', question {} (\"{ask}\")",
            quiz.page.display(),
            question.line,
            quiz.id,
            number + 1,
        );
        for why in check_question(question, examples) {
            problems.push(format!("{prefix}: {why}"));
        }
    }
    problems
}

fn check_question(question: &Question, examples: &[Example]) -> Vec<String> {
    let items = &question.items;
    let rights = items.iter().filter(|i| i.right).count();
    let mut problems = Vec::new();
    match question.kind {
        Kind::Order if items.len() < 2 => problems.push("it needs two lines to order".into()),
        Kind::Time | Kind::Choice if rights != 1 || items.len() < 2 => problems.push(format!(
            "it needs two choices or more, exactly one of them `[x]` (it has {} of {})",
            rights,
            items.len()
        )),
        Kind::Printed if items.len() < 2 => problems.push("it needs two choices or more".into()),
        _ => {}
    }
    let Some(name) = &question.example else {
        return problems;
    };
    let Some(example) = examples.iter().find(|e| &e.name == name) else {
        problems.push(format!(
            "it asks about '{name}', which is not an example (`cargo xtask list` shows them)"
        ));
        return problems;
    };
    let file = example.expected_file.display();
    let Expected::Output(output) = &example.expected else {
        problems.push(format!("{file} is not the expected output of a program"));
        return problems;
    };
    let lines = printed(output);
    let is_printed = |text: &str| lines.iter().any(|l| l.text == text);
    match question.kind {
        Kind::Order => {
            // The key must be the order of the output: each line found after the one before.
            let mut from = 0;
            for (i, item) in items.iter().enumerate() {
                match lines[from..].iter().position(|l| l.text == item.text) {
                    Some(at) => from += at + 1,
                    None if !is_printed(&item.text) => {
                        problems.push(format!("`{}` is not a line of {file}", item.text));
                        break;
                    }
                    None => {
                        let before = &items[i - 1].text;
                        problems.push(format!(
                            "the key puts `{}` after `{before}`, but {file} prints it before",
                            item.text
                        ));
                        break;
                    }
                }
            }
        }
        Kind::Time => {
            let asked = question.asked.as_deref().unwrap_or_default();
            let matching: Vec<&Printed> = lines.iter().filter(|l| l.text == asked).collect();
            if matching.len() > 1 && question.nth.is_none() {
                problems.push(format!(
                    "{file} prints `{asked}` {} times: say which with `nth: N`",
                    matching.len()
                ));
                return problems;
            }
            let nth = question.nth.unwrap_or(1);
            let Some(line) = matching.get(nth - 1) else {
                problems.push(format!(
                    "{file} prints `{asked}` {} time(s), not {nth}",
                    matching.len()
                ));
                return problems;
            };
            let Some(stamp) = line.stamp else {
                problems.push(format!("{file} prints `{asked}` with no stamp"));
                return problems;
            };
            for item in items {
                let Some(time) = timings(&item.text).first().map(|t| t.seconds) else {
                    problems.push(format!("the choice `{}` is not a time", item.text));
                    continue;
                };
                let same = (time - stamp).abs() < 0.0005;
                if item.right && !same {
                    problems.push(format!(
                        "the key says `{asked}` is printed at {}, but {file} prints it at {stamp:.2} s",
                        item.text
                    ));
                } else if !item.right && same {
                    problems.push(format!(
                        "the choice {} is marked wrong, but {file} prints `{asked}` then",
                        item.text
                    ));
                }
            }
        }
        Kind::Printed => {
            for item in items {
                match (item.right, is_printed(&item.text)) {
                    (true, false) => problems.push(format!(
                        "the key says `{}` is printed, but it is not a line of {file}",
                        item.text
                    )),
                    (false, true) => problems.push(format!(
                        "the key says `{}` is not printed, but {file} prints it",
                        item.text
                    )),
                    _ => {}
                }
            }
        }
        Kind::Choice => {}
    }
    problems
}

// ---------------------------------------------------------------------------------------------
// The notes' words.

/// The passages a page quotes from the notes, each with its line: the text of each
/// `<span class="notes">` (its lines joined, without the `>` of a block quote).
pub fn quotes(page: &Page) -> Vec<(usize, String)> {
    page.parsed
        .spans
        .iter()
        .map(|(line, raw)| {
            let joined: Vec<&str> = raw
                .lines()
                .map(|l| l.trim_start().trim_start_matches('>').trim())
                .collect();
            (*line, joined.join(" "))
        })
        .collect()
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The quoted passages of a page that are not the notes' words.
pub fn quote_problems(page: &Page, notes: &str) -> Vec<String> {
    let notes = normalise(notes);
    let mut problems = Vec::new();
    let path = page.path.display();
    for (line, quote) in quotes(page) {
        for part in quote.split('…').map(normalise) {
            if part.is_empty() {
                problems.push(format!(
                    "{path}:{line}: an empty part in a quotation of the notes"
                ));
            } else if !notes.contains(&part) {
                problems.push(format!(
                    "{path}:{line}: \"{part}\" is quoted as the notes' words, but {NOTES} does \
                     not say it (quote the notes word for word, and mark a gap with …)"
                ));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_may_run_over_the_lines_of_a_block_quote() {
        let page = Page::new(
            "p.md",
            "a\n> <span class=\"notes\" lang=\"ko\">하나\n> 둘 … 셋</span> b\n",
        );
        assert_eq!(quotes(&page), vec![(2, "하나 둘 … 셋".to_string())]);
        assert!(quote_problems(&page, "하나  둘\n넷 셋").is_empty());
        let wrong = quote_problems(&page, "하나 둘 넷");
        assert_eq!(wrong.len(), 1, "{wrong:?}");
        assert!(wrong[0].starts_with("p.md:2: \"셋\""), "{wrong:?}");
    }

    #[test]
    fn quizzes_and_quotes_in_code_blocks_are_examples() {
        let text = "```text\n<script type=\"text/x-quiz\" id=\"q\">\n</script>\n\
                    <span class=\"notes\">x</span>\n```\n";
        assert!(quotes(&Page::new("p.md", text)).is_empty());
        let (quizzes, problems) = parse_page(Path::new("p.md"), text);
        assert!(quizzes.is_empty() && problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn stamps_are_not_part_of_a_line() {
        let lines = printed("[1.00s] main2 end\nexecuted in 3.00 seconds.\n");
        assert_eq!(lines[0].text, "main2 end");
        assert_eq!(lines[0].stamp, Some(1.0));
        assert_eq!(lines[1].text, "executed in 3.00 seconds.");
        assert_eq!(lines[1].stamp, None);
    }

    #[test]
    fn a_malformed_question_is_named_by_its_line() {
        let text = "x\n<script type=\"text/x-quiz\" id=\"quiz-x\">\nguess: a\nask: ?\n</script>\n";
        let (_, problems) = parse_page(Path::new("p.md"), text);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("p.md:3: quiz 'quiz-x', question 1: "));
        assert!(problems[1].contains("has no questions"));
    }
}
