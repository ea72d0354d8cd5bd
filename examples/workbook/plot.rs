//! A small SVG bar chart, for figures that the book's programs draw from their own measurements.
//!
//! A page includes the SVG inline (`{{#include}}`), so the chart is drawn for that: its text and
//! lines are in `currentColor`, the colour of the page's text in every mdBook theme, light or
//! dark (an SVG shown by `<img>` cannot know the theme); and it is narrow, 400 units wide with
//! labels of 14, shown at that width on a wide screen and shrunk to fit a narrow column: on a
//! phone 390 px wide, mdBook's column is 350 px, and a label is drawn 12 px tall.

use std::fmt::Write as _;

/// One bar: its length comes from `value` (none: an empty bar), `text` is written next to it.
pub struct Bar {
    pub value: Option<f64>,
    pub text: String,
    pub color: &'static str,
}

/// A titled panel of groups of bars, each group with a label; bars are scaled to the panel's
/// largest value.
pub struct Panel {
    pub title: String,
    pub groups: Vec<(String, Vec<Bar>)>,
}

const WIDTH: f64 = 400.0;
const TEXT: f64 = 14.0;
const LEFT: f64 = 10.0;
/// Between a bar's end and its text.
const GAP: f64 = 6.0;

/// How wide `text` is drawn, at most: wide sans-serif fonts (DejaVu Sans) take about 0.6 of the
/// font size per character, and bold or wide letters a little more.
fn text_width(text: &str) -> f64 {
    text.chars().count() as f64 * TEXT * 0.64
}

/// Draws the panels one under the other, as a standalone SVG document: each panel's title, then
/// each group's label on a line of its own above its bars, and each bar's text just after it.
pub fn bar_chart(panels: &[Panel]) -> String {
    const ROW: f64 = 20.0;
    const BAR: f64 = 14.0;
    let mut body = String::new();
    let mut y = 0.0;
    for panel in panels {
        y += 24.0;
        let _ = write!(
            body,
            r#"<text x="{LEFT}" y="{y}" font-size="15" font-weight="bold">{}</text>"#,
            escape(&panel.title)
        );
        let bars = || panel.groups.iter().flat_map(|(_, bars)| bars);
        let max = bars()
            .filter_map(|b| b.value)
            .fold(0.0_f64, f64::max)
            .max(1e-12);
        // The longest bar is as long as it can be with every bar's text still inside the chart.
        let longest = bars()
            .filter_map(|b| {
                let room = WIDTH - LEFT - GAP - text_width(&b.text) - 4.0;
                Some(room / (b.value? / max).max(1e-12))
            })
            .fold(WIDTH - 2.0 * LEFT, f64::min)
            .max(40.0);
        for (label, bars) in &panel.groups {
            y += 26.0;
            let _ = write!(
                body,
                r#"<text x="{LEFT}" y="{y}" font-style="italic">{}</text>"#,
                escape(label)
            );
            y += 6.0;
            for bar in bars {
                let length = bar.value.map_or(0.0, |v| (v / max * longest).max(1.0));
                let _ = write!(
                    body,
                    r#"<rect x="{LEFT}" y="{:.1}" width="{length:.1}" height="{BAR}" fill="{}" stroke="currentColor" stroke-opacity="0.3"/><text x="{:.1}" y="{:.1}">{}</text>"#,
                    y + (ROW - BAR) / 2.0,
                    bar.color,
                    LEFT + GAP + length,
                    y + ROW / 2.0 + 5.0,
                    escape(&bar.text)
                );
                y += ROW;
            }
        }
        y += 8.0;
    }
    // The opening tag on a line of its own, and no blank line after it: Markdown then passes the
    // whole chart through as HTML.
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {y}\" width=\"{WIDTH}\" height=\"{y}\" style=\"display: block; max-width: 100%; height: auto; margin: 1.5em 0\" role=\"group\" aria-label=\"Bar chart: {}\" font-family=\"sans-serif\" font-size=\"{TEXT}\" fill=\"currentColor\">\n{body}\n</svg>\n",
        escape(
            &panels
                .iter()
                .map(|p| p.title.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        )
    )
}

/// Text made safe to put in SVG (and HTML).
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(value: Option<f64>, text: &str) -> Bar {
        Bar {
            value,
            text: text.to_string(),
            color: "#2a7ab0",
        }
    }

    #[test]
    fn the_chart_can_be_included_in_a_page() {
        let chart = bar_chart(&[Panel {
            title: "a & b".into(),
            groups: vec![("10 tasks".into(), vec![bar(Some(1.0), "x: <1 s>")])],
        }]);
        // Markdown passes it through as HTML: the opening tag alone on its line, no blank line.
        assert!(chart.starts_with("<svg ") && chart.lines().next().unwrap().ends_with('>'));
        assert!(!chart.trim_end().contains("\n\n"));
        // Its text takes the page's colour, and is escaped.
        assert!(chart.contains(r#"fill="currentColor""#));
        assert!(chart.contains(">a &amp; b<") && chart.contains(">x: &lt;1 s&gt;<"));
    }

    #[test]
    fn every_bar_and_its_text_fit_in_the_width() {
        let chart = bar_chart(&[Panel {
            title: "t".into(),
            groups: vec![(
                "g".into(),
                vec![
                    bar(Some(46.31), "asyncio: 46.31 s"),
                    bar(Some(19.17), "asyncio, GC off: 19.17 s"),
                    bar(Some(0.01), "smol local: 0.01 s"),
                    bar(None, "threads: not measured"),
                ],
            )],
        }]);
        let attribute = |tag: &str, name: &str| -> Vec<f64> {
            chart
                .split(&format!("<{tag} "))
                .skip(1)
                .map(|t| {
                    let t = format!(" {t}");
                    let value = t.split(&format!(" {name}=\"")).nth(1).unwrap();
                    value[..value.find('"').unwrap()].parse().unwrap()
                })
                .collect()
        };
        let (ends, starts) = (attribute("rect", "width"), attribute("text", "x"));
        // The longest bar is as long as its text allows, and no text runs past the edge.
        assert!(ends[0] > 150.0, "{ends:?}");
        let texts = ["asyncio: 46.31 s", "asyncio, GC off: 19.17 s"];
        for (text, start) in texts.iter().zip(&starts[2..]) {
            assert!(start + text_width(text) <= WIDTH, "{text} at {start}");
        }
    }
}
