//! The reporting cue lexicon (`lexicons/reporting_verbs.txt`) and its matching
//! against tokens.

use super::tokens::{TokKind, Token};
use rustc_hash::FxHashSet;

const EMBEDDED_CUES: &str = include_str!("../../lexicons/reporting_verbs.txt");

/// Reporting verbs and cue phrases, loaded from `lexicons/reporting_verbs.txt`.
#[derive(Debug, Clone)]
pub struct Cues {
    /// Single reporting verbs, lowercase.
    pub(super) words: FxHashSet<String>,
    /// Multi-word cues.
    pub(super) phrases: Vec<Phrase>,
    /// Bit `n` is set when some cue starts with a word of `n` bytes.
    pub(super) first_lengths: u64,
}

#[derive(Debug, Clone)]
pub(super) struct Phrase {
    pub(super) words: Vec<String>,
    /// The speaker comes after the cue ("according to X").
    pub(super) source_follows: bool,
}

/// A cue found at a token: its last token and where its speaker sits.
#[derive(Debug, Clone, Copy)]
pub(super) struct CueMatch {
    pub(super) last: usize,
    pub(super) source_follows: bool,
}

impl Default for Cues {
    fn default() -> Cues {
        Cues::embedded()
    }
}

impl Cues {
    /// The built-in cue list.
    pub fn embedded() -> Cues {
        Cues::from_text(EMBEDDED_CUES).expect("the embedded reporting verb list is valid")
    }

    /// Reads a cue list: one cue per line, `#` comments, a trailing `X`
    /// marking a phrase whose source follows it ("according to X").
    pub fn from_text(text: &str) -> Result<Cues, String> {
        let mut cues = Cues {
            words: FxHashSet::default(),
            phrases: Vec::new(),
            first_lengths: 0,
        };
        for (number, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            cues.add_line(line)
                .map_err(|e| format!("line {}: {e}", number + 1))?;
        }
        if cues.words.is_empty() && cues.phrases.is_empty() {
            return Err("no cues in the list".to_string());
        }
        Ok(cues)
    }

    pub(super) fn add_line(&mut self, line: &str) -> Result<(), String> {
        let mut words: Vec<&str> = line.split_whitespace().collect();
        let source_follows = words.len() > 1 && words.last() == Some(&"X");
        if source_follows {
            words.pop();
        }
        if let Some(bad) = words.iter().find(|w| !is_cue_word(w)) {
            return Err(format!(
                "{bad:?} is not a cue word (ASCII letters, - and ')"
            ));
        }
        let words: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
        self.first_lengths |= 1 << words[0].len();
        if words.len() == 1 && !source_follows {
            self.words.extend(words);
        } else {
            self.phrases.push(Phrase {
                words,
                source_follows,
            });
        }
        Ok(())
    }

    /// The cue starting at word token `i`, if any.
    pub(super) fn match_at(&self, text: &str, tokens: &[Token], i: usize) -> Option<CueMatch> {
        let word = tokens[i].span.of(text);
        if word.len() >= 64 || self.first_lengths & (1 << word.len()) == 0 || !word.is_ascii() {
            return None;
        }
        let mut buffer = [0u8; 64];
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        let lower = std::str::from_utf8(lower).ok()?;
        if self.words.contains(lower) {
            return Some(CueMatch {
                last: i,
                source_follows: false,
            });
        }
        self.phrases
            .iter()
            .find_map(|phrase| phrase.match_at(text, tokens, i, lower))
    }
}

impl Phrase {
    pub(super) fn match_at(
        &self,
        text: &str,
        tokens: &[Token],
        i: usize,
        first: &str,
    ) -> Option<CueMatch> {
        if self.words[0] != first {
            return None;
        }
        for (offset, word) in self.words.iter().enumerate().skip(1) {
            let token = tokens.get(i + offset)?;
            if token.kind != TokKind::Word || !token.span.of(text).eq_ignore_ascii_case(word) {
                return None;
            }
        }
        Some(CueMatch {
            last: i + self.words.len() - 1,
            source_follows: self.source_follows,
        })
    }
}

pub(super) fn is_cue_word(word: &str) -> bool {
    word.len() < 64
        && word
            .bytes()
            .all(|b| b.is_ascii_alphabetic() || b == b'-' || b == b'\'')
}
