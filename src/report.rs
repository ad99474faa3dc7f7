//! Reports: writes the CSV files of a run (articles, sentences, quotes,
//! stance, categories, actors, dyads, dyad categories, speakers, speaker
//! targets, errors).
//! RFC 4180, a header row always, stable column order, character (not byte) offsets, and text cells guarded
//! against spreadsheet formula execution. `--excel` adds a BOM and CRLF
//! (and `--excel=semicolon` semicolons and decimal commas; see `Dialect`).

use crate::actors::ActorLexicon;
use crate::aggregate::{
    holder_name, ActorStats, Aggregates, DyadKey, DyadStats, Polarity, SpeakerKey, SpeakerStats,
    SpeakerTargetKey, ToneSum, ToneToward, SPLIT_SEPARATOR,
};
use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use crate::types::{Analysis, Gender, Leaning, Rejection, ScoredQuote, Tone};
use std::borrow::Cow;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

pub const ARTICLES: &[&str] = &[
    "article_id",
    "source_path",
    "title",
    "date",
    "outlet",
    "dateline",
    "sentences",
    "quotes",
    "tone",
];
pub const SENTENCES: &[&str] = &[
    "article_id",
    "sentence_no",
    "paragraph",
    "start",
    "end",
    "text",
    "tone",
    "pos",
    "neg",
    "terms",
    "categories",
    "quote_no",
    "speaker",
    "actors",
];
pub const QUOTES: &[&str] = &[
    "article_id",
    "quote_no",
    "kind",
    "paragraph",
    "start",
    "end",
    "text",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "speaker",
    "speaker_id",
    "speaker_actor",
    "tone",
    "terms",
    "targets",
    "cue",
    "cue_start",
    "cue_end",
    "speaker_gender",
    "date",
    "outlet",
    "speaker_name",
];
pub const STANCE: &[&str] = &[
    "article_id",
    "unit_kind",
    "unit_no",
    "source_actor",
    "target_actor",
    "tone",
    "terms",
    "polarity",
    "rule_tone",
    "cues",
    "date",
    "outlet",
];
pub const CATEGORIES: &[&str] = &["article_id", "category", "matches", "words", "percent"];
pub const ACTORS: &[&str] = &[
    "actor_id",
    "name",
    "kind",
    "parent",
    "mentions",
    "units_as_target",
    "mean_tone_as_target",
    "units_as_source",
    "mean_tone_as_source",
    "pos",
    "neg",
    "neutral",
    "tone_sum_as_target",
    "tone_sum_as_source",
];
pub const DYADS: &[&str] = &[
    "source_actor",
    "target_actor",
    "units",
    "mean_tone",
    "pos",
    "neg",
    "neutral",
    "tone_sum",
];
pub const DYAD_CATEGORIES: &[&str] = &["source_actor", "target_actor", "category", "units"];
pub const SPEAKERS: &[&str] = &[
    "speaker_name",
    "speaker_actor",
    "quotes",
    "articles",
    "mean_tone",
    "pos",
    "neg",
    "neutral",
    "female",
    "male",
    "tone_sum",
];
pub const SPEAKER_TARGETS: &[&str] = &[
    "speaker_name",
    "speaker_actor",
    "target_actor",
    "units",
    "mean_tone",
    "pos",
    "neg",
    "neutral",
    "tone_sum",
];
pub const ERRORS: &[&str] = &["input", "line", "error"];

/// Guards a text cell: one a spreadsheet would run as a formula gets a
/// leading apostrophe, unless it is a plain number.
pub fn guard(cell: &str) -> Cow<'_, str> {
    let risky = cell
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r' | '\n' | '\0'));
    if risky && cell.trim().parse::<f64>().is_err() {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Formats a tone or mass with four decimals (rounded half away from
/// zero), without "-0.0000". Integer arithmetic: float formatting was an
/// eighth of the report-writing time.
pub fn number(x: f64) -> String {
    let scaled = (x * 10_000.0).round();
    if !scaled.is_finite() || scaled.abs() >= 9e15 {
        return format!("{x:.4}");
    }
    fixed_number(scaled as i64)
}

/// Formats a number of ten-thousandths with four decimals.
pub fn fixed_number(n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    let (whole, frac) = (n.unsigned_abs() / 10_000, n.unsigned_abs() % 10_000);
    format!("{sign}{whole}.{frac:04}")
}

/// A number as `number` and `fixed_number` write it ("-0.4418"), in
/// ten-thousandths (-4418); None for any other cell.
pub fn parse_number(cell: &str) -> Option<i64> {
    let (negative, digits) = match cell.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cell),
    };
    let (whole, frac) = digits.split_once('.')?;
    let digit_string = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digit_string(whole) || frac.len() != 4 || !digit_string(frac) {
        return None;
    }
    let n = whole.parse::<i64>().ok()?.checked_mul(10_000)? + frac.parse::<i64>().ok()?;
    Some(if negative { -n } else { n })
}

/// Converts byte offsets of one text to character offsets: a running
/// count of characters at every 64-byte block, then a count of character
/// starts within the block (a full byte-to-char table cost 3% of a run).
pub struct CharOffsets<'t> {
    text: &'t [u8],
    /// Characters before each block; empty when the text is ASCII.
    blocks: Vec<u32>,
}

const BLOCK: usize = 64;

fn is_char_start(b: u8) -> bool {
    (b as i8) >= -0x40
}

fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| is_char_start(b)).count()
}

impl<'t> CharOffsets<'t> {
    pub fn new(text: &'t str) -> CharOffsets<'t> {
        let bytes = text.as_bytes();
        let mut blocks = Vec::new();
        if !bytes.is_ascii() {
            let mut chars = 0u32;
            for chunk in bytes.chunks(BLOCK) {
                blocks.push(chars);
                chars += char_starts(chunk) as u32;
            }
        }
        CharOffsets {
            text: bytes,
            blocks,
        }
    }

    pub fn at(&self, byte: usize) -> usize {
        if self.blocks.is_empty() {
            return byte;
        }
        let block = (byte / BLOCK).min(self.blocks.len() - 1);
        self.blocks[block] as usize + char_starts(&self.text[block * BLOCK..byte])
    }
}

/// How report files are written: plain RFC 4180 (commas, LF), or for Excel
/// (`--excel`: a UTF-8 BOM and CRLF), with commas or, for the locales that
/// write decimals with a comma (German, French, ...), with semicolons and
/// decimal commas (`--excel=semicolon`, like readr's write_excel_csv2).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Dialect {
    #[default]
    Plain,
    Excel,
    ExcelSemicolon,
}

impl Dialect {
    pub fn is_excel(self) -> bool {
        self != Dialect::Plain
    }

    pub fn delimiter(self) -> u8 {
        match self {
            Dialect::ExcelSemicolon => b';',
            _ => b',',
        }
    }

    /// A number the reports write ("-0.4418") as this dialect writes it.
    fn decimal<'c>(self, cell: Cow<'c, str>) -> Cow<'c, str> {
        if self == Dialect::ExcelSemicolon && parse_number(&cell).is_some() {
            cell.replace('.', ",").into()
        } else {
            cell
        }
    }
}

/// CSV rows rendered in memory, with the conventions above (guarded cells,
/// the dialect's delimiter, decimals and line ends), ready to be appended
/// to a report file.
pub struct Rows {
    writer: csv::Writer<Vec<u8>>,
    dialect: Dialect,
}

fn memory_writer(dialect: Dialect) -> csv::Writer<Vec<u8>> {
    let terminator = if dialect.is_excel() {
        csv::Terminator::CRLF
    } else {
        csv::Terminator::Any(b'\n')
    };
    csv::WriterBuilder::new()
        .terminator(terminator)
        .delimiter(dialect.delimiter())
        .buffer_capacity(1024)
        .from_writer(Vec::new())
}

impl Rows {
    pub fn new(dialect: Dialect) -> Rows {
        Rows {
            writer: memory_writer(dialect),
            dialect,
        }
    }

    pub fn row(&mut self, cells: &[String]) -> Result<()> {
        for cell in cells {
            let cell = self.dialect.decimal(guard(cell));
            self.writer.write_field(cell.as_bytes())?;
        }
        self.writer.write_record(None::<&[u8]>)?;
        Ok(())
    }

    /// The rows rendered so far, leaving this empty.
    pub fn take(&mut self) -> Result<Vec<u8>> {
        let full = std::mem::replace(&mut self.writer, memory_writer(self.dialect));
        full.into_inner()
            .map_err(|e| Error::io("report", e.into_error()))
    }
}

/// One CSV file being written: a header row always, then rows rendered by
/// `Rows` (here or on a worker thread); other commands' reports use it too.
pub struct Sheet {
    out: BufWriter<File>,
    path: PathBuf,
    rows: Rows,
}

impl Sheet {
    pub fn create(dir: &Path, name: &str, header: &[&str], dialect: Dialect) -> Result<Sheet> {
        let path = dir.join(name);
        let mut out = BufWriter::new(File::create(&path).map_err(|e| Error::io(&path, e))?);
        if dialect.is_excel() {
            out.write_all(b"\xEF\xBB\xBF")
                .map_err(|e| Error::io(&path, e))?;
        }
        let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
        let mut sheet = Sheet {
            out,
            path,
            rows: Rows::new(dialect),
        };
        sheet.row(&header)?;
        Ok(sheet)
    }

    pub fn row(&mut self, cells: &[String]) -> Result<()> {
        self.rows.row(cells)?;
        let bytes = self.rows.take()?;
        self.append(&bytes)
    }

    /// Appends rows rendered elsewhere.
    pub fn append(&mut self, rendered: &[u8]) -> Result<()> {
        self.out
            .write_all(rendered)
            .map_err(|e| Error::io(&self.path, e))
    }

    pub fn finish(mut self) -> Result<()> {
        self.out.flush().map_err(|e| Error::io(&self.path, e))
    }
}

/// The rows of one article for the per-unit reports, rendered on the
/// worker that analysed it so that the writer only appends bytes.
pub struct RenderedArticle {
    articles: Vec<u8>,
    sentences: Vec<u8>,
    quotes: Vec<u8>,
    stance: Vec<u8>,
    categories: Vec<u8>,
}

impl RenderedArticle {
    pub fn new(
        a: &Analysis,
        lexicon: &Lexicon,
        actors: &ActorLexicon,
        dialect: Dialect,
    ) -> Result<RenderedArticle> {
        let w = ArticleRows {
            a,
            lexicon,
            actors,
            offsets: CharOffsets::new(&a.doc.text),
        };
        let mut rows = Rows::new(dialect);
        rows.row(&w.article())?;
        let articles = rows.take()?;
        for i in 0..a.sentences.len() {
            rows.row(&w.sentence(i))?;
        }
        let sentences = rows.take()?;
        for i in 0..a.quotes.len() {
            rows.row(&w.quote(i))?;
        }
        let quotes = rows.take()?;
        for row in &a.stance {
            rows.row(&[
                a.doc.id.clone(),
                row.unit_kind.as_str().into(),
                row.unit_no.to_string(),
                holder_name(&row.source, actors),
                actors.get(row.target).id.clone(),
                number(row.leaning.tone),
                terms(&row.tone, lexicon),
                row.leaning.class.as_str().into(),
                number(row.tone.tone),
                cues(&row.leaning),
                w.date(),
                w.outlet(),
            ])?;
        }
        let stance = rows.take()?;
        for (category, matches) in &a.categories {
            rows.row(&[
                a.doc.id.clone(),
                category.clone(),
                matches.to_string(),
                a.words.to_string(),
                number(100.0 * *matches as f64 / a.words.max(1) as f64),
            ])?;
        }
        Ok(RenderedArticle {
            articles,
            sentences,
            quotes,
            stance,
            categories: rows.take()?,
        })
    }
}

/// A per-unit report, the one `stance score --stdout` streams.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitReport {
    Articles,
    Sentences,
    Quotes,
    Stance,
    Categories,
}

impl UnitReport {
    pub fn header(self) -> &'static [&'static str] {
        match self {
            UnitReport::Articles => ARTICLES,
            UnitReport::Sentences => SENTENCES,
            UnitReport::Quotes => QUOTES,
            UnitReport::Stance => STANCE,
            UnitReport::Categories => CATEGORIES,
        }
    }
}

impl RenderedArticle {
    /// The rendered rows of one report.
    pub fn rows(&self, report: UnitReport) -> &[u8] {
        match report {
            UnitReport::Articles => &self.articles,
            UnitReport::Sentences => &self.sentences,
            UnitReport::Quotes => &self.quotes,
            UnitReport::Stance => &self.stance,
            UnitReport::Categories => &self.categories,
        }
    }
}

/// The report files of one run.
pub struct Reports {
    dir: PathBuf,
    dialect: Dialect,
    articles: Sheet,
    sentences: Sheet,
    quotes: Sheet,
    stance: Sheet,
    categories: Sheet,
    errors: Sheet,
}

impl Reports {
    /// Creates `dir` and the per-unit report files.
    pub fn create(dir: &Path, dialect: Dialect) -> Result<Reports> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        Ok(Reports {
            dir: dir.to_path_buf(),
            dialect,
            articles: Sheet::create(dir, "articles.csv", ARTICLES, dialect)?,
            sentences: Sheet::create(dir, "sentences.csv", SENTENCES, dialect)?,
            quotes: Sheet::create(dir, "quotes.csv", QUOTES, dialect)?,
            stance: Sheet::create(dir, "stance.csv", STANCE, dialect)?,
            categories: Sheet::create(dir, "categories.csv", CATEGORIES, dialect)?,
            errors: Sheet::create(dir, "errors.csv", ERRORS, dialect)?,
        })
    }

    pub fn rejection(&mut self, r: &Rejection) -> Result<()> {
        let line = r.line.map(|l| l.to_string()).unwrap_or_default();
        self.errors.row(&[r.input.clone(), line, r.error.clone()])
    }

    /// Writes the rows of one analysed article.
    /// Appends the rows of one article.
    pub fn article(&mut self, rendered: &RenderedArticle) -> Result<()> {
        self.articles.append(&rendered.articles)?;
        self.sentences.append(&rendered.sentences)?;
        self.quotes.append(&rendered.quotes)?;
        self.stance.append(&rendered.stance)?;
        self.categories.append(&rendered.categories)
    }

    /// Writes the aggregate files and closes everything.
    pub fn finish(self, aggregates: &Aggregates, actors: &ActorLexicon) -> Result<()> {
        let split_columns = aggregates.grouping.splits.columns();
        let actor_rows = aggregates.actors.iter().map(|((_, split), (idx, s))| {
            let actor = actors.get(*idx);
            let about = ActorAbout {
                id: actor.id.clone(),
                name: actor.name.clone(),
                kind: actor.kind.clone(),
                parent: actor.parent.clone().unwrap_or_default(),
            };
            actor_row(&about, s, split)
        });
        write_aggregates(
            &self.dir,
            self.dialect,
            &split_columns,
            actor_rows,
            aggregates,
        )?;
        for sheet in [
            self.articles,
            self.sentences,
            self.quotes,
            self.stance,
            self.categories,
            self.errors,
        ] {
            sheet.finish()?;
        }
        Ok(())
    }
}

/// What actors.csv says about an actor besides its figures.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorAbout {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub parent: String,
}

/// One row of actors.csv (the split of `--by` last, when there is one).
pub fn actor_row(actor: &ActorAbout, s: &ActorStats, split: &str) -> Vec<String> {
    let mut row = vec![
        actor.id.clone(),
        actor.name.clone(),
        actor.kind.clone(),
        actor.parent.clone(),
        s.mentions.to_string(),
    ];
    row.extend(units_and_mean(&s.as_target));
    row.extend(units_and_mean(&s.as_source));
    row.extend(counts(&s.target_polarity));
    row.extend([
        fixed_number(s.as_target.sum),
        fixed_number(s.as_source.sum),
        split.to_string(),
    ]);
    row
}

/// One row of dyads.csv (the split of `--by` last, when there is one).
pub fn dyad_row(source: &str, target: &str, t: &ToneToward, split: &str) -> Vec<String> {
    let mut row = vec![source.to_string(), target.to_string()];
    row.extend(units_and_mean(&t.tone));
    row.extend(counts(&t.polarity));
    row.extend([fixed_number(t.tone.sum), split.to_string()]);
    row
}

/// One row of speaker_targets.csv: the speaker's name before a dyad row
/// of their actor and the target.
fn speaker_target_row(
    (name, actor, target, split): &SpeakerTargetKey,
    t: &ToneToward,
) -> Vec<String> {
    let mut row = vec![name.clone()];
    row.extend(dyad_row(actor, target, t, split));
    row
}

/// One row of speakers.csv (the split of `--by` last, when there is one).
pub fn speaker_row((name, actor, split): &SpeakerKey, s: &SpeakerStats) -> Vec<String> {
    let mut row = vec![
        name.clone(),
        actor.clone(),
        s.quotes.tone.units.to_string(),
        s.articles.to_string(),
        number(s.quotes.tone.mean()),
    ];
    row.extend(counts(&s.quotes.polarity));
    row.extend([
        s.female.to_string(),
        s.male.to_string(),
        fixed_number(s.quotes.tone.sum),
        split.clone(),
    ]);
    row
}

fn units_and_mean(t: &ToneSum) -> [String; 2] {
    [t.units.to_string(), number(t.mean())]
}

fn counts(p: &Polarity) -> [String; 3] {
    [p.pos.to_string(), p.neg.to_string(), p.neutral.to_string()]
}

/// The rows of dyad_categories.csv for one dyad (the split last).
fn dyad_category_rows<'d>(
    (source, target, split): &'d DyadKey,
    d: &'d DyadStats,
) -> impl Iterator<Item = Vec<String>> + 'd {
    d.categories.iter().map(move |(category, units)| {
        vec![
            source.clone(),
            target.clone(),
            category.clone(),
            units.to_string(),
            split.clone(),
        ]
    })
}

/// The header of an aggregate report: `base`, and the columns of the
/// splits of `--by` (`period`, `outlet`) last.
pub fn aggregate_header<'h>(base: &[&'h str], split_columns: &[&'h str]) -> Vec<&'h str> {
    let mut header = base.to_vec();
    header.extend(split_columns);
    header
}

/// The aggregate reports, which `stance merge` re-aggregates.
pub const AGGREGATE_REPORTS: [&str; 5] = [
    "actors.csv",
    "dyads.csv",
    "dyad_categories.csv",
    "speakers.csv",
    "speaker_targets.csv",
];

/// Writes actors.csv (rows made by `actor_row`; `aggregates.actors` is not
/// read), dyads.csv, dyad_categories.csv, speakers.csv and
/// speaker_targets.csv. The last cell of each row (the split) is written
/// as `split_columns` cells: none without `--by`.
pub fn write_aggregates(
    dir: &Path,
    dialect: Dialect,
    split_columns: &[&str],
    actor_rows: impl Iterator<Item = Vec<String>>,
    aggregates: &Aggregates,
) -> Result<()> {
    let dyads = &aggregates.dyads;
    let dyad_rows = dyads
        .iter()
        .map(|((source, target, split), d)| dyad_row(source, target, &d.toward, split));
    let category_rows = dyads.iter().flat_map(|(key, d)| dyad_category_rows(key, d));
    let sheet = |name: &str, header: &[&str], rows: &mut dyn Iterator<Item = Vec<String>>| {
        let header = aggregate_header(header, split_columns);
        let mut sheet = Sheet::create(dir, name, &header, dialect)?;
        for mut row in rows {
            let split = row.pop().unwrap_or_default();
            if !split_columns.is_empty() {
                row.extend(split.split(SPLIT_SEPARATOR).map(String::from));
            }
            sheet.row(&row)?;
        }
        sheet.finish()
    };
    sheet("actors.csv", ACTORS, &mut { actor_rows })?;
    sheet("dyads.csv", DYADS, &mut { dyad_rows })?;
    sheet("dyad_categories.csv", DYAD_CATEGORIES, &mut {
        category_rows
    })?;
    sheet("speakers.csv", SPEAKERS, &mut {
        aggregates
            .speakers
            .iter()
            .map(|(key, s)| speaker_row(key, s))
    })?;
    sheet("speaker_targets.csv", SPEAKER_TARGETS, &mut {
        aggregates
            .speaker_targets
            .iter()
            .map(|(key, t)| speaker_target_row(key, t))
    })
}

/// The matched lexicon terms of a tone, ';'-joined in text order.
pub fn terms(tone: &Tone, lexicon: &Lexicon) -> String {
    let list: Vec<&str> = tone
        .hits
        .iter()
        .map(|h| lexicon.entries[h.entry as usize].term.as_str())
        .collect();
    list.join(";")
}

/// The strongest cues of the target model, `context:term` ';'-joined
/// (at most `SHOWN_CUES`).
pub fn cues(leaning: &Leaning) -> String {
    let list: Vec<String> = leaning
        .cues
        .iter()
        .take(SHOWN_CUES)
        .map(|c| c.context.label(&c.term))
        .collect();
    list.join(";")
}

/// How many cues stance.csv lists per row.
pub const SHOWN_CUES: usize = 5;

/// The categories of a tone's matches, unique and sorted, ';'-joined.
pub fn categories(tone: &Tone, lexicon: &Lexicon) -> String {
    let mut list: Vec<&str> = tone
        .hits
        .iter()
        .flat_map(|h| {
            lexicon.entries[h.entry as usize]
                .categories
                .iter()
                .map(String::as_str)
        })
        .collect();
    list.sort_unstable();
    list.dedup();
    list.join(";")
}

/// Formats the rows of one article.
struct ArticleRows<'a> {
    a: &'a Analysis,
    lexicon: &'a Lexicon,
    actors: &'a ActorLexicon,
    offsets: CharOffsets<'a>,
}

impl ArticleRows<'_> {
    fn ids(&self, list: &[crate::types::Target]) -> String {
        let ids: Vec<&str> = list
            .iter()
            .map(|t| self.actors.get(t.actor).id.as_str())
            .collect();
        ids.join(";")
    }

    fn article(&self) -> Vec<String> {
        let a = self.a;
        let l = &a.layout;
        vec![
            a.doc.id.clone(),
            a.doc.source_path.clone(),
            l.title.clone().unwrap_or_default(),
            self.date(),
            self.outlet(),
            l.dateline.clone().unwrap_or_default(),
            a.sentences.len().to_string(),
            a.quotes.len().to_string(),
            number(a.tone),
        ]
    }

    fn sentence(&self, i: usize) -> Vec<String> {
        let s = &self.a.sentences[i];
        let span = s.sentence.span;
        let quote = s.quote.map(|q| &self.a.quotes[q]);
        vec![
            self.a.doc.id.clone(),
            (i + 1).to_string(),
            s.sentence.paragraph.to_string(),
            self.offsets.at(span.start).to_string(),
            self.offsets.at(span.end).to_string(),
            span.of(&self.a.doc.text).to_string(),
            number(s.tone.tone),
            number(s.tone.pos),
            number(s.tone.neg),
            terms(&s.tone, self.lexicon),
            categories(&s.tone, self.lexicon),
            s.quote.map(|q| (q + 1).to_string()).unwrap_or_default(),
            quote
                .map(|q| self.speaker_description(q))
                .unwrap_or_default(),
            self.ids(&s.actors),
        ]
    }

    fn speaker_description(&self, q: &ScoredQuote) -> String {
        q.quote
            .speaker
            .map(|s| self.a.speakers[s].description.clone())
            .unwrap_or_default()
    }

    fn span_cells(&self, span: Option<crate::types::Span>) -> [String; 3] {
        match span {
            Some(s) => [
                s.of(&self.a.doc.text).to_string(),
                self.offsets.at(s.start).to_string(),
                self.offsets.at(s.end).to_string(),
            ],
            None => Default::default(),
        }
    }

    fn quote(&self, i: usize) -> Vec<String> {
        let q = &self.a.quotes[i];
        let text = &self.a.doc.text;
        let [mention, m_start, m_end] = self.span_cells(q.quote.speaker_mention);
        let [cue, c_start, c_end] = self.span_cells(q.quote.cue);
        let speaker_id = q
            .quote
            .speaker
            .map(|s| self.a.speakers[s].id.clone())
            .unwrap_or_default();
        vec![
            self.a.doc.id.clone(),
            (i + 1).to_string(),
            q.quote.kind.as_str().into(),
            q.quote.paragraph.to_string(),
            self.offsets.at(q.quote.span.start).to_string(),
            self.offsets.at(q.quote.span.end).to_string(),
            q.quote.span.of(text).to_string(),
            mention,
            m_start,
            m_end,
            self.speaker_description(q),
            speaker_id,
            q.speaker_actor
                .map(|a| self.actors.get(a).id.clone())
                .unwrap_or_default(),
            number(q.tone.tone),
            terms(&q.tone, self.lexicon),
            self.ids(&q.targets),
            cue,
            c_start,
            c_end,
            q.quote
                .speaker
                .and_then(|s| self.a.speakers[s].gender)
                .map_or("", Gender::as_str)
                .into(),
            self.date(),
            self.outlet(),
            q.quote
                .speaker
                .and_then(|s| self.a.speakers[s].name.clone())
                .unwrap_or_default(),
        ]
    }

    /// The article's date and outlet, repeated on the rows of quotes.csv
    /// and stance.csv for pivot tables.
    fn date(&self) -> String {
        self.a.layout.date.clone().unwrap_or_default()
    }

    fn outlet(&self) -> String {
        self.a.layout.outlet.clone().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guards_formula_cells_but_not_numbers() {
        let cases = [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+cmd", "'+cmd"),
            ("-0.5", "-0.5"),
            ("-- a dash", "'-- a dash"),
            ("@user", "'@user"),
            ("\tx", "'\tx"),
            ("plain", "plain"),
            ("", ""),
        ];
        for (cell, want) in cases {
            assert_eq!(guard(cell), want);
        }
    }

    #[test]
    fn char_offsets() {
        let text = "a\u{a0}b\u{201c}c";
        let o = CharOffsets::new(text);
        let chars: Vec<usize> = text.char_indices().map(|(i, _)| o.at(i)).collect();
        assert_eq!(chars, [0, 1, 2, 3, 4]);
        assert_eq!(o.at(text.len()), 5);
        let long = "\u{201c}ab\u{a0}".repeat(100);
        let o = CharOffsets::new(&long);
        for (chars, (byte, _)) in long.char_indices().enumerate() {
            assert_eq!(o.at(byte), chars);
        }
        assert_eq!(o.at(long.len()), 400);
        assert_eq!(CharOffsets::new("abc").at(2), 2);
    }

    #[test]
    fn numbers() {
        assert_eq!(number(-0.00001), "0.0000");
        assert_eq!(number(-0.5), "-0.5000");
        assert_eq!(number(0.12345678), "0.1235");
        assert_eq!(number(-0.99996), "-1.0000");
        assert_eq!(number(12.0), "12.0000");
        assert_eq!(number(0.0), "0.0000");
    }

    #[test]
    fn semicolon_dialect_writes_decimal_commas_in_number_cells_only() {
        let mut rows = Rows::new(Dialect::ExcelSemicolon);
        let cells = [
            "-0.4418",
            "12.0000",
            "3",
            "1.5",
            "a.1",
            "2019.08.28",
            "x;y",
            "=1.0000",
            "0.12345",
        ]
        .map(String::from);
        rows.row(&cells).unwrap();
        assert_eq!(
            String::from_utf8(rows.take().unwrap()).unwrap(),
            "-0,4418;12,0000;3;1.5;a.1;2019.08.28;\"x;y\";'=1.0000;0.12345\r\n"
        );
        let mut plain = Rows::new(Dialect::Plain);
        plain.row(&cells[..2]).unwrap();
        assert_eq!(plain.take().unwrap(), b"-0.4418,12.0000\n");
    }

    #[test]
    fn fixed4_cells() {
        let cases: &[(&str, Option<i64>)] = &[
            ("0.0000", Some(0)),
            ("-0.4418", Some(-4418)),
            ("12.0501", Some(120_501)),
            ("1.5", None),
            ("1.50000", None),
            ("", None),
            ("-", None),
            ("x.0000", None),
            ("+1.0000", None),
            ("1e3", None),
        ];
        for &(cell, want) in cases {
            assert_eq!(parse_number(cell), want, "{cell:?}");
        }
    }
}
