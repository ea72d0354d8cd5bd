//! "Did you mean ...?" for mistyped names. Edit distance comes from `strsim`.

/// The error for an unknown name: says what was not found, the closest known names, and where
/// to see them all.
pub fn unknown(kind: &str, name: &str, known: &[&str], list_command: &str) -> String {
    let close = closest(name, known);
    let hint = match close.as_slice() {
        [] => String::new(),
        [one] => format!("; did you mean '{one}'?"),
        many => format!(
            "; did you mean one of {}?",
            many.iter()
                .map(|n| format!("'{n}'"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    format!("unknown {kind} '{name}'{hint} (`{list_command}` shows all)")
}

/// Known names close to `name`, best first, at most three. A name is close when the typo is
/// small compared with the whole name, one of its `_`-separated words, or its start.
pub fn closest<'a>(name: &str, known: &[&'a str]) -> Vec<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    let mut scored: Vec<(usize, &str)> = known
        .iter()
        .map(|k| (distance_to_name(name, k), *k))
        .filter(|(d, _)| *d <= limit)
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, k)| k).collect()
}

fn distance_to_name(name: &str, known: &str) -> usize {
    let start: String = known.chars().take(name.chars().count()).collect();
    known
        .split('_')
        .chain([known, start.as_str()])
        .map(|part| levenshtein(name, part))
        .min()
        .unwrap_or(usize::MAX)
}

/// The number of single-character edits that turn `a` into `b`.
pub fn levenshtein(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

/// The exercise a short name means: `ex1`, `ex01` or `1` for `ex01_concurrent_counts`.
pub fn by_number<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    let digits = name.strip_prefix("ex").unwrap_or(name);
    let number: u32 = digits.parse().ok()?;
    let prefix = format!("ex{number:02}_");
    known.iter().copied().find(|k| k.starts_with(&prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    const KNOWN: [&str; 4] = [
        "count_concurrent",
        "count_sequential",
        "gather_with_tasks",
        "gather_with_zip",
    ];

    #[test]
    fn typos_find_their_names() {
        assert_eq!(closest("count_concurent", &KNOWN), ["count_concurrent"]);
        assert_eq!(
            closest("cout", &KNOWN),
            ["count_concurrent", "count_sequential"]
        );
        assert_eq!(
            closest("gather", &KNOWN),
            ["gather_with_tasks", "gather_with_zip"]
        );
        assert!(closest("xyz", &KNOWN).is_empty());
    }

    #[test]
    fn the_message_says_what_to_do() {
        assert_eq!(
            unknown("example", "cout", &KNOWN, "cargo xtask list"),
            "unknown example 'cout'; did you mean one of 'count_concurrent', 'count_sequential'? \
             (`cargo xtask list` shows all)"
        );
        assert_eq!(
            unknown("example", "zzz", &KNOWN, "cargo xtask list"),
            "unknown example 'zzz' (`cargo xtask list` shows all)"
        );
    }

    #[test]
    fn short_exercise_names_find_theirs() {
        let known = ["ex01_concurrent_counts", "ex12_at_most_two"];
        assert_eq!(by_number("ex1", &known), Some("ex01_concurrent_counts"));
        assert_eq!(by_number("12", &known), Some("ex12_at_most_two"));
        assert_eq!(by_number("ex3", &known), None);
        assert_eq!(by_number("count", &known), None);
    }

    #[test]
    fn levenshtein_counts_edits() {
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("same", "same"), 0);
    }
}
