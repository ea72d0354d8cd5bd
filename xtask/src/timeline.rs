//! `cargo xtask timelines`: pictures of when each coroutine runs and sleeps, drawn from a real run.
//!
//! The examples drawn here print one line when a coroutine starts (and goes to sleep) and one
//! when it wakes (and ends), each stamped by `say!` with the time. A coroutine's lane is its
//! line's text without the words `start`, `end`, `One` and `Two`: `main2 start` and `main2 end`
//! are the lane `main2`, the two `1`s the lane `count(1)`. Lines with nothing left (`One`, `Two`) are
//! paired in order: the first `One` with the first `Two`, and so on.

use std::fmt::Write as _;

use crate::build::{self, Progress};
use crate::run;

/// The examples that get a timeline, and the title of each.
pub const TIMELINES: [(&str, &str); 3] = [
    (
        "count_concurrent",
        "count_concurrent: three counts in one task (zip)",
    ),
    (
        "gather_with_tasks",
        "gather_with_tasks: every coroutine a task",
    ),
    (
        "gather_with_zip",
        "gather_with_zip: lazy futures in one task",
    ),
];

/// One coroutine's row: when it printed, what, and in which place in the whole output.
#[derive(Debug, PartialEq)]
pub struct Lane {
    pub name: String,
    /// (seconds, text, 1-based position in the output)
    pub events: Vec<(f64, String, usize)>,
}

/// Reads `[t.tts] text` lines into lanes, in the order the lanes first appear.
pub fn lanes(output: &str) -> Vec<Lane> {
    let mut lanes: Vec<Lane> = Vec::new();
    let mut unnamed = [0usize; 2]; // how many `One`s and `Two`s so far
    let stamped = output.lines().filter_map(|line| {
        let rest = line.strip_prefix('[')?;
        let (time, text) = rest.split_once("s] ")?;
        Some((time.parse::<f64>().ok()?, text.to_string()))
    });
    for (position, (time, text)) in stamped.enumerate() {
        let words: Vec<&str> = text
            .split_whitespace()
            .filter(|w| !["start", "end", "One", "Two"].contains(w))
            .collect();
        let name = if words.is_empty() {
            let kind = usize::from(text.contains("Two"));
            unnamed[kind] += 1;
            format!("count #{}", unnamed[kind])
        } else if let [n] = words.as_slice()
            && n.parse::<u32>().is_ok()
        {
            format!("count({n})") // the gather examples print just `i`
        } else {
            words.join(" ")
        };
        let event = (time, text, position + 1);
        match lanes.iter_mut().find(|l| l.name == name) {
            Some(lane) => lane.events.push(event),
            None => lanes.push(Lane {
                name,
                events: vec![event],
            }),
        }
    }
    lanes
}

/// The picture's width, in the units of its `viewBox`, and its text sizes. A page includes the
/// SVG inline (`{{#include}}`) at its natural width, shrunk to fit a narrower column: on a phone
/// 390 px wide, mdBook's column is 350 px, so a label of 13 units is drawn 11.4 px tall.
const WIDTH: f64 = 400.0;
const TEXT: f64 = 14.0;
const SMALL: f64 = 13.0;

/// An SVG picture of the lanes: a bar while a coroutine sleeps, a numbered dot where it prints.
///
/// Its text and lines are drawn in `currentColor`, so that, included inline in a page, they take
/// the colour of the page's text in every mdBook theme (light or dark); the bars and dots have
/// colours that show on both. Opened on its own, the text is black.
pub fn svg(title: &str, lanes: &[Lane]) -> String {
    const LEFT: f64 = 92.0; // room for a lane's name
    const RIGHT: f64 = 24.0;
    const TOP: f64 = 70.0; // the first lane's middle, below the title's two lines
    const ROW: f64 = 36.0;
    let last = lanes
        .iter()
        .flat_map(|l| &l.events)
        .map(|e| e.0)
        .fold(0.0_f64, f64::max);
    // Whole seconds, and a line stamped a little late (`[1.01s]`) does not add a second.
    let end = (last - 0.05).ceil().max(1.0);
    let per_second = (WIDTH - LEFT - RIGHT) / end;
    let x = |t: f64| LEFT + t * per_second;
    let axis = TOP + ROW * (lanes.len() as f64 - 0.5);
    let height = axis + 64.0;
    let mut body = String::new();
    let (name, about) = title.split_once(": ").unwrap_or((title, ""));
    let _ = write!(
        body,
        r#"<text x="10" y="20" font-weight="bold">{}</text><text x="10" y="40" font-size="{SMALL}">{}</text>"#,
        escape(name),
        escape(about)
    );
    for second in 0..=end as usize {
        let sx = x(second as f64);
        let _ = write!(
            body,
            r#"<line x1="{sx:.1}" y1="{}" x2="{sx:.1}" y2="{axis}" stroke="currentColor" stroke-opacity="0.25"/><text x="{sx:.1}" y="{}" font-size="{SMALL}" text-anchor="middle">{second} s</text>"#,
            TOP - ROW / 2.0,
            axis + 18.0
        );
    }
    let mut summary = Vec::new();
    for (row, lane) in lanes.iter().enumerate() {
        let y = TOP + ROW * row as f64;
        let name = escape(&lane.name);
        let _ = write!(body, r#"<text x="10" y="{}">{name}</text>"#, y + 5.0);
        for pair in lane.events.windows(2) {
            let (from, to) = (x(pair[0].0), x(pair[1].0));
            let _ = write!(
                body,
                r##"<rect x="{from:.1}" y="{}" width="{:.1}" height="10" fill="#9cc3e6"><title>{name}: asleep from {:.2} s to {:.2} s</title></rect>"##,
                y - 5.0,
                to - from,
                pair[0].0,
                pair[1].0
            );
        }
        let mut printed = Vec::new();
        for (time, text, position) in &lane.events {
            let cx = x(*time);
            let _ = write!(
                body,
                r##"<circle cx="{cx:.1}" cy="{y}" r="11" fill="#2a7ab0"><title>line {position}, at {time:.2} s: {}</title></circle><text x="{cx:.1}" y="{}" fill="white" font-size="{SMALL}" font-weight="bold" text-anchor="middle">{position}</text>"##,
                escape(text),
                y + 4.5
            );
            printed.push(format!("line {position} at {time:.2} s"));
        }
        summary.push(format!("{name}: {}", printed.join(", ")));
    }
    for (i, line) in [
        "dots: a line printed, numbered in output order",
        "bars: asleep, waiting for its timer",
    ]
    .iter()
    .enumerate()
    {
        let _ = write!(
            body,
            r#"<text x="10" y="{}" font-size="{SMALL}" fill-opacity="0.8">{line}</text>"#,
            axis + 40.0 + 18.0 * i as f64
        );
    }
    // The opening tag on a line of its own, and no blank line after it: Markdown then passes the
    // whole picture through as HTML.
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" style=\"display: block; max-width: 100%; height: auto; margin: 1.5em 0\" role=\"img\" aria-label=\"Timeline of {}. {}\" font-family=\"sans-serif\" font-size=\"{TEXT}\" fill=\"currentColor\">\n{body}\n</svg>\n",
        escape(title),
        summary.join("; ")
    )
}

/// Text made safe to put in SVG (and HTML): a program's output may print `<` or `&`.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Runs each example once and writes its timeline to `src/timelines/NAME.svg`.
pub fn record(root: &std::path::Path) -> Result<(), String> {
    let names: Vec<&str> = TIMELINES.iter().map(|(name, _)| *name).collect();
    let built = build::examples(root, &names, Progress::Show)?;
    if let Some(failure) = built.failure {
        return Err(failure);
    }
    let dir = root.join("src/timelines");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    for (name, title) in TIMELINES {
        let mut command = std::process::Command::new(&built.programs[name]);
        command.current_dir(root);
        let ran = run::run(
            command,
            run::Limits::time(std::time::Duration::from_secs(30)),
        )
        .map_err(|e| e.to_string())?;
        let file = dir.join(format!("{name}.svg"));
        std::fs::write(&file, svg(title, &lanes(&ran.stdout))).map_err(|e| e.to_string())?;
        println!(
            "wrote {}",
            file.strip_prefix(root).unwrap_or(&file).display()
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_lanes_by_name_or_by_order() {
        let tasks = "[0.00s] main2 start\n[0.00s] 1\n[1.00s] 1\n[2.00s] main2 end\nexecuted in 2.00 seconds.";
        let found = lanes(tasks);
        let names: Vec<&str> = found.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["main2", "count(1)"]);
        assert_eq!(found[0].events[1], (2.0, "main2 end".to_string(), 4));
        let counts = lanes("[0.00s] One\n[0.00s] One\n[1.00s] Two\n[1.00s] Two\n");
        assert_eq!(counts[1].name, "count #2");
        assert_eq!(
            counts[1].events.iter().map(|e| e.2).collect::<Vec<_>>(),
            [2, 4]
        );
    }

    #[test]
    fn the_picture_has_a_row_per_lane_and_a_dot_per_line() {
        let picture = svg("t", &lanes("[0.00s] 1\n[0.00s] 2\n[1.00s] 1\n[2.00s] 2\n"));
        assert_eq!(picture.matches("<circle").count(), 4);
        assert_eq!(picture.matches(": asleep from ").count(), 2);
        assert!(picture.contains(">2 s</text>"));
    }

    #[test]
    fn the_picture_can_be_included_in_a_page() {
        let picture = svg("a: b", &lanes("[0.00s] <x> & y\n[1.00s] <x> & y\n"));
        // Markdown passes it through as HTML: the opening tag alone on its line, no blank line.
        assert!(picture.starts_with("<svg ") && picture.lines().next().unwrap().ends_with('>'));
        assert!(!picture.trim_end().contains("\n\n"));
        // Its text takes the page's colour, and a program's output is escaped.
        assert!(picture.contains(r#"fill="currentColor""#));
        assert!(picture.contains("&lt;x&gt; &amp; y") && !picture.contains("<x>"));
    }
}
