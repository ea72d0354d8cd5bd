//! The definitions of a Rust file, read as text: comments and string literals are set aside,
//! items are found by their keywords, and methods by the braces of the `impl` or `trait` block
//! that holds them. It is not a parser, but it is exact about what it accepts (see the tests).

use super::Definitions;

/// Reads Rust source: items by their keyword, and methods by the `impl` or `trait` block they
/// are in (found by matching braces, with comments and literals set aside).
pub(super) fn definitions(text: &str) -> Definitions {
    let code = strip_rust(text);
    let tokens = words(&code);
    let mut items = Vec::new();
    for pair in tokens.windows(2) {
        let ((_, keyword), (_, name)) = (pair[0], pair[1]);
        let kind = match keyword {
            "fn" => "fn",
            "struct" => "struct",
            "enum" => "enum",
            "trait" => "trait",
            "type" => "type",
            "union" => "union",
            _ => continue,
        };
        items.push((kind, name.to_string()));
    }
    // `pub use` re-exports: every name in the item up to its `;`.
    for (i, &(at, word)) in tokens.iter().enumerate() {
        if word == "use" && is_public(&code[..at]) {
            let end = code[at..].find(';').map_or(code.len(), |e| at + e);
            for &(_, name) in tokens[i + 1..].iter().take_while(|(w, _)| *w < end) {
                items.push(("use", name.to_string()));
            }
        }
    }
    let mut blocks = Vec::new();
    for &(at, word) in &tokens {
        if word != "impl" && word != "trait" {
            continue;
        }
        let rest = &code[at + word.len()..];
        let Some(open) = rest.find(['{', ';']) else {
            continue;
        };
        if rest.as_bytes()[open] == b';' {
            continue;
        }
        let header: Vec<String> = words_in(&rest[..open]);
        let body_start = at + word.len() + open;
        let body = &code[body_start..matching_brace(&code, body_start)];
        let methods = words(body)
            .windows(2)
            .filter(|w| w[0].1 == "fn")
            .map(|w| w[1].1.to_string())
            .collect();
        blocks.push((header, methods));
    }
    Definitions {
        items,
        blocks,
        block_word: "impl",
    }
}

/// Rust source with comments, string literals and char literals replaced by spaces (newlines
/// kept), so that braces and keywords in them do not count.
fn strip_rust(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if (c == 'r' || c == 'b') && (i == 0 || !ident(chars[i - 1])) && {
            let mut j = i + 1;
            if c == 'b' && chars.get(j) == Some(&'r') {
                j += 1;
            }
            while chars.get(j) == Some(&'#') {
                j += 1;
            }
            chars.get(j) == Some(&'"') && (j > i + 1)
        } {
            // A raw (or byte) string: r"..", r#".."#, b"..", br#".."#.
            let mut j = i + 1;
            if c == 'b' && chars.get(j) == Some(&'r') {
                j += 1;
            }
            let raw = chars[i..j].contains(&'r');
            let hashes = chars[j..].iter().take_while(|&&h| h == '#').count();
            j += hashes + 1;
            out.extend(std::iter::repeat_n(' ', j - i));
            i = j;
            while i < chars.len() {
                if !raw && chars[i] == '\\' {
                    out.push(' ');
                    out.push(chars.get(i + 1).copied().map_or(' ', blank));
                    i += 2;
                    continue;
                }
                if chars[i] == '"'
                    && chars[i + 1..].iter().take_while(|&&h| h == '#').count() >= hashes
                {
                    out.extend(std::iter::repeat_n(' ', 1 + hashes));
                    i += 1 + hashes;
                    break;
                }
                out.push(blank(chars[i]));
                i += 1;
            }
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{..}'), or a lifetime ('a), which is kept.
            let end = if next == Some('\\') {
                chars[i + 2..]
                    .iter()
                    .position(|&q| q == '\'')
                    .map(|p| i + 2 + p)
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(end) => {
                    out.extend(std::iter::repeat_n(' ', end + 1 - i));
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Whether the code before an item ends with `pub` or `pub(...)`.
fn is_public(before: &str) -> bool {
    let before = before.trim_end();
    if before.ends_with("pub") {
        return true;
    }
    before.strip_suffix(')').is_some_and(|b| {
        b.rsplit_once("pub(")
            .is_some_and(|(_, inside)| !inside.contains(['(', ')', ';', '{', '}']))
    })
}

/// The identifiers of a text, with their byte offsets.
fn words(code: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    let mut start = None;
    for (i, c) in code.char_indices().chain([(code.len(), ' ')]) {
        let part = c.is_alphanumeric() || c == '_';
        match (start, part) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                found.push((s, &code[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    found
}

fn words_in(code: &str) -> Vec<String> {
    words(code)
        .into_iter()
        .map(|(_, w)| w.to_string())
        .collect()
}

/// The offset just past the `}` that closes the `{` at `open`.
fn matching_brace(code: &str, open: usize) -> usize {
    let mut depth = 0usize;
    for (i, c) in code[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return open + i + 1;
                }
            }
            _ => {}
        }
    }
    code.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Language;

    #[test]
    fn rust_definitions_ignore_comments_and_strings() {
        let code = r##"
/// fn in_a_doc_comment() {}
impl<'a> Reactor<'a> {
    pub(crate) fn lock(&self) -> char { let _ = "}"; let _ = '{'; 'x' }
    unsafe fn spawn_inner<T: 'a>(&self) { let _ = r#"fn fake() {"#; }
}
fn after() {}
pub use inner::{block_on, Timer};
"##;
        let defs = definitions(code);
        for name in ["Reactor::lock", "Reactor::spawn_inner", "after", "block_on"] {
            assert!(defs.defines(name, Language::Rust).is_ok(), "{name}");
        }
        for name in ["in_a_doc_comment", "fake", "Reactor::after", "Timer::lock"] {
            assert!(defs.defines(name, Language::Rust).is_err(), "{name}");
        }
    }
}
