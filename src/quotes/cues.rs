//! The reporting cue lexicon (`lexicons/reporting_verbs.txt`) and its matching
//! against tokens, together with the word classes of `words.rs`, so that
//! every word is looked up once.

use super::tokens::{TokKind, Token};
use super::words::{word_classes, TITLE};
use rustc_hash::FxHashMap;

const EMBEDDED_CUES: &str = include_str!("../../lexicons/reporting_verbs.txt");
const EMBEDDED_NAMES: &str = include_str!("../../lexicons/given_names.txt");

/// Longest word whose classes are looked up.
const MAX_CLASS_BYTES: usize = 32;

use crate::types::Gender;

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
    /// What is known of each word, by its lowercase bytes.
    words: FxHashMap<Box<[u8]>, Word>,
    /// How many cues were read.
    count: usize,
    /// Given names and the gender they show (`lexicons/given_names.txt`).
    given_names: FxHashMap<String, Option<Gender>>,
}

/// A word's classes and the cues it starts.
#[derive(Debug, Clone, Default)]
struct Word {
    class: u32,
    /// The word as a cue of its own: kind and whether it is also a noun.
    single: Option<(CueKind, bool)>,
    /// Cue phrases starting with the word, longest first.
    phrases: Vec<Phrase>,
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
            count: 0,
            given_names: given_names(EMBEDDED_NAMES),
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
        if cues.count == 0 {
            return Err("no cues in the list".to_string());
        }
        for word in cues.words.values_mut() {
            word.phrases
                .sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        for (word, class) in word_classes() {
            cues.entry(word).class |= class;
        }
        Ok(cues)
    }

    /// The classes of a word, in any case.
    pub(super) fn class_of(&self, word: &str) -> u32 {
        let mut buffer = [0u8; MAX_CLASS_BYTES];
        ascii_lowercase(word, &mut buffer)
            .and_then(|lower| self.words.get(lower))
            .map_or(0, |w| w.class)
    }

    /// The gender a given name (lower case) shows, if the list knows it.
    pub(super) fn gender_of(&self, given: &str) -> Option<Gender> {
        self.given_names.get(given).copied().flatten()
    }

    fn entry(&mut self, word: &str) -> &mut Word {
        self.words.entry(word.as_bytes().into()).or_default()
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
        self.count += 1;
        let entry = self.entry(&words[0]);
        if words.len() == 1 && !source_follows {
            entry.single = Some((kind, noun));
        } else {
            entry.phrases.push(Phrase {
                words,
                kind,
                source_follows,
                noun,
            });
        }
        Ok(())
    }

    /// Whether `word` (any case) is a cue by itself ("says", "hints",
    /// "endorses").
    pub(super) fn is_cue_word(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.words
            .get(lower.as_bytes())
            .is_some_and(|w| w.single.is_some())
    }

    /// The classes of word token `i`, whose lowercase bytes are `lower`,
    /// and the longest cue starting at it.
    pub(super) fn lookup(
        &self,
        lower: &[u8],
        text: &str,
        tokens: &[Token],
        i: usize,
    ) -> (u32, Option<CueMatch>) {
        let Some(word) = self.words.get(lower) else {
            return (0, None);
        };
        let phrase = word
            .phrases
            .iter()
            .find_map(|p| p.match_at(text, tokens, i));
        let single = || {
            word.single.map(|(kind, noun)| CueMatch {
                last: i,
                kind,
                source_follows: false,
                noun,
            })
        };
        (word.class, phrase.or_else(single))
    }
}

impl crate::actors::PersonNames for Cues {
    fn is_given_name(&self, word: &str) -> bool {
        if !word.starts_with(char::is_uppercase) {
            return false;
        }
        let mut buffer = [0u8; MAX_CLASS_BYTES];
        match ascii_lowercase(word, &mut buffer).filter(|_| word.is_ascii()) {
            Some(lower) => {
                std::str::from_utf8(lower).is_ok_and(|w| self.given_names.contains_key(w))
            }
            None => self.given_names.contains_key(&word.to_lowercase()),
        }
    }

    fn is_title(&self, word: &str) -> bool {
        let word = word.trim_end_matches('.');
        self.class_of(word) & TITLE != 0 || self.class_of(&format!("{word}.")) & TITLE != 0
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

/// `word` with its ASCII letters in lower case, in `buffer` (no allocation
/// on the hot path); `None` when it is longer than the buffer.
fn ascii_lowercase<'b>(word: &str, buffer: &'b mut [u8; MAX_CLASS_BYTES]) -> Option<&'b [u8]> {
    let lower = buffer.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    Some(lower)
}

/// Reads the given-name list: one name per line under `[male]`,
/// `[female]` or `[either]` (no gender shown), `#` comments.
fn given_names(text: &str) -> FxHashMap<String, Option<Gender>> {
    let mut names = FxHashMap::default();
    let mut section = None;
    for line in text.lines().map(str::trim) {
        match line {
            "" => {}
            _ if line.starts_with('#') => {}
            "[male]" => section = Some(Some(Gender::Male)),
            "[female]" => section = Some(Some(Gender::Female)),
            "[either]" => section = Some(None),
            name => {
                if let Some(gender) = section {
                    names.insert(name.to_lowercase(), gender);
                }
            }
        }
    }
    names
}

fn is_cue_word(word: &str) -> bool {
    word.len() < 64
        && word
            .bytes()
            .all(|b| b.is_ascii_alphabetic() || b == b'-' || b == b'\'')
}
