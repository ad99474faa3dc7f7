//! Gold-set readers: the VADER ground-truth TSV and generic CSV (sentence
//! task), NewsMTSC JSONL and target CSV (target task), and PolNeAR-style
//! brat standoff (quotes task). A row that cannot be used is a `Rejection`
//! with its file and line; a file that cannot be used at all (empty, missing
//! columns, no rows) is an `Error::BadFile`.
//!
//! Offsets in the gold files are character (code point) offsets; target
//! spans are converted to byte spans here, quote spans stay in characters.

use super::metrics::Class;
use super::quotes::{CharSpan, GoldQuote};
use crate::corpus::{read_source, InputFormat, Item, ReadOptions, Source};
use crate::error::{Error, Result};
use crate::types::{Document, Rejection, Span};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The rows of a gold set that could be used, and those that could not.
#[derive(Debug, Clone)]
pub struct Gold<T> {
    pub items: Vec<T>,
    pub rejected: Vec<Rejection>,
    /// Other counts worth reporting (lines of other types ignored, ...).
    pub notes: Vec<(&'static str, u64)>,
}

impl<T> Gold<T> {
    fn new() -> Gold<T> {
        Gold {
            items: Vec::new(),
            rejected: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Rejects a row; `line` 0 stands for the whole file.
    fn reject(&mut self, origin: &str, line: u64, error: impl Into<String>) {
        self.rejected.push(Rejection {
            input: origin.to_string(),
            line: (line > 0).then_some(line),
            error: error.into(),
        });
    }

    /// Fails when the file held no gold rows at all.
    fn non_empty(self, origin: &str) -> Result<Gold<T>> {
        if self.items.is_empty() && self.rejected.is_empty() {
            return Err(bad_file(origin, "no gold rows"));
        }
        Ok(self)
    }
}

fn bad_file(origin: &str, message: impl Into<String>) -> Error {
    Error::BadFile {
        origin: origin.to_string(),
        message: message.into(),
    }
}

/// A human judgement: a rating rescaled to [-1, 1], or a class.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GoldLabel {
    Score(f64),
    Class(Class),
}

impl GoldLabel {
    /// Reads a class name, or a number in [-scale, scale] (rescaled).
    pub fn parse(cell: &str, scale: f64) -> std::result::Result<GoldLabel, String> {
        if let Some(class) = Class::parse(cell) {
            return Ok(GoldLabel::Class(class));
        }
        let value: f64 = cell.trim().parse().map_err(|_| {
            format!("label {cell:?} is neither a number nor negative/neutral/positive")
        })?;
        if !value.is_finite() || value.abs() > scale {
            return Err(format!("label {value} outside [-{scale}, {scale}]"));
        }
        Ok(GoldLabel::Score(value / scale))
    }

    /// The gold class: a rescaled rating is neutral when |rating| <= band.
    pub fn class(&self, band: f64) -> Class {
        match *self {
            GoldLabel::Score(v) => Class::of(v, band),
            GoldLabel::Class(c) => c,
        }
    }

    pub fn score(&self) -> Option<f64> {
        match *self {
            GoldLabel::Score(v) => Some(v),
            GoldLabel::Class(_) => None,
        }
    }
}

/// One text with a human rating or label.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceGold {
    pub id: String,
    pub line: u64,
    pub text: String,
    pub label: GoldLabel,
    /// The label as written in the gold file.
    pub raw_label: String,
}

/// One target in a text with the label of the text's tone toward it.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetGold {
    /// 1-based line of the gold file.
    pub line: u64,
    /// 0-based index of the target on its line.
    pub index: usize,
    pub text: String,
    /// The target mention, as a byte span of `text`.
    pub span: Span,
    pub label: GoldLabel,
}

/// Column names of CSV gold files.
#[derive(Debug, Clone)]
pub struct Columns {
    pub id: String,
    pub text: String,
    pub label: String,
}

/// Reads `id<TAB>rating<TAB>text` lines (VADER's ground truth; no header).
/// Ratings are divided by `scale` (4 for VADER). Blank lines are skipped.
pub fn read_vader_tsv(content: &str, origin: &str, scale: f64) -> Result<Gold<SentenceGold>> {
    let mut gold = Gold::new();
    for (i, line) in content.lines().enumerate() {
        let line_no = i as u64 + 1;
        let line = line.strip_prefix('\u{feff}').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        match vader_row(line, line_no, scale) {
            Ok(item) => gold.items.push(item),
            Err(e) => gold.reject(origin, line_no, e),
        }
    }
    gold.non_empty(origin)
}

fn vader_row(line: &str, line_no: u64, scale: f64) -> std::result::Result<SentenceGold, String> {
    let mut fields = line.splitn(3, '\t');
    let (Some(id), Some(rating), Some(text)) = (fields.next(), fields.next(), fields.next()) else {
        return Err("expected id<TAB>rating<TAB>text".into());
    };
    sentence_item(id, rating, text, line_no, scale)
}

fn sentence_item(
    id: &str,
    label: &str,
    text: &str,
    line: u64,
    scale: f64,
) -> std::result::Result<SentenceGold, String> {
    if text.trim().is_empty() {
        return Err("empty text".into());
    }
    Ok(SentenceGold {
        id: id.trim().to_string(),
        line,
        text: text.to_string(),
        label: GoldLabel::parse(label, scale)?,
        raw_label: label.trim().to_string(),
    })
}

/// A CSV file with a header: the positions of the named columns.
struct CsvTable<'a> {
    reader: csv::Reader<&'a [u8]>,
    origin: &'a str,
}

impl<'a> CsvTable<'a> {
    fn open(content: &'a str, origin: &'a str) -> Result<CsvTable<'a>> {
        let mut reader = csv::ReaderBuilder::new().from_reader(content.as_bytes());
        let header = reader
            .headers()
            .map_err(|e| bad_file(origin, format!("unreadable header: {e}")))?;
        if header.iter().all(|h| h.trim().is_empty()) {
            return Err(bad_file(origin, "empty file: no header row"));
        }
        Ok(CsvTable { reader, origin })
    }

    /// The position of a required column.
    fn column(&mut self, name: &str, option: &str) -> Result<usize> {
        let header = self
            .reader
            .headers()
            .map_err(|e| bad_file(self.origin, e.to_string()))?;
        let names: Vec<&str> = header
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').trim())
            .collect();
        names.iter().position(|h| *h == name).ok_or_else(|| {
            bad_file(
                self.origin,
                format!(
                    "no column {name:?} in the header (columns: {}){option}",
                    names.join(", ")
                ),
            )
        })
    }

    fn optional_column(&mut self, name: &str) -> Option<usize> {
        self.column(name, "").ok()
    }

    /// Calls `row` with each record and its line; malformed rows are rejected.
    fn rows<T>(
        mut self,
        gold: &mut Gold<T>,
        mut row: impl FnMut(&csv::StringRecord, u64, &mut Gold<T>),
    ) -> Result<()> {
        let mut record = csv::StringRecord::new();
        let mut rows = 0;
        loop {
            match self.reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => row(&record, record.position().map_or(0, |p| p.line()), gold),
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    gold.reject(self.origin, line, format!("malformed CSV row: {e}"));
                }
            }
            rows += 1;
        }
        if rows == 0 {
            return Err(bad_file(self.origin, "no rows after the header"));
        }
        Ok(())
    }
}

fn cell(record: &csv::StringRecord, column: usize) -> &str {
    record.get(column).unwrap_or("")
}

/// Reads a CSV of texts and labels (class names or numbers in
/// [-scale, scale]); the id column is optional (the line number otherwise).
pub fn read_sentence_csv(
    content: &str,
    origin: &str,
    columns: &Columns,
    scale: f64,
) -> Result<Gold<SentenceGold>> {
    let mut table = CsvTable::open(content, origin)?;
    let text = table.column(&columns.text, "; set --text-col")?;
    let label = table.column(&columns.label, "; set --label-col")?;
    let id = table.optional_column(&columns.id);
    let mut gold = Gold::new();
    table.rows(&mut gold, |record, line, gold| {
        let id = id.map_or_else(|| line.to_string(), |c| cell(record, c).to_string());
        match sentence_item(&id, cell(record, label), cell(record, text), line, scale) {
            Ok(item) => gold.items.push(item),
            Err(e) => gold.reject(origin, line, e),
        }
    })?;
    gold.non_empty(origin)
}

/// The byte span of the characters `[start, end)` of `text`.
pub fn byte_span(text: &str, start: usize, end: usize) -> std::result::Result<Span, String> {
    let chars = text.chars().count();
    if start >= end || end > chars {
        return Err(format!(
            "target offsets {start}..{end} outside the text of {chars} characters (or empty)"
        ));
    }
    let byte = |n: usize| text.char_indices().nth(n).map_or(text.len(), |(b, _)| b);
    Ok(Span::new(byte(start), byte(end)))
}

/// Reads a target CSV: `text,start,end,label` with character offsets.
pub fn read_target_csv(
    content: &str,
    origin: &str,
    columns: &Columns,
    scale: f64,
) -> Result<Gold<TargetGold>> {
    let mut table = CsvTable::open(content, origin)?;
    let text = table.column(&columns.text, "; set --text-col")?;
    let start = table.column("start", "")?;
    let end = table.column("end", "")?;
    let label = table.column(&columns.label, "; set --label-col")?;
    let mut gold = Gold::new();
    table.rows(&mut gold, |record, line, gold| {
        let item = target_item(
            cell(record, text),
            (cell(record, start), cell(record, end)),
            cell(record, label),
            scale,
        )
        .map(|(span, label)| TargetGold {
            line,
            index: 0,
            text: cell(record, text).to_string(),
            span,
            label,
        });
        match item {
            Ok(item) => gold.items.push(item),
            Err(e) => gold.reject(origin, line, e),
        }
    })?;
    gold.non_empty(origin)
}

fn target_item(
    text: &str,
    (start, end): (&str, &str),
    label: &str,
    scale: f64,
) -> std::result::Result<(Span, GoldLabel), String> {
    let offset = |cell: &str| {
        cell.trim()
            .parse::<usize>()
            .map_err(|_| format!("offset {cell:?} is not a whole number"))
    };
    let span = byte_span(text, offset(start)?, offset(end)?)?;
    Ok((span, GoldLabel::parse(label, scale)?))
}

/// Reads NewsMTSC JSONL: `sentence_normalized` and `targets[]` with
/// character offsets `from`/`to` and `polarity` 2/4/6 (negative, neutral,
/// positive). A bad line is one rejection; a bad target, another.
pub fn read_newsmtsc(content: &str, origin: &str) -> Result<Gold<TargetGold>> {
    let mut gold = Gold::new();
    for (i, line) in content.lines().enumerate() {
        let line_no = i as u64 + 1;
        if line.trim().is_empty() {
            continue;
        }
        match newsmtsc_line(line) {
            Ok((text, targets)) => {
                for (index, target) in targets.iter().enumerate() {
                    match newsmtsc_target(&text, target) {
                        Ok((span, label)) => gold.items.push(TargetGold {
                            line: line_no,
                            index,
                            text: text.clone(),
                            span,
                            label,
                        }),
                        Err(e) => gold.reject(origin, line_no, format!("target {index}: {e}")),
                    }
                }
            }
            Err(e) => gold.reject(origin, line_no, e),
        }
    }
    gold.non_empty(origin)
}

fn newsmtsc_line(line: &str) -> std::result::Result<(String, Vec<serde_json::Value>), String> {
    let mut value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("malformed JSON: {e}"))?;
    let text = value
        .get("sentence_normalized")
        .and_then(|t| t.as_str())
        .ok_or("no \"sentence_normalized\" string")?
        .to_string();
    match value.get_mut("targets").map(serde_json::Value::take) {
        Some(serde_json::Value::Array(targets)) if !targets.is_empty() => Ok((text, targets)),
        _ => Err("no \"targets\" list".into()),
    }
}

fn newsmtsc_target(
    text: &str,
    target: &serde_json::Value,
) -> std::result::Result<(Span, GoldLabel), String> {
    let offset = |key: &str| {
        target
            .get(key)
            .and_then(|v| v.as_u64())
            .map(|v| v as usize)
            .ok_or(format!("no whole-number {key:?}"))
    };
    let span = byte_span(text, offset("from")?, offset("to")?)?;
    if let Some(mention) = target.get("mention").and_then(|m| m.as_str()) {
        if span.of(text) != mention {
            return Err(format!(
                "mention {mention:?} but the offsets give {:?}",
                span.of(text)
            ));
        }
    }
    let class = match target.get("polarity").and_then(|p| p.as_f64()) {
        Some(2.0) => Class::Negative,
        Some(4.0) => Class::Neutral,
        Some(6.0) => Class::Positive,
        other => return Err(format!("polarity {other:?} is not 2, 4 or 6")),
    };
    Ok((span, GoldLabel::Class(class)))
}

/// One article of a brat gold set: its text, read exactly as `stance score`
/// reads a `.txt` article, and its gold attributions.
#[derive(Debug, Clone)]
pub struct BratArticle {
    pub doc: Document,
    pub attributions: Vec<GoldQuote>,
}

/// Reads a PolNeAR-style directory: `text/*.txt` and
/// `attributions/<article>_<annotator>.ann` (the first by file name is used).
pub fn read_brat(dir: &Path) -> Result<Gold<BratArticle>> {
    let origin = dir.display().to_string();
    let texts = files_with_extension(&dir.join("text"), "txt")?;
    let annotations = files_with_extension(&dir.join("attributions"), "ann")?;
    let mut by_article: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for path in annotations {
        let name = file_stem(&path);
        let article = name.rsplit_once('_').map_or(name.as_str(), |(a, _)| a);
        by_article
            .entry(article.to_string())
            .or_default()
            .push(path);
    }
    let mut gold = Gold::new();
    let (mut without_annotation, mut extra_files) = (0, 0);
    let mut other = Counts::default();
    for text_path in &texts {
        let Some(anns) = by_article.remove(&file_stem(text_path)) else {
            without_annotation += 1;
            continue;
        };
        extra_files += anns.len() as u64 - 1;
        if let Some(article) = brat_article(text_path, &anns[0], &mut gold, &mut other) {
            gold.items.push(article);
        }
    }
    for path in by_article.into_values().flatten() {
        let input = path.display().to_string();
        gold.reject(&input, 0, "no text/<article>.txt for this annotation file");
    }
    gold.notes = vec![
        ("articles", gold.items.len() as u64),
        ("articles_without_annotation", without_annotation),
        ("extra_annotation_files", extra_files),
        ("ignored_lines", other.ignored_lines),
        ("unused_spans", other.unused_spans),
    ];
    if gold.items.iter().all(|a| a.attributions.is_empty()) && gold.rejected.is_empty() {
        return Err(bad_file(&origin, "no gold attributions"));
    }
    Ok(gold)
}

/// Lines and spans of annotation files that are not attributions.
#[derive(Debug, Default)]
struct Counts {
    ignored_lines: u64,
    unused_spans: u64,
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn files_with_extension(dir: &Path, extension: &str) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path.extension().is_some_and(|e| e == extension) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn brat_article(
    text_path: &Path,
    ann_path: &Path,
    gold: &mut Gold<BratArticle>,
    counts: &mut Counts,
) -> Option<BratArticle> {
    let source = Source {
        path: text_path.to_path_buf(),
        root: text_path.parent().unwrap_or(Path::new("")).to_path_buf(),
        format: InputFormat::Text,
    };
    let mut doc = None;
    read_source(&source, &ReadOptions::default(), &mut |item| match item {
        Item::Doc(d) => doc = Some(d),
        Item::Problem(p) => gold.rejected.push(p),
    });
    let doc = doc?;
    let ann_origin = ann_path.display().to_string();
    let content = match std::fs::read_to_string(ann_path) {
        Ok(c) => c,
        Err(e) => {
            gold.reject(&ann_origin, 0, e.to_string());
            return None;
        }
    };
    let chars: Vec<char> = doc.text.chars().collect();
    let attributions = parse_ann(&content, &ann_origin, &chars, gold, counts);
    Some(BratArticle { doc, attributions })
}

/// A text-bound annotation: `T12<TAB>Type 10 25;30 40<TAB>text`.
struct TextBound {
    fragments: Vec<CharSpan>,
    used: bool,
}

/// The attributions of one annotation file. T lines are checked against the
/// text; E lines become attributions; other lines are counted and ignored.
fn parse_ann<T>(
    content: &str,
    origin: &str,
    chars: &[char],
    gold: &mut Gold<T>,
    counts: &mut Counts,
) -> Vec<GoldQuote> {
    let mut spans: BTreeMap<&str, TextBound> = BTreeMap::new();
    let mut events = Vec::new();
    for (i, line) in content.lines().enumerate() {
        let line_no = i as u64 + 1;
        match line.chars().next() {
            None => {}
            Some('T') => match text_bound(line, chars) {
                Ok((id, fragments)) => {
                    spans.insert(
                        id,
                        TextBound {
                            fragments,
                            used: false,
                        },
                    );
                }
                Err(e) => gold.reject(origin, line_no, e),
            },
            Some('E') => events.push((line_no, line)),
            Some(_) => counts.ignored_lines += 1,
        }
    }
    let mut attributions = Vec::new();
    for (line_no, line) in events {
        match attribution(line, line_no, &mut spans) {
            Ok(a) => attributions.push(a),
            Err(e) => gold.reject(origin, line_no, e),
        }
    }
    counts.unused_spans += spans.values().filter(|t| !t.used).count() as u64;
    attributions
}

fn text_bound<'l>(
    line: &'l str,
    chars: &[char],
) -> std::result::Result<(&'l str, Vec<CharSpan>), String> {
    let mut fields = line.splitn(3, '\t');
    let (Some(id), Some(middle), Some(written)) = (fields.next(), fields.next(), fields.next())
    else {
        return Err("expected T<n><TAB>Type start end<TAB>text".into());
    };
    let (_, offsets) = middle.split_once(' ').ok_or("no offsets after the type")?;
    let mut fragments = Vec::new();
    for fragment in offsets.split(';') {
        let numbers: Vec<usize> = fragment
            .split_whitespace()
            .map(|n| {
                n.parse()
                    .map_err(|_| format!("offset {n:?} is not a whole number"))
            })
            .collect::<std::result::Result<_, _>>()?;
        let [start, end] = numbers[..] else {
            return Err(format!("fragment {fragment:?} is not \"start end\""));
        };
        if start > end || end > chars.len() {
            return Err(format!(
                "offsets {start}..{end} outside the text of {} characters",
                chars.len()
            ));
        }
        fragments.push(start..end);
    }
    let found: String = fragments
        .iter()
        .map(|f| chars[f.clone()].iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ");
    if !same_words(&found, written) {
        return Err(format!(
            "span text {written:?} differs from the article text there ({found:?})"
        ));
    }
    Ok((id, fragments))
}

fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// `E3<TAB>Attribution:T1 Source:T2 Cue:T3 Content:T4` (trailing space
/// allowed). Roles starting with "Content" (Content2, ...) add content
/// fragments; Source gives the source; other roles are not evaluated.
fn attribution(
    line: &str,
    line_no: u64,
    spans: &mut BTreeMap<&str, TextBound>,
) -> std::result::Result<GoldQuote, String> {
    let (id, arguments) = line
        .split_once('\t')
        .ok_or("expected E<n><TAB>Type:T<n> Role:T<n> ...")?;
    let mut quote = GoldQuote {
        id: id.to_string(),
        line: line_no,
        content: Vec::new(),
        source: Vec::new(),
    };
    for (k, argument) in arguments.split_whitespace().enumerate() {
        let (role, target) = argument
            .split_once(':')
            .ok_or(format!("argument {argument:?} is not Role:T<n>"))?;
        let span = spans
            .get_mut(target)
            .ok_or(format!("{target} is not defined (or was rejected)"))?;
        span.used = true;
        if k == 0 {
            continue;
        }
        if role.starts_with("Content") {
            quote.content.extend(span.fragments.iter().cloned());
        } else if role == "Source" {
            quote.source.extend(span.fragments.iter().cloned());
        }
    }
    if quote.content.is_empty() {
        return Err(format!("attribution {id} has no Content; skipped"));
    }
    Ok(quote)
}

#[cfg(test)]
// Character spans are ranges: a list of one span is meant.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        let cases = [
            ("2", 4.0, Ok(GoldLabel::Score(0.5))),
            (" -4 ", 4.0, Ok(GoldLabel::Score(-1.0))),
            ("Positive", 1.0, Ok(GoldLabel::Class(Class::Positive))),
            ("4.5", 4.0, Err("label 4.5 outside [-4, 4]".to_string())),
            ("NaN", 1.0, Err("label NaN outside [-1, 1]".to_string())),
            (
                "meh",
                1.0,
                Err("label \"meh\" is neither a number nor negative/neutral/positive".to_string()),
            ),
        ];
        for (cell, scale, want) in cases {
            assert_eq!(GoldLabel::parse(cell, scale), want, "{cell}");
        }
    }

    #[test]
    fn vader_rows_and_rejections() {
        let content = "1_1\t2.5\tGood news for the economy.\n\n1_2\tbad\tA text.\n1_3\t-1\n1_4\t9\tToo much.\n1_5\t0\t  \n";
        let gold = read_vader_tsv(content, "g.tsv", 4.0).unwrap();
        assert_eq!(gold.items.len(), 1);
        assert_eq!(gold.items[0].id, "1_1");
        assert_eq!(gold.items[0].label, GoldLabel::Score(0.625));
        let lines: Vec<Option<u64>> = gold.rejected.iter().map(|r| r.line).collect();
        assert_eq!(lines, [Some(3), Some(4), Some(5), Some(6)]);
        assert!(read_vader_tsv("\n \n", "g.tsv", 4.0).is_err());
    }

    fn columns() -> Columns {
        Columns {
            id: "id".into(),
            text: "text".into(),
            label: "label".into(),
        }
    }

    #[test]
    fn sentence_csv() {
        let content =
            "id,text,label\na,\"Talks collapsed, again.\",negative\nb,Calm day.,0\nc,x,\"1,5\"\n";
        let gold = read_sentence_csv(content, "g.csv", &columns(), 1.0).unwrap();
        let ids: Vec<&str> = gold.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(gold.items[0].label, GoldLabel::Class(Class::Negative));
        assert_eq!(gold.items[0].line, 2);
        assert_eq!(gold.rejected[0].line, Some(4));
        let missing = read_sentence_csv("id,body,label\na,b,1\n", "g.csv", &columns(), 1.0)
            .unwrap_err()
            .to_string();
        assert!(missing.contains("no column \"text\""), "{missing}");
        assert!(read_sentence_csv("id,text,label\n", "g.csv", &columns(), 1.0).is_err());
        assert!(read_sentence_csv("", "g.csv", &columns(), 1.0).is_err());
    }

    #[test]
    fn byte_spans_from_characters() {
        let text = "\u{201c}Se\u{f1}or\u{201d} Abe";
        let cases = [
            (1, 6, Ok("Se\u{f1}or")),
            (8, 11, Ok("Abe")),
            (8, 12, Err(())),
            (3, 3, Err(())),
        ];
        for (start, end, want) in cases {
            let got = byte_span(text, start, end)
                .map(|s| s.of(text))
                .map_err(|_| ());
            assert_eq!(got, want, "{start}..{end}");
        }
    }

    #[test]
    fn newsmtsc_targets() {
        let content = concat!(
            r#"{"sentence_normalized": "“Mr. Abe” praised Ms. Park.", "targets": [{"from": 1, "to": 8, "mention": "Mr. Abe", "polarity": 6.0}, {"from": 18, "to": 26, "mention": "Ms. Park", "polarity": 4.0}]}"#,
            "\n",
            r#"{"sentence_normalized": "Lee lost.", "targets": [{"from": 0, "to": 3, "polarity": 3.0}, {"from": 0, "to": 30, "polarity": 2.0}]}"#,
            "\nnot json\n",
        );
        let gold = read_newsmtsc(content, "g.jsonl").unwrap();
        let got: Vec<(u64, usize, &str)> = gold
            .items
            .iter()
            .map(|t| (t.line, t.index, t.span.of(&t.text)))
            .collect();
        assert_eq!(got, [(1, 0, "Mr. Abe"), (1, 1, "Ms. Park")]);
        assert_eq!(gold.items[0].label, GoldLabel::Class(Class::Positive));
        let errors: Vec<(Option<u64>, &str)> = gold
            .rejected
            .iter()
            .map(|r| (r.line, r.error.as_str()))
            .collect();
        assert_eq!(errors.len(), 3);
        assert_eq!(
            errors[0],
            (Some(2), "target 0: polarity Some(3.0) is not 2, 4 or 6")
        );
        assert!(errors[1]
            .1
            .starts_with("target 1: target offsets 0..30 outside"));
        assert_eq!(errors[2].0, Some(3));
    }

    #[test]
    fn target_csv() {
        let content =
            "text,start,end,label\n\"Seoul thanked Tokyo.\",14,19,positive\nx,0,9,neutral\n";
        let gold = read_target_csv(content, "t.csv", &columns(), 1.0).unwrap();
        assert_eq!(gold.items.len(), 1);
        assert_eq!(gold.items[0].span.of(&gold.items[0].text), "Tokyo");
        assert_eq!(gold.rejected[0].line, Some(3));
        let missing = read_target_csv("text,label\nx,1\n", "t.csv", &columns(), 1.0);
        assert!(missing
            .unwrap_err()
            .to_string()
            .contains("no column \"start\""));
    }

    #[test]
    fn annotation_lines() {
        let text = "\u{201c}We will win,\u{201d} Ms. Lee said. He said no.";
        let chars: Vec<char> = text.chars().collect();
        let ann = "T1\tContent 0 14\t\u{201c}We will win,\u{201d}\n\
                   T2\tSource 15 22\tMs. Lee\n\
                   T3\tCue 23 27\tsaid\n\
                   T4\tAttribution 23 27\tsaid\n\
                   E1\tAttribution:T4 Source:T2 Cue:T3 Content:T1 \n\
                   T5\tContent 37 39;40 40\tno \n\
                   T6\tCue 32 36\tsaid\n\
                   T7\tAttribution 32 36\tsaid\n\
                   E2\tAttribution-no-source:T7 Cue:T6 Content:T5\n\
                   T8\tDiscard 0 2\t\u{201c}W\n\
                   T9\tSource 0 99\tout\n\
                   T10\tCue 1 3\tXY\n\
                   E3\tAttribution:T4 Content:T9\n\
                   E4\tAttribution:T7 Cue:T6\n\
                   #1\tAnnotatorNotes T1\tcheck\n\
                   A1\tHedged E1\n";
        let mut gold: Gold<()> = Gold::new();
        let mut counts = Counts::default();
        let quotes = parse_ann(ann, "a.ann", &chars, &mut gold, &mut counts);
        assert_eq!(
            quotes,
            [
                GoldQuote {
                    id: "E1".into(),
                    line: 5,
                    content: vec![0..14],
                    source: vec![15..22],
                },
                GoldQuote {
                    id: "E2".into(),
                    line: 9,
                    content: vec![37..39, 40..40],
                    source: vec![],
                },
            ]
        );
        let errors: Vec<(Option<u64>, &str)> = gold
            .rejected
            .iter()
            .map(|r| (r.line, r.error.as_str()))
            .collect();
        assert_eq!(
            errors,
            [
                (Some(11), "offsets 0..99 outside the text of 40 characters"),
                (
                    Some(12),
                    "span text \"XY\" differs from the article text there (\"We\")"
                ),
                (Some(13), "T9 is not defined (or was rejected)"),
                (Some(14), "attribution E4 has no Content; skipped"),
            ]
        );
        assert_eq!((counts.ignored_lines, counts.unused_spans), (2, 1));
    }
}
