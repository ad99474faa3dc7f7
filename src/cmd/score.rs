//! `stance score`: runs the whole pipeline over a corpus and writes the
//! reports.

use super::{ConfigError, LexiconArgs};
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use stance::aggregate::{Aggregates, Grouping, Period, Splits};
use stance::corpus::{
    expand, Expansion, Fields, InputFormat, ReadOptions, Shard, DATE_FIELDS, ID_FIELDS,
    OUTLET_FIELDS, TEXT_FIELDS, TITLE_FIELDS,
};
use stance::engine::Engine;
use stance::pipeline::{self, ReportSink, StreamSink};
use stance::report::{Dialect, Reports, Rows, UnitReport};
use std::io::IsTerminal;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Directory for the reports.
    #[arg(short, long, value_name = "DIR", default_value = "reports")]
    pub out: PathBuf,
    #[command(flatten)]
    pub excel: super::ExcelArgs,
    /// Split actors.csv, dyads.csv, dyad_categories.csv, speakers.csv and
    /// speaker_targets.csv by a calendar period of the article dates (adds
    /// a `period` column), by the articles' outlet (adds an `outlet`
    /// column), or both (`--by month,outlet`).
    #[arg(
        long,
        value_name = "PERIOD|outlet",
        value_delimiter = ',',
        value_parser = ["day", "week", "month", "outlet"]
    )]
    pub by: Vec<String>,
    /// Fold persons and institutions into their country or organisation in
    /// actors.csv and dyads.csv.
    #[arg(long)]
    pub rollup: bool,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    pub quiet: bool,
    /// Stream one per-unit report to stdout, in input order, instead of
    /// writing the report files (for pipes such as Spark's rdd.pipe);
    /// rejected inputs are reported on stderr only.
    #[arg(
        long,
        value_name = "REPORT",
        value_parser = ["articles", "sentences", "quotes", "stance", "categories"],
        conflicts_with_all = ["out", "excel", "by", "rollup"]
    )]
    pub stdout: Option<String>,
    /// With --stdout: leave out the header row.
    #[arg(long, requires = "stdout")]
    pub no_header: bool,
    #[command(flatten)]
    pub lexicons: LexiconArgs,
}

impl Args {
    /// The grouping of `--by` and `--rollup`: at most one period, and the
    /// outlet.
    fn grouping(&self) -> Result<Grouping, ConfigError> {
        let mut splits = Splits::default();
        for by in &self.by {
            let period = match by.as_str() {
                "day" => Period::Day,
                "week" => Period::Week,
                "month" => Period::Month,
                _ => {
                    splits.outlet = true;
                    continue;
                }
            };
            if splits.period.replace(period).is_some_and(|p| p != period) {
                return Err(ConfigError(
                    "--by takes one period (day, week or month), with or without outlet".into(),
                ));
            }
        }
        Ok(Grouping {
            splits,
            rollup: self.rollup,
        })
    }
}

/// What to read and how: the options shared by commands that read a corpus.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Files, directories (read recursively) or - for stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// JSONL/CSV field holding the article id (in JSONL, a.b reads a nested
    /// field) [default: the first of id, article_id, doc_id, uuid, guid].
    #[arg(long, value_name = "FIELD")]
    pub id_field: Option<String>,
    /// JSONL/CSV field holding the title [default: the first of title,
    /// headline].
    #[arg(long, value_name = "FIELD")]
    pub title_field: Option<String>,
    /// JSONL/CSV field holding the date [default: the first of date,
    /// published_at, publishedAt, publish_date, date_publish, pub_date,
    /// pubDate, published].
    #[arg(long, value_name = "FIELD")]
    pub date_field: Option<String>,
    /// JSONL/CSV field holding the outlet (source of narration); when
    /// missing or empty, the outlet is read from the text (a dateline)
    /// [default: the first of outlet, source.name, source, publisher,
    /// media_name, source_domain].
    #[arg(long, value_name = "FIELD")]
    pub outlet_field: Option<String>,
    /// JSONL/CSV field holding the article text [default: the first of
    /// text, body, content, maintext, article, full_text].
    #[arg(long, value_name = "FIELD")]
    pub text_field: Option<String>,
    /// Format of stdin (detected from its first character when omitted).
    #[arg(long, value_name = "FORMAT", value_parser = ["text", "jsonl", "csv"])]
    pub stdin_format: Option<String>,
    /// Largest article or record line read, in bytes; larger ones are rejected.
    #[arg(long, value_name = "BYTES", default_value_t = 32 << 20)]
    pub max_bytes: usize,
    /// Score only shard K of N (1 <= K <= N): the documents whose place
    /// (file, and line for records) hashes to it. The N runs, given the
    /// same inputs, cover the corpus once; `stance merge` joins them.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,
}

/// The validated configuration of a run over a corpus.
pub struct Config {
    pub options: ReadOptions,
    pub pool: rayon::ThreadPool,
}

impl InputArgs {
    /// The sources of the inputs, leaving out the run's `output` directory
    /// (and saying so on stderr unless `quiet`).
    pub fn expand(&self, output: Option<&Path>, quiet: bool) -> Expansion {
        let inputs = expand(&self.inputs, output);
        if !quiet {
            for dir in &inputs.left_out {
                eprintln!(
                    "stance: {}: left out of the inputs: it is this run's output directory",
                    dir.display()
                );
            }
        }
        inputs
    }

    /// Checks the options and starts the worker threads.
    pub fn config(&self) -> Result<Config> {
        let pool = super::thread_pool(self.threads)?;
        if self.max_bytes == 0 {
            return Err(ConfigError("--max-bytes must be at least 1".into()).into());
        }
        let stdin_format = self.stdin_format.as_deref().map(|f| match f {
            "jsonl" => InputFormat::Jsonl,
            "csv" => InputFormat::Csv,
            _ => InputFormat::Text,
        });
        let options = ReadOptions {
            fields: Fields {
                id: Fields::names(self.id_field.as_deref(), ID_FIELDS),
                title: Fields::names(self.title_field.as_deref(), TITLE_FIELDS),
                date: Fields::names(self.date_field.as_deref(), DATE_FIELDS),
                outlet: Fields::names(self.outlet_field.as_deref(), OUTLET_FIELDS),
                text: Fields::names(self.text_field.as_deref(), TEXT_FIELDS),
            },
            max_bytes: self.max_bytes,
            stdin_format,
            shard: self
                .shard
                .as_deref()
                .map(Shard::parse)
                .transpose()
                .map_err(ConfigError)?,
        };
        Ok(Config { options, pool })
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let config = args.input.config()?;
    let grouping = args.grouping()?;
    let engine = args.lexicons.engine()?;
    let output = args.stdout.is_none().then_some(args.out.as_path());
    let inputs = args.input.expand(output, args.quiet);
    if let Some(report) = args.stdout.as_deref() {
        let report = match report {
            "articles" => UnitReport::Articles,
            "sentences" => UnitReport::Sentences,
            "quotes" => UnitReport::Quotes,
            "categories" => UnitReport::Categories,
            _ => UnitReport::Stance,
        };
        return stream(&engine, inputs, &config, report, !args.no_header);
    }
    let reports = Reports::create(&args.out, args.excel.dialect())
        .with_context(|| format!("creating reports in {}", args.out.display()))?;
    let mut sink = ReportSink {
        reports,
        aggregates: Aggregates::new(grouping),
        engine: &engine,
        warn: true,
    };
    let bar = progress_bar(args.quiet);
    let summary = pipeline::run(
        &engine,
        args.excel.dialect(),
        inputs,
        &config.options,
        &config.pool,
        &mut sink,
        &|n| bar.inc(n),
    )?;
    bar.finish_and_clear();
    sink.reports.finish(&sink.aggregates, &engine.actors)?;
    if !args.quiet {
        eprintln!(
            "stance: {} articles, {} sentences, {} quotes, {} rejected inputs, {} other files ignored; {:.1} MB in {:.2} s ({:.1} MB/s); reports in {}",
            summary.articles,
            summary.sentences,
            summary.quotes,
            summary.rejected,
            summary.ignored,
            summary.bytes as f64 / 1e6,
            summary.elapsed.as_secs_f64(),
            summary.megabytes_per_second(),
            args.out.display()
        );
    }
    Ok(super::status(summary.rejected > 0))
}

/// `--stdout`: one report to stdout, no files, no summary line.
fn stream(
    engine: &Engine,
    inputs: Expansion,
    config: &Config,
    report: UnitReport,
    header: bool,
) -> Result<ExitCode> {
    let mut sink = StreamSink {
        out: BufWriter::new(std::io::stdout().lock()),
        report,
    };
    if header {
        let mut rows = Rows::new(Dialect::Plain);
        let cells: Vec<String> = report.header().iter().map(|h| h.to_string()).collect();
        rows.row(&cells)?;
        sink.out.write_all(&rows.take()?)?;
    }
    let summary = pipeline::run(
        engine,
        Dialect::Plain,
        inputs,
        &config.options,
        &config.pool,
        &mut sink,
        &|_| {},
    )?;
    sink.out.flush().context("writing stdout")?;
    Ok(super::status(summary.rejected > 0))
}

pub fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {binary_bytes} read, {binary_bytes_per_sec}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar
}
