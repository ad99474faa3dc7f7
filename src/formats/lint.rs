//! Checks and counts loaded lexicons (`stance lexicon check` / `stats`).
//!
//! Errors: lines the reader could not read, terms listed under both
//! polarities, duplicates with conflicting weights, wildcards that also
//! capture a word of the opposite polarity, and entries the tokenizer can
//! never match. Warnings: entries already covered by a wildcard of the same
//! weight and categories.

use super::{category_polarity, Format, LoadedLexicon};
use crate::lexicon::Entry;
use crate::tokenize::{tokenize, TokenKind};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// The kinds of problem `check` finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A line the reader could not read (or read only in part).
    Malformed,
    /// A term listed as both positive and negative.
    BothPolarities,
    /// The same term twice with different weights.
    ConflictingDuplicate,
    /// A wildcard that also matches a word of the opposite polarity.
    WildcardCapture,
    /// A term the tokenizer can never match.
    Unmatchable,
    /// An entry a wildcard of the same weight and categories covers.
    Shadowed,
}

impl Kind {
    pub fn severity(self) -> Severity {
        match self {
            Kind::Shadowed => Severity::Warning,
            _ => Severity::Error,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Malformed => "malformed",
            Kind::BothPolarities => "both-polarities",
            Kind::ConflictingDuplicate => "conflicting-duplicate",
            Kind::WildcardCapture => "wildcard-capture",
            Kind::Unmatchable => "unmatchable",
            Kind::Shadowed => "shadowed",
        }
    }
}

/// One problem, at a line of a lexicon file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub origin: String,
    pub line: u64,
    pub kind: Kind,
    pub severity: Severity,
    pub message: String,
}

/// An entry with the file it comes from.
#[derive(Clone, Copy)]
struct Located<'a> {
    origin: &'a str,
    entry: &'a Entry,
    /// The format reads a trailing `*` as a wildcard.
    globs: bool,
}

impl Located<'_> {
    fn at(&self) -> String {
        format!("{}:{}", self.origin, self.entry.line)
    }

    fn finding(&self, kind: Kind, message: String) -> Finding {
        Finding {
            origin: self.origin.to_string(),
            line: self.entry.line,
            kind,
            severity: kind.severity(),
            message,
        }
    }
}

/// Checks `lexicons` as one merged lexicon; findings in file and line order.
pub fn check(lexicons: &[LoadedLexicon]) -> Vec<Finding> {
    let all: Vec<Located> = lexicons
        .iter()
        .flat_map(|l| {
            l.entries.iter().map(|entry| Located {
                origin: &l.origin,
                entry,
                globs: l.format.has_wildcards(),
            })
        })
        .collect();
    let mut findings: Vec<Finding> = lexicons
        .iter()
        .flat_map(|l| {
            l.warnings.iter().map(|w| Finding {
                origin: l.origin.clone(),
                line: w.line,
                kind: Kind::Malformed,
                severity: Severity::Error,
                message: w.message.clone(),
            })
        })
        .collect();
    for lexicon in lexicons {
        findings.extend(unmatchable(lexicon));
    }
    findings.extend(duplicates(&all));
    findings.extend(wildcards(&all));
    let order: FxHashMap<&str, usize> = lexicons
        .iter()
        .enumerate()
        .map(|(i, l)| (l.origin.as_str(), i))
        .collect();
    findings.sort_by_key(|f| (order[f.origin.as_str()], f.line));
    findings
}

/// Entries no token sequence can match.
fn unmatchable(lexicon: &LoadedLexicon) -> Vec<Finding> {
    let mut out = Vec::new();
    for entry in &lexicon.entries {
        let here = Located {
            origin: &lexicon.origin,
            entry,
            globs: lexicon.format.has_wildcards(),
        };
        if let Some(reading) = tokenizer_split(&entry.term, here.globs) {
            out.push(here.finding(
                Kind::Unmatchable,
                format!(
                    "{:?} can never match: stance's tokenizer reads it as {reading}",
                    entry.term
                ),
            ));
        }
        if lexicon.format == Format::Vader && entry.term.contains(' ') {
            out.push(here.finding(
                Kind::Unmatchable,
                format!(
                    "phrase {:?} can never match VADER's whitespace tokenizer (stance matches it)",
                    entry.term
                ),
            ));
        }
    }
    out
}

/// How stance's tokenizer splits a term that it cannot match as words,
/// or None when every word of the term is one word token. With `globs`, a
/// wildcard word is probed with a letter in place of its trailing `*`.
fn tokenizer_split(term: &str, globs: bool) -> Option<String> {
    let mut readings = Vec::new();
    let mut matchable = true;
    for word in term.split(' ') {
        let probe = match word.strip_suffix('*').filter(|_| globs) {
            Some(stem) => format!("{stem}a"),
            None => word.to_string(),
        };
        let tokens = tokenize(&probe);
        matchable &=
            tokens.len() == 1 && tokens.items[0].kind == TokenKind::Word && tokens.norm(0) == probe;
        readings.extend((0..tokens.len()).map(|i| format!("{:?}", tokens.norm(i))));
    }
    (!matchable).then(|| readings.join(" "))
}

fn sign(w: f64) -> i8 {
    if w > 0.0 {
        1
    } else if w < 0.0 {
        -1
    } else {
        0
    }
}

fn polarity_name(w: f64) -> &'static str {
    match sign(w) {
        1 => "positive",
        -1 => "negative",
        _ => "no polarity",
    }
}

/// Terms listed under both polarities, and duplicates whose weights differ.
fn duplicates(all: &[Located]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut first: FxHashMap<&str, Located> = FxHashMap::default();
    for here in all {
        let entry = here.entry;
        let polarities: Vec<f64> = entry
            .categories
            .iter()
            .map(|c| category_polarity(c))
            .collect();
        if polarities.contains(&1.0) && polarities.contains(&-1.0) {
            out.push(here.finding(
                Kind::BothPolarities,
                format!(
                    "{:?} is listed under both polarities (categories {})",
                    entry.term,
                    entry.categories.join(", ")
                ),
            ));
        }
        let Some(earlier) = first.get(entry.term.as_str()) else {
            first.insert(&entry.term, *here);
            continue;
        };
        let (a, b) = (earlier.entry.weight, entry.weight);
        if sign(a) * sign(b) < 0 {
            out.push(here.finding(
                Kind::BothPolarities,
                format!(
                    "{:?} is listed under both polarities: {} here, {} at {}",
                    entry.term,
                    polarity_name(b),
                    polarity_name(a),
                    earlier.at()
                ),
            ));
        } else if a != b {
            out.push(here.finding(
                Kind::ConflictingDuplicate,
                format!(
                    "{:?} is a duplicate of {} with a conflicting weight ({b} here, {a} there); the later one wins",
                    entry.term,
                    earlier.at()
                ),
            ));
        }
    }
    out
}

/// Wildcards that capture a word of the opposite polarity (errors) and
/// single-word entries a wildcard of the same weight and categories
/// already covers (warnings).
fn wildcards(all: &[Located]) -> Vec<Finding> {
    let mut by_text: BTreeMap<&str, Vec<Located>> = BTreeMap::new();
    for here in all.iter().filter(|h| !h.entry.term.contains(' ')) {
        let text = here.entry.term.trim_end_matches('*');
        by_text.entry(text).or_default().push(*here);
    }
    let mut out = Vec::new();
    for wildcard in all.iter().filter(|h| h.globs && is_wildcard(h.entry)) {
        let stem = wildcard.entry.term.trim_end_matches('*');
        let covered = by_text
            .range(stem..)
            .take_while(|(text, _)| text.starts_with(stem))
            .flat_map(|(_, list)| list)
            .filter(|other| other.entry.term != wildcard.entry.term);
        for other in covered {
            out.extend(coverage(wildcard, other));
        }
    }
    out
}

fn is_wildcard(entry: &Entry) -> bool {
    entry.term.ends_with('*') && !entry.term.contains(' ')
}

/// What it means that `wildcard` also matches `other`.
fn coverage(wildcard: &Located, other: &Located) -> Option<Finding> {
    let (w, o) = (wildcard.entry, other.entry);
    if sign(w.weight) * sign(o.weight) < 0 {
        return Some(wildcard.finding(
            Kind::WildcardCapture,
            format!(
                "wildcard {:?} ({}) also matches {:?} ({}, {})",
                w.term,
                polarity_name(w.weight),
                o.term,
                polarity_name(o.weight),
                other.at()
            ),
        ));
    }
    let mut wc = w.categories.clone();
    let mut oc = o.categories.clone();
    wc.sort();
    oc.sort();
    (w.weight == o.weight && wc == oc).then(|| {
        other.finding(
            Kind::Shadowed,
            format!(
                "{:?} is already covered by wildcard {:?} ({}) of the same weight and categories",
                o.term,
                w.term,
                wildcard.at()
            ),
        )
    })
}

/// Counts of one lexicon, for `stance lexicon stats`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub origin: String,
    pub format: &'static str,
    /// Entries read (duplicates included).
    pub entries: usize,
    /// Distinct terms (what the engine keeps).
    pub terms: usize,
    pub multi_word: usize,
    pub wildcards: usize,
    pub warnings: usize,
    /// Entries per category.
    pub categories: BTreeMap<String, usize>,
    /// Entries per weight bin, from the most negative.
    pub weights: Vec<WeightBin>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeightBin {
    pub bin: String,
    pub count: usize,
}

pub fn stats(lexicon: &LoadedLexicon) -> Stats {
    let entries = &lexicon.entries;
    let mut categories = BTreeMap::new();
    for c in entries.iter().flat_map(|e| &e.categories) {
        *categories.entry(c.clone()).or_insert(0) += 1;
    }
    let terms: rustc_hash::FxHashSet<&str> = entries.iter().map(|e| e.term.as_str()).collect();
    Stats {
        origin: lexicon.origin.clone(),
        format: lexicon.format.name(),
        entries: entries.len(),
        terms: terms.len(),
        multi_word: entries.iter().filter(|e| e.term.contains(' ')).count(),
        wildcards: match lexicon.format.has_wildcards() {
            true => entries
                .iter()
                .filter(|e| e.term.split(' ').any(|w| w.ends_with('*')))
                .count(),
            false => 0,
        },
        warnings: lexicon.warnings.len(),
        categories,
        weights: histogram(entries),
    }
}

/// Unit-wide bins: `[-k,-k+1)` below zero, `0` alone, `(k-1,k]` above.
fn histogram(entries: &[Entry]) -> Vec<WeightBin> {
    let mut bins: BTreeMap<i64, usize> = BTreeMap::new();
    for e in entries {
        let key = match sign(e.weight) {
            1 => e.weight.ceil() as i64,
            -1 => e.weight.floor() as i64,
            _ => 0,
        };
        *bins.entry(key).or_insert(0) += 1;
    }
    bins.into_iter()
        .map(|(k, count)| WeightBin {
            bin: match k {
                0 => "0".to_string(),
                k if k < 0 => format!("[{k},{})", k + 1),
                k => format!("({},{k}]", k - 1),
            },
            count,
        })
        .collect()
}
