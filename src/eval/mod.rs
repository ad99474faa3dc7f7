//! `stance eval`: regression-tests the engine against human-labelled gold
//! sets. Owns the tasks (sentence tone, tone toward a target, quotes), the
//! gold-format choice, the run of the `Engine` over the gold items (the
//! same code path as `stance score`), the report (table and JSON), the
//! `--min` gates and the predictions file. Readers live in `gold`, pure
//! metric functions in `metrics`, quote span matching in `quotes`.

pub mod gold;
pub mod metrics;
pub mod quotes;

use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::report::{guard, number, CharOffsets};
use crate::types::{Class, Document, Leaning, Rejection, Span};
use gold::{BratArticle, Columns, Gold, SentenceGold, TargetGold};
use metrics::{mean_absolute_error, pearson, ratio, spearman, Confusion};
use quotes::{CharSpan, PredictedQuote, QuoteTallies, THRESHOLDS};
use rayon::prelude::*;
use serde::{Serialize, Serializer};
use std::fmt::Write as _;
use std::path::Path;

/// What is evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    /// The tone of a whole text against a human rating or label.
    Sentence,
    /// The tone toward a target span against a human label.
    Target,
    /// Quote spans and speakers against brat attribution annotations.
    Quotes,
}

impl Task {
    pub const NAMES: [&'static str; 3] = ["sentence", "target", "quotes"];
    const ALL: [Task; 3] = [Task::Sentence, Task::Target, Task::Quotes];

    pub fn parse(name: &str) -> Option<Task> {
        Task::ALL.into_iter().find(|t| t.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        Task::NAMES[self as usize]
    }
}

/// How a gold set is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoldFormat {
    /// `id<TAB>rating<TAB>text`, ratings in -4..+4, no header (VADER).
    VaderTsv,
    /// CSV with text and label columns (and optionally id).
    Csv,
    /// NewsMTSC JSONL.
    Newsmtsc,
    /// CSV with text, start, end, label (character offsets).
    TargetCsv,
    /// A directory with `text/*.txt` and `attributions/*.ann` (PolNeAR).
    Brat,
}

impl GoldFormat {
    pub const NAMES: [&'static str; 5] = ["vader-tsv", "csv", "newsmtsc", "target-csv", "brat"];
    const ALL: [GoldFormat; 5] = [
        GoldFormat::VaderTsv,
        GoldFormat::Csv,
        GoldFormat::Newsmtsc,
        GoldFormat::TargetCsv,
        GoldFormat::Brat,
    ];

    pub fn parse(name: &str) -> Option<GoldFormat> {
        GoldFormat::ALL.into_iter().find(|f| f.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        GoldFormat::NAMES[self as usize]
    }

    /// The task this format holds gold for.
    pub fn task(self) -> Task {
        match self {
            GoldFormat::VaderTsv | GoldFormat::Csv => Task::Sentence,
            GoldFormat::Newsmtsc | GoldFormat::TargetCsv => Task::Target,
            GoldFormat::Brat => Task::Quotes,
        }
    }

    /// The format of a gold file for `task`, from its extension, else its
    /// content: sentence gold is VADER TSV when the first line is
    /// `id<TAB>number<TAB>...`, else CSV; target gold is NewsMTSC when it
    /// starts with `{`, else CSV; quotes gold is always a brat directory.
    pub fn detect(path: &Path, content: &str, task: Task) -> GoldFormat {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match (task, extension.as_deref()) {
            (Task::Quotes, _) => GoldFormat::Brat,
            (Task::Sentence, Some("tsv")) => GoldFormat::VaderTsv,
            (Task::Sentence, Some("csv")) => GoldFormat::Csv,
            (Task::Sentence, _) if looks_like_vader(content) => GoldFormat::VaderTsv,
            (Task::Sentence, _) => GoldFormat::Csv,
            (Task::Target, Some("jsonl" | "ndjson" | "json")) => GoldFormat::Newsmtsc,
            (Task::Target, Some("csv")) => GoldFormat::TargetCsv,
            (Task::Target, _) if content.trim_start().starts_with('{') => GoldFormat::Newsmtsc,
            (Task::Target, _) => GoldFormat::TargetCsv,
        }
    }
}

fn looks_like_vader(content: &str) -> bool {
    let first = content.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let fields: Vec<&str> = first.splitn(3, '\t').collect();
    fields.len() == 3 && fields[1].trim().parse::<f64>().is_ok()
}

/// Where a tone counts as neutral.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bands {
    /// A predicted tone is neutral when |tone| <= this.
    pub neutral: f64,
    /// A rescaled numeric gold rating is neutral when |rating| <= this.
    pub gold: f64,
}

/// Options of an evaluation.
#[derive(Debug, Clone)]
pub struct Options {
    pub bands: Bands,
    /// Numeric gold labels are divided by this (default: 4 for VADER TSV, else 1).
    pub scale: Option<f64>,
    pub columns: Columns,
    /// Target task: add the target model's input (rule tone, every cue) to
    /// each prediction row, for refitting `lexicons/target.csv`.
    pub features: bool,
}

/// A metric's value: a count, or a ratio that may be undefined.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Count(u64),
    Ratio(Option<f64>),
}

impl Value {
    pub fn as_f64(self) -> Option<f64> {
        match self {
            Value::Count(n) => Some(n as f64),
            Value::Ratio(r) => r,
        }
    }

    fn display(self) -> String {
        match self {
            Value::Count(n) => n.to_string(),
            Value::Ratio(Some(r)) => format!("{r:.4}"),
            Value::Ratio(None) => "n/a".into(),
        }
    }
}

/// Named figures in a fixed order (serialised as a JSON object in that order).
#[derive(Debug, Clone, PartialEq)]
pub struct Figures<T>(pub Vec<(String, T)>);

impl<T> Default for Figures<T> {
    fn default() -> Self {
        Figures(Vec::new())
    }
}

impl<T: Copy> Figures<T> {
    fn push(&mut self, name: impl Into<String>, value: T) {
        self.0.push((name.into(), value));
    }

    pub fn get(&self, name: &str) -> Option<T> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
    }

    pub fn names(&self) -> Vec<String> {
        self.0.iter().map(|(n, _)| n.clone()).collect()
    }
}

impl<T: Serialize> Serialize for Figures<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(n, v)| (n, v)))
    }
}

/// The figures of one evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub task: &'static str,
    pub format: &'static str,
    pub gold: String,
    /// Gold rows used and rejected, and other counts of the reading.
    pub counts: Figures<u64>,
    pub thresholds: Figures<f64>,
    /// What `--min` can gate on.
    pub metrics: Figures<Value>,
    /// `counts[gold][predicted]`, classes in the order negative, neutral,
    /// positive (sentence and target tasks).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confusion: Option<Confusion>,
}

/// One row per gold item (quotes: per predicted quote and missed gold).
#[derive(Debug, Clone, Default)]
pub struct Predictions {
    pub header: &'static [&'static str],
    pub rows: Vec<Vec<String>>,
}

pub const SENTENCE_PREDICTIONS: &[&str] = &["id", "tone", "label"];
pub const TARGET_PREDICTIONS: &[&str] = &["line", "target", "tone", "predicted", "label"];
/// `TARGET_PREDICTIONS` with the target model's input: the rule-based tone
/// and every cue (`context:term`, tab-separated).
pub const TARGET_FEATURES: &[&str] = &[
    "line",
    "target",
    "tone",
    "predicted",
    "label",
    "rule_tone",
    "cues",
];
pub const QUOTE_PREDICTIONS: &[&str] = &[
    "article_id",
    "quote_no",
    "kind",
    "start",
    "end",
    "text",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "gold_id",
];

impl Predictions {
    /// Writes the rows as RFC 4180 CSV, text cells guarded like the reports.
    pub fn write(&self, path: &Path) -> Result<()> {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_path(path)?;
        writer.write_record(self.header)?;
        for row in &self.rows {
            writer.write_record(row.iter().map(|c| guard(c).into_owned()))?;
        }
        writer.flush().map_err(|e| Error::io(path, e))
    }
}

/// A report, the gold rows that could not be used, and the predictions.
#[derive(Debug, Clone)]
pub struct Evaluation {
    pub report: Report,
    pub rejected: Vec<Rejection>,
    pub predictions: Predictions,
}

/// The metric names a task reports (what `--min` accepts).
pub fn metric_names(task: Task) -> Vec<String> {
    let bands = Bands {
        neutral: 0.0,
        gold: 0.0,
    };
    match task {
        Task::Sentence => sentence_metrics(&[], &[], bands).0.names(),
        Task::Target => class_metrics(0, &Confusion::default()).names(),
        Task::Quotes => quote_metrics(&QuoteTallies::default()).names(),
    }
}

/// Reads the gold set at `path` and evaluates the engine on it, scoring in
/// parallel on the current rayon pool; results are in gold order.
pub fn evaluate(
    engine: &Engine,
    task: Task,
    path: &Path,
    format: Option<GoldFormat>,
    options: &Options,
) -> Result<Evaluation> {
    let origin = path.display().to_string();
    if task == Task::Quotes {
        if format.is_some_and(|f| f != GoldFormat::Brat) || !path.is_dir() {
            return Err(Error::Usage(format!(
                "--task quotes needs a brat directory (text/ and attributions/): {origin}"
            )));
        }
        return Ok(evaluate_quotes(engine, gold::read_brat(path)?, origin));
    }
    let content = read_gold(path)?;
    let format = match format {
        Some(f) if f.task() != task => {
            return Err(Error::Usage(format!(
                "--gold-format {} holds {} gold, not {}",
                f.as_str(),
                f.task().as_str(),
                task.as_str()
            )))
        }
        Some(f) => f,
        None => GoldFormat::detect(path, &content, task),
    };
    let default_scale = if format == GoldFormat::VaderTsv {
        4.0
    } else {
        1.0
    };
    let head = Head {
        origin: &origin,
        format,
        options,
        scale: options.scale.unwrap_or(default_scale),
    };
    Ok(match format {
        GoldFormat::VaderTsv => evaluate_sentences(
            engine,
            gold::read_vader_tsv(&content, &origin, head.scale)?,
            &head,
        ),
        GoldFormat::Csv => evaluate_sentences(
            engine,
            gold::read_sentence_csv(&content, &origin, &options.columns, head.scale)?,
            &head,
        ),
        GoldFormat::Newsmtsc => {
            evaluate_targets(engine, gold::read_newsmtsc(&content, &origin)?, &head)
        }
        GoldFormat::TargetCsv => evaluate_targets(
            engine,
            gold::read_target_csv(&content, &origin, &options.columns, head.scale)?,
            &head,
        ),
        GoldFormat::Brat => unreachable!("brat gold is read above"),
    })
}

fn read_gold(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| Error::BadFile {
        origin: path.display().to_string(),
        message: format!("not UTF-8 ({e})"),
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(&text).to_string())
}

/// What a text-file evaluation was run on.
struct Head<'a> {
    origin: &'a str,
    format: GoldFormat,
    options: &'a Options,
    scale: f64,
}

impl Head<'_> {
    fn report<T>(&self, gold: &Gold<T>, metrics: Figures<Value>, confusion: Confusion) -> Report {
        let bands = self.options.bands;
        let mut thresholds = Figures::default();
        thresholds.push("neutral_band", bands.neutral);
        if self.format != GoldFormat::Newsmtsc {
            thresholds.push("gold_band", bands.gold);
            thresholds.push("gold_scale", self.scale);
        }
        Report {
            task: self.format.task().as_str(),
            format: self.format.as_str(),
            gold: self.origin.to_string(),
            counts: counts(gold, gold.items.len()),
            thresholds,
            metrics,
            confusion: Some(confusion),
        }
    }
}

/// Gold items used (`used`; attributions for brat, not articles) and rows
/// rejected, then the reader's other counts.
fn counts<T>(gold: &Gold<T>, used: usize) -> Figures<u64> {
    let mut counts = Figures::default();
    counts.push("used", used as u64);
    counts.push("rejected", gold.rejected.len() as u64);
    for &(name, n) in &gold.notes {
        counts.push(name, n);
    }
    counts
}

/// The tone of a whole text scored as one record, the number `stance score`
/// reports as the article `tone` in articles.csv for a JSONL/CSV record
/// with this text: the mean tone of its sentences.
pub fn text_tone(engine: &Engine, id: &str, text: &str) -> f64 {
    let doc = Document::record(id, text);
    engine.analyze(doc).tone
}

fn evaluate_sentences(engine: &Engine, gold: Gold<SentenceGold>, head: &Head) -> Evaluation {
    let tones: Vec<f64> = gold
        .items
        .par_iter()
        .map(|g| text_tone(engine, &g.id, &g.text))
        .collect();
    let (metrics, confusion) = sentence_metrics(&gold.items, &tones, head.options.bands);
    let mut report = head.report(&gold, metrics, confusion);
    let numeric = gold
        .items
        .iter()
        .filter(|g| g.label.score().is_some())
        .count();
    report.counts.push("numeric", numeric as u64);
    let rows = gold
        .items
        .iter()
        .zip(&tones)
        .map(|(g, &tone)| vec![g.id.clone(), number(tone), g.raw_label.clone()])
        .collect();
    Evaluation {
        report,
        rejected: gold.rejected,
        predictions: Predictions {
            header: SENTENCE_PREDICTIONS,
            rows,
        },
    }
}

/// n, r, rho and MAE (over the items with a numeric rating), then the
/// class metrics.
fn sentence_metrics(
    gold: &[SentenceGold],
    tones: &[f64],
    bands: Bands,
) -> (Figures<Value>, Confusion) {
    let (predicted, rated): (Vec<f64>, Vec<f64>) = gold
        .iter()
        .zip(tones)
        .filter_map(|(g, &tone)| Some((tone, g.label.score()?)))
        .unzip();
    let confusion = Confusion::from_pairs(
        gold.iter()
            .zip(tones)
            .map(|(g, &tone)| (g.label.class(bands.gold), Class::of(tone, bands.neutral))),
    );
    let mut metrics = Figures::default();
    metrics.push("n", Value::Count(gold.len() as u64));
    metrics.push("r", Value::Ratio(pearson(&predicted, &rated)));
    metrics.push("rho", Value::Ratio(spearman(&predicted, &rated)));
    metrics.push("mae", Value::Ratio(mean_absolute_error(&predicted, &rated)));
    metrics
        .0
        .extend(class_metrics(gold.len(), &confusion).0.into_iter().skip(1));
    (metrics, confusion)
}

/// n, accuracy, macro-F1 and per-class precision, recall and F1.
fn class_metrics(n: usize, confusion: &Confusion) -> Figures<Value> {
    let mut metrics = Figures::default();
    metrics.push("n", Value::Count(n as u64));
    metrics.push("accuracy", Value::Ratio(confusion.accuracy()));
    metrics.push("macro_f1", Value::Ratio(confusion.macro_f1()));
    let any = confusion.total() > 0;
    for class in Class::ALL {
        let name = class.as_str();
        let figures = [
            ("precision", confusion.precision(class)),
            ("recall", confusion.recall(class)),
            ("f1", confusion.f1(class)),
        ];
        for (what, value) in figures {
            metrics.push(format!("{what}_{name}"), Value::Ratio(any.then_some(value)));
        }
    }
    metrics
}

fn evaluate_targets(engine: &Engine, gold: Gold<TargetGold>, head: &Head) -> Evaluation {
    let bands = head.options.bands;
    let leanings: Vec<Leaning> = gold
        .items
        .par_iter()
        .map(|g| engine.tone_toward_span(&g.text, g.span).1)
        .collect();
    let predicted: Vec<Class> = leanings
        .iter()
        .map(|l| match l.probabilities {
            Some(_) => l.class,
            None => Class::of(l.tone, bands.neutral),
        })
        .collect();
    let classes: Vec<Class> = gold
        .items
        .iter()
        .map(|g| g.label.class(bands.gold))
        .collect();
    let confusion = Confusion::from_pairs(classes.iter().copied().zip(predicted.iter().copied()));
    let metrics = class_metrics(gold.items.len(), &confusion);
    let report = head.report(&gold, metrics, confusion);
    let mut rows: Vec<Vec<String>> = gold
        .items
        .iter()
        .zip(&leanings)
        .zip(predicted.iter().zip(&classes))
        .map(|((g, leaning), (predicted, class))| {
            vec![
                g.line.to_string(),
                g.index.to_string(),
                number(leaning.tone),
                predicted.as_str().to_string(),
                class.as_str().to_string(),
            ]
        })
        .collect();
    if head.options.features {
        let features: Vec<(f64, Vec<String>)> = gold
            .items
            .par_iter()
            .map(|g| engine.target_cues(&g.text, g.span))
            .collect();
        for (row, (rule_tone, cues)) in rows.iter_mut().zip(features) {
            row.push(number(rule_tone));
            row.push(cues.join("\t"));
        }
    }
    Evaluation {
        report,
        rejected: gold.rejected,
        predictions: Predictions {
            header: if head.options.features {
                TARGET_FEATURES
            } else {
                TARGET_PREDICTIONS
            },
            rows,
        },
    }
}

fn evaluate_quotes(engine: &Engine, gold: Gold<BratArticle>, origin: String) -> Evaluation {
    let attributions = gold.items.iter().map(|a| a.attributions.len()).sum();
    let counts = counts(&gold, attributions);
    let scored: Vec<(QuoteTallies, Vec<Vec<String>>)> = gold
        .items
        .into_par_iter()
        .map(|article| score_brat_article(engine, article))
        .collect();
    let mut tallies = QuoteTallies::default();
    let mut rows = Vec::new();
    for (t, r) in scored {
        tallies.add(&t);
        rows.extend(r);
    }
    let mut thresholds = Figures::default();
    for (suffix, share) in THRESHOLDS {
        thresholds.push(format!("coverage_{suffix}"), share);
    }
    Evaluation {
        report: Report {
            task: Task::Quotes.as_str(),
            format: GoldFormat::Brat.as_str(),
            gold: origin,
            counts,
            thresholds,
            metrics: quote_metrics(&tallies),
            confusion: None,
        },
        rejected: gold.rejected,
        predictions: Predictions {
            header: QUOTE_PREDICTIONS,
            rows,
        },
    }
}

/// Counts, then precision, recall and F1 of content and of direct quotes
/// at each threshold, then speaker accuracy.
fn quote_metrics(t: &QuoteTallies) -> Figures<Value> {
    let mut metrics = Figures::default();
    metrics.push("n", Value::Count(t.content[0].gold));
    metrics.push("predicted", Value::Count(t.content[0].predicted));
    metrics.push("direct_n", Value::Count(t.direct[0].gold));
    metrics.push("direct_predicted", Value::Count(t.direct[0].predicted));
    for (group, tallies) in [("content", &t.content), ("direct", &t.direct)] {
        for ((suffix, _), tally) in THRESHOLDS.iter().zip(tallies.iter()) {
            let figures = [
                ("precision", tally.precision()),
                ("recall", tally.recall()),
                ("f1", tally.f1()),
            ];
            for (what, value) in figures {
                metrics.push(
                    format!("{group}_{what}_{suffix}"),
                    Value::Ratio(Some(value)),
                );
            }
        }
    }
    metrics.push("speaker_n", Value::Count(t.speaker_gold));
    let accuracy = (t.speaker_gold > 0).then(|| ratio(t.speaker_correct, t.speaker_gold));
    metrics.push("speaker_accuracy", Value::Ratio(accuracy));
    metrics
}

/// Analyses one article and compares its quotes with the gold; returns
/// the tallies and the prediction rows (predicted quotes, then missed gold).
fn score_brat_article(engine: &Engine, article: BratArticle) -> (QuoteTallies, Vec<Vec<String>>) {
    let analysis = engine.analyze(article.doc);
    let text = analysis.doc.text.as_str();
    let id = analysis.doc.id.as_str();
    let offsets = CharOffsets::new(text);
    let chars: Vec<char> = text.chars().collect();
    let to_chars = |s: Span| offsets.at(s.start)..offsets.at(s.end);
    let predicted: Vec<PredictedQuote> = analysis
        .quotes
        .iter()
        .map(|q| PredictedQuote {
            kind: q.quote.kind,
            span: to_chars(q.quote.span),
            speaker: q.quote.speaker_mention.map(to_chars),
        })
        .collect();
    let gold = &article.attributions;
    let score = quotes::score_article(&chars, gold, &predicted);
    let mut rows = Vec::new();
    for (i, (p, g)) in predicted.iter().zip(&score.gold_of_predicted).enumerate() {
        let mut row = vec![id.to_string(), (i + 1).to_string(), p.kind.as_str().into()];
        let [start, end, quote] = span_cells(&chars, std::slice::from_ref(&p.span));
        let [s_start, s_end, speaker] = span_cells(&chars, p.speaker.as_slice());
        row.extend([start, end, quote, speaker, s_start, s_end]);
        row.push(g.map(|g| gold[g].id.clone()).unwrap_or_default());
        rows.push(row);
    }
    for (g, quote) in gold.iter().enumerate() {
        if !score.gold_of_predicted.contains(&Some(g)) {
            let mut row = vec![id.to_string(), String::new(), String::new()];
            let [start, end, content] = span_cells(&chars, &quote.content);
            let [s_start, s_end, source] = span_cells(&chars, &quote.source);
            row.extend([start, end, content, source, s_start, s_end]);
            row.push(quote.id.clone());
            rows.push(row);
        }
    }
    (score.tallies, rows)
}

/// start, end (of the whole extent) and text (fragments joined by a space)
/// of character spans; empty cells when there are none.
fn span_cells(chars: &[char], fragments: &[CharSpan]) -> [String; 3] {
    let (Some(first), Some(last)) = (fragments.first(), fragments.last()) else {
        return Default::default();
    };
    let text: Vec<String> = fragments
        .iter()
        .map(|f| chars[f.clone()].iter().collect())
        .collect();
    [
        first.start.to_string(),
        last.end.to_string(),
        text.join(" "),
    ]
}

impl Report {
    /// The `--min` gates that fail, as messages.
    pub fn failures(&self, minimums: &[(String, f64)]) -> Vec<String> {
        minimums
            .iter()
            .filter_map(|(name, min)| {
                let Some(value) = self.metrics.get(name) else {
                    return Some(format!("{name} is not a metric of the {} task", self.task));
                };
                match value.as_f64() {
                    Some(v) if v >= *min => None,
                    Some(_) => Some(format!(
                        "{name} = {} is below the minimum {min}",
                        value.display()
                    )),
                    None => Some(format!("{name} is not available (n/a); minimum {min}")),
                }
            })
            .collect()
    }

    /// The report as a readable table.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let join = |figures: Vec<String>| figures.join(", ");
        let _ = writeln!(
            out,
            "stance eval: task {}, gold {} ({})",
            self.task, self.gold, self.format
        );
        let counts = self
            .counts
            .0
            .iter()
            .map(|(n, v)| format!("{n} {v}"))
            .collect();
        let _ = writeln!(out, "counts:      {}", join(counts));
        let thresholds = self
            .thresholds
            .0
            .iter()
            .map(|(n, v)| format!("{n} {v}"))
            .collect();
        let _ = writeln!(out, "thresholds:  {}", join(thresholds));
        let _ = writeln!(out, "             {}", self.threshold_note());
        let _ = writeln!(out, "\n{:<24}{:>10}", "metric", "value");
        for (name, value) in &self.metrics.0 {
            let _ = writeln!(out, "{name:<24}{:>10}", value.display());
        }
        if let Some(confusion) = &self.confusion {
            let _ = writeln!(out, "\nconfusion (rows: gold, columns: predicted)");
            let _ = write!(out, "{:<12}", "");
            for class in Class::ALL {
                let _ = write!(out, "{:>10}", class.as_str());
            }
            for (class, row) in Class::ALL.iter().zip(&confusion.counts) {
                let _ = write!(out, "\n{:<12}", class.as_str());
                for n in row {
                    let _ = write!(out, "{n:>10}");
                }
            }
            out.push('\n');
        }
        out
    }

    fn threshold_note(&self) -> &'static str {
        match (self.task, self.thresholds.get("gold_band").is_some()) {
            ("quotes", _) => {
                "a predicted quote matches a gold content when it covers at least coverage_50 \
                 (coverage_80) of the content's letters and digits"
            }
            (_, true) => {
                "predicted neutral when |tone| <= neutral_band; numeric gold is divided by \
                 gold_scale and neutral when |gold| <= gold_band"
            }
            _ => "predicted neutral when |tone| <= neutral_band",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_formats() {
        let cases = [
            ("g.tsv", "", Task::Sentence, GoldFormat::VaderTsv),
            (
                "g.gold",
                "1\t0.5\tA text.\n",
                Task::Sentence,
                GoldFormat::VaderTsv,
            ),
            ("g.gold", "id,text,label\n", Task::Sentence, GoldFormat::Csv),
            (
                "g.txt",
                "id\ttext\tlabel\n",
                Task::Sentence,
                GoldFormat::Csv,
            ),
            ("g.jsonl", "", Task::Target, GoldFormat::Newsmtsc),
            (
                "g.gold",
                "  {\"targets\": []}",
                Task::Target,
                GoldFormat::Newsmtsc,
            ),
            ("g.csv", "{", Task::Target, GoldFormat::TargetCsv),
            ("dir", "", Task::Quotes, GoldFormat::Brat),
        ];
        for (path, content, task, want) in cases {
            assert_eq!(
                GoldFormat::detect(Path::new(path), content, task),
                want,
                "{path}"
            );
        }
    }

    #[test]
    fn names_round_trip() {
        for name in GoldFormat::NAMES {
            assert_eq!(GoldFormat::parse(name).unwrap().as_str(), name);
        }
        for name in Task::NAMES {
            assert_eq!(Task::parse(name).unwrap().as_str(), name);
        }
    }

    #[test]
    fn metric_names_per_task() {
        let sentence = metric_names(Task::Sentence);
        assert_eq!(
            &sentence[..6],
            ["n", "r", "rho", "mae", "accuracy", "macro_f1"]
        );
        assert!(sentence.contains(&"f1_neutral".to_string()));
        let target = metric_names(Task::Target);
        assert_eq!(target.len(), 12);
        assert!(!target.contains(&"r".to_string()));
        let quotes = metric_names(Task::Quotes);
        for name in [
            "content_f1_50",
            "direct_recall_50",
            "content_precision_80",
            "speaker_accuracy",
        ] {
            assert!(quotes.contains(&name.to_string()), "{name}");
        }
    }

    #[test]
    fn gates() {
        let mut metrics = Figures::default();
        metrics.push("n", Value::Count(10));
        metrics.push("r", Value::Ratio(None));
        metrics.push("macro_f1", Value::Ratio(Some(0.5)));
        let report = Report {
            task: "sentence",
            format: "csv",
            gold: "g".into(),
            counts: Figures::default(),
            thresholds: Figures::default(),
            metrics,
            confusion: None,
        };
        let minimums = [
            ("macro_f1".to_string(), 0.5),
            ("n".to_string(), 11.0),
            ("r".to_string(), 0.1),
            ("macro_f1".to_string(), 0.6),
        ];
        assert_eq!(
            report.failures(&minimums),
            [
                "n = 10 is below the minimum 11",
                "r is not available (n/a); minimum 0.1",
                "macro_f1 = 0.5000 is below the minimum 0.6",
            ]
        );
    }

    #[test]
    fn whole_text_tone_is_the_article_tone() {
        let engine = Engine::embedded();
        let text = "The talks collapsed in bitter failure. Both sides hailed a breakthrough.";
        let doc = Document::record("x", text);
        let analysis = engine.analyze(doc);
        let mean = analysis.sentences.iter().map(|s| s.tone.tone).sum::<f64>()
            / analysis.sentences.len() as f64;
        assert_eq!(analysis.sentences.len(), 2);
        assert_eq!(text_tone(&engine, "x", text), mean);
        assert_eq!(text_tone(&engine, "x", text), analysis.tone);
    }
}
