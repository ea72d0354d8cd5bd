//! The book's Markdown, read once, as mdBook reads it: with pulldown-cmark, the parser mdBook
//! uses, and mdBook's options (`new_cmark_parser` in mdbook-markdown's `src/lib.rs`). The
//! pages, the quizzes, the citations and the notes' quotations are all checked from what this
//! module finds, so each sees headings, code and links exactly as the rendered book has them.
//!
//! It reads any page under `src/`, in any language: a translated page passes the same checks.
//! Includes (`{{#include}}`) are read from the raw text, as mdBook's preprocessor reads them,
//! before any parsing.

use std::collections::HashSet;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// One page of the book, as written and as parsed.
pub struct Page {
    /// Path relative to the workbook's root, such as `src/coroutines/count.md`.
    pub path: PathBuf,
    pub text: String,
    pub parsed: Parsed,
}

impl Page {
    /// A page at `path` (relative to the workbook's root) with `text`, parsed.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Page {
        let text = text.into();
        let parsed = parse_with_spans(&text, crate::notes::QUOTE_OPEN);
        Page {
            path: path.into(),
            text,
            parsed,
        }
    }
}

/// What a page holds, each with the line (from 1) it starts on.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Headings and definition-list terms, with the ids mdBook gives them.
    pub anchors: Vec<Anchor>,
    /// Link targets, outside code.
    pub links: Vec<(usize, String)>,
    /// Fenced and indented code blocks.
    pub code_blocks: Vec<CodeBlock>,
    /// The blocks of running text (paragraphs, headings, list items, table cells, terms), each
    /// as its pieces: text and code spans.
    pub texts: Vec<Vec<Inline>>,
    /// Raw HTML blocks, with their byte range in the page.
    pub html_blocks: Vec<(usize, Range<usize>)>,
    /// Spans of text inside inline HTML elements that open with `open` (as asked of
    /// [`parse_with_spans`]), raw: the Markdown between the opening and the closing tag.
    pub spans: Vec<(usize, String)>,
}

/// A heading, or a definition-list term.
#[derive(Clone, Debug, PartialEq)]
pub struct Anchor {
    pub line: usize,
    /// Its text, as a reader sees it.
    pub text: String,
    pub id: String,
}

/// A code block: its info string (`rust`, `text`, `sh`...; empty for an indented block) and
/// its text.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeBlock {
    pub line: usize,
    pub info: String,
    pub text: String,
}

/// A piece of running text: prose, or a code span; with the line where it starts.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    Text(String, usize),
    Code(String, usize),
}

/// mdBook's parser options, with its defaults (`smart-punctuation`, `definition-lists` and
/// `admonitions` on, as in 0.5; the book changes none of them).
pub fn options() -> Options {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_FOOTNOTES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TASKLISTS);
    options.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    options.insert(Options::ENABLE_SMART_PUNCTUATION);
    options.insert(Options::ENABLE_DEFINITION_LIST);
    options.insert(Options::ENABLE_GFM);
    options
}

/// Reads and parses every `.md` page under `src/`, in path order.
pub fn pages(root: &Path) -> Result<Vec<Page>, String> {
    let mut pages = Vec::new();
    let mut dirs = vec![PathBuf::from("src")];
    while let Some(dir) = dirs.pop() {
        let entries = fs::read_dir(root.join(&dir))
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        for entry in entries {
            let name = entry.map_err(|e| e.to_string())?.file_name();
            let path = dir.join(name);
            if root.join(&path).is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "md") {
                let text = fs::read_to_string(root.join(&path))
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                pages.push(Page::new(path, text));
            }
        }
    }
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(pages)
}

/// Parses a page.
pub fn parse(text: &str) -> Parsed {
    parse_with_spans(text, "\u{0}")
}

/// Parses a page, and collects the raw Markdown inside each inline HTML element whose opening
/// tag starts with `open` (such as `<span class="notes"`).
pub fn parse_with_spans(text: &str, open: &str) -> Parsed {
    let lines = LineIndex::new(text);
    let mut parsed = Parsed::default();
    let mut used_ids = HashSet::new();
    // The anchor being read (a heading or a term), and its text so far.
    let mut anchor: Option<(usize, String, Option<String>)> = None;
    let mut block: Vec<Inline> = Vec::new();
    let mut code: Option<(usize, String, String)> = None;
    let mut span_start: Option<(usize, usize)> = None;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        let line = lines.line_of(range.start);
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                flush(&mut block, &mut parsed.texts);
                anchor = Some((line, String::new(), id.map(|i| i.to_string())));
            }
            Event::Start(Tag::DefinitionListTitle) => {
                flush(&mut block, &mut parsed.texts);
                anchor = Some((line, String::new(), None));
            }
            Event::End(TagEnd::Heading(_) | TagEnd::DefinitionListTitle) => {
                flush(&mut block, &mut parsed.texts);
                if let Some((line, text, explicit)) = anchor.take() {
                    let id = explicit
                        .unwrap_or_else(|| unique_id(&id_from_content(&text), &mut used_ids));
                    parsed.anchors.push(Anchor { line, text, id });
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                flush(&mut block, &mut parsed.texts);
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((line, info, String::new()));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((line, info, text)) = code.take() {
                    parsed.code_blocks.push(CodeBlock { line, info, text });
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                parsed.links.push((line, dest_url.to_string()));
            }
            Event::Start(Tag::HtmlBlock) => {
                flush(&mut block, &mut parsed.texts);
            }
            Event::Html(_) => {
                parsed.html_blocks.push((line, range.clone()));
            }
            Event::Text(t) => {
                if let Some((_, _, code)) = code.as_mut() {
                    code.push_str(&t);
                    continue;
                }
                if let Some((_, text, _)) = anchor.as_mut() {
                    text.push_str(&t);
                }
                push_text(&mut block, &t, line);
            }
            Event::Code(c) => {
                if let Some((_, text, _)) = anchor.as_mut() {
                    text.push_str(&c);
                }
                block.push(Inline::Code(c.to_string(), line));
            }
            Event::SoftBreak | Event::HardBreak => push_text(&mut block, "\n", line),
            Event::InlineHtml(html) => {
                if html.starts_with(open) {
                    span_start = Some((line, range.end));
                } else if html.starts_with("</")
                    && let Some((line, start)) = span_start.take()
                {
                    parsed
                        .spans
                        .push((line, text[start..range.start].to_string()));
                }
                push_text(&mut block, &html, line);
            }
            Event::Start(
                Tag::Paragraph
                | Tag::Item
                | Tag::TableCell
                | Tag::DefinitionListDefinition
                | Tag::BlockQuote(_),
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::DefinitionListDefinition
                | TagEnd::BlockQuote(_),
            ) => flush(&mut block, &mut parsed.texts),
            _ => {}
        }
    }
    flush(&mut block, &mut parsed.texts);
    parsed
}

/// Adds text to the block being read, joined to the text before it.
fn push_text(block: &mut Vec<Inline>, text: &str, line: usize) {
    match block.last_mut() {
        Some(Inline::Text(prose, _)) => prose.push_str(text),
        _ => block.push(Inline::Text(text.to_string(), line)),
    }
}

fn flush(block: &mut Vec<Inline>, texts: &mut Vec<Vec<Inline>>) {
    if !block.is_empty() {
        texts.push(std::mem::take(block));
    }
}

/// The id mdBook gives a heading or a term of this text (`id_from_content` in mdbook-html's
/// `src/utils.rs`): lower-cased, spaces to `-`, keeping letters, digits, `_` and `-`.
pub fn id_from_content(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            c if c.is_alphanumeric() || c == '_' || c == '-' => Some(c),
            c if c.is_whitespace() => Some('-'),
            _ => None,
        })
        .collect()
}

/// `id`, or `id-1`, `id-2`... if a heading of the page has it already (`unique_id` in
/// mdbook-html's `src/utils.rs`).
fn unique_id(id: &str, used: &mut HashSet<String>) -> String {
    if used.insert(id.to_string()) {
        return id.to_string();
    }
    (1..)
        .map(|n| format!("{id}-{n}"))
        .find(|candidate| used.insert(candidate.clone()))
        .expect("some suffix is free")
}

/// The `{{#include ...}}` (and `{{#rustdoc_include ...}}`) directives of a page, with their line
/// numbers. A directive escaped with a backslash, as in `\{{#include}}`, is text, not a directive.
pub fn includes(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("{{#") {
            let escaped = rest[..at].ends_with('\\');
            let after = &rest[at + 3..];
            let Some(end) = after.find("}}") else { break };
            let directive = &after[..end];
            if !escaped {
                for kind in ["include ", "rustdoc_include "] {
                    if let Some(arg) = directive.strip_prefix(kind) {
                        found.push((n + 1, arg.trim().to_string()));
                    }
                }
            }
            rest = &after[end + 2..];
        }
    }
    found
}

/// Byte offsets to line numbers.
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        LineIndex(starts)
    }

    /// The line, from 1, of the byte at `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_and_term_ids_follow_mdbook() {
        let parsed = parse(
            "# Nested gather: tasks or zip?\n\n## Version 1: tasks, as `gather` does it\n\n\
             ## Limits\n\n## Limits\n\n```sh\n# not a heading\n```\n\n\
             `asyncio.run(main())`\n: runs it\n\n## Custom {#mine}\n",
        );
        let ids: Vec<&str> = parsed.anchors.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "nested-gather-tasks-or-zip",
                "version-1-tasks-as-gather-does-it",
                "limits",
                "limits-1",
                "asynciorunmain",
                "mine",
            ]
        );
        assert_eq!(parsed.anchors[1].line, 3);
    }

    #[test]
    fn both_kinds_of_fence_are_code_and_hide_what_is_in_them() {
        let parsed = parse(
            "```rust\nfn a() {}\n```\n\n~~~text\n# no heading\n[no](link)\n~~~\n\n    indented\n",
        );
        let blocks: Vec<(&str, &str)> = parsed
            .code_blocks
            .iter()
            .map(|b| (b.info.as_str(), b.text.as_str()))
            .collect();
        assert_eq!(
            blocks,
            [
                ("rust", "fn a() {}\n"),
                ("text", "# no heading\n[no](link)\n"),
                ("", "indented\n")
            ]
        );
        assert!(parsed.anchors.is_empty() && parsed.links.is_empty());
    }

    #[test]
    fn code_spans_keep_their_lines_and_text_blocks_their_pieces() {
        let parsed = parse("See `Task::cancel` in\nasync-task's `src/task.rs`.\n\n- item `x`\n");
        assert_eq!(
            parsed.texts[0],
            [
                Inline::Text("See ".into(), 1),
                Inline::Code("Task::cancel".into(), 1),
                Inline::Text(" in\nasync-task’s ".into(), 1),
                Inline::Code("src/task.rs".into(), 2),
                Inline::Text(".".into(), 2),
            ]
        );
        assert_eq!(parsed.texts[1][1], Inline::Code("x".into(), 4));
    }

    #[test]
    fn spans_are_read_raw() {
        let parsed = parse_with_spans(
            "Quoted: <span class=\"notes\" lang=\"ko\">`await`를 사용\n하여</span>.\n",
            "<span class=\"notes\"",
        );
        assert_eq!(parsed.spans, [(1, "`await`를 사용\n하여".to_string())]);
    }

    #[test]
    fn includes_skip_escaped_directives() {
        let text = "{{#include ../a.rs:main}}\nsee `\\{{#include}}`\n";
        assert_eq!(includes(text), vec![(1, "../a.rs:main".to_string())]);
    }
}
