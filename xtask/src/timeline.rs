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

/// An SVG picture of the lanes: a bar while a coroutine sleeps, a numbered dot where it prints.
pub fn svg(title: &str, lanes: &[Lane]) -> String {
    const LEFT: f64 = 90.0;
    const PER_SECOND: f64 = 180.0;
    const ROW: f64 = 34.0;
    let end = lanes
        .iter()
        .flat_map(|l| &l.events)
        .map(|e| e.0)
        .fold(1.0_f64, f64::max)
        .ceil();
    let width = (LEFT + end * PER_SECOND + 40.0).max(620.0); // room for the legend
    let height = 50.0 + ROW * lanes.len() as f64 + 50.0;
    let x = |t: f64| LEFT + t * PER_SECOND;
    let mut body = String::new();
    let _ = write!(
        body,
        r#"<text x="10" y="20" font-weight="bold">{title}</text>"#
    );
    let axis = height - 40.0;
    let _ = write!(
        body,
        r##"<text x="10" y="{}" fill="#555">dots: a line printed, numbered in output order; bars: asleep, waiting for its timer</text>"##,
        height - 8.0
    );
    for second in 0..=end as usize {
        let sx = x(second as f64);
        let _ = write!(
            body,
            r##"<line x1="{sx}" y1="32" x2="{sx}" y2="{axis}" stroke="#ddd"/><text x="{sx}" y="{}" text-anchor="middle">{second} s</text>"##,
            axis + 14.0
        );
    }
    for (row, lane) in lanes.iter().enumerate() {
        let y = 50.0 + ROW * row as f64;
        let _ = write!(body, r#"<text x="10" y="{}">{}</text>"#, y + 4.0, lane.name);
        for pair in lane.events.windows(2) {
            let (from, to) = (x(pair[0].0), x(pair[1].0));
            let _ = write!(
                body,
                r##"<rect x="{from:.1}" y="{}" width="{:.1}" height="8" fill="#9cc3e6"><title>sleeping</title></rect>"##,
                y - 4.0,
                to - from
            );
        }
        for (time, text, position) in &lane.events {
            let cx = x(*time);
            let _ = write!(
                body,
                r##"<circle cx="{cx:.1}" cy="{y}" r="9" fill="#2a7ab0"><title>{time:.2} s: {text}</title></circle><text x="{cx:.1}" y="{}" fill="white" font-size="10" text-anchor="middle">{position}</text>"##,
                y + 3.5
            );
        }
    }
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" font-family="sans-serif" font-size="12">{body}</svg>"#
    ) + "\n"
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
        assert_eq!(picture.matches("<title>sleeping</title>").count(), 2);
        assert!(picture.contains(">2 s</text>"));
    }
}
