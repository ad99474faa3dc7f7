//! Speakers: resolves speaker mentions to one speaker per person within an
//! article and carries speakers over to quotes without a cue of their own.

use super::sites::is_possessive;
use super::words::{
    is_one_of, DEFINITE_DETERMINERS, HEAD_ENDS, INDEFINITE_DETERMINERS, NAME_PARTICLES, PRONOUNS,
    TITLES,
};
use crate::types::{Quote, QuoteKind, Span, Speaker};
use rustc_hash::FxHashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum MentionKind {
    Pronoun(String),
    Indefinite(String),
    Definite(String),
    Name {
        surname: String,
        given: Option<String>,
        titles: Vec<String>,
    },
}

/// Classifies a mention by its noun phrase, without the apposition,
/// relative clause or parenthesis after it ("Smith, a spokesman").
pub(super) fn classify_mention(mention: &str) -> MentionKind {
    let core = mention.split([',', '(']).next().unwrap_or(mention);
    let words: Vec<&str> = core.split_whitespace().collect();
    let first = words.first().copied().unwrap_or("");
    if words.len() == 1 && is_one_of(first, PRONOUNS) {
        return MentionKind::Pronoun(first.to_lowercase());
    }
    if is_one_of(first, INDEFINITE_DETERMINERS) {
        return MentionKind::Indefinite(head_noun(&words));
    }
    let capital = |w: &&str| w.starts_with(char::is_uppercase) || is_one_of(w, NAME_PARTICLES);
    if is_one_of(first, DEFINITE_DETERMINERS) || is_possessive(first) || !words.iter().all(capital)
    {
        return MentionKind::Definite(head_noun(&words));
    }
    name_parts(&words)
}

/// The last word before "of", "for", ... in lowercase ("spokesman").
pub(super) fn head_noun(words: &[&str]) -> String {
    let end = words
        .iter()
        .skip(1)
        .position(|w| is_one_of(w, HEAD_ENDS))
        .map_or(words.len(), |p| p + 1);
    key(words[..end].last().copied().unwrap_or(""))
}

pub(super) fn key(word: &str) -> String {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

pub(super) fn name_parts(words: &[&str]) -> MentionKind {
    let surname = key(words.last().copied().unwrap_or(""));
    let before = &words[..words.len().saturating_sub(1)];
    let given = before
        .last()
        .filter(|w| !is_one_of(w, TITLES))
        .map(|w| key(w));
    let title_count = before.len() - usize::from(given.is_some());
    let titles = before[..title_count].iter().map(|w| key(w)).collect();
    MentionKind::Name {
        surname,
        given,
        titles,
    }
}

#[derive(Debug)]
pub(super) struct Entry {
    pub(super) speaker: Speaker,
    pub(super) heads: Vec<String>,
    pub(super) given: Option<String>,
    pub(super) words: usize,
}

/// The speakers of one article, built mention by mention in text order.
/// Lookups go through maps so that resolving stays linear in the mentions.
#[derive(Debug, Default)]
pub(super) struct SpeakerBook {
    pub(super) entries: Vec<Entry>,
    /// Per head noun (or surname, or title), the speaker it last named.
    pub(super) by_head: FxHashMap<String, usize>,
    /// Per surname, the named speakers, oldest first.
    pub(super) by_surname: FxHashMap<String, Vec<usize>>,
    pub(super) numbers: FxHashMap<String, usize>,
    pub(super) last: Option<usize>,
}

/// How many speakers sharing a surname are compared with a new name.
pub(super) const MAX_NAMESAKES: usize = 8;

impl SpeakerBook {
    pub(super) fn resolve(&mut self, text: &str, mention: Span) -> usize {
        let phrase = mention.of(text);
        let kind = classify_mention(phrase);
        let found = match &kind {
            MentionKind::Pronoun(_) => self.last,
            MentionKind::Definite(head) => self.by_head.get(head).copied(),
            MentionKind::Indefinite(_) => None,
            MentionKind::Name { surname, given, .. } => self.namesake(surname, given.as_deref()),
        };
        let index = found.unwrap_or_else(|| self.create(&kind, phrase, mention));
        self.update(index, &kind, phrase);
        index
    }

    /// The latest speaker with this surname and no other given name.
    pub(super) fn namesake(&self, surname: &str, given: Option<&str>) -> Option<usize> {
        let candidates = self.by_surname.get(surname)?;
        candidates
            .iter()
            .rev()
            .take(MAX_NAMESAKES)
            .copied()
            .find(|&i| {
                let known = self.entries[i].given.as_deref();
                known.is_none() || given.is_none() || known == given
            })
    }

    pub(super) fn create(&mut self, kind: &MentionKind, phrase: &str, mention: Span) -> usize {
        let head = match kind {
            MentionKind::Pronoun(h) | MentionKind::Indefinite(h) | MentionKind::Definite(h) => h,
            MentionKind::Name { surname, .. } => surname,
        };
        let number = self.numbers.entry(head.clone()).or_insert(0);
        *number += 1;
        let index = self.entries.len();
        if let MentionKind::Name { surname, .. } = kind {
            self.by_surname
                .entry(surname.clone())
                .or_default()
                .push(index);
        }
        self.entries.push(Entry {
            speaker: Speaker {
                id: format!("{head}-{number}"),
                description: normalize(phrase),
                first_mention: mention,
            },
            heads: vec![head.clone()],
            given: None,
            words: 0,
        });
        index
    }

    pub(super) fn update(&mut self, index: usize, kind: &MentionKind, phrase: &str) {
        let entry = &mut self.entries[index];
        if let MentionKind::Name { given, titles, .. } = kind {
            if entry.given.is_none() {
                entry.given.clone_from(given);
            }
            for title in titles {
                if !entry.heads.contains(title) {
                    entry.heads.push(title.clone());
                }
            }
        }
        let words = phrase.split_whitespace().count();
        if !matches!(kind, MentionKind::Pronoun(_)) && words > entry.words {
            entry.words = words;
            entry.speaker.description = normalize(phrase);
        }
        for head in &entry.heads {
            self.by_head.insert(head.clone(), index);
        }
        self.last = Some(index);
    }

    pub(super) fn into_speakers(self) -> Vec<Speaker> {
        self.entries.into_iter().map(|e| e.speaker).collect()
    }
}

pub(super) fn normalize(phrase: &str) -> String {
    phrase.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A quote of the article with the chain of its multi-paragraph quote.
#[derive(Debug)]
pub(super) struct Found {
    pub(super) quote: Quote,
    pub(super) chain: Option<usize>,
}

/// Resolves mentions to speakers, then gives unattributed quotes the speaker
/// of their multi-paragraph quote, or of the quote before them.
pub(super) fn resolve(text: &str, found: &mut [Found]) -> Vec<Speaker> {
    let mut mentions: Vec<Span> = found
        .iter()
        .filter_map(|f| f.quote.speaker_mention)
        .collect();
    mentions.sort_unstable();
    mentions.dedup();
    let mut book = SpeakerBook::default();
    let index: FxHashMap<Span, usize> = mentions
        .iter()
        .map(|&m| (m, book.resolve(text, m)))
        .collect();
    for f in found.iter_mut() {
        f.quote.speaker = f.quote.speaker_mention.and_then(|m| index.get(&m).copied());
    }
    share_along_chains(found);
    continue_speakers(found);
    book.into_speakers()
}

pub(super) fn share_along_chains(found: &mut [Found]) {
    let mut speakers: FxHashMap<usize, usize> = FxHashMap::default();
    for f in found.iter() {
        if let (Some(chain), Some(speaker)) = (f.chain, f.quote.speaker) {
            speakers.entry(chain).or_insert(speaker);
        }
    }
    for f in found.iter_mut().filter(|f| f.quote.speaker.is_none()) {
        f.quote.speaker = f.chain.and_then(|c| speakers.get(&c).copied());
    }
}

/// An unattributed quote continues the previous quote's speaker in its
/// paragraph, else the last speaker of the paragraph before.
pub(super) fn continue_speakers(found: &mut [Found]) {
    let mut paragraph = usize::MAX;
    let mut current: Option<usize> = None;
    let mut previous: Option<usize> = None;
    for f in found.iter_mut() {
        let quote = &mut f.quote;
        if quote.paragraph != paragraph {
            previous = if quote.paragraph == paragraph.wrapping_add(1) {
                current
            } else {
                None
            };
            paragraph = quote.paragraph;
            current = None;
        }
        if quote.speaker.is_none() && quote.paragraph > 0 && quote.kind != QuoteKind::Scare {
            quote.speaker = current.or(previous);
        }
        current = quote.speaker.or(current);
    }
}
