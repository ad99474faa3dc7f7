//! NRC Emotion Lexicon (EmoLex), word level: `word<TAB>category<TAB>0|1`,
//! ten rows per word; copies may add a header row (`Word<TAB>Emotion<TAB>
//! Score`) or CRLF line ends. A word gets every category marked 1 and
//! weight +1 for "positive", -1 for "negative"; a word with no category
//! marked 1 is left out.

use super::{Grouped, Parsed};
use crate::lexicon::normalise_term;

pub(crate) fn parse(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut grouped = Grouped::default();
    for (line, raw) in super::lines(text) {
        if raw.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = raw.split('\t').map(str::trim).collect();
        match fields[..] {
            [_, _, "Score" | "score"] if line == 1 => {}
            [word, category, "1"] if !word.is_empty() && !category.is_empty() => {
                grouped.add(normalise_term(word), category, line);
            }
            [word, category, "0"] if !word.is_empty() && !category.is_empty() => {}
            _ => out.skip(line, "not an EmoLex line (word<TAB>category<TAB>0|1)"),
        }
    }
    out.entries = grouped.into_entries();
    out
}
