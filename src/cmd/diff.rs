//! `stance diff`: scores a corpus with two lexicon sets in one pass and
//! writes the units whose tone moved (changes.csv), the targets whose
//! reading moved (targets.csv) and the lexicon changes responsible
//! (summary.csv), with totals on stdout.

use super::score::{progress_bar, InputArgs};
use super::{ConfigError, LexiconArgs};
use anyhow::{Context, Result};
use stance::actors::ActorLexicon;
use stance::diff::{
    ArticleDiff, Comparison, LexiconChange, LexiconDiff, Tally, CHANGES, SUMMARY, TARGETS,
};
use stance::engine::Engine;
use stance::pipeline::{self, Sink};
use stance::report::{number, Sheet};
use stance::types::Rejection;
use std::path::PathBuf;
use std::process::ExitCode;

/// Entries listed on stdout.
const TOP: usize = 10;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The base tone lexicon to compare against: [FORMAT:]PATH or "default".
    #[arg(long, value_name = "SPEC")]
    pub base: String,
    /// Modifier list of the base side (default: the one of --modifiers).
    #[arg(long, value_name = "PATH")]
    pub base_modifiers: Option<PathBuf>,
    /// Target model of the base side: PATH, "default" or "none" (default:
    /// the one of --target-model).
    #[arg(long, value_name = "PATH")]
    pub base_target_model: Option<String>,
    #[command(flatten)]
    pub input: InputArgs,
    /// Directory for changes.csv, targets.csv and summary.csv.
    #[arg(short, long, value_name = "DIR", default_value = "diff")]
    pub out: PathBuf,
    /// Smallest change of a unit's tone that is reported.
    #[arg(long, value_name = "X", default_value_t = 0.001)]
    pub epsilon: f64,
    /// Exit with status 1 when any unit's tone flips sign.
    #[arg(long)]
    pub fail_on_flip: bool,
    #[command(flatten)]
    pub excel: super::ExcelArgs,
    /// No progress bar and no timing line on stderr.
    #[arg(short, long)]
    pub quiet: bool,
    /// The new side: --lexicon, --modifiers, plus the shared --actors.
    #[command(flatten)]
    pub lexicons: LexiconArgs,
}

impl Args {
    /// The engines of the base and the new side; they share actors and cues.
    fn engines(&self) -> Result<(Engine, Engine)> {
        if !(self.epsilon.is_finite() && self.epsilon >= 0.0) {
            return Err(ConfigError("--epsilon must be a number >= 0".into()).into());
        }
        let after = self.lexicons.engine()?;
        let base = LexiconArgs {
            lexicon: vec![self.base.clone()],
            modifiers: self
                .base_modifiers
                .clone()
                .or_else(|| self.lexicons.modifiers.clone()),
            target_model: self
                .base_target_model
                .clone()
                .unwrap_or_else(|| self.lexicons.target_model.clone()),
            ..self.lexicons.clone()
        };
        let (lexicon, rules) = base.tone_lexicon()?;
        let before = Engine {
            lexicon,
            rules,
            target_model: base.target_model()?,
            ..after.clone()
        };
        Ok((before, after))
    }
}

/// Writes changes.csv and targets.csv as results arrive and tallies them.
struct DiffSink<'a> {
    changes: Sheet,
    targets: Sheet,
    diff: &'a LexiconDiff,
    actors: &'a ActorLexicon,
    tally: Tally,
}

impl Sink<ArticleDiff> for DiffSink<'_> {
    fn analysis(&mut self, article: &ArticleDiff) -> stance::error::Result<()> {
        self.tally.add(article);
        for change in &article.changes {
            self.changes.row(&[
                article.article_id.clone(),
                change.unit_kind.as_str().into(),
                change.unit_no.to_string(),
                change.text.clone(),
                number(change.tone_before),
                number(change.tone_after),
                number(change.delta()),
                change.sign_flip().to_string(),
                change.terms_added.join(";"),
                change.terms_removed.join(";"),
                self.labels(&change.responsible),
            ])?;
        }
        for change in &article.targets {
            self.targets.row(&[
                article.article_id.clone(),
                change.unit_kind.as_str().into(),
                change.unit_no.to_string(),
                self.actors.get(change.target).id.clone(),
                number(change.tone_before),
                number(change.tone_after),
                number(change.tone_after - change.tone_before),
                change.polarity_before.as_str().into(),
                change.polarity_after.as_str().into(),
                self.labels(&change.responsible),
            ])?;
        }
        Ok(())
    }

    fn rejection(&mut self, rejection: &Rejection) -> stance::error::Result<()> {
        pipeline::warn(rejection);
        Ok(())
    }
}

impl DiffSink<'_> {
    fn labels(&self, responsible: &[usize]) -> String {
        let labels: Vec<&str> = responsible
            .iter()
            .map(|&i| self.diff.changes[i].label.as_str())
            .collect();
        labels.join(";")
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let config = args.input.config()?;
    let (before, after) = args.engines()?;
    let comparison = Comparison::new(&before, &after, args.epsilon);
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let mut sink = DiffSink {
        changes: Sheet::create(&args.out, "changes.csv", CHANGES, args.excel.dialect())?,
        targets: Sheet::create(&args.out, "targets.csv", TARGETS, args.excel.dialect())?,
        diff: &comparison.diff,
        actors: &after.actors,
        tally: Tally::new(&comparison.diff),
    };
    let inputs = args.input.expand(Some(&args.out), args.quiet);
    let bar = progress_bar(args.quiet);
    let summary = pipeline::run_with(
        &|doc| comparison.document(doc),
        inputs,
        &config.options,
        &config.pool,
        &mut sink,
        &|n| bar.inc(n),
    )?;
    bar.finish_and_clear();
    sink.changes.finish()?;
    sink.targets.finish()?;
    write_summary(&args, &comparison.diff, &sink.tally)?;
    super::print(&totals(&comparison.diff, &sink.tally, summary.articles))?;
    if !args.quiet {
        eprintln!(
            "stance: diff of {} articles in {:.2} s; {} rejected inputs; reports in {}",
            summary.articles,
            summary.elapsed.as_secs_f64(),
            summary.rejected,
            args.out.display()
        );
    }
    let failed = summary.rejected > 0 || (args.fail_on_flip && sink.tally.flips > 0);
    Ok(super::status(failed))
}

fn weight(w: Option<f64>) -> String {
    w.map(number).unwrap_or_default()
}

fn write_summary(args: &Args, diff: &LexiconDiff, tally: &Tally) -> Result<()> {
    let mut sheet = Sheet::create(&args.out, "summary.csv", SUMMARY, args.excel.dialect())?;
    for (change, count) in tally.ranked(diff) {
        sheet.row(&[
            change.label.clone(),
            change.kind.as_str().into(),
            weight(change.weight_before),
            weight(change.weight_after),
            count.units.to_string(),
            count.flips.to_string(),
        ])?;
    }
    sheet.finish()?;
    Ok(())
}

/// The totals and the entries that changed the most units, for stdout.
fn totals(diff: &LexiconDiff, tally: &Tally, articles: u64) -> String {
    let mut text = format!(
        "articles: {articles}\nunits compared: {}\nunits changed: {}\nsign flips: {}\n\
         targets changed: {}\ntarget polarity changes: {}\nlexicon changes: {}\n",
        tally.units,
        tally.changed,
        tally.flips,
        tally.targets_changed,
        tally.polarity_changes,
        diff.changes.len()
    );
    let top: Vec<(&LexiconChange, _)> = tally
        .ranked(diff)
        .into_iter()
        .filter(|(_, count)| count.units > 0)
        .take(TOP)
        .collect();
    if top.is_empty() {
        return text;
    }
    let row = |cells: [&str; 6]| {
        format!(
            "{:<28} {:<13} {:>8} {:>8} {:>6} {:>6}\n",
            cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]
        )
    };
    text += "\n";
    text += &row(["entry", "change", "before", "after", "units", "flips"]);
    for (change, count) in top {
        text += &row([
            &change.label,
            change.kind.as_str(),
            &weight(change.weight_before),
            &weight(change.weight_after),
            &count.units.to_string(),
            &count.flips.to_string(),
        ]);
    }
    text
}
