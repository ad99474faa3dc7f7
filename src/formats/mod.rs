//! Lexicon file formats: reads every common sentiment and dictionary format
//! (VADER, AFINN, LIWC, Lexicoder, quanteda YAML, WordStat, Hu & Liu, NRC
//! EmoLex, MPQA, SentiWordNet, stance's own CSV) into the native
//! representation, `Vec<lexicon::Entry>`, with a `LoadWarning` per line it
//! could not read. Owns the `--lexicon [FORMAT:]PATH` spec, the detection of
//! a format from a file's name and content, and the text decoding and line
//! splitting the readers share. One submodule per format family; `lint`
//! checks a loaded lexicon and counts it.
//!
//! Categories without polarity give weight-0 entries: they match and report
//! their categories but add no tone. Categories named positive/posemo give
//! +1, negative/negemo -1 (Lexicoder's neg_positive -1, neg_negative +1).

mod lexicoder;
pub mod lint;
mod liwc;
mod mpqa;
mod nrc;
mod sentiwordnet;
mod tabbed;
mod wordlist;
mod wordstat;
mod yaml;

use crate::error::{Error, Result};
use crate::lexicon::{normalise_term, parse_tone_csv, Entry, LoadWarning, DEFAULT_TONE};
use encoding_rs::WINDOWS_1252;
use rustc_hash::FxHashMap;
use std::path::Path;

/// The polarity of a one-sided word list (Hu & Liu).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Polarity {
    Positive,
    Negative,
}

impl Polarity {
    fn weight(self) -> f64 {
        match self {
            Polarity::Positive => 1.0,
            Polarity::Negative => -1.0,
        }
    }

    fn category(self) -> &'static str {
        match self {
            Polarity::Positive => "positive",
            Polarity::Negative => "negative",
        }
    }
}

/// A lexicon file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// stance's CSV: `term,weight,categories`.
    Native,
    /// VADER: `token<TAB>mean<TAB>sd<TAB>[ratings]`.
    Vader,
    /// AFINN: `word<TAB>integer`.
    Afinn,
    /// LIWC `.dic` (and LIWC-22 `.dicx`).
    Liwc,
    /// Lexicoder `.lc3`.
    Lexicoder,
    /// quanteda dictionary YAML.
    Yaml,
    /// WordStat `.cat`.
    Wordstat,
    /// Hu & Liu opinion lexicon: one word per line, one file per polarity
    /// (`None`: to be told by the file name).
    HuLiu(Option<Polarity>),
    /// NRC EmoLex word level: `word<TAB>category<TAB>0|1`.
    Nrc,
    /// MPQA subjectivity clues: `type=... word1=... priorpolarity=...`.
    Mpqa,
    /// SentiWordNet 3.0 synsets.
    SentiWordNet,
}

impl Format {
    /// The names accepted before `:` in a spec.
    pub const NAMES: &[(&str, Format)] = &[
        ("native", Format::Native),
        ("vader", Format::Vader),
        ("afinn", Format::Afinn),
        ("liwc", Format::Liwc),
        ("lexicoder", Format::Lexicoder),
        ("yaml", Format::Yaml),
        ("wordstat", Format::Wordstat),
        ("huliu", Format::HuLiu(None)),
        ("huliu-pos", Format::HuLiu(Some(Polarity::Positive))),
        ("huliu-neg", Format::HuLiu(Some(Polarity::Negative))),
        ("nrc", Format::Nrc),
        ("mpqa", Format::Mpqa),
        ("sentiwordnet", Format::SentiWordNet),
    ];

    /// Whether a trailing `*` is a wildcard (elsewhere it is a literal
    /// character, as in VADER's emoticon ":*").
    pub fn has_wildcards(self) -> bool {
        matches!(
            self,
            Format::Native | Format::Liwc | Format::Lexicoder | Format::Yaml | Format::Wordstat
        )
    }

    pub fn name(self) -> &'static str {
        Format::NAMES
            .iter()
            .find(|(_, f)| *f == self)
            .map_or("huliu", |(n, _)| n)
    }

    fn from_name(name: &str) -> Option<Format> {
        Format::NAMES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, f)| *f)
    }
}

/// One lexicon file as loaded: its entries in file order (a later entry
/// for the same term replaces an earlier one when the lexicon is built),
/// the lines it skipped or repaired, and the format it was read as.
#[derive(Debug, Clone)]
pub struct LoadedLexicon {
    /// The path, or "default" for the built-in lexicon.
    pub origin: String,
    pub format: Format,
    pub entries: Vec<Entry>,
    pub warnings: Vec<LoadWarning>,
}

/// Loads `--lexicon [FORMAT:]PATH`: "default" is the built-in lexicon;
/// without a FORMAT the format is detected from the file's name and content.
pub fn load_spec(spec: &str) -> Result<LoadedLexicon> {
    if spec == "default" {
        let (entries, warnings) = parse_tone_csv(DEFAULT_TONE, "default")?;
        return Ok(LoadedLexicon {
            origin: spec.to_string(),
            format: Format::Native,
            entries,
            warnings,
        });
    }
    let (format, path) = split_spec(spec)?;
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    load_bytes(&bytes, path, format)
}

/// The entries of several lexicons merged: a later entry for a term
/// replaces an earlier one (from the same file or an earlier one), in the
/// place of the first.
pub fn merge(lexicons: &[LoadedLexicon]) -> Vec<Entry> {
    let mut index: FxHashMap<&str, usize> = FxHashMap::default();
    let mut merged: Vec<Entry> = Vec::new();
    for entry in lexicons.iter().flat_map(|l| &l.entries) {
        match index.get(entry.term.as_str()) {
            Some(&i) => merged[i] = entry.clone(),
            None => {
                index.insert(&entry.term, merged.len());
                merged.push(entry.clone());
            }
        }
    }
    merged
}

/// Writes entries as a native lexicon (`term,weight,categories`). Cells
/// are not formula-guarded: the file must load back unchanged.
pub fn write_native<W: std::io::Write>(entries: &[Entry], out: W) -> Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(["term", "weight", "categories"])?;
    for e in entries {
        writer.write_record([
            e.term.as_str(),
            &e.weight.to_string(),
            &e.categories.join(";"),
        ])?;
    }
    writer.flush().map_err(|e| Error::io("lexicon output", e))
}

/// Splits a spec into its format (if named) and path. A prefix is two or
/// more letters, digits, '-' or '_' before ':' (so `C:\...` is a path).
fn split_spec(spec: &str) -> Result<(Option<Format>, &str)> {
    let Some((prefix, path)) = spec.split_once(':').filter(|(p, _)| is_prefix(p)) else {
        return Ok((None, spec));
    };
    let format = Format::from_name(prefix).ok_or_else(|| {
        let known: Vec<&str> = Format::NAMES.iter().map(|(n, _)| *n).collect();
        Error::Usage(format!(
            "unknown lexicon format {prefix:?} in {spec:?} (known: {})",
            known.join(", ")
        ))
    })?;
    if path.is_empty() {
        return Err(Error::Usage(format!("no path after {prefix}: in {spec:?}")));
    }
    Ok((Some(format), path))
}

fn is_prefix(p: &str) -> bool {
    p.len() >= 2
        && p.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Loads a lexicon from the bytes of the file `path`, in `format` or the
/// one detected.
pub fn load_bytes(bytes: &[u8], path: &str, format: Option<Format>) -> Result<LoadedLexicon> {
    let bad = |message: String| Error::BadFile {
        origin: path.to_string(),
        message,
    };
    let (text, decoding) = decode(bytes);
    let name = Path::new(path)
        .file_name()
        .map_or(path.into(), |n| n.to_string_lossy());
    let format = match format {
        Some(f) => f,
        None => detect(&name, &text).ok_or_else(|| bad(undetected(&text, path)))?,
    };
    let format = resolve_polarity(format, &name).ok_or_else(|| {
        bad(
            "cannot tell whether this Hu & Liu list is positive or negative: \
             write huliu-pos:PATH or huliu-neg:PATH"
                .into(),
        )
    })?;
    let mut warnings = Vec::new();
    if let Some(line) = decoding {
        if format != Format::Wordstat {
            return Err(bad(format!(
                "line {line}: not valid UTF-8; save the file as UTF-8 \
                 (only WordStat files are read as Windows-1252)"
            )));
        }
        warnings.push(LoadWarning {
            line,
            message: "not valid UTF-8: the file was read as Windows-1252 (Latin-1)".into(),
        });
    }
    let parsed = parse(format, &text, path)?;
    warnings.extend(parsed.warnings);
    if parsed.entries.is_empty() {
        return Err(bad(format!("the {} lexicon has no entries", format.name())));
    }
    Ok(LoadedLexicon {
        origin: path.to_string(),
        format,
        entries: parsed.entries,
        warnings,
    })
}

/// Why a file's format could not be detected.
fn undetected(text: &str, path: &str) -> String {
    let first = lines(text)
        .into_iter()
        .map(|(_, l)| l)
        .find(|l| !l.trim().is_empty());
    let emoji_table = first
        .and_then(|l| l.split_once('\t'))
        .is_some_and(|(emoji, description)| {
            !emoji.chars().any(char::is_alphanumeric) && description.contains(' ')
        });
    if emoji_table {
        return "this looks like VADER's emoji table (emoji<TAB>description): it holds no \
                weights, and stance's tokenizer reads emoji as punctuation, so it is not a \
                tone lexicon"
            .into();
    }
    format!(
        "cannot tell the lexicon format; name it, as in FORMAT:{path} (formats: {})",
        Format::NAMES
            .iter()
            .map(|(n, _)| *n)
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// Reads `text` as `format` (already resolved).
fn parse(format: Format, text: &str, origin: &str) -> Result<Parsed> {
    Ok(match format {
        Format::Native => {
            let (entries, mut warnings) = parse_tone_csv(text, origin)?;
            for w in &mut warnings {
                w.message.push_str("; line skipped");
            }
            Parsed { entries, warnings }
        }
        Format::Vader => tabbed::parse_vader(text),
        Format::Afinn => tabbed::parse_afinn(text),
        Format::Liwc => liwc::parse(text),
        Format::Lexicoder => lexicoder::parse(text),
        Format::Yaml => yaml::parse(text),
        Format::Wordstat => wordstat::parse(text),
        Format::HuLiu(Some(polarity)) => wordlist::parse(text, polarity),
        Format::HuLiu(None) => unreachable!("resolve_polarity names the polarity"),
        Format::Nrc => nrc::parse(text),
        Format::Mpqa => mpqa::parse(text),
        Format::SentiWordNet => sentiwordnet::parse(text),
    })
}

/// Gives a Hu & Liu list its polarity from the file name when not named.
fn resolve_polarity(format: Format, name: &str) -> Option<Format> {
    if format != Format::HuLiu(None) {
        return Some(format);
    }
    let name = name.to_lowercase();
    let polarity = if name.contains("positive") {
        Polarity::Positive
    } else if name.contains("negative") {
        Polarity::Negative
    } else {
        return None;
    };
    Some(Format::HuLiu(Some(polarity)))
}

/// Decodes a file: UTF-8 (a BOM dropped), else Windows-1252 (Latin-1 with
/// the curly quotes and dashes of Windows editors at 0x80-0x9F), returning
/// the line of the first invalid byte in that case.
fn decode(bytes: &[u8]) -> (String, Option<u64>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), None),
        Err(e) => {
            let mut before = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
            before.push('x');
            let line = lines(&before).len() as u64;
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), Some(line))
        }
    }
}

/// Detects the format from the file name, then from the first lines.
pub fn detect(name: &str, text: &str) -> Option<Format> {
    let lower = name.to_lowercase();
    let by_name = [
        (".dic", Format::Liwc),
        (".dicx", Format::Liwc),
        (".lc3", Format::Lexicoder),
        (".yml", Format::Yaml),
        (".yaml", Format::Yaml),
        (".cat", Format::Wordstat),
        (".tff", Format::Mpqa),
    ];
    if let Some((_, f)) = by_name.iter().find(|(ext, _)| lower.ends_with(ext)) {
        return Some(*f);
    }
    if lower.contains("sentiwordnet") {
        return Some(Format::SentiWordNet);
    }
    detect_by_content(text)
}

/// Recognises a format from its first meaningful line.
fn detect_by_content(text: &str) -> Option<Format> {
    let all = lines(text);
    let mut meaningful = all.iter().map(|(_, l)| *l).filter(|l| !l.trim().is_empty());
    let first = meaningful.next()?;
    let first_data = all
        .iter()
        .map(|(_, l)| *l)
        .find(|l| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with(';'))
        .unwrap_or(first);
    let fields: Vec<&str> = first_data.split('\t').collect();
    let number = |s: &str| s.trim().parse::<f64>().is_ok();
    Some(match first.trim_end() {
        "%" => Format::Liwc,
        l if l.starts_with('+') => Format::Lexicoder,
        l if l.starts_with(';') => Format::HuLiu(None),
        l if l.starts_with("type=") => Format::Mpqa,
        l if l.to_lowercase().starts_with("term,weight") => Format::Native,
        l if l.starts_with("DicTerm") => Format::Liwc,
        _ if fields.len() >= 5
            && number(fields[2])
            && number(fields[3])
            && first.starts_with('#') =>
        {
            Format::SentiWordNet
        }
        _ if fields.len() == 3 && matches!(fields[2].trim(), "0" | "1" | "Score") => Format::Nrc,
        _ if fields.len() >= 3 && number(fields[1]) => Format::Vader,
        _ if fields.len() == 2 && fields[1].trim().parse::<i64>().is_ok() => Format::Afinn,
        _ if fields.len() == 2 && number(fields[1]) => Format::Vader,
        l if l.ends_with(':') || l.contains(": [") => Format::Yaml,
        _ => return None,
    })
}

/// The lines of `text` with their 1-based numbers; a line ends at LF,
/// CRLF or a lone CR (old Mac files), which is not part of the line.
pub(crate) fn lines(text: &str) -> Vec<(u64, &str)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' || bytes[i] == b'\r' {
            out.push((out.len() as u64 + 1, &text[start..i]));
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    if start < bytes.len() {
        out.push((out.len() as u64 + 1, &text[start..]));
    }
    out
}

/// What one reader produced.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub entries: Vec<Entry>,
    pub warnings: Vec<LoadWarning>,
}

impl Parsed {
    /// Records a line that was read despite a problem.
    fn warn(&mut self, line: u64, message: impl Into<String>) {
        self.warnings.push(LoadWarning {
            line,
            message: message.into(),
        });
    }

    /// Records a line that could not be read.
    fn skip(&mut self, line: u64, message: impl std::fmt::Display) {
        self.warn(line, format!("{message}; line skipped"));
    }
}

/// The weight a category name stands for: +1 for positive/posemo, -1 for
/// negative/negemo, Lexicoder's negated keys the opposite of what they
/// negate, 0 for any other category.
pub fn category_polarity(category: &str) -> f64 {
    let last = category.rsplit('.').next().unwrap_or(category);
    match last.to_lowercase().as_str() {
        "positive" | "posemo" | "neg_negative" => 1.0,
        "negative" | "negemo" | "neg_positive" => -1.0,
        _ => 0.0,
    }
}

/// A glob pattern of a dictionary format as a term: lower-cased, spaces
/// collapsed; only a trailing `*` per word is a wildcard stance can match.
fn pattern_term(raw: &str) -> std::result::Result<String, String> {
    let term = normalise_term(raw);
    if term.is_empty() {
        return Err("empty pattern".into());
    }
    let inner_star = term
        .split(' ')
        .any(|w| w.trim_end_matches('*').contains('*') || w.ends_with("**") || w == "*");
    if inner_star || term.contains('?') {
        return Err(format!(
            "pattern {raw:?}: only one trailing * per word is supported as a wildcard"
        ));
    }
    Ok(term)
}

/// Entries of a category dictionary: one per term, with every category it
/// is listed under; its weight is the sum of the categories' polarities,
/// kept within -1..1.
#[derive(Debug, Default)]
pub(crate) struct Grouped {
    index: FxHashMap<String, usize>,
    entries: Vec<Entry>,
}

impl Grouped {
    /// Adds `term` under `category`; returns the line it was first listed
    /// on if it was already there.
    fn add(&mut self, term: String, category: &str, line: u64) -> Option<u64> {
        if let Some(&i) = self.index.get(&term) {
            let entry = &mut self.entries[i];
            if !entry.categories.iter().any(|c| c == category) {
                entry.categories.push(category.to_string());
            }
            return Some(entry.line);
        }
        self.index.insert(term.clone(), self.entries.len());
        self.entries.push(Entry {
            term,
            weight: 0.0,
            categories: vec![category.to_string()],
            line,
        });
        None
    }

    fn into_entries(self) -> Vec<Entry> {
        let mut entries = self.entries;
        for entry in &mut entries {
            let sum: f64 = entry.categories.iter().map(|c| category_polarity(c)).sum();
            entry.weight = sum.clamp(-1.0, 1.0);
        }
        entries
    }
}

#[cfg(test)]
mod tests;
