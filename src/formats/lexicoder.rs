//! Lexicoder `.lc3` dictionaries (LSD2015): `+category` lines (a suffix
//! such as `#AA0000`, a display colour, is dropped), then one pattern per
//! line (`*` wildcard, spaces for phrases). The negation keys
//! `neg_positive` and `neg_negative` hold phrases that include the negator
//! ("not good"): they become entries of the opposite polarity to what they
//! negate, and the engine's longest match makes "not good" win over
//! "good", so the negated word is never counted as well.

use super::{pattern_term, Grouped, Parsed};

pub(crate) fn parse(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut grouped = Grouped::default();
    let mut category: Option<String> = None;
    for (line, raw) in super::lines(text) {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        if let Some(header) = trimmed.strip_prefix('+') {
            let name = header.split('#').next().unwrap_or("").trim();
            if name.is_empty() {
                out.skip(line, "empty category name");
            }
            category = Some(name.to_string()).filter(|n| !n.is_empty());
            continue;
        }
        let Some(key) = &category else {
            out.skip(line, "pattern outside a named +category");
            continue;
        };
        match pattern_term(trimmed) {
            Ok(term) => {
                grouped.add(term, key, line);
            }
            Err(e) => out.skip(line, e),
        }
    }
    out.entries = grouped.into_entries();
    out
}
