//! A small SVG bar chart, for figures that the book's programs draw from their own measurements.

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

/// Draws the panels one under the other, as a standalone SVG document.
pub fn bar_chart(panels: &[Panel]) -> String {
    const WIDTH: f64 = 720.0;
    const BAR: f64 = 18.0;
    const LEFT: f64 = 110.0;
    const LONGEST: f64 = 400.0;
    let mut body = String::new();
    let mut y = 20.0;
    for panel in panels {
        let _ = write!(
            body,
            r#"<text x="10" y="{y}" font-weight="bold">{}</text>"#,
            panel.title
        );
        y += 12.0;
        let bars = panel.groups.iter().flat_map(|(_, bars)| bars);
        let max = bars
            .filter_map(|b| b.value)
            .fold(0.0_f64, f64::max)
            .max(1e-12);
        for (label, bars) in &panel.groups {
            let middle = y + BAR * bars.len() as f64 / 2.0 + 4.0;
            let _ = write!(body, r#"<text x="10" y="{middle}">{label}</text>"#);
            for bar in bars {
                let length = bar.value.map_or(0.0, |v| (v / max * LONGEST).max(1.0));
                let _ = write!(
                    body,
                    r#"<rect x="{LEFT}" y="{y}" width="{length:.1}" height="{}" fill="{}"/><text x="{:.1}" y="{}">{}</text>"#,
                    BAR - 3.0,
                    bar.color,
                    LEFT + 5.0 + length,
                    y + BAR - 6.0,
                    bar.text
                );
                y += BAR;
            }
            y += 8.0;
        }
        y += 24.0;
    }
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{y}" font-family="sans-serif" font-size="12">{body}</svg>"#
    ) + "\n"
}
