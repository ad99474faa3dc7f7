//! `stance eval`: scores a human-labelled gold set with the same engine as
//! `stance score` and prints the figures; `--min` turns them into gates.

use super::{ConfigError, LexiconArgs};
use anyhow::{Context, Result};
use clap::builder::PossibleValuesParser;
use stance::eval::gold::Columns;
use stance::eval::{self, Bands, GoldFormat, Options, Task};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to evaluate: whole-text tone, tone toward a target, or quotes.
    #[arg(long, value_parser = PossibleValuesParser::new(Task::NAMES))]
    pub task: String,
    /// The gold file (a directory for --task quotes).
    #[arg(long, value_name = "PATH")]
    pub gold: PathBuf,
    /// Format of the gold set (detected from extension and content when omitted).
    #[arg(long, value_name = "FORMAT", value_parser = PossibleValuesParser::new(GoldFormat::NAMES))]
    pub gold_format: Option<String>,
    /// Write one CSV row per gold item (quotes: per predicted quote and missed gold).
    #[arg(long, value_name = "FILE")]
    pub predictions: Option<PathBuf>,
    /// Fail (exit 1) when METRIC is below VALUE. Repeatable.
    #[arg(long = "min", value_name = "METRIC=VALUE")]
    pub minimums: Vec<String>,
    /// Print the report as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// A predicted tone is neutral when |tone| <= this.
    #[arg(long, value_name = "X", default_value_t = 0.05)]
    pub neutral_band: f64,
    /// A numeric gold rating (rescaled to [-1, 1]) is neutral when |rating| <= this.
    #[arg(long, value_name = "X", default_value_t = 0.05)]
    pub gold_band: f64,
    /// Numeric gold labels are divided by this [default: 4 for vader-tsv, else 1].
    #[arg(long, value_name = "X")]
    pub gold_scale: Option<f64>,
    /// CSV column holding the text.
    #[arg(long, default_value = "text")]
    pub text_col: String,
    /// CSV column holding the label.
    #[arg(long, default_value = "label")]
    pub label_col: String,
    /// CSV column holding the id (sentence task; the line number when absent).
    #[arg(long, default_value = "id")]
    pub id_col: String,
    /// Target task: add each target's rule-based tone and every cue of the
    /// target model to the --predictions rows (input for
    /// scripts/fit_target_model.py).
    #[arg(long, requires = "predictions")]
    pub features: bool,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub lexicons: LexiconArgs,
}

impl Args {
    /// The `--min` gates, checked against the task's metric names.
    fn minimums(&self, task: Task) -> Result<Vec<(String, f64)>> {
        let names = eval::metric_names(task);
        self.minimums
            .iter()
            .map(|gate| {
                let (name, value) = gate
                    .split_once('=')
                    .ok_or_else(|| ConfigError(format!("--min {gate:?}: expected METRIC=VALUE")))?;
                let name = name.trim();
                if !names.iter().any(|n| n == name) {
                    let msg = format!(
                        "--min {gate:?}: unknown metric {name:?} for --task {}; known: {}",
                        task.as_str(),
                        names.join(", ")
                    );
                    return Err(ConfigError(msg).into());
                }
                let value: f64 = value.trim().parse().map_err(|_| {
                    ConfigError(format!("--min {gate:?}: {value:?} is not a number"))
                })?;
                Ok((name.to_string(), value))
            })
            .collect()
    }

    fn options(&self) -> Result<Options> {
        for (option, value) in [
            ("--neutral-band", self.neutral_band),
            ("--gold-band", self.gold_band),
        ] {
            if !(value.is_finite() && value >= 0.0) {
                return Err(ConfigError(format!("{option} must be a number >= 0")).into());
            }
        }
        if self.gold_scale.is_some_and(|s| !(s.is_finite() && s > 0.0)) {
            return Err(ConfigError("--gold-scale must be a number > 0".into()).into());
        }
        Ok(Options {
            bands: Bands {
                neutral: self.neutral_band,
                gold: self.gold_band,
            },
            scale: self.gold_scale,
            columns: Columns {
                id: self.id_col.clone(),
                text: self.text_col.clone(),
                label: self.label_col.clone(),
            },
            features: self.features,
        })
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let task = Task::parse(&args.task).context("--task")?;
    let format = args.gold_format.as_deref().and_then(GoldFormat::parse);
    let minimums = args.minimums(task)?;
    let options = args.options()?;
    if !args.gold.exists() {
        let msg = format!("--gold {}: no such file or directory", args.gold.display());
        return Err(ConfigError(msg).into());
    }
    let pool = super::thread_pool(args.threads)?;
    let engine = args.lexicons.engine()?;
    let evaluation = pool
        .install(|| eval::evaluate(&engine, task, &args.gold, format, &options))
        .with_context(|| format!("evaluating {}", args.gold.display()))?;
    for r in &evaluation.rejected {
        match r.line {
            Some(line) => eprintln!("stance: {}:{line}: {}", r.input, r.error),
            None => eprintln!("stance: {}: {}", r.input, r.error),
        }
    }
    if let Some(path) = &args.predictions {
        evaluation
            .predictions
            .write(path)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    let report = &evaluation.report;
    if args.json {
        println!("{}", serde_json::to_string_pretty(report)?);
    } else {
        print!("{}", report.table());
    }
    let failures = report.failures(&minimums);
    for failure in &failures {
        eprintln!("stance: gate failed: {failure}");
    }
    if !evaluation.rejected.is_empty() {
        eprintln!(
            "stance: {} gold rows rejected (see above)",
            evaluation.rejected.len()
        );
    }
    Ok(super::status(
        !failures.is_empty() || !evaluation.rejected.is_empty(),
    ))
}
