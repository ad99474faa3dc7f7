//! WordStat `.cat` dictionaries: categories nest by the number of tabs
//! that indent them (spaces in the indent are ignored); a leaf is
//! `PATTERN (n)` (`*` wildcard, spaces for phrases; `n` is WordStat's item
//! weight, checked but not used: the weight comes from the category's
//! polarity); a leaf's category is the path of categories above it joined
//! by ".". Files are often CRLF and Latin-1 (decoded in `formats`, as Windows-1252).
//! Rule macros (`@RULE [#A AFTER #B /S 3] (1)`) are skipped with a warning.

use super::{pattern_term, Grouped, Parsed};

pub(crate) fn parse(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut grouped = Grouped::default();
    let mut path: Vec<String> = Vec::new();
    for (line, raw) in super::lines(text) {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        let depth = raw
            .chars()
            .take_while(|c| c.is_whitespace())
            .filter(|&c| c == '\t')
            .count();
        if trimmed.starts_with('@') {
            out.skip(line, format!("WordStat rule {trimmed:?} is not supported"));
            continue;
        }
        match leaf(trimmed) {
            Some(pattern) => add_leaf(&mut out, &mut grouped, &path, depth, pattern, line),
            None => {
                if depth > path.len() {
                    out.warn(
                        line,
                        format!(
                            "category indented {depth} tabs under only {} levels",
                            path.len()
                        ),
                    );
                }
                path.truncate(depth.min(path.len()));
                path.push(trimmed.to_string());
            }
        }
    }
    out.entries = grouped.into_entries();
    out
}

/// The pattern of a leaf line `PATTERN (n)`, or None for a category line.
fn leaf(text: &str) -> Option<&str> {
    let open = text.strip_suffix(')')?.rfind('(')?;
    let weight = &text[open + 1..text.len() - 1];
    weight
        .trim()
        .parse::<f64>()
        .is_ok()
        .then(|| text[..open].trim())
}

fn add_leaf(
    out: &mut Parsed,
    grouped: &mut Grouped,
    path: &[String],
    depth: usize,
    pattern: &str,
    line: u64,
) {
    if depth == 0 || path.is_empty() {
        out.skip(line, format!("pattern {pattern:?} is not under a category"));
        return;
    }
    let category = path[..depth.min(path.len())].join(".");
    match pattern_term(pattern) {
        Ok(term) => {
            grouped.add(term, &category, line);
        }
        Err(e) => out.skip(line, e),
    }
}
