//! Reading VADER's file formats: the lexicon (`token<TAB>mean<TAB>...`)
//! and the emoji descriptions (`emoji<TAB>description`). As in
//! vaderSentiment, lines are trimmed and the last duplicate wins; a line
//! it would choke on (no tab, a mean that is not a number) is a
//! `LoadWarning` here, and blank lines are skipped.

use crate::error::{Error, Result};
use crate::lexicon::LoadWarning;
use rustc_hash::FxHashMap;

/// A VADER-format lexicon: token -> mean valence. Tokens are kept as
/// written: VADER looks up lower-cased tokens, so an entry with capitals
/// (":D") never matches, exactly as in vaderSentiment.
#[derive(Debug, Clone, Default)]
pub struct VaderLexicon {
    valences: FxHashMap<Box<str>, f64>,
}

/// Emoji (single code points) -> description. Multi-code-point emoji are
/// dropped on loading: vaderSentiment compares one code point at a time,
/// so they never match.
#[derive(Debug, Clone, Default)]
pub struct EmojiTable {
    by_char: FxHashMap<char, Box<str>>,
    has_ascii: bool,
}

impl VaderLexicon {
    /// Parses a lexicon file; an empty lexicon is an error.
    pub fn from_tsv(text: &str, origin: &str) -> Result<(VaderLexicon, Vec<LoadWarning>)> {
        let mut lexicon = VaderLexicon::default();
        let mut warnings = Vec::new();
        for (line, key, value) in pairs(text, &mut warnings) {
            let mean = value.trim();
            match mean.parse::<f64>() {
                Ok(v) if v.is_finite() => {
                    lexicon.valences.insert(key.into(), v);
                }
                _ => warnings.push(LoadWarning {
                    line,
                    message: format!("mean {mean:?} is not a number"),
                }),
            }
        }
        if lexicon.valences.is_empty() {
            return Err(Error::BadFile {
                origin: origin.to_string(),
                message: "the lexicon has no entries".into(),
            });
        }
        Ok((lexicon, warnings))
    }

    /// The valence of a token exactly as given (no case folding).
    pub fn get(&self, token: &str) -> Option<f64> {
        self.valences.get(token).copied()
    }

    pub fn len(&self) -> usize {
        self.valences.len()
    }

    pub fn is_empty(&self) -> bool {
        self.valences.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, f64)> {
        self.valences.iter().map(|(k, v)| (&**k, *v))
    }
}

impl EmojiTable {
    /// Parses an emoji file.
    pub fn from_tsv(text: &str) -> (EmojiTable, Vec<LoadWarning>) {
        let mut table = EmojiTable::default();
        let mut warnings = Vec::new();
        for (_, key, description) in pairs(text, &mut warnings) {
            let mut chars = key.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                table.by_char.insert(c, description.into());
                table.has_ascii |= c.is_ascii();
            }
        }
        (table, warnings)
    }

    pub fn len(&self) -> usize {
        self.by_char.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_char.is_empty()
    }

    /// Writes `text` into `out` with each emoji replaced by its
    /// description, preceded by a space unless one precedes it already and
    /// followed by none (vaderSentiment's quirk). Returns false, leaving
    /// `out` alone, when the text has no emoji.
    pub fn replace(&self, text: &str, out: &mut String) -> bool {
        if self.by_char.is_empty() || (!self.has_ascii && text.is_ascii()) {
            return false;
        }
        let candidate =
            |c: &char| (self.has_ascii || !c.is_ascii()) && self.by_char.contains_key(c);
        let Some(first) = text.char_indices().find(|(_, c)| candidate(c)) else {
            return false;
        };
        out.clear();
        out.push_str(&text[..first.0]);
        let mut prev_space = first.0 == 0 || text[..first.0].ends_with(' ');
        for c in text[first.0..].chars() {
            match self.by_char.get(&c) {
                Some(description) => {
                    if !prev_space {
                        out.push(' ');
                    }
                    out.push_str(description);
                    prev_space = false;
                }
                None => {
                    out.push(c);
                    prev_space = c == ' ';
                }
            }
        }
        true
    }
}

/// The (line, key, value) of each non-blank line; a line without a tab is
/// a warning.
fn pairs<'t>(text: &'t str, warnings: &mut Vec<LoadWarning>) -> Vec<(u64, &'t str, &'t str)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.split('\n')
        .zip(1u64..)
        .filter_map(|(raw, line)| {
            let trimmed = raw.trim();
            if trimmed.is_empty() {
                return None;
            }
            let mut fields = trimmed.split('\t');
            match (fields.next(), fields.next()) {
                (Some(key), Some(value)) => Some((line, key, value)),
                _ => {
                    warnings.push(LoadWarning {
                        line,
                        message: "expected a tab between the token and its value".into(),
                    });
                    None
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_lines() {
        let text =
            "good\t1.9\t0.9\t[2, 2]\r\nbad\t-2.5\r\n\nnope-no-tab\nworse\tx\ngood\t2.0\n:D\t2.3\n";
        let (lex, warnings) = VaderLexicon::from_tsv(text, "t").unwrap();
        assert_eq!(lex.get("good"), Some(2.0), "the last duplicate wins");
        assert_eq!(lex.get("bad"), Some(-2.5), "CRLF line ends");
        assert_eq!(lex.get(":D"), Some(2.3));
        assert_eq!(lex.get(":d"), None, "keys keep their case");
        assert_eq!(lex.len(), 3);
        let lines: Vec<u64> = warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, vec![4, 5]);
        assert!(warnings[1].message.contains("not a number"));
    }

    #[test]
    fn empty_lexicon_is_an_error() {
        assert!(VaderLexicon::from_tsv("\n\n", "t").is_err());
        assert!(VaderLexicon::from_tsv("no tabs here\n", "t").is_err());
    }

    #[test]
    fn emoji_replacement() {
        let (table, warnings) =
            EmojiTable::from_tsv("\u{1F600}\tgrinning face\n\u{2764}\u{FE0F}\tred heart\n");
        assert!(warnings.is_empty());
        assert_eq!(table.len(), 1, "multi-code-point emoji are dropped");
        let cases = [
            ("plain text", None),
            ("so \u{1F600} happy", Some("so grinning face happy")),
            ("so\u{1F600}happy", Some("so grinning facehappy")),
            ("\u{1F600}\u{1F600}", Some("grinning face grinning face")),
            ("caf\u{e9}", None),
        ];
        for (text, want) in cases {
            let mut out = String::new();
            let replaced = table.replace(text, &mut out);
            assert_eq!(replaced.then_some(out.as_str()), want, "{text:?}");
        }
    }
}
