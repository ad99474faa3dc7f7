//! Tab-separated term lists with a numeric weight in the second field:
//! VADER (`token<TAB>mean<TAB>sd<TAB>[ratings]`, only the first two fields
//! are read) and AFINN (`word<TAB>integer`). Terms may hold spaces
//! (AFINN's "does not work"); duplicates are kept in file order, so the
//! later one wins, as in VADER.

use super::Parsed;
use crate::lexicon::{normalise_term, Entry};

pub(crate) fn parse_vader(text: &str) -> Parsed {
    parse(text, "VADER", "a number", |w| w.parse::<f64>().ok())
}

pub(crate) fn parse_afinn(text: &str) -> Parsed {
    parse(text, "AFINN", "a whole number", |w| {
        w.parse::<i32>().ok().map(f64::from)
    })
}

fn parse(text: &str, name: &str, what: &str, weight_of: impl Fn(&str) -> Option<f64>) -> Parsed {
    let mut out = Parsed::default();
    for (line, raw) in super::lines(text) {
        if raw.trim().is_empty() {
            continue;
        }
        let mut fields = raw.split('\t');
        let term = normalise_term(fields.next().unwrap_or(""));
        let Some(weight_text) = fields.next().map(str::trim) else {
            out.skip(line, format!("not a {name} line (term<TAB>weight)"));
            continue;
        };
        match weight_of(weight_text).filter(|w| w.is_finite()) {
            _ if term.is_empty() => out.skip(line, "empty term"),
            Some(weight) => out.entries.push(Entry {
                term,
                weight,
                categories: Vec::new(),
                line,
            }),
            None => out.skip(line, format!("{name} weight {weight_text:?} is not {what}")),
        }
    }
    out
}
