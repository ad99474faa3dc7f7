//! The reporting cue lexicon (`lexicons/reporting_verbs.txt`) and its matching
//! against tokens.

use super::tokens::{TokKind, Token};
use rustc_hash::FxHashMap;

const EMBEDDED_CUES: &str = include_str!("../../lexicons/reporting_verbs.txt");

/// What a cue attributes: words spoken or written, or a state of mind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CueKind {
    /// "said", "told", "according to".
    Speech,
    /// "believes", "wants", "fears", "expects".
    Thought,
    /// "seems", "is expected": how something seems or is expected, without
    /// naming whose view it is; the subject before the cue is part of the
    /// content.
    Impersonal,
}

/// Reporting verbs and cue phrases, loaded from `lexicons/reporting_verbs.txt`.
#[derive(Debug, Clone)]
pub struct Cues {
    /// Single-word cues by their lowercase word: kind and whether the word
    /// is also a noun.
    words: FxHashMap<String, (CueKind, bool)>,
    /// Multi-word cues by their lowercase first word, longest first.
    phrases: FxHashMap<String, Vec<Phrase>>,
    /// Bit `n` is set when some cue starts with a word of `n` bytes.
    first_lengths: u64,
}

#[derive(Debug, Clone)]
struct Phrase {
    words: Vec<String>,
    kind: CueKind,
    /// The speaker comes after the cue ("according to X").
    source_follows: bool,
    noun: bool,
}

/// A cue found at a token: its last token, its kind and where its speaker sits.
#[derive(Debug, Clone, Copy)]
pub(super) struct CueMatch {
    pub(super) last: usize,
    pub(super) kind: CueKind,
    pub(super) source_follows: bool,
    /// The cue is also a noun ("report", "support"): it is one only when a
    /// clause or an object follows it.
    pub(super) noun: bool,
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

    /// Reads a cue list: one cue per line, `#` comments, `[speech]`,
    /// `[thought]` and `[impersonal]` section headers (speech until the
    /// first header), a trailing `X` marking a phrase whose source follows
    /// it ("according to X"), a trailing `(noun)` marking a cue that is
    /// also a noun ("report (noun)").
    pub fn from_text(text: &str) -> Result<Cues, String> {
        let mut cues = Cues {
            words: FxHashMap::default(),
            phrases: FxHashMap::default(),
            first_lengths: 0,
        };
        let mut kind = CueKind::Speech;
        for (number, line) in text.lines().enumerate() {
            let line = line.trim();
            match line {
                "" => {}
                _ if line.starts_with('#') => {}
                "[speech]" => kind = CueKind::Speech,
                "[thought]" => kind = CueKind::Thought,
                "[impersonal]" => kind = CueKind::Impersonal,
                _ => cues
                    .add_line(line, kind)
                    .map_err(|e| format!("line {}: {e}", number + 1))?,
            }
        }
        if cues.words.is_empty() && cues.phrases.is_empty() {
            return Err("no cues in the list".to_string());
        }
        for phrases in cues.phrases.values_mut() {
            phrases.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        Ok(cues)
    }

    fn add_line(&mut self, line: &str, kind: CueKind) -> Result<(), String> {
        let mut words: Vec<&str> = line.split_whitespace().collect();
        let noun = words.len() > 1 && words.last() == Some(&"(noun)");
        if noun {
            words.pop();
        }
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
            self.words
                .extend(words.into_iter().map(|w| (w, (kind, noun))));
        } else {
            self.phrases
                .entry(words[0].clone())
                .or_default()
                .push(Phrase {
                    words,
                    kind,
                    source_follows,
                    noun,
                });
        }
        Ok(())
    }

    /// The longest cue starting at word token `i`, if any.
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
        let phrase = self
            .phrases
            .get(lower)
            .and_then(|list| list.iter().find_map(|p| p.match_at(text, tokens, i)));
        phrase.or_else(|| {
            self.words.get(lower).map(|&(kind, noun)| CueMatch {
                last: i,
                kind,
                source_follows: false,
                noun,
            })
        })
    }
}

impl Phrase {
    /// Matches the words after the first, which the caller has matched.
    fn match_at(&self, text: &str, tokens: &[Token], i: usize) -> Option<CueMatch> {
        for (offset, word) in self.words.iter().enumerate().skip(1) {
            let token = tokens.get(i + offset)?;
            if token.kind != TokKind::Word || !token.span.of(text).eq_ignore_ascii_case(word) {
                return None;
            }
        }
        Some(CueMatch {
            last: i + self.words.len() - 1,
            kind: self.kind,
            source_follows: self.source_follows,
            noun: self.noun,
        })
    }
}

fn is_cue_word(word: &str) -> bool {
    word.len() < 64
        && word
            .bytes()
            .all(|b| b.is_ascii_alphabetic() || b == b'-' || b == b'\'')
}
