//! The Korean search index. mdBook 0.5.4 builds its search index with elasticlunr's English
//! rules, whose trimmer keeps only `[0-9a-z_]` at a word's ends, so every Hangul word is dropped;
//! and its searcher is compiled into mdBook, so `theme/` cannot replace it. After each build this
//! reads the built pages and writes `searchindex-ko.js` next to them; `theme/korean-search.js`
//! loads it when a query has Hangul in it, and shows what it finds in mdBook's search results.
//!
//! Nothing here is about this book: every page of any mdBook book is read (not `print.html`,
//! which repeats them all), and every passage (paragraph, list item, table cell, heading...)
//! with Hangul in it is indexed under the heading it follows, whatever the page's language.
//! Korean writes words with particles attached (`취소는`, `취소를`), so the index is of syllable
//! bigrams (and single syllables, for one-syllable queries), not of words: `취소` finds both.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::{Duration, SystemTime};

/// The index's file name, in the built book's directory (the searcher asks for this name).
pub const FILE: &str = "searchindex-ko.js";

/// Pages that are not pages of their own: mdBook's print page holds every chapter at once.
const SKIPPED: &[&str] = &["print.html"];

/// What the index holds: pages, the sections of each (from one heading to the next), and the
/// passages with Hangul in each section, in the order they appear.
#[derive(Debug, Default)]
pub struct Index {
    /// (URL relative to the book, title: the page's first heading)
    pub pages: Vec<(String, String)>,
    /// (page, heading id or "" before the first heading, heading text)
    pub sections: Vec<(usize, String, String)>,
    /// (section, text with its whitespace collapsed)
    pub passages: Vec<(usize, String)>,
}

/// Reads every page of the built book in `book_dir` and writes the index into it. Returns a
/// line that says what was indexed.
pub fn write(book_dir: &Path) -> Result<String, String> {
    let index = read_book(book_dir)?;
    let path = book_dir.join(FILE);
    let script = to_script(&index);
    std::fs::write(&path, &script).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let pages: BTreeSet<usize> = index
        .passages
        .iter()
        .map(|(s, _)| index.sections[*s].0)
        .collect();
    Ok(format!(
        "Korean search: {} passages with Hangul, on {} pages, indexed into {} ({} KB)",
        index.passages.len(),
        pages.len(),
        path.display(),
        script.len().div_ceil(1024)
    ))
}

/// While `mdbook serve` runs, it empties `book_dir` and builds the book again after each change;
/// this writes the index again once such a build is over: when a page is newer than the index
/// (or the index is gone) and nothing in the directory has changed for `quiet`. Returns the
/// line `write` returns, if it wrote.
pub fn refresh(book_dir: &Path, quiet: Duration) -> Result<Option<String>, String> {
    let Some(page) = modified(&book_dir.join("index.html")) else {
        return Ok(None); // no book yet, or a build under way
    };
    if modified(&book_dir.join(FILE)).is_some_and(|index| index >= page) {
        return Ok(None);
    }
    let newest = newest_file(book_dir).unwrap_or(page);
    if newest.elapsed().unwrap_or_default() < quiet {
        return Ok(None); // mdBook may still be writing
    }
    write(book_dir).map(Some)
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

fn newest_file(dir: &Path) -> Option<SystemTime> {
    let mut newest = None;
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let path = entry.path();
        let time = if path.is_dir() {
            newest_file(&path)
        } else {
            modified(&path)
        };
        newest = newest.max(time);
    }
    newest
}

/// Every HTML page under `book_dir`, relative to it, with `/` between folders, sorted.
fn html_pages(book_dir: &Path) -> Result<Vec<String>, String> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<(), String> {
        let entries =
            std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            if path.is_dir() {
                walk(&path, &format!("{prefix}{name}/"), out)?;
            } else if name.ends_with(".html") {
                out.push(format!("{prefix}{name}"));
            }
        }
        Ok(())
    }
    let mut pages = Vec::new();
    walk(book_dir, "", &mut pages)?;
    pages.sort();
    Ok(pages)
}

/// Reads every page of the built book. mdBook writes the first chapter twice, as itself and as
/// `index.html`; the copy is left out, so that each passage is found once.
pub fn read_book(book_dir: &Path) -> Result<Index, String> {
    let mut pages = Vec::new();
    for url in html_pages(book_dir)? {
        if SKIPPED.contains(&url.as_str()) {
            continue;
        }
        let path = book_dir.join(&url);
        let html = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        pages.push((url, html));
    }
    let main = |html: &str| {
        let start = html.find("<main>")?;
        Some(html[start..].split("</main>").next()?.to_string())
    };
    let mut index = Index::default();
    for (url, html) in &pages {
        let copy = url == "index.html"
            && main(html).is_some_and(|content| {
                pages
                    .iter()
                    .any(|(other, html)| other != url && main(html).as_ref() == Some(&content))
            });
        if !copy {
            read_page(url, html, &mut index);
        }
    }
    Ok(index)
}

/// Elements that end a passage where they start and where they end.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

fn heading_level(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Adds one page's sections and passages (what is inside its `<main>`) to the index. A page
/// without `<main>` (mdBook's `toc.html`) adds nothing.
pub fn read_page(url: &str, html: &str, index: &mut Index) {
    let page = index.pages.len();
    let mut in_main = false;
    let mut seen_main = false;
    let mut text = String::new();
    let mut heading: Option<(String, String)> = None; // (id, text so far)
    let mut section: Option<usize> = None;
    let mut title = String::new();

    // A section is made when it gets its first passage, so that pages and sections without
    // Hangul leave nothing in the index; headings are remembered until then.
    let mut pending: (String, String) = (String::new(), String::new());
    let flush = |text: &mut String,
                 section: &mut Option<usize>,
                 pending: &(String, String),
                 index: &mut Index| {
        let passage = collapse(text);
        text.clear();
        if !has_hangul(&passage) {
            return;
        }
        let current = match *section {
            Some(s) => s,
            None => {
                index
                    .sections
                    .push((page, pending.0.clone(), pending.1.clone()));
                *section = Some(index.sections.len() - 1);
                index.sections.len() - 1
            }
        };
        index.passages.push((current, passage));
    };

    for event in Scanner::new(html) {
        match event {
            Event::Start(name, _) if name == "main" => {
                in_main = true;
                seen_main = true;
            }
            Event::End(name) if name == "main" => {
                flush(&mut text, &mut section, &pending, index);
                in_main = false;
            }
            _ if !in_main => {}
            Event::Start(name, attrs) if heading_level(&name) => {
                flush(&mut text, &mut section, &pending, index);
                heading = Some((attribute(&attrs, "id").unwrap_or_default(), String::new()));
            }
            Event::End(name) if heading_level(&name) => {
                if let Some((id, words)) = heading.take() {
                    let words = collapse(&words);
                    if title.is_empty() {
                        title = words.clone();
                    }
                    pending = (id, words);
                    section = None;
                    // The heading is a passage of its own section.
                    flush(&mut text, &mut section, &pending, index);
                }
            }
            Event::Start(name, _) | Event::End(name) if BLOCKS.contains(&name.as_str()) => {
                flush(&mut text, &mut section, &pending, index);
            }
            Event::Start(name, _) if name == "br" => text.push(' '),
            Event::Text(words) => {
                text.push_str(&words);
                if let Some((_, heading_text)) = heading.as_mut() {
                    heading_text.push_str(&words);
                }
            }
            _ => {}
        }
    }
    // Sections name their page by its place in `pages`, which it takes only if it has any.
    if seen_main && index.sections.iter().any(|s| s.0 == page) {
        index.pages.push((url.to_string(), title));
    }
}

/// Whether `text` has a Hangul syllable or letter in it.
pub fn has_hangul(text: &str) -> bool {
    text.chars().any(|c| {
        is_syllable(c)
            || ('\u{1100}'..='\u{11FF}').contains(&c)
            || ('\u{3130}'..='\u{318F}').contains(&c)
    })
}

fn is_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The index's keys: each syllable, and each pair of syllables side by side in a word, with
/// the passages they are in.
pub fn grams(index: &Index) -> BTreeMap<String, Vec<usize>> {
    let mut grams: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (number, (_, text)) in index.passages.iter().enumerate() {
        let chars: Vec<char> = text.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if !is_syllable(c) {
                continue;
            }
            grams.entry(c.to_string()).or_default().insert(number);
            if let Some(&next) = chars.get(i + 1).filter(|n| is_syllable(**n)) {
                grams
                    .entry(format!("{c}{next}"))
                    .or_default()
                    .insert(number);
            }
        }
    }
    grams
        .into_iter()
        .map(|(gram, passages)| (gram, passages.into_iter().collect()))
        .collect()
}

/// The index as the script the searcher loads: `window.koreanSearchIndex = {...};`.
pub fn to_script(index: &Index) -> String {
    let value = serde_json::json!({
        "format": 1,
        "pages": index.pages,
        "sections": index.sections,
        "passages": index.passages,
        "grams": grams(index),
    });
    format!(
        "// The Korean search index, written by `cargo xtask book` (xtask/src/book/korean_search.rs).\n\
         window.koreanSearchIndex = {value};\n"
    )
}

/// The value of attribute `name` in a start tag's attribute text, entities decoded.
fn attribute(attrs: &str, name: &str) -> Option<String> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return None;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let key = &rest[..end];
        rest = rest[end..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (raw, tail) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let close = body.find(q).unwrap_or(body.len());
                    (&body[..close], body.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let close = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..close], &after[close..])
                }
            };
            value = decode(raw);
            rest = tail;
        }
        if key.eq_ignore_ascii_case(name) {
            return Some(value);
        }
    }
}

/// Character references, as the pages use them: the named ones HTML escaping produces, and
/// numeric ones.
fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// What the scanner sees in a page: a start tag (its name, lowercase, and its attribute text),
/// an end tag, or text with its character references decoded.
#[derive(Debug, PartialEq)]
enum Event {
    Start(String, String),
    End(String),
    Text(String),
}

/// A scanner for the HTML mdBook writes: tags, text, comments, doctype; the content of
/// `<script>` and `<style>` is skipped (the quizzes' source is in `<script>`, and is not text
/// of the page). It reads a page as a browser does as far as this index needs: which text is
/// where, and under which heading.
struct Scanner<'a> {
    rest: &'a str,
}

impl<'a> Scanner<'a> {
    fn new(html: &'a str) -> Self {
        Scanner { rest: html }
    }

    fn skip_past(&mut self, end: &str) {
        self.rest = self
            .rest
            .find(end)
            .map_or("", |at| &self.rest[at + end.len()..]);
    }
}

impl Iterator for Scanner<'_> {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            let Some(rest) = self.rest.strip_prefix('<') else {
                let end = self.rest.find('<').unwrap_or(self.rest.len());
                let text = decode(&self.rest[..end]);
                self.rest = &self.rest[end..];
                return Some(Event::Text(text));
            };
            if rest.starts_with("!--") {
                self.skip_past("-->");
                continue;
            }
            if rest.starts_with('!') || rest.starts_with('?') {
                self.skip_past(">");
                continue;
            }
            let (closing, body) = match rest.strip_prefix('/') {
                Some(body) => (true, body),
                None => (false, rest),
            };
            if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
                // A `<` that opens no tag is text.
                self.rest = rest;
                return Some(Event::Text("<".into()));
            }
            let name_end = body
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(body.len());
            let name = body[..name_end].to_ascii_lowercase();
            // The tag ends at the first `>` outside quotes.
            let mut quote = None;
            let mut end = body.len();
            for (i, c) in body.char_indices().skip(name_end) {
                match (quote, c) {
                    (None, '"' | '\'') => quote = Some(c),
                    (Some(q), _) if c == q => quote = None,
                    (None, '>') => {
                        end = i;
                        break;
                    }
                    _ => {}
                }
            }
            let attrs = body[name_end..end].to_string();
            self.rest = body.get(end + 1..).unwrap_or("");
            if closing {
                return Some(Event::End(name));
            }
            if name == "script" || name == "style" {
                // Raw text: skip to its end tag.
                let lower = self.rest.to_ascii_lowercase();
                let close = format!("</{name}");
                let at = lower.find(&close).unwrap_or(self.rest.len());
                self.rest = &self.rest[at..];
                self.skip_past(">");
                continue;
            }
            return Some(Event::Start(name, attrs));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<!DOCTYPE HTML>
<html lang="en"><head><title>Glossary - Book</title>
<script>window.x = "<main>한국어</main>";</script></head>
<body><nav><a href="x.html">탐색 (not in main)</a></nav>
<main>
<h1 id="glossary"><a class="header" href="#glossary">Glossary</a></h1>
<p>The words, in English only.</p>
<h2 id="future"><a class="header" href="#future">future</a></h2>
<ul>
<li>asyncio: a coroutine object</li>
<li>한국어: 퓨처 (future) &amp; <code>Future</code></li>
</ul>
<!-- a comment: 주석 -->
<h2 id="cancel-취소"><a class="header" href="#cancel-취소">cancel, 취소</a></h2>
<div class="summary-ko" lang='ko'><p>취소는 드롭으로<br>한다.</p></div>
<script type="text/x-quiz" id="q">- [x] 퀴즈</script>
</main>
<p>밖 (after main)</p>
</body></html>"##;

    #[test]
    fn passages_with_hangul_are_indexed_under_their_heading() {
        let mut index = Index::default();
        read_page("glossary.html", PAGE, &mut index);
        assert_eq!(index.pages, [("glossary.html".into(), "Glossary".into())]);
        assert_eq!(
            index.sections,
            [
                (0, "future".into(), "future".into()),
                (0, "cancel-취소".into(), "cancel, 취소".into())
            ]
        );
        assert_eq!(
            index.passages,
            [
                (0, "한국어: 퓨처 (future) & Future".into()),
                (1, "cancel, 취소".into()),
                (1, "취소는 드롭으로 한다.".into())
            ]
        );
    }

    #[test]
    fn bigrams_and_syllables_lead_to_passages() {
        let mut index = Index::default();
        read_page("glossary.html", PAGE, &mut index);
        let grams = grams(&index);
        assert_eq!(grams["퓨처"], [0]);
        assert_eq!(grams["취소"], [1, 2]);
        assert_eq!(grams["소는"], [2]);
        assert_eq!(grams["취"], [1, 2]);
        // Pairs are made inside a word only.
        assert!(!grams.contains_key("처f") && !grams.contains_key("로한"));
    }

    #[test]
    fn a_page_without_hangul_or_main_adds_nothing() {
        let mut index = Index::default();
        read_page(
            "a.html",
            "<main><h1 id=a>A</h1><p>English</p></main>",
            &mut index,
        );
        read_page("toc.html", "<ol><li>목차</li></ol>", &mut index);
        assert!(index.pages.is_empty() && index.sections.is_empty() && index.passages.is_empty());
        read_page("b.html", "<main><p>첫 문단</p></main>", &mut index);
        assert_eq!(index.pages, [("b.html".into(), String::new())]);
        assert_eq!(index.sections, [(0, String::new(), String::new())]);
    }

    #[test]
    fn attributes_and_references_are_read_as_a_browser_reads_them() {
        assert_eq!(
            attribute(r#" class="a" id="x&amp;y" "#, "id").as_deref(),
            Some("x&y")
        );
        assert_eq!(attribute(" id='q' class=b", "class").as_deref(), Some("b"));
        assert_eq!(attribute(" hidden id=z", "id").as_deref(), Some("z"));
        assert_eq!(attribute(" data-id=\"z\"", "id"), None);
        assert_eq!(
            decode("&#xD55C;&#44544; &lt;&gt; &unknown; a & b"),
            "한글 <> &unknown; a & b"
        );
    }

    #[test]
    fn the_script_holds_every_part_the_searcher_reads() {
        let mut index = Index::default();
        read_page("glossary.html", PAGE, &mut index);
        let script = to_script(&index);
        let json = script
            .split_once("window.koreanSearchIndex = ")
            .and_then(|(_, rest)| rest.trim_end().strip_suffix(';'))
            .unwrap();
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["format"], 1);
        assert_eq!(value["pages"][0][0], "glossary.html");
        assert_eq!(value["sections"][0][1], "future");
        assert_eq!(value["grams"]["퓨처"][0], 0);
    }
}
