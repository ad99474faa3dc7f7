//! MPQA subjectivity clues: one clue per line of `key=value` pairs
//! (`type=strongsubj len=1 word1=abandon pos1=verb stemmed1=y
//! priorpolarity=negative`). Weight: priorpolarity positive +1, negative
//! -1, neutral or both 0, doubled for a strongsubj clue. A word listed for
//! several parts of speech gets the mean of its clues' weights and the
//! union of their categories (type and polarity). `stemmed1=y` clues match
//! the listed form only. Malformed lines (a repeated key, an unknown key
//! or value) are warnings: read when the word and polarity are clear,
//! skipped otherwise.

use super::Parsed;
use crate::lexicon::{normalise_term, Entry};
use rustc_hash::FxHashMap;

const KEYS: &[&str] = &["type", "len", "word1", "pos1", "stemmed1", "priorpolarity"];

pub(crate) fn parse(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut words: FxHashMap<String, usize> = FxHashMap::default();
    let mut sums: Vec<(f64, usize)> = Vec::new();
    for (line, raw) in super::lines(text) {
        if raw.trim().is_empty() {
            continue;
        }
        let Some((word, weight, categories)) = clue(&mut out, line, raw) else {
            continue;
        };
        let i = *words.entry(word.clone()).or_insert_with(|| {
            out.entries.push(Entry {
                term: word,
                weight: 0.0,
                categories: Vec::new(),
                line,
            });
            sums.push((0.0, 0));
            out.entries.len() - 1
        });
        sums[i].0 += weight;
        sums[i].1 += 1;
        for c in categories {
            if !out.entries[i].categories.contains(&c) {
                out.entries[i].categories.push(c);
            }
        }
    }
    for (entry, (sum, n)) in out.entries.iter_mut().zip(sums) {
        entry.weight = sum / n as f64;
    }
    out
}

/// Reads one clue: its word, weight and categories.
fn clue(out: &mut Parsed, line: u64, raw: &str) -> Option<(String, f64, Vec<String>)> {
    let mut fields: FxHashMap<&str, &str> = FxHashMap::default();
    for pair in raw.split_whitespace() {
        let Some((key, value)) = pair.split_once('=') else {
            out.skip(line, format!("{pair:?} is not key=value"));
            return None;
        };
        if !KEYS.contains(&key) {
            out.warn(line, format!("unknown key {key:?} ignored"));
        } else if let Some(old) = fields.insert(key, value) {
            if old != value {
                out.skip(
                    line,
                    format!("key {key:?} given twice with different values"),
                );
                return None;
            }
            out.warn(line, format!("key {key:?} repeated"));
        }
    }
    if fields
        .get("stemmed1")
        .is_some_and(|s| !matches!(*s, "y" | "n"))
    {
        out.warn(
            line,
            format!("stemmed1={} is not y or n; read as n", fields["stemmed1"]),
        );
    }
    let word = fields
        .get("word1")
        .map(|w| normalise_term(w))
        .filter(|w| !w.is_empty());
    let Some(word) = word else {
        out.skip(line, "no word1");
        return None;
    };
    let strength = match fields.get("type").copied() {
        Some("strongsubj") => 2.0,
        Some("weaksubj") => 1.0,
        other => {
            out.skip(
                line,
                format!("type {other:?} is not strongsubj or weaksubj"),
            );
            return None;
        }
    };
    let polarity = fields.get("priorpolarity").copied().unwrap_or("");
    let sign = match polarity {
        "positive" => 1.0,
        "negative" => -1.0,
        "neutral" | "both" => 0.0,
        other => {
            out.skip(
                line,
                format!("priorpolarity {other:?} is not positive, negative, neutral or both"),
            );
            return None;
        }
    };
    let categories = vec![fields["type"].to_string(), polarity.to_string()];
    Some((word, sign * strength, categories))
}
