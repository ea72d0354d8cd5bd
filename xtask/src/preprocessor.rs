//! `cargo xtask preprocessor`: the book's own mdBook preprocessor (`[preprocessor.workbook]` in
//! `book.toml`), run after mdBook's includes. It turns each question into the data the page's
//! widget reads ([`crate::quiz::rewrite`]) and each `<!-- hints: NAME -->` into that exercise's
//! hints, folded ([`crate::hints::expand`]).

use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// mdBook's preprocessor protocol. Called with `supports RENDERER`, it answers for the HTML
/// renderer only; called with no argument, it reads mdBook's `[context, book]` on stdin and
/// writes the book, rewritten, on stdout.
pub fn run(args: &[String]) -> Result<bool, String> {
    if let [supports, renderer] = args
        && supports == "supports"
    {
        return Ok(renderer == "html");
    }
    if !args.is_empty() {
        return Err(
            "mdBook runs this (book.toml names it): with `supports RENDERER`, or with the book \
             on stdin"
                .to_string(),
        );
    }
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .map_err(|e| format!("cannot read mdBook's input: {e}"))?;
    let input: Value =
        serde_json::from_str(&input).map_err(|e| format!("mdBook sent something else: {e}"))?;
    let root = PathBuf::from(input[0]["root"].as_str().unwrap_or("."));
    let mut book = input
        .get(1)
        .cloned()
        .ok_or("mdBook's input is [context, book]")?;
    if let Some(items) = book.get_mut("items") {
        rewrite_items(&root, items);
    }
    println!("{book}");
    Ok(true)
}

fn rewrite_items(root: &Path, items: &mut Value) {
    for item in items.as_array_mut().into_iter().flatten() {
        let Some(chapter) = item.get_mut("Chapter") else {
            continue;
        };
        let path = chapter["path"].as_str().unwrap_or_default().to_string();
        if let Some(content) = chapter.get_mut("content")
            && let Some(text) = content.as_str()
        {
            let text = crate::hints::expand(root, text);
            *content = Value::String(crate::quiz::rewrite(Path::new(&path), &text));
        }
        if let Some(sub) = chapter.get_mut("sub_items") {
            rewrite_items(root, sub);
        }
    }
}
