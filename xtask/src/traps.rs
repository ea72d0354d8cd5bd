//! The common traps of async Rust, told apart from other mistakes, so that a failed check can say
//! what the reader most likely did, not only what came out:
//!
//! - a guard or permit bound to `let _ = ...` (dropped on that line, so it guards nothing): a
//!   call that gives one (`.lock()`, `.acquire()`...), or any value the solution keeps in a name;
//! - a task dropped: `ex.spawn(...);` as a statement, or `let _ = ex.spawn(...)` (a `Task` that
//!   is dropped is cancelled, unlike an asyncio task);
//! - a blocking call in async code (`std::thread::sleep`, a blocking receive...), which stops
//!   every task of the thread, and a `std::sync::Mutex` where an async one is needed;
//! - a task detached where something must wait for it;
//! - a right order for the wrong reason: an exercise whose program runs twice, with other inputs
//!   the second time (its expected output has a line `-- ...` between the runs), and whose first
//!   run comes out right and second wrong.
//!
//! Each trap is looked for in the reader's code with its comments removed, and only where the
//! reference solution does not do the same thing on purpose (a solution that sleeps a thread in
//! a helper thread, say, keeps that from being called a trap).

use crate::compare::{Diff, DiffLine};
use crate::{Expected, Verdict};

/// Calls that give a guard or a permit back: dropped at once when bound to `_`.
const GUARDS: [&str; 7] = [
    ".lock()",
    ".lock_arc()",
    ".acquire()",
    ".acquire_arc()",
    ".read()",
    ".write()",
    ".upgradable_read()",
];

/// Calls that block the thread they run on.
const BLOCKING: [(&str, &str); 5] = [
    ("thread::sleep(", "`std::thread::sleep`"),
    (".recv_blocking()", "`recv_blocking`"),
    (".send_blocking(", "`send_blocking`"),
    ("block_on(", "a `block_on` inside async code"),
    ("std::fs::", "a call of `std::fs`"),
];

/// What to tell the reader about the traps their `code` falls into, given the reference
/// `solution`, what the exercise must print and how the check went. Empty when none applies.
pub fn advice(code: &str, solution: &str, expected: &Expected, verdict: &Verdict) -> Vec<String> {
    let code = without_comments(code);
    let solution = without_comments(solution);
    let mut advice = Vec::new();
    // A guard-giving call bound to `_`, or anything the solution keeps in a name.
    let kept = named_values(&solution);
    let guard = |l: &str| {
        l.strip_prefix("let _ =").is_some_and(|value| {
            GUARDS.iter().any(|g| value.contains(g)) || kept.contains(&value.trim())
        })
    };
    let solution_drops = |l: &str| l.starts_with("let _ =") && GUARDS.iter().any(|g| l.contains(g));
    if let Some(line) = find_line(&code, guard)
        && find_line(&solution, solution_drops).is_none()
    {
        advice.push(format!(
            "`{line}` drops what it gets on that very line: `_` is not a name, so nothing holds \
             the guard or permit, and it guards nothing. Give it a name (`let _permit = ...`) to \
             hold it until the end of the block."
        ));
    }
    let dropped = dropped_tasks(&code);
    if let Some(line) = dropped.first()
        && dropped.len() > dropped_tasks(&solution).len()
    {
        advice.push(format!(
            "`{line}` drops the `Task` that `spawn` returns, and a dropped `Task` is cancelled \
             (an asyncio task runs on without its handle; a Rust one does not). Keep it and \
             `.await` it, or call `.detach()` on it to let it run on its own."
        ));
    }
    for (call, name) in BLOCKING {
        if code.matches(call).count() > solution.matches(call).count() {
            advice.push(format!(
                "{name} blocks the whole thread, and every task on it waits too: in async code, \
                 wait with `.await` (`Timer::after(...).await`, `recv().await`), or move blocking \
                 work off the executor with `smol::unblock`."
            ));
        }
    }
    if code.matches(".detach()").count() > solution.matches(".detach()").count() {
        advice.push(
            "A detached task runs on its own, and nothing waits for it: when the executor is \
             dropped (at the end of the program, say), it is cancelled wherever it is. If \
             something must happen only after it is done, keep its `Task` and `.await` it."
                .to_string(),
        );
    }
    if code.matches("sync::Mutex").count() > solution.matches("sync::Mutex").count() {
        advice.push(
            "A `std::sync::Mutex` blocks the thread while it waits for its lock, and a guard \
             held across an `.await` keeps every other task of that thread waiting for it: with \
             one thread, for ever. In async code, take `smol::lock::Mutex`, whose `lock()` is \
             awaited (see the page on locks across `.await`)."
                .to_string(),
        );
    }
    if let (Verdict::WrongOutput(diff), Expected::Output(text)) = (verdict, expected)
        && first_run_right(diff, text)
    {
        advice.push(
            "The first run comes out right, and the next, with other inputs, does not: what your \
             program does holds for the first run's inputs only, not for the reason the exercise \
             asks for. Compare what differs between the runs, and the first line that differs."
                .to_string(),
        );
    }
    advice
}

/// The code without its `//` comments (doc comments included); a `//` inside a string literal
/// is kept.
fn without_comments(code: &str) -> String {
    code.lines()
        .map(|line| {
            let mut in_string = false;
            let bytes = line.as_bytes();
            let mut end = line.len();
            let mut i = 0;
            while i < bytes.len() {
                match bytes[i] {
                    b'\\' if in_string => i += 1,
                    b'"' => in_string = !in_string,
                    b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => {
                        end = i;
                        break;
                    }
                    _ => {}
                }
                i += 1;
            }
            &line[..end]
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The values `code` binds to a name (`let name = VALUE;`, `let mut name = VALUE;`), trimmed:
/// a value the solution keeps, a reader's `let _ = VALUE;` drops at once.
fn named_values(code: &str) -> Vec<&str> {
    code.lines()
        .filter_map(|l| {
            let rest = l.trim().strip_prefix("let ")?;
            let rest = rest.strip_prefix("mut ").unwrap_or(rest);
            let (name, value) = rest.split_once(" = ")?;
            let is_name = name != "_" && name.chars().all(|c| c.is_alphanumeric() || c == '_');
            is_name.then(|| value.trim())
        })
        .collect()
}

/// The first line (trimmed) for which `test` holds.
fn find_line(code: &str, test: impl Fn(&str) -> bool) -> Option<String> {
    code.lines()
        .map(str::trim)
        .find(|l| test(l))
        .map(str::to_string)
}

/// Statements that spawn a task and drop it: `x.spawn(...);` with nothing taking the `Task`, or
/// `let _ = x.spawn(...)`; each as its first line.
fn dropped_tasks(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (start, _) in code.match_indices("spawn(") {
        // The statement this call begins, if it begins one: only a path before it on its line.
        let line_start = code[..start].rfind('\n').map_or(0, |i| i + 1);
        let before = code[line_start..start].trim_start();
        let is_path = before
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == ':');
        let bound_to_nothing = before.strip_prefix("let _ =").is_some_and(|rest| {
            rest.trim()
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == ':')
        });
        if !(is_path || bound_to_nothing) {
            continue;
        }
        // The spawn's closing parenthesis, then what follows it.
        let open = start + "spawn".len();
        let Some(close) = matching_paren(code, open) else {
            continue;
        };
        let after = code[close + 1..].trim_start();
        let dropped = if bound_to_nothing {
            !after.starts_with(".detach()")
        } else {
            after.starts_with(';')
        };
        if dropped {
            let line = code[line_start..].lines().next().unwrap_or_default();
            found.push(line.trim().to_string());
        }
    }
    found
}

/// The index of the `)` that closes the `(` at `open`, skipping string literals.
fn matching_paren(code: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in code[open..].char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether an exercise that runs twice (a `-- ...` line in its expected output between the
/// runs) printed its first run right and went wrong only in a later one.
fn first_run_right(diff: &Diff, expected: &str) -> bool {
    let Some(marker) = expected.lines().position(is_marker) else {
        return false;
    };
    let mut matched = 0;
    for line in &diff.lines {
        match line {
            DiffLine::Same(_) => matched += 1,
            DiffLine::Skipped(n) => matched += n,
            _ => break,
        }
    }
    matched > marker
}

/// A line between two runs of a program: `-- again, with other durations`, stamped or not.
fn is_marker(line: &str) -> bool {
    let text = match line.strip_prefix('[') {
        Some(rest) => rest.split_once("] ").map_or(line, |(_, text)| text),
        None => line,
    };
    text.starts_with("-- ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn advice_for(code: &str, solution: &str) -> Vec<String> {
        advice(code, solution, &Expected::Missing, &Verdict::Busy)
    }

    #[test]
    fn a_guard_bound_to_underscore_is_named() {
        let found = advice_for(
            "async fn job() {\n    let _ = permits.acquire().await;\n    work().await;\n}\n",
            "let _permit = permits.acquire().await;\n",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("`let _ = permits.acquire().await;` drops"));
        // A named guard, or one in a comment, is no trap.
        assert!(advice_for("let _permit = m.lock().await;\n// let _ = m.lock();\n", "").is_empty());
        // A guard of the exercise's own, which the solution keeps in a name.
        let found = advice_for(
            "let _ = Transaction::begin();\n",
            "let mut tx = Transaction::begin();\n",
        );
        assert!(
            found[0].starts_with("`let _ = Transaction::begin();` drops"),
            "{found:?}"
        );
    }

    #[test]
    fn a_dropped_task_is_named() {
        let code = "ex.spawn(async move {\n    say!(\"hi\");\n});\nlet _ = smol::spawn(f());\n";
        let found = advice_for(code, "");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("`ex.spawn(async move {` drops the `Task`"),
            "{found:?}"
        );
        assert_eq!(dropped_tasks(code).len(), 2);
        // Kept, awaited, detached, pushed or returned: no trap.
        let kept = "let t = ex.spawn(f());\nex.spawn(g()).detach();\ntasks.push(ex.spawn(h()));\n\
                    let _ = ex.spawn(k()).detach();\nex.spawn(async { \")\" })\n";
        assert!(dropped_tasks(kept).is_empty(), "{:?}", dropped_tasks(kept));
        // A solution that drops as many on purpose (to show cancellation) makes it no trap.
        assert!(advice_for("ex.spawn(f());\n", "ex.spawn(f());\n").is_empty());
    }

    #[test]
    fn a_detached_task_and_a_std_mutex_are_named() {
        let found = advice_for(
            "ex.spawn(save()).detach();\n",
            "tasks.push(ex.spawn(save()));\n",
        );
        assert!(
            found[0].starts_with("A detached task runs on its own"),
            "{found:?}"
        );
        let found = advice_for(
            "let m = std::sync::Mutex::new(0);\n",
            "let m = Mutex::new(0);\n",
        );
        assert!(
            found[0].starts_with("A `std::sync::Mutex` blocks"),
            "{found:?}"
        );
        assert!(advice_for("ex.spawn(a()).detach();\n", "ex.spawn(b()).detach();\n").is_empty());
    }

    #[test]
    fn a_blocking_call_is_named_unless_the_solution_makes_it_too() {
        let code = "async fn tick() { std::thread::sleep(Duration::from_millis(10)); }\n";
        let found = advice_for(code, "");
        assert!(found[0].starts_with("`std::thread::sleep` blocks the whole thread"));
        assert!(advice_for(code, "thread::spawn(|| thread::sleep(d));\n").is_empty());
    }

    #[test]
    fn a_first_run_right_and_a_second_wrong_is_named() {
        let expected = "[0.00s] a\n[1.00s] b\n-- again, other durations\n[1.00s] b\n[2.00s] a\n";
        let wrong_later = Diff {
            lines: vec![
                DiffLine::Skipped(3),
                DiffLine::Missing("[1.00s] b".into()),
                DiffLine::Same("[2.00s] a".into()),
            ],
            ..Diff::default()
        };
        let verdict = Verdict::WrongOutput(wrong_later);
        let found = advice("", "", &Expected::Output(expected.into()), &verdict);
        assert!(
            found[0].starts_with("The first run comes out right"),
            "{found:?}"
        );
        // Wrong from the first run on: a different mistake.
        let wrong_first = Diff {
            lines: vec![
                DiffLine::Same("[0.00s] a".into()),
                DiffLine::Missing("x".into()),
            ],
            ..Diff::default()
        };
        let verdict = Verdict::WrongOutput(wrong_first);
        assert!(advice("", "", &Expected::Output(expected.into()), &verdict).is_empty());
    }
}
