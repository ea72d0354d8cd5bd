//! The book's questions. A question about a program comes before that program's output, which
//! stays folded until the reader has answered; its answer key is checked against the program's
//! expected output, the file the harness checks the program against. Each question is read from
//! the page once, here: `cargo xtask lint` checks it, and the book's preprocessor
//! ([`crate::preprocessor`]) turns it into the data the page's widget (`theme/quiz.js`) and the
//! browser test read ([`rewrite`]).
//!
//! A question is ordinary Markdown between two comments, so that a translation tool (which
//! leaves HTML aside) offers its words for translation:
//!
//! ````text
//! <!-- quiz: order gather_with_tasks -->
//! In what order do the first four lines come out?
//!
//! - main2 start
//! - 1
//!
//! The tasks run in the order they were queued.
//!
//! <!-- output -->
//! ```text
//! {{#include ../../examples/gather_with_tasks.stdout}}
//! ```
//! <!-- /output -->
//! <!-- /quiz -->
//! ````
//!
//! The opening comment gives the kind and, for a question about a program, which example
//! (`NAME`, or `NAME.py` for a Python counterpart, whose expected output may differ):
//!
//! - `order EXAMPLE`: the list holds lines of the output, in the order the program prints them
//!   (the key); the reader gets them shuffled, and puts them in order.
//! - `time EXAMPLE line="LINE"` (with `nth=N` if that line is printed more than once): the list
//!   holds times, `- [x] 2.00 s` for the right one, `- [ ] 1.00 s` for the others.
//! - `printed EXAMPLE`: `- [x] LINE` for a line the program prints, `- [ ] LINE` for one it does
//!   not.
//! - `choice`: a question on the model (who polls, who wakes); exactly one `- [x]` item.
//!
//! Everything before the list is the question (code included); the first paragraph after it says
//! why; a paragraph that is only a link may follow it (where the book explains more). A question
//! about a program ends with its output, between `<!-- output -->` and `<!-- /output -->`, which
//! must include the example's expected file, and which no part of the page above the question
//! may show: a question is answered before the answer is in sight. Lines are compared exactly,
//! without their stamps (`[1.00s] `) and the spaces they start with.

use std::ops::Range;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde_json::{Value, json};

use crate::compare::timings;
use crate::markdown::{self, Page};
use crate::{Example, Expected, Workbook};

/// How a question starts and ends in a page, and how its output does.
pub(crate) const OPEN: &str = "<!-- quiz:";
const CLOSE: &str = "<!-- /quiz -->";
const OUTPUT_OPEN: &str = "<!-- output -->";
const OUTPUT_CLOSE: &str = "<!-- /output -->";

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

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Order => "order",
            Kind::Time => "time",
            Kind::Printed => "printed",
            Kind::Choice => "choice",
        }
    }
}

/// One question, with the places of its parts in the text it was read from.
#[derive(Clone, Debug)]
pub struct Question {
    /// The page, relative to the workbook's root.
    pub page: PathBuf,
    /// The line of the page where it starts, from 1.
    pub line: usize,
    /// `quiz-PAGE-N`: the page's file name and the question's number on the page, from 1.
    pub id: String,
    pub kind: Kind,
    /// The example whose output it asks about (none for a [`Kind::Choice`]).
    pub example: Option<String>,
    /// For [`Kind::Time`]: the line asked about, and which of the lines with that text (from 1).
    pub asked: Option<String>,
    pub nth: Option<usize>,
    /// The question, as Markdown (a range of the text).
    pub ask: Range<usize>,
    /// The items: lines in order ([`Kind::Order`]), or choices, each right or not.
    pub items: Vec<Item>,
    /// Why the answer is what it is.
    pub why: Range<usize>,
    /// Where the book explains more: a paragraph that is a link.
    pub see: Option<Range<usize>>,
    /// The output it asks about, folded until the reader has answered.
    pub output: Option<Range<usize>>,
    /// The whole question, comments included.
    pub span: Range<usize>,
}

/// One item of a question's list.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Its text, as a reader sees it (the answer key compares this).
    pub text: String,
    /// `[x]`; always true for the lines of an [`Kind::Order`] question.
    pub right: bool,
    /// Its Markdown.
    pub markdown: Range<usize>,
}

/// Everything wrong with the questions of `pages`, one problem a line.
pub fn problems(workbook: &Workbook, pages: &[Page]) -> Vec<String> {
    let mut problems = Vec::new();
    for page in pages {
        for (line, range) in &page.parsed.html_blocks {
            if page.text[range.clone()].contains("<script type=\"text/x-quiz\"") {
                problems.push(format!(
                    "{}:{line}: a quiz in the old format: write each question as \
                     `<!-- quiz: KIND EXAMPLE -->` Markdown (see xtask/src/quiz.rs)",
                    page.path.display()
                ));
            }
        }
        let (questions, malformed) = parse(&page.path, &page.text);
        problems.extend(malformed);
        for question in &questions {
            problems.extend(check(question, page, &workbook.examples));
        }
    }
    problems
}

/// Every question of the book, and what is malformed in them.
pub fn questions(workbook: &Workbook) -> Result<(Vec<Question>, Vec<String>), String> {
    let mut all = Vec::new();
    let mut malformed = Vec::new();
    for page in markdown::pages(&workbook.root)? {
        let (questions, problems) = parse(&page.path, &page.text);
        all.extend(questions);
        malformed.extend(problems);
    }
    Ok((all, malformed))
}

// ---------------------------------------------------------------------------------------------
// Reading questions.

/// The questions of a page (`page` is its path, for messages and ids), and what is malformed in
/// them.
pub fn parse(page: &Path, text: &str) -> (Vec<Question>, Vec<String>) {
    let parsed = markdown::parse(text);
    let at = |line: usize| format!("{}:{line}", page.display());
    let stem = page
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut questions = Vec::new();
    let mut problems = Vec::new();
    let mut open: Option<(usize, Range<usize>)> = None;
    for (line, range) in &parsed.html_blocks {
        let html = text[range.clone()].trim();
        if html.starts_with(OPEN) {
            if let Some((line, _)) = open.replace((*line, range.clone())) {
                problems.push(format!(
                    "{}: a question with no {CLOSE} before the next",
                    at(line)
                ));
            }
        } else if html.starts_with(CLOSE) {
            let Some((line, start)) = open.take() else {
                problems.push(format!("{}: {CLOSE} closes no question", at(*line)));
                continue;
            };
            let id = format!("quiz-{stem}-{}", questions.len() + 1);
            match read_question(text, start.clone(), range.clone()) {
                Ok(mut question) => {
                    question.page = page.to_path_buf();
                    question.line = line;
                    question.id = id;
                    questions.push(question);
                }
                Err(why) => problems.push(format!("{}: {id}: {why}", at(line))),
            }
        }
    }
    if let Some((line, _)) = open {
        problems.push(format!("{}: a question with no {CLOSE}", at(line)));
    }
    (questions, problems)
}

/// The head of a question, from its opening comment: its kind, the example it asks about, and
/// the line (and which time it is printed) that a `time` question asks about.
struct Head {
    kind: Kind,
    example: Option<String>,
    line: Option<String>,
    nth: Option<usize>,
}

fn head(comment: &str) -> Result<Head, String> {
    let inside = comment
        .trim()
        .strip_prefix(OPEN)
        .and_then(|c| c.strip_suffix("-->"))
        .ok_or("the opening comment is `<!-- quiz: KIND EXAMPLE -->`")?
        .trim();
    let (kind, rest) = inside.split_once(' ').unwrap_or((inside, ""));
    let kind = match kind {
        "order" => Kind::Order,
        "time" => Kind::Time,
        "printed" => Kind::Printed,
        "choice" => Kind::Choice,
        other => {
            return Err(format!(
                "a question is `order EXAMPLE`, `time EXAMPLE line=\"LINE\"`, `printed EXAMPLE` \
                 or `choice`, not `{other}`"
            ));
        }
    };
    let rest = rest.trim();
    let (example, settings) = match rest.split_once(' ') {
        _ if rest.is_empty() => (None, ""),
        Some((example, settings)) if !example.contains('=') => (Some(example), settings),
        None if !rest.contains('=') => (Some(rest), ""),
        _ => (None, rest),
    };
    let (mut line, mut nth) = (None, None);
    let mut settings = settings.trim();
    while !settings.is_empty() {
        let (key, value) = settings
            .split_once('=')
            .ok_or(format!("`{settings}` is not `key=value`"))?;
        let (value, after) = match value.strip_prefix('"') {
            Some(quoted) => quoted
                .split_once('"')
                .ok_or(format!("`{key}=` has no closing quote"))?,
            None => value.split_once(' ').unwrap_or((value, "")),
        };
        match key.trim() {
            "line" => line = Some(value.to_string()),
            "nth" => {
                nth = Some(
                    value
                        .parse::<usize>()
                        .ok()
                        .filter(|&n| n > 0)
                        .ok_or(format!("`nth={value}` needs a number from 1"))?,
                )
            }
            other => return Err(format!("unknown setting `{other}`")),
        }
        settings = after.trim();
    }
    match (kind, &example) {
        (Kind::Choice, Some(_)) => Err("a `choice` question names no example".to_string()),
        (Kind::Choice, None) => Ok(Head {
            kind,
            example: None,
            line,
            nth,
        }),
        (_, None) => Err(format!("`{}` needs the example it asks about", kind.name())),
        (Kind::Time, Some(_)) if line.is_none() => {
            Err("a `time` question needs `line=\"LINE\"`".to_string())
        }
        (_, Some(example)) => Ok(Head {
            kind,
            example: Some(example.to_string()),
            line,
            nth,
        }),
    }
}

/// Reads the question between the comments at `open` and `close` of `text`.
fn read_question(text: &str, open: Range<usize>, close: Range<usize>) -> Result<Question, String> {
    let Head {
        kind,
        example,
        line: asked,
        nth,
    } = head(&text[open.clone()])?;
    let body_start = open.end;
    let body = &text[body_start..close.start];
    let shift = |r: Range<usize>| r.start + body_start..r.end + body_start;
    let mut ask: Option<Range<usize>> = None;
    let mut items: Vec<Item> = Vec::new();
    let mut list_seen = false;
    let mut after_list: Vec<Range<usize>> = Vec::new();
    let mut output_start: Option<usize> = None;
    let mut output: Option<Range<usize>> = None;
    let mut depth = 0;
    let mut item: Option<(usize, String, Option<bool>)> = None;
    for (event, range) in Parser::new_ext(body, markdown::options()).into_offset_iter() {
        match event {
            Event::Html(html) if depth <= 1 && html.trim() == OUTPUT_OPEN => {
                output_start = Some(range.end);
            }
            Event::Html(html) if depth <= 1 && html.trim() == OUTPUT_CLOSE => {
                let start = output_start
                    .take()
                    .ok_or(format!("{OUTPUT_CLOSE} with no open"))?;
                output = Some(shift(start..range.start));
            }
            Event::Start(tag) => {
                if depth == 0 && output_start.is_none() {
                    match tag {
                        Tag::List(_) if !list_seen => list_seen = true,
                        Tag::HtmlBlock => {}
                        _ if !list_seen => {
                            let start = ask.as_ref().map_or(range.start, |a| a.start);
                            ask = Some(start..range.end);
                        }
                        _ => after_list.push(range.clone()),
                    }
                }
                if depth == 1 && matches!(tag, Tag::Item) && list_seen && after_list.is_empty() {
                    item = Some((range.start, String::new(), None));
                }
                depth += 1;
            }
            Event::End(end) => {
                depth -= 1;
                if depth == 1
                    && end == TagEnd::Item
                    && let Some((start, text, right)) = item.take()
                {
                    let right = match (kind, right) {
                        (Kind::Order, None) => true,
                        (Kind::Order, Some(_)) => {
                            return Err("the lines of an `order` question have no [x]".into());
                        }
                        (_, Some(right)) => right,
                        (_, None) => {
                            return Err(format!(
                                "a choice is `- [x] TEXT` (right) or `- [ ] TEXT`, not `- {}`",
                                text.trim()
                            ));
                        }
                    };
                    items.push(Item {
                        text: text.trim().to_string(),
                        right,
                        markdown: shift(start..range.end),
                    });
                }
            }
            Event::TaskListMarker(checked) => {
                if let Some((_, _, right)) = item.as_mut() {
                    *right = Some(checked);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text, _)) = item.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, text, _)) = item.as_mut() {
                    text.push(' ');
                }
            }
            _ => {}
        }
    }
    if output_start.is_some() {
        return Err(format!("{OUTPUT_OPEN} has no {OUTPUT_CLOSE}"));
    }
    let ask = ask.ok_or("it has no question before its list")?;
    if !list_seen || items.is_empty() {
        return Err("it has no list of lines or choices".to_string());
    }
    let mut after = after_list.into_iter();
    let why = after
        .next()
        .ok_or("it needs a paragraph after its list that says why")?;
    let see = after.next();
    if let Some(extra) = after.next() {
        let first = body[extra.clone()].lines().next().unwrap_or_default();
        return Err(format!(
            "after its list come why, then (if any) a link to read more, and nothing else: \
             `{first}`"
        ));
    }
    if let Some(see) = &see
        && !body[see.clone()].trim_start().starts_with('[')
    {
        return Err("the paragraph after why is a link to where the book says more".to_string());
    }
    if example.is_some() && output.is_none() {
        return Err(format!(
            "a question about a program ends with its output, between {OUTPUT_OPEN} and \
             {OUTPUT_CLOSE}"
        ));
    }
    Ok(Question {
        page: PathBuf::new(),
        line: 0,
        id: String::new(),
        kind,
        example,
        asked,
        nth,
        ask: shift(ask),
        items,
        why: shift(why),
        see: see.map(shift),
        output,
        span: open.start..close.end,
    })
}

// ---------------------------------------------------------------------------------------------
// Checking questions.

/// What is wrong with a question of `page`: its key against the example's expected output, its
/// output section, and whether the page shows that output above it.
pub fn check(question: &Question, page: &Page, examples: &[Example]) -> Vec<String> {
    let mut ask: String = page.text[question.ask.clone()]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if ask.chars().count() > 60 {
        ask = ask.chars().take(57).collect::<String>() + "...";
    }
    let prefix = format!(
        "{}:{}: {} (\"{ask}\")",
        question.page.display(),
        question.line,
        question.id,
    );
    let mut problems: Vec<String> = check_question(question, examples)
        .into_iter()
        .map(|why| format!("{prefix}: {why}"))
        .collect();
    if let Some(example) = question
        .example
        .as_ref()
        .and_then(|name| examples.iter().find(|e| &e.name == name))
    {
        let file = &example.expected_file;
        let shows = |include: &String| {
            let (target, _) = crate::pages::split_anchor(include);
            crate::pages::resolve(&question.page, target) == *file
        };
        let includes = markdown::includes(&page.text);
        let output = question.output.clone().unwrap_or_default();
        let output_lines = line_of(&page.text, output.start)..=line_of(&page.text, output.end);
        if !includes
            .iter()
            .any(|(line, include)| output_lines.contains(line) && shows(include))
        {
            problems.push(format!(
                "{prefix}: its output must include {} (`{{{{#include ...}}}}` between \
                 {OUTPUT_OPEN} and {OUTPUT_CLOSE})",
                file.display()
            ));
        }
        for (line, include) in &includes {
            if *line < question.line && shows(include) {
                problems.push(format!(
                    "{prefix}: line {line} shows {}, the output it asks about, above it: ask \
                     first (move the question above it, and the output into the question)",
                    file.display()
                ));
            }
        }
    }
    problems
}

/// The line, from 1, of the byte at `offset`.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

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
            // An item of a Markdown list loses its leading spaces: so does the line.
            let text = text.trim_start();
            Printed {
                text,
                stamp: stamp.map(|t| t.seconds),
            }
        })
        .collect()
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
                    "{file} prints `{asked}` {} times: say which with `nth=N`",
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
// For the book's preprocessor.

/// The data of a question for the page's widget, its parts rendered from `text` (a chapter's
/// Markdown after mdBook's includes): `{id, kind, ask, items: [{html, text, right}], why, see,
/// output}`, each part HTML.
pub fn data(question: &Question, text: &str) -> Value {
    let html = |range: &Range<usize>| render(&text[range.clone()]);
    json!({
        "id": question.id,
        "kind": question.kind.name(),
        "ask": html(&question.ask),
        "items": question.items.iter().map(|item| json!({
            "html": render_inline(&text[item.markdown.clone()]),
            "text": item.text,
            "right": item.right,
        })).collect::<Vec<_>>(),
        "why": html(&question.why),
        "see": question.see.as_ref().map(html),
        "output": question.output.as_ref().map(html),
    })
}

/// Markdown as mdBook would render it, with links to pages (`page.md#id`) pointing at their
/// HTML.
fn render(markdown: &str) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(markdown, markdown::options()));
    html.replace(".md#", ".html#").replace(".md\"", ".html\"")
}

/// An item of a list, without its `- [x]` and the paragraph around it.
fn render_inline(item: &str) -> String {
    let body = item
        .trim_start()
        .trim_start_matches(['-', '*', '+'])
        .trim_start();
    let body = ["[x] ", "[X] ", "[ ] "]
        .iter()
        .find_map(|mark| body.strip_prefix(mark))
        .unwrap_or(body);
    let html = render(body);
    let html = html.trim();
    html.strip_prefix("<p>")
        .and_then(|h| h.strip_suffix("</p>"))
        .unwrap_or(html)
        .to_string()
}

/// A chapter's Markdown with each question replaced by the widget's place: a `div` holding the
/// question's data (JSON in a `<script>`), and the question as plain HTML for a reader without
/// JavaScript (the widget replaces it).
pub fn rewrite(chapter: &Path, text: &str) -> String {
    let (questions, _) = parse(chapter, text);
    let mut out = String::new();
    let mut last = 0;
    for question in &questions {
        out.push_str(&text[last..question.span.start]);
        let data = data(question, text).to_string().replace("</", "<\\/");
        let items: String = question
            .items
            .iter()
            .map(|i| format!("<li>{}</li>", render_inline(&text[i.markdown.clone()])))
            .collect();
        let answer = question
            .output
            .as_ref()
            .map(|o| render(&text[o.clone()]))
            .unwrap_or_default();
        // One line each: a blank line (in a code block, say) would end mdBook's HTML block, and
        // the rest would be read as Markdown. A newline written `&#10;` is still one, in a
        // `<pre>` as elsewhere.
        let plain = format!(
            "<div class=\"quiz-static\">{ask}<ul>{items}</ul><details><summary>The answer\
             </summary>{why}{answer}</details></div>",
            ask = render(&text[question.ask.clone()]),
            why = render(&text[question.why.clone()]),
        )
        .replace('\n', "&#10;");
        out.push_str(&format!(
            "\n<div class=\"quiz\" id=\"{id}\">\n<script type=\"application/json\" \
             class=\"quiz-data\">{data}</script>\n{plain}\n</div>\n",
            id = question.id,
        ));
        last = question.span.end;
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "# A page\n\n\
        <!-- quiz: time gather_with_tasks line=\"main2 end\" -->\n\
        When is `main2 end` printed?\n\n\
        - [ ] 1.00 s\n\
        - [x] 2.00 s\n\n\
        Because `main2` sleeps **2 s**.\n\n\
        [Read more](other.md#why)\n\n\
        <!-- output -->\n\
        ```text\n[2.00s] main2 end\n```\n\
        <!-- /output -->\n\
        <!-- /quiz -->\n\n\
        <!-- quiz: choice -->\nWho polls?\n\n- [x] the executor\n- [ ] the future\n\n\
        The executor polls.\n<!-- /quiz -->\n";

    #[test]
    fn a_question_is_read_part_by_part() {
        let (questions, problems) = parse(Path::new("src/page.md"), PAGE);
        assert!(problems.is_empty(), "{problems:?}");
        let q = &questions[0];
        assert_eq!(
            (q.id.as_str(), q.line, q.kind),
            ("quiz-page-1", 3, Kind::Time)
        );
        assert_eq!(q.asked.as_deref(), Some("main2 end"));
        assert_eq!(PAGE[q.ask.clone()].trim(), "When is `main2 end` printed?");
        let items: Vec<(&str, bool)> = q.items.iter().map(|i| (i.text.as_str(), i.right)).collect();
        assert_eq!(items, [("1.00 s", false), ("2.00 s", true)]);
        assert_eq!(
            PAGE[q.why.clone()].trim(),
            "Because `main2` sleeps **2 s**."
        );
        assert_eq!(
            PAGE[q.see.clone().unwrap()].trim(),
            "[Read more](other.md#why)"
        );
        assert!(PAGE[q.output.clone().unwrap()].contains("[2.00s] main2 end"));
        assert_eq!(questions[1].id, "quiz-page-2");
        assert_eq!(questions[1].kind, Kind::Choice);
    }

    #[test]
    fn the_widgets_data_is_rendered_html() {
        let (questions, _) = parse(Path::new("src/page.md"), PAGE);
        let data = data(&questions[0], PAGE);
        assert_eq!(
            data["ask"],
            "<p>When is <code>main2 end</code> printed?</p>\n"
        );
        assert_eq!(data["items"][1]["html"], "2.00 s");
        assert_eq!(data["items"][1]["right"], true);
        assert_eq!(
            data["see"],
            "<p><a href=\"other.html#why\">Read more</a></p>\n"
        );
        let rewritten = rewrite(Path::new("page.md"), PAGE);
        assert!(!rewritten.contains(OPEN), "{rewritten}");
        assert!(rewritten.contains("<div class=\"quiz\" id=\"quiz-page-1\">"));
        assert!(!rewritten.contains("</script>\n<div class=\"quiz-static\"><p>When is </p>"));
    }

    /// A blank line inside a question (in its code, say) would end mdBook's HTML block early,
    /// and mdBook would read the rest of the question's HTML as Markdown: none is left.
    #[test]
    fn a_rewritten_question_has_no_blank_line() {
        let page = "<!-- quiz: choice -->\nWhat runs?\n\n```rust\nfn a() {}\n\nfn b() {}\n```\n\n\
                    - [x] a\n- [ ] b\n\nBecause.\n<!-- /quiz -->\n";
        let rewritten = rewrite(Path::new("page.md"), page);
        let start = rewritten.find("<div class=\"quiz\"").unwrap();
        let end = rewritten.rfind("</div>").unwrap();
        assert!(!rewritten[start..end].contains("\n\n"), "{rewritten}");
        assert!(
            rewritten.contains("fn a() {}&#10;&#10;fn b() {}"),
            "{rewritten}"
        );
    }

    #[test]
    fn malformed_questions_say_what_is_wrong() {
        let cases = [
            (
                "<!-- quiz: guess x -->\nQ?\n\n- a\n\nWhy.\n<!-- /quiz -->\n",
                "not `guess`",
            ),
            (
                "<!-- quiz: time gather_with_tasks -->\nQ?\n\n- [x] 1 s\n\nWhy.\n<!-- /quiz -->\n",
                "needs `line=",
            ),
            (
                "<!-- quiz: choice -->\nQ?\n\n- a\n- [x] b\n\nWhy.\n<!-- /quiz -->\n",
                "a choice is `- [x] TEXT`",
            ),
            (
                "<!-- quiz: choice -->\nQ?\n\n- [x] a\n- [ ] b\n<!-- /quiz -->\n",
                "that says why",
            ),
            (
                "<!-- quiz: order gather_with_tasks -->\nQ?\n\n- a\n- b\n\nWhy.\n<!-- /quiz -->\n",
                "ends with its output",
            ),
            (
                "<!-- quiz: choice -->\nQ?\n\n- [x] a\n- [ ] b\n\nWhy.\n",
                "no <!-- /quiz -->",
            ),
        ];
        for (text, wanted) in cases {
            let (_, problems) = parse(Path::new("p.md"), text);
            assert!(
                problems.iter().any(|p| p.contains(wanted)),
                "{wanted:?} not in {problems:?}"
            );
        }
    }

    #[test]
    fn stamps_are_not_part_of_a_line() {
        let lines = printed("[1.00s] main2 end\nexecuted in 3.00 seconds.\n");
        assert_eq!(lines[0].text, "main2 end");
        assert_eq!(lines[0].stamp, Some(1.0));
        assert_eq!(lines[1].text, "executed in 3.00 seconds.");
        assert_eq!(lines[1].stamp, None);
    }
}
