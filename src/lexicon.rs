//! The tone lexicon: loads the native CSV (`term,weight,categories`) and the
//! modifier list (`term,role,value`; roles negator, booster, dampener,
//! contrast, reverser, and `setting` rows that set the constants of
//! `tone::Rules`), and finds entries in a token stream. Other lexicon
//! formats are read into `Entry`s by `formats`.
//!
//! Matching: at each word, the longest multi-word entry starting there wins,
//! then an exact single word, then the longest prefix wildcard (`stem*`).
//! A matched token is never counted again.

use crate::error::{Error, Result};
use crate::tokenize::{TokenKind, Tokens};
use crate::tone::Rules;
use crate::types::EntryIdx;
use rustc_hash::FxHashMap;

/// The built-in tone lexicon and modifiers, compiled into the binary.
pub const DEFAULT_TONE: &str = include_str!("../lexicons/tone.csv");
pub const DEFAULT_MODIFIERS: &str = include_str!("../lexicons/modifiers.csv");

/// One lexicon entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// As written in the lexicon ("rock bottom", "destabiliz*").
    pub term: String,
    pub weight: f64,
    pub categories: Vec<String>,
    /// Line in the lexicon file (1-based), for tracing.
    pub line: u64,
}

/// How a modifier word acts on lexicon matches near it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Modifier {
    /// Flips and scales the sentiment of terms in its scope.
    Negator(f64),
    /// Adds (booster) or removes (dampener) intensity.
    Intensifier(f64),
    /// Weighs what follows it by the factor, and what precedes by its inverse.
    Contrast(f64),
    /// Turns a negative term it governs into a milder positive one by the
    /// factor: "reduce poverty", "prevent war". Positive terms are left alone.
    Reverser(f64),
}

/// A matched entry: which entry and which word tokens it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub entry: EntryIdx,
    pub first: usize,
    pub last: usize,
}

/// A word pattern of a phrase: exact or prefix.
#[derive(Debug, Clone, PartialEq)]
struct WordPattern {
    text: String,
    prefix: bool,
}

impl WordPattern {
    fn parse(word: &str) -> WordPattern {
        match word.strip_suffix('*') {
            Some(stem) => WordPattern {
                text: stem.to_string(),
                prefix: true,
            },
            None => WordPattern {
                text: word.to_string(),
                prefix: false,
            },
        }
    }

    fn matches(&self, token: &str) -> bool {
        if self.prefix {
            token.starts_with(&self.text)
        } else {
            token == self.text
        }
    }
}

/// A loaded tone lexicon with its modifiers.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub entries: Vec<Entry>,
    pub modifiers: FxHashMap<String, Modifier>,
    words: FxHashMap<String, EntryIdx>,
    stems: FxHashMap<String, EntryIdx>,
    stem_lengths: Vec<usize>,
    /// First word -> (remaining words, entry), longest first.
    phrases: FxHashMap<String, Vec<(Vec<WordPattern>, EntryIdx)>>,
}

/// A problem found while loading, with its line; loading goes on.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadWarning {
    pub line: u64,
    pub message: String,
}

impl Lexicon {
    /// The built-in lexicon.
    pub fn embedded() -> Lexicon {
        let (lexicon, warnings) = Lexicon::from_csv(DEFAULT_TONE, DEFAULT_MODIFIERS, "default")
            .expect("the embedded lexicon is valid");
        debug_assert!(warnings.is_empty(), "{warnings:?}");
        lexicon
    }

    /// Loads a native CSV lexicon and a modifier list. Malformed lines are
    /// returned as warnings; an empty lexicon is an error. Rule settings in
    /// the modifier list are checked but not returned (see `parse_modifiers`).
    pub fn from_csv(
        tone_csv: &str,
        modifiers_csv: &str,
        origin: &str,
    ) -> Result<(Lexicon, Vec<LoadWarning>)> {
        let (entries, mut warnings) = parse_tone_csv(tone_csv, origin)?;
        let (modifiers, more) = parse_modifiers(modifiers_csv, origin)?;
        warnings.extend(more);
        Ok((Lexicon::new(entries, modifiers.words), warnings))
    }

    /// A lexicon of `entries` (a later entry for a term replaces an earlier
    /// one) with the modifier words `modifiers`.
    pub fn new(entries: Vec<Entry>, modifiers: FxHashMap<String, Modifier>) -> Lexicon {
        let mut lexicon = Lexicon {
            modifiers,
            ..Lexicon::default()
        };
        for entry in entries {
            lexicon.push(entry);
        }
        lexicon
    }

    /// Adds an entry; a later entry for the same term replaces the earlier.
    pub fn push(&mut self, entry: Entry) {
        let idx = self.entries.len() as EntryIdx;
        let words: Vec<&str> = entry.term.split_whitespace().collect();
        if words.len() > 1 {
            let rest = words[1..].iter().map(|w| WordPattern::parse(w)).collect();
            let list = self.phrases.entry(words[0].to_string()).or_default();
            list.retain(|(_, e)| self.entries[*e as usize].term != entry.term);
            list.push((rest, idx));
            list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        } else if let Some(stem) = entry.term.strip_suffix('*') {
            self.stems.insert(stem.to_string(), idx);
            if !self.stem_lengths.contains(&stem.len()) {
                self.stem_lengths.push(stem.len());
                self.stem_lengths.sort_unstable_by(|a, b| b.cmp(a));
            }
        } else {
            self.words.insert(entry.term.clone(), idx);
        }
        self.entries.push(entry);
    }

    pub fn modifier(&self, word: &str) -> Option<Modifier> {
        self.modifiers.get(word).copied()
    }

    /// Finds the entries in `tokens`, left to right, longest first.
    pub fn find(&self, tokens: &Tokens, out: &mut Vec<Match>) {
        out.clear();
        let mut i = 0;
        while i < tokens.len() {
            if tokens.items[i].kind != TokenKind::Word {
                i += 1;
                continue;
            }
            match self.match_at(tokens, i) {
                Some(m) => {
                    i = m.last + 1;
                    out.push(m);
                }
                None => i += 1,
            }
        }
    }

    fn match_at(&self, tokens: &Tokens, i: usize) -> Option<Match> {
        let word = tokens.norm(i);
        if let Some(list) = self.phrases.get(word) {
            for (rest, entry) in list {
                if phrase_matches(tokens, i + 1, rest) {
                    return Some(Match {
                        entry: *entry,
                        first: i,
                        last: i + rest.len(),
                    });
                }
            }
        }
        let single = |entry| Match {
            entry,
            first: i,
            last: i,
        };
        if let Some(&entry) = self.words.get(word) {
            return Some(single(entry));
        }
        self.longest_stem(word).map(single)
    }

    fn longest_stem(&self, word: &str) -> Option<EntryIdx> {
        self.stem_lengths
            .iter()
            .filter(|&&n| n <= word.len() && word.is_char_boundary(n))
            .find_map(|&n| self.stems.get(&word[..n]).copied())
    }
}

fn phrase_matches(tokens: &Tokens, from: usize, rest: &[WordPattern]) -> bool {
    from + rest.len() <= tokens.len()
        && rest.iter().enumerate().all(|(k, p)| {
            tokens.items[from + k].kind == TokenKind::Word && p.matches(tokens.norm(from + k))
        })
}

/// Reads a native CSV lexicon (`term,weight,categories`): its entries in
/// file order (duplicates kept) and a warning per malformed line; an empty
/// lexicon is an error.
pub fn parse_tone_csv(text: &str, origin: &str) -> Result<(Vec<Entry>, Vec<LoadWarning>)> {
    let mut entries = Vec::new();
    let mut warnings = Vec::new();
    for row in csv_rows(text, origin, &["term", "weight", "categories"])? {
        match row.and_then(parse_entry) {
            Ok(entry) => entries.push(entry),
            Err(w) => warnings.push(w),
        }
    }
    if entries.is_empty() {
        return Err(Error::BadFile {
            origin: origin.to_string(),
            message: "the lexicon has no entries".into(),
        });
    }
    Ok((entries, warnings))
}

/// A parsed modifier list: the modifier words and the rule settings.
#[derive(Debug, Clone, Default)]
pub struct Modifiers {
    pub words: FxHashMap<String, Modifier>,
    /// The rules with the list's `setting` rows applied to the defaults.
    pub rules: Rules,
}

/// Reads a modifier list (`term,role,value`). Rows of role `setting` set a
/// field of `tone::Rules` (`negation_window,setting,6`); other roles are
/// modifier words. Malformed rows are warnings.
pub fn parse_modifiers(text: &str, origin: &str) -> Result<(Modifiers, Vec<LoadWarning>)> {
    let mut modifiers = Modifiers::default();
    let mut warnings = Vec::new();
    for row in csv_rows(text, origin, &["term", "role", "value"])? {
        let parsed = row.and_then(|(line, rec)| {
            let warn = |message: String| LoadWarning { line, message };
            match parse_modifier((line, rec))? {
                ModifierRow::Word(term, m) => {
                    modifiers.words.insert(term, m);
                }
                ModifierRow::Setting(name, value) => {
                    modifiers.rules.set(&name, value).map_err(warn)?
                }
            }
            Ok(())
        });
        if let Err(w) = parsed {
            warnings.push(w);
        }
    }
    Ok((modifiers, warnings))
}

/// A CSV row with its 1-based line number.
pub(crate) type Row = std::result::Result<(u64, csv::StringRecord), LoadWarning>;

/// Reads a headed CSV, checking the header starts with `columns`.
pub(crate) fn csv_rows(text: &str, origin: &str, columns: &[&str]) -> Result<Vec<Row>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| Error::BadFile {
        origin: origin.to_string(),
        message: format!("unreadable header: {e}"),
    })?;
    let found: Vec<&str> = header.iter().map(str::trim).collect();
    if found.len() < columns.len() || found[..columns.len()] != *columns {
        return Err(Error::BadFile {
            origin: origin.to_string(),
            message: format!(
                "expected the header {:?}, found {:?}",
                columns.join(","),
                found.join(",")
            ),
        });
    }
    Ok(reader
        .records()
        .map(|r| match r {
            Ok(rec) => Ok((rec.position().map_or(0, |p| p.line()), rec)),
            Err(e) => Err(LoadWarning {
                line: e.position().map_or(0, |p| p.line()),
                message: e.to_string(),
            }),
        })
        .collect())
}

fn parse_entry((line, rec): (u64, csv::StringRecord)) -> std::result::Result<Entry, LoadWarning> {
    let warn = |message: String| LoadWarning { line, message };
    let term = normalise_term(rec.get(0).unwrap_or(""));
    if term.is_empty() {
        return Err(warn("empty term".into()));
    }
    let weight_text = rec.get(1).unwrap_or("").trim();
    let weight: f64 = weight_text
        .parse()
        .ok()
        .filter(|w: &f64| w.is_finite())
        .ok_or_else(|| warn(format!("weight {weight_text:?} is not a number")))?;
    let categories = rec
        .get(2)
        .unwrap_or("")
        .split(';')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect();
    Ok(Entry {
        term,
        weight,
        categories,
        line,
    })
}

/// Lower-cases a term, makes apostrophes straight and collapses spaces.
pub fn normalise_term(term: &str) -> String {
    term.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('\u{2019}', "'")
}

/// One row of a modifier list.
enum ModifierRow {
    Word(String, Modifier),
    Setting(String, f64),
}

fn parse_modifier(
    (line, rec): (u64, csv::StringRecord),
) -> std::result::Result<ModifierRow, LoadWarning> {
    let warn = |message: String| LoadWarning { line, message };
    let term = normalise_term(rec.get(0).unwrap_or(""));
    let value_text = rec.get(2).unwrap_or("").trim();
    let value: f64 = value_text
        .parse()
        .map_err(|_| warn(format!("value {value_text:?} is not a number")))?;
    if term.is_empty() {
        return Err(warn("empty term".into()));
    }
    let modifier = match rec.get(1).unwrap_or("").trim() {
        "negator" => Modifier::Negator(value),
        "booster" | "dampener" => Modifier::Intensifier(value),
        "contrast" => Modifier::Contrast(value),
        "reverser" => Modifier::Reverser(value),
        "setting" => return Ok(ModifierRow::Setting(term, value)),
        other => return Err(warn(format!("unknown modifier role {other:?}"))),
    };
    Ok(ModifierRow::Word(term, modifier))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    const TONE: &str = "term,weight,categories\n\
        rock bottom,-2.5,crisis\n\
        rock,0.5,\n\
        hopeful,1.8,hope\n\
        destabiliz*,-2,threat\n\
        destabilization campaign,-3,threat\n\
        lowest ebb,-2.4,decline\n";
    const MODS: &str = "term,role,value\nnot,negator,-0.74\nvery,booster,0.293\n";

    fn matched(text: &str) -> Vec<String> {
        let (lex, w) = Lexicon::from_csv(TONE, MODS, "t").unwrap();
        assert!(w.is_empty());
        let tokens = tokenize(text);
        let mut out = Vec::new();
        lex.find(&tokens, &mut out);
        out.iter()
            .map(|m| lex.entries[m.entry as usize].term.clone())
            .collect()
    }

    #[test]
    fn longest_match_and_no_double_count() {
        let cases: &[(&str, &[&str])] = &[
            ("ties hit rock bottom", &["rock bottom"]),
            ("a rock band", &["rock"]),
            ("Rock Bottom, again", &["rock bottom"]),
            ("destabilizing moves", &["destabiliz*"]),
            ("a destabilization campaign", &["destabilization campaign"]),
            ("their lowest ebb in decades", &["lowest ebb"]),
            ("rock, bottom", &["rock"]),
            ("I'm hopeful", &["hopeful"]),
            ("destabi", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(matched(text), *want, "{text:?}");
        }
    }

    #[test]
    fn bad_lines_are_warnings_with_line_numbers() {
        let tone = "term,weight,categories\ngood,1,\nbad,abc,\n,1,\nfine,0.5\n";
        let (lex, w) = Lexicon::from_csv(tone, MODS, "t").unwrap();
        assert_eq!(lex.entries.len(), 2);
        assert_eq!(w.iter().map(|w| w.line).collect::<Vec<_>>(), vec![3, 4]);
        assert!(w[0].message.contains("not a number"));
    }

    #[test]
    fn empty_lexicon_and_bad_header_are_errors() {
        assert!(Lexicon::from_csv("term,weight,categories\n", MODS, "t").is_err());
        assert!(Lexicon::from_csv("word,score\nx,1\n", MODS, "t").is_err());
    }

    #[test]
    fn later_duplicate_wins() {
        let tone = "term,weight,categories\ngood,1,\ngood,2,\n";
        let (lex, _) = Lexicon::from_csv(tone, MODS, "t").unwrap();
        let mut out = Vec::new();
        lex.find(&tokenize("good"), &mut out);
        assert_eq!(lex.entries[out[0].entry as usize].weight, 2.0);
    }

    /// Invariants of the built-in tone lexicon that no lint covers: every
    /// weight is on the documented scale (lexicons/tone.md, "Weight
    /// scale"), and a form in -s or -es weighs what its base weighs
    /// ("flairs" was once negative beside "flair", "abandons" half of
    /// "abandon"), except where the form is another word ("ideals",
    /// "merits", "jitters") or both are hand-set news-event entries
    /// ("sour" and "sours").
    #[test]
    fn default_tone_lexicon_scale_and_inflections() {
        const OTHER_WORDS: [&str; 7] = [
            "ideals",
            "smarts",
            "merits",
            "jitters",
            "hysterics",
            "failings",
            "sours",
        ];
        let (entries, warnings) = parse_tone_csv(DEFAULT_TONE, "default").unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        let weight: std::collections::HashMap<&str, f64> = entries
            .iter()
            .map(|e| (e.term.as_str(), e.weight))
            .collect();
        for e in &entries {
            assert!(e.weight.abs() <= 3.2, "{} {}", e.term, e.weight);
            if e.term.contains(' ') || OTHER_WORDS.contains(&e.term.as_str()) {
                continue;
            }
            let base = ["s", "es"]
                .iter()
                .filter_map(|suffix| e.term.strip_suffix(suffix))
                .find(|b| b.len() >= 3 && weight.contains_key(b));
            if let Some(b) = base {
                assert_eq!(e.weight, weight[b], "{} against {b}", e.term);
            }
        }
    }

    #[test]
    fn modifier_settings_set_rules() {
        let (embedded, w) = parse_modifiers(DEFAULT_MODIFIERS, "default").unwrap();
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(embedded.rules, Rules::default());
        let mods = "term,role,value\nnot,negator,-0.74\nnegation_window,setting,2\n\
            alpha,setting,x\nwindow,setting,3\nbooster_window,setting,1.5\n";
        let (m, w) = parse_modifiers(mods, "t").unwrap();
        assert_eq!(m.rules.negation_window, 2);
        assert_eq!(m.words.len(), 1);
        assert_eq!(w.iter().map(|w| w.line).collect::<Vec<_>>(), vec![4, 5, 6]);
        assert!(w[1].message.contains("unknown setting"), "{w:?}");
    }
}
