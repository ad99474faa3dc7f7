//! SentiWordNet 3.0: `#` comment lines, then one synset per line,
//! `POS<TAB>offset<TAB>PosScore<TAB>NegScore<TAB>lemma#rank ...<TAB>gloss`.
//! Scores belong to synsets; a word gets the mean of PosScore - NegScore
//! over all its senses (every part of speech), each sense weighted by
//! 1/rank (its first sense counts most), rounded to 4 decimals, on
//! SentiWordNet's -1..1 scale. Words whose mean is 0 are left out.
//! Underscores in lemmas ("give_up") become spaces (phrases).

use super::Parsed;
use crate::lexicon::{normalise_term, Entry};
use rustc_hash::FxHashMap;

pub(crate) fn parse(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    // Per word: sum of score/rank, sum of 1/rank.
    let mut sums: Vec<(f64, f64)> = Vec::new();
    for (line, raw) in super::lines(text) {
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = raw.split('\t').collect();
        let scores = (fields.get(2), fields.get(3), fields.get(4));
        let (Some(pos), Some(neg), Some(lemmas)) = scores else {
            out.skip(
                line,
                "not a SentiWordNet line (POS, offset, PosScore, NegScore, terms, gloss)",
            );
            continue;
        };
        let (Ok(pos), Ok(neg)) = (pos.trim().parse::<f64>(), neg.trim().parse::<f64>()) else {
            out.skip(line, format!("scores {pos:?} and {neg:?} are not numbers"));
            continue;
        };
        for lemma in lemmas.split_whitespace() {
            let Some((word, rank)) = lemma
                .rsplit_once('#')
                .and_then(|(w, r)| Some((w, r.parse::<u32>().ok()?)))
            else {
                out.warn(line, format!("{lemma:?} is not lemma#rank; ignored"));
                continue;
            };
            let term = normalise_term(&word.replace('_', " "));
            let i = *index.entry(term.clone()).or_insert_with(|| {
                out.entries.push(Entry {
                    term,
                    weight: 0.0,
                    categories: Vec::new(),
                    line,
                });
                sums.push((0.0, 0.0));
                sums.len() - 1
            });
            let w = 1.0 / f64::from(rank.max(1));
            sums[i].0 += (pos - neg) * w;
            sums[i].1 += w;
        }
    }
    for (entry, (score, weights)) in out.entries.iter_mut().zip(sums) {
        entry.weight = (score / weights * 10_000.0).round() / 10_000.0;
    }
    out.entries.retain(|e| e.weight != 0.0);
    out
}
