//! Hu & Liu's opinion lexicon: `;` comment lines, then one word per line;
//! positive and negative words come in two files, so the polarity is the
//! file's (from its name or the `huliu-pos:`/`huliu-neg:` spec). Each word
//! gets weight +1 or -1 and the category "positive" or "negative".

use super::{Grouped, Parsed, Polarity};
use crate::lexicon::normalise_term;

pub(crate) fn parse(text: &str, polarity: Polarity) -> Parsed {
    let mut out = Parsed::default();
    let mut grouped = Grouped::default();
    for (line, raw) in super::lines(text) {
        let word = raw.trim();
        if word.is_empty() || word.starts_with(';') {
            continue;
        }
        if let Some(first) = grouped.add(normalise_term(word), polarity.category(), line) {
            out.warn(
                line,
                format!("{word:?} is listed again (first at line {first})"),
            );
        }
    }
    out.entries = grouped.into_entries();
    debug_assert!(out.entries.iter().all(|e| e.weight == polarity.weight()));
    out
}
