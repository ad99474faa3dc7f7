//! LIWC dictionaries. `.dic`: a `%` line, `id<TAB>category` lines, a `%`
//! line, then `term<TAB>id[<TAB>id...]` (a trailing `*` is a wildcard, a
//! space makes a phrase). Real files use spaces for tabs and CR-only line
//! ends, list a term twice (categories merged, with a warning), use ids
//! never declared (kept as the category name, with a warning) and carry
//! LIWC2007 constructs such as `(02 134)125/464` and `<of>` (skipped, with
//! a warning). LIWC-22 `.dicx` is a CSV `DicTerm,Category...` with `X` (or
//! a number) in the categories a term belongs to.

use super::{pattern_term, Grouped, Parsed};
use rustc_hash::FxHashMap;

pub(crate) fn parse(text: &str) -> Parsed {
    if text.trim_start().starts_with("DicTerm") {
        parse_dicx(text)
    } else {
        parse_dic(text)
    }
}

fn parse_dic(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut categories: FxHashMap<u32, String> = FxHashMap::default();
    let mut grouped = Grouped::default();
    let mut percent_lines = 0;
    for (line, raw) in super::lines(text) {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed == "%" {
            percent_lines += 1;
            continue;
        }
        match percent_lines {
            0 => out.skip(line, "a LIWC .dic starts with a % line"),
            1 => declare(&mut out, &mut categories, line, trimmed),
            _ => term_line(&mut out, &mut grouped, &categories, line, trimmed),
        }
    }
    out.entries = grouped.into_entries();
    out
}

/// Reads an `id<TAB>category` header line.
fn declare(out: &mut Parsed, categories: &mut FxHashMap<u32, String>, line: u64, text: &str) {
    let mut parts = text.splitn(2, char::is_whitespace);
    let id = parts.next().and_then(|id| id.parse::<u32>().ok());
    let name = parts.next().map(str::trim).filter(|n| !n.is_empty());
    match (id, name) {
        (Some(id), Some(name)) => {
            categories.insert(id, name.to_string());
        }
        _ => out.skip(line, "not a category line (id<TAB>name)"),
    }
}

/// Reads a `term<TAB>id...` line; without a tab (spaces for tabs) the ids
/// are the whole-number words at the end.
fn term_line(
    out: &mut Parsed,
    grouped: &mut Grouped,
    categories: &FxHashMap<u32, String>,
    line: u64,
    text: &str,
) {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words
        .iter()
        .skip(1)
        .any(|w| w.contains(['(', ')', '<', '>', '/']))
    {
        out.skip(
            line,
            format!("LIWC2007 conditional category in {text:?} is not supported"),
        );
        return;
    }
    let term_len = match text.split_once('\t') {
        Some((term, _)) => term.split_whitespace().count(),
        None => words
            .iter()
            .rposition(|w| w.parse::<u32>().is_err())
            .map_or(0, |p| p + 1),
    };
    let (term_words, id_words) = words.split_at(term_len);
    let ids: Option<Vec<u32>> = id_words.iter().map(|w| w.parse().ok()).collect();
    let ids = match ids {
        Some(ids) if !ids.is_empty() => ids,
        _ => {
            out.skip(
                line,
                format!("no category ids (whole numbers) after the term in {text:?}"),
            );
            return;
        }
    };
    let term = match pattern_term(&term_words.join(" ")) {
        Ok(term) => term,
        Err(e) => return out.skip(line, e),
    };
    let mut repeated = None;
    for id in ids {
        let category = match categories.get(&id) {
            Some(name) => name.clone(),
            None => {
                out.warn(
                    line,
                    format!("category id {id} is not declared; kept as category \"{id}\""),
                );
                id.to_string()
            }
        };
        repeated = grouped
            .add(term.clone(), &category, line)
            .filter(|&first| first != line)
            .or(repeated);
    }
    if let Some(first) = repeated {
        out.warn(
            line,
            format!("{term:?} is listed again (first at line {first}); categories merged"),
        );
    }
}

fn parse_dicx(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut grouped = Grouped::default();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_string()).collect(),
        Err(e) => {
            out.skip(1, format!("unreadable header: {e}"));
            return out;
        }
    };
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                out.skip(e.position().map_or(0, |p| p.line()), e);
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let term = match pattern_term(record.get(0).unwrap_or("")) {
            Ok(term) => term,
            Err(e) => {
                out.skip(line, e);
                continue;
            }
        };
        let member = |cell: &str| {
            let cell = cell.trim();
            cell.eq_ignore_ascii_case("x") || cell.parse::<f64>().is_ok_and(|w| w != 0.0)
        };
        for (category, cell) in header.iter().zip(record.iter()).skip(1) {
            if member(cell) {
                grouped.add(term.clone(), category, line);
            }
        }
    }
    out.entries = grouped.into_entries();
    out
}
