//! `cargo xtask verify --repeat N`: the flakiness meter. Runs the same examples N times and
//! prints, for each, how often it passed, how often at its first run (before any re-run), and its
//! worst timing margin: how close its timings came to the edge of their range (negative: out of
//! range), and the longest it waited for a CPU in one run. A change to the tolerances is judged by
//! these numbers, under the machine's real load.

use std::collections::BTreeMap;

use crate::build::Progress;
use crate::compare::format_seconds;
use crate::report::Outcome;
use crate::{Example, Options, Workbook, verify};

#[derive(Default)]
struct Tally {
    runs: usize,
    passed: usize,
    first_try: usize,
    /// Checks the machine was too busy to judge.
    unjudged: usize,
    /// The smallest timing margin of any first run.
    worst: Option<f64>,
    /// The longest a run waited for a CPU.
    waited: Option<f64>,
}

impl Tally {
    fn add(&mut self, outcome: &Outcome) {
        self.runs += 1;
        self.passed += usize::from(outcome.passed());
        self.first_try += usize::from(outcome.passed_first_time());
        self.unjudged += usize::from(outcome.unjudged());
        if let Some(w) = outcome.waited {
            self.waited = Some(self.waited.unwrap_or(0.0).max(w.as_secs_f64()));
        }
        let margin = if outcome.runs > 1 {
            outcome.first_margin
        } else {
            outcome.margin
        };
        if let Some(m) = margin {
            self.worst = Some(self.worst.map_or(m, |w| w.min(m)));
        }
    }
}

/// Verifies `examples` `n` times and prints the tally. True if every run of every example passed.
pub fn repeat(
    workbook: &Workbook,
    examples: &[&Example],
    options: &Options,
    n: usize,
) -> Result<bool, String> {
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for i in 1..=n {
        let options = Options {
            progress: if i == 1 {
                options.progress
            } else {
                Progress::Quiet
            },
            ..options.clone()
        };
        let report = verify::verify(&workbook.root, examples, &options)?;
        let failed: Vec<&Outcome> = report.outcomes.iter().filter(|o| o.failed()).collect();
        eprintln!(
            "run {i} of {n}: {} passed, {} failed, {} could not be judged{}",
            report.outcomes.iter().filter(|o| o.passed()).count(),
            failed.len(),
            report.outcomes.iter().filter(|o| o.unjudged()).count(),
            match report.outcomes.iter().filter(|o| o.runs > 1).count() {
                0 => String::new(),
                r => format!(" ({r} needed a re-run)"),
            }
        );
        for failure in report
            .outcomes
            .iter()
            .filter(|o| o.failed() || o.unjudged())
        {
            eprintln!("\n{failure}");
        }
        for outcome in &report.outcomes {
            tallies
                .entry(outcome.name.clone())
                .or_default()
                .add(outcome);
        }
    }
    let width = tallies.keys().map(String::len).max().unwrap_or(0);
    println!(
        "\n{:<width$}  {:>8}  {:>9}  {:>10}  worst margin (first runs)",
        "example", "passed", "first try", "waited"
    );
    let mut all = true;
    for (name, t) in &tallies {
        all &= t.passed == t.runs;
        let worst = t.worst.map(signed).unwrap_or_else(|| "-".to_string());
        let waited = t
            .waited
            .map(format_seconds)
            .unwrap_or_else(|| "-".to_string());
        let (passed, first) = (
            format!("{}/{}", t.passed, t.runs),
            format!("{}/{}", t.first_try, t.runs),
        );
        println!("{name:<width$}  {passed:>8}  {first:>9}  {waited:>10}  {worst}");
    }
    let runs: usize = tallies.values().map(|t| t.runs).sum();
    let unjudged: usize = tallies.values().map(|t| t.unjudged).sum();
    let failed: usize = tallies.values().map(|t| t.runs - t.passed).sum::<usize>() - unjudged;
    let rerun: usize = tallies.values().map(|t| t.passed - t.first_try).sum();
    println!(
        "\n{runs} checks: {failed} failed, {unjudged} could not be judged (the machine was busy), \
         {rerun} passed only after a re-run"
    );
    Ok(all)
}

/// "+12.3 ms", "-0.20 s".
fn signed(margin: f64) -> String {
    let sign = if margin < 0.0 { "-" } else { "+" };
    format!("{sign}{}", format_seconds(margin.abs()))
}
