//! The notes' own words, which the pages quote beside their English: each passage marked
//! `<span class="notes" lang="ko">...</span>` must be in the notes ([`NOTES`]), word for word,
//! part by part (parts are separated by `…`), after whitespace is normalised.

use std::fs;

use crate::Workbook;
use crate::markdown::Page;

/// The learner's notes that the book answers, kept with the workbook.
pub const NOTES: &str = "notes/asyncio-notes.md";

/// How a quoted passage of the notes starts in a page.
pub const QUOTE_OPEN: &str = "<span class=\"notes\"";

/// Every quotation of the notes in `pages` that is not the notes' words, one problem a line.
pub fn problems(workbook: &Workbook, pages: &[Page]) -> Vec<String> {
    let notes = fs::read_to_string(workbook.root.join(NOTES));
    let mut problems = Vec::new();
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
    fn quotes_in_code_blocks_are_examples() {
        let text = "```text\n<span class=\"notes\">x</span>\n```\n";
        assert!(quotes(&Page::new("p.md", text)).is_empty());
    }
}
