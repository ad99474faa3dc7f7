//! Speakers: resolves speaker mentions to one speaker per person within an
//! article and carries speakers over to quotes without a cue of their own.
//!
//! Mentions are read in text order. A name continues the latest speaker
//! with that surname (and no other given name); a definite description
//! ("the official") the latest speaker with that head noun; an indefinite
//! one ("a senior official") always starts a new speaker; a pronoun goes
//! back to the most recent speaker it can stand for ("she" not to a man,
//! "they" to a group or a body, "it" to a body). A speaker named by
//! surname alone takes the full name the article writes for it ("Mr.
//! Trump" and "Donald J. Trump"); names joined by "and" are a group, and a
//! name after a proxy's description ("a spokesman for ...") is not the
//! speaker's.

use super::cues::Cues;
use super::mentions::{is_possessive, strip_possessive};
use super::words::{
    DEFINITE, DETERMINER, FEMALE, GROUP, HEAD_END, INDEFINITE, MALE, NAME_PARTICLE, PARTICIPLE,
    PREPOSITION, PRONOUN, PROXY_WORDS, STOP, TIME_WORD, TITLE,
};
use crate::actors::PersonNames;
use crate::types::{Gender, Quote, QuoteKind, Span, Speaker};
use rustc_hash::FxHashMap;

/// What a mention says about its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
enum MentionKind {
    /// "he", "she", "they", "it".
    Pronoun(String),
    /// "a senior official": always someone new.
    Indefinite(String),
    /// "the official", "officials", "the report": the latest speaker with
    /// this head noun, else someone new.
    Definite(String),
    /// "Shinzo Abe", "Mr. Trump", "campaign chairman Paul Manafort".
    Name {
        surname: String,
        given: Option<String>,
        titles: Vec<String>,
        /// A person's name as written, after the last title ("Paul
        /// Manafort"); none when the words name no person: no given name
        /// nor title ("China"), a determiner ("The White House") or a
        /// group noun ("EU Leaders").
        written: Option<String>,
    },
}

/// A classified mention with the gender and number it shows.
#[derive(Debug, Clone)]
struct Mention {
    kind: MentionKind,
    gender: Option<Gender>,
    plural: bool,
}

/// The words of a mention's noun phrase with their classes.
struct Words<'a> {
    words: Vec<&'a str>,
    classes: Vec<u32>,
}

impl<'a> Words<'a> {
    fn new(phrase: &'a str, cues: &Cues) -> Words<'a> {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let classes = words.iter().map(|w| cues.class_of(w)).collect();
        Words { words, classes }
    }

    fn is(&self, i: usize, class: u32) -> bool {
        self.classes.get(i).is_some_and(|c| c & class != 0)
    }
}

/// Classifies a mention by its noun phrase, without the apposition,
/// relative clause or parenthesis after it ("Smith, a spokesman"); a
/// description with a name apposed at its end is that person ("the party's
/// spokesman, Sarah Hughes").
fn classify_mention(mention: &str, cues: &Cues) -> Mention {
    let mut parts = mention.split([',', '(']);
    let core = parts.next().unwrap_or(mention);
    let apposed = parts.next().map(str::trim);
    let last_part = parts.next().is_none();
    let classified = classify_phrase(core, cues);
    match apposed.filter(|name| last_part && is_bare_name(name, cues)) {
        Some(name) if !matches!(classified.kind, MentionKind::Name { .. }) => {
            classify_phrase(&format!("{core} {name}"), cues)
        }
        _ => classified,
    }
}

/// A name alone: one to four capitalised words of letters (and the periods,
/// hyphens and apostrophes of names), no time word ("Sarah Hughes", not
/// "Monday" or "R-Ohio)").
fn is_bare_name(phrase: &str, cues: &Cues) -> bool {
    let words = Words::new(phrase, cues);
    let name_word = |(i, w): (usize, &&str)| {
        w.starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || ".-'\u{2019}".contains(c))
            && !words.is(i, TIME_WORD)
    };
    (1..=MAX_APPOSED_NAME_WORDS).contains(&words.words.len())
        && words.words.iter().enumerate().all(name_word)
}

/// Longest name apposed to a description.
const MAX_APPOSED_NAME_WORDS: usize = 4;

/// Classifies a noun phrase without apposition: a pronoun, a name closing
/// it, or a description by its head noun.
fn classify_phrase(core: &str, cues: &Cues) -> Mention {
    let words = Words::new(core, cues);
    let first = words.words.first().copied().unwrap_or("");
    // "Democratic candidates Hillary Clinton and Bernie Sanders" is a
    // group, not the last person named; "journalist and author Hiro Aida"
    // is one person.
    let coordinated = words
        .words
        .windows(2)
        .any(|w| matches!(w[1], "and" | "&") && w[0].starts_with(char::is_uppercase));
    let kind = if words.words.len() == 1 && words.is(0, PRONOUN) {
        MentionKind::Pronoun(first.to_lowercase())
    } else if let Some(name) = (!coordinated).then(|| name_at_end(&words, cues)).flatten() {
        name
    } else {
        let head = match coordinated {
            true => group_head(&words),
            false => head_noun(&words),
        };
        match words.is(0, INDEFINITE) {
            true => MentionKind::Indefinite(head),
            false => MentionKind::Definite(head),
        }
    };
    let gender = mention_gender(&kind, &words, cues);
    let plural = match &kind {
        MentionKind::Pronoun(p) => p == "they" || p == "we",
        MentionKind::Definite(head) | MentionKind::Indefinite(head) => {
            coordinated || is_plural(head)
        }
        MentionKind::Name { .. } => false,
    };
    Mention {
        kind,
        gender,
        plural,
    }
}

/// A name closing the phrase ("Paul Manafort" in "Trump campaign chairman
/// Paul Manafort"), with the titles before it; `None` when the phrase opens
/// with a determiner and no name of two words closes it, or when no
/// capitalised word closes it, or when the phrase is a group noun at a
/// sentence start ("Officials").
fn name_at_end(words: &Words, cues: &Cues) -> Option<MentionKind> {
    let w = &words.words;
    let capital = |i: usize| w[i].starts_with(char::is_uppercase) || words.is(i, NAME_PARTICLE);
    let run = (0..w.len()).rev().take_while(|&i| capital(i)).count();
    if w.len() == 1 && words.is(0, GROUP) {
        return None;
    }
    let determined =
        words.is(0, DEFINITE | INDEFINITE) || w.first().is_some_and(|f| is_possessive(f));
    let start = w.len() - run;
    let titled = start > 0 && words.is(start - 1, TITLE);
    if run == 0 || (determined && run < 2 && !titled) || speaks_for_another(words, start) {
        return None;
    }
    let last = w.len() - 1;
    let after_titles = (start..last)
        .rev()
        .find(|&i| words.is(i, TITLE))
        .map_or(start, |i| i + 1);
    let first = name_start(words, after_titles, last, cues);
    let given = (last > first && !words.is(last - 1, TITLE)).then(|| key(w[last - 1]));
    let titles = (0..last - usize::from(given.is_some()))
        .filter(|&i| words.is(i, TITLE))
        .map(|i| key(w[i]))
        .collect();
    let titled = after_titles > 0 && words.is(after_titles - 1, TITLE);
    let body = words.is(after_titles, DEFINITE | INDEFINITE)
        || words.is(last, GROUP)
        || INSTITUTION_NOUNS.contains(&key(w[last]).as_str())
        || w[first..].iter().any(|word| shouted(word));
    let place = words.is(last, TIME_WORD)
        || given
            .as_deref()
            .is_some_and(|g| PLACE_PREFIXES.contains(&g));
    let person = (given.is_some() || titled) && !body && !place;
    Some(MentionKind::Name {
        surname: key(w[last]),
        given,
        titles,
        written: person.then(|| written_name(&w[first..])),
    })
}

/// Where a person's name starts in the capitalised words `from..=last`:
/// after the last possessive ("MSNBC's Chris Matthews") or capitalised
/// grammar word of a headline ("Big Win For Bernie"), past descriptions
/// ("Billionaire Mark Cuban"), and at the first given name of the list
/// that two or more capitalised words precede ("Benghazi Widow Dorothy
/// Woods", "Maricopa County Recorder Helen Purcell").
fn name_start(words: &Words, from: usize, last: usize, cues: &Cues) -> usize {
    let w = &words.words;
    let grammar =
        |i: usize| words.is(i, STOP | DETERMINER | PREPOSITION) && !words.is(i, NAME_PARTICLE);
    let cut = (from..last)
        .rev()
        .find(|&i| is_possessive(w[i]) || grammar(i))
        .map_or(from, |i| i + 1);
    let described = (cut..last)
        .find(|&i| !DESCRIPTIONS.contains(&key(w[i]).as_str()))
        .unwrap_or(cut);
    match (described..last).find(|&i| cues.is_given_name(w[i])) {
        Some(given) if given >= described + MIN_WORDS_BEFORE_GIVEN => given,
        _ => described,
    }
}

/// How many capitalised words must precede a given name for the name to
/// start there: one may be a given name the list lacks ("Billie Jean
/// King", "Giovanni Maria Vian").
const MIN_WORDS_BEFORE_GIVEN: usize = 2;

/// First words of place names that read like a given name and surname
/// ("New Hampshire", "North Carolina").
const PLACE_PREFIXES: &[&str] = &[
    "new", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "san",
    "santa", "los", "las", "fort", "port", "saint", "st", "united", "upper", "lower",
];

/// Whether the name starting at `start` is someone the speaker speaks for
/// or is close to, after a proxy's description ("A spokesman for John
/// Smith", "Aides to Clinton"), so the phrase does not name the speaker.
/// An office before "of" or "for" is part of a title ("Secretary of State
/// John Kerry") and is no proxy.
fn speaks_for_another(words: &Words, start: usize) -> bool {
    (1..start)
        .any(|h| words.is(h, HEAD_END) && PROXY_WORDS.contains(&key(words.words[h - 1]).as_str()))
}

/// The gender a mention shows: by its pronoun, its given name, or a word
/// like "Mrs." or "spokesman".
fn mention_gender(kind: &MentionKind, words: &Words, cues: &Cues) -> Option<Gender> {
    match kind {
        MentionKind::Pronoun(p) => {
            return match p.as_str() {
                "he" => Some(Gender::Male),
                "she" => Some(Gender::Female),
                _ => None,
            }
        }
        MentionKind::Name {
            given: Some(given), ..
        } => {
            if let Some(g) = cues.gender_of(given) {
                return Some(g);
            }
        }
        _ => {}
    }
    (0..words.words.len()).find_map(|i| {
        if words.is(i, MALE) {
            Some(Gender::Male)
        } else if words.is(i, FEMALE) {
            Some(Gender::Female)
        } else {
            None
        }
    })
}

fn is_plural(head: &str) -> bool {
    head.len() > 3 && head.ends_with('s') && !head.ends_with("ss")
}

/// The last word before "of", "for", ... or a participle, in lowercase
/// ("spokesman", "poll" in "a poll taken last week").
fn head_noun(words: &Words) -> String {
    let w = &words.words;
    let participle = |i: usize| {
        w[i].starts_with(char::is_lowercase) && (w[i].ends_with("ed") || words.is(i, PARTICIPLE))
    };
    let end = (1..w.len())
        .find(|&i| words.is(i, HEAD_END) || participle(i))
        .unwrap_or(w.len());
    key(w[..end].last().copied().unwrap_or(""))
}

/// The head noun of a coordination ("candidates" in "presidential
/// candidates like Donald Trump and Bernie Sanders"), or "group" when the
/// head would be one of the names ("Ruth Mills and Tom Hale"), so that a
/// later "Hale said" is Hale alone.
fn group_head(words: &Words) -> String {
    let head = head_noun(words);
    let named = words
        .words
        .iter()
        .any(|w| w.starts_with(char::is_uppercase) && key(w) == head);
    if named {
        "group".to_string()
    } else {
        head
    }
}

/// Words that describe a person before their name, capitalised at a
/// sentence start or in a headline, and are no part of it.
const DESCRIPTIONS: &[&str] = &[
    "actor",
    "actress",
    "alderman",
    "anchor",
    "author",
    "billionaire",
    "businessman",
    "businesswoman",
    "candidate",
    "co-moderator",
    "comedian",
    "counsel",
    "democrat",
    "even",
    "filmmaker",
    "host",
    "journalist",
    "moderator",
    "officer",
    "pastor",
    "rabbi",
    "representative",
    "republican",
    "rival",
    "sheriff",
    "singer",
    "staff",
];

/// Nouns that end the name of a body, not of a person ("the Justice
/// Department", "the Tax Policy Center", "The New York Times").
const INSTITUTION_NOUNS: &[&str] = &[
    "administration",
    "agency",
    "association",
    "bureau",
    "campaign",
    "center",
    "centre",
    "church",
    "commission",
    "committee",
    "council",
    "court",
    "department",
    "foundation",
    "government",
    "group",
    "house",
    "institute",
    "ministry",
    "network",
    "news",
    "office",
    "organisation",
    "organization",
    "party",
    "post",
    "service",
    "times",
    "union",
    "university",
];

/// A word written in capitals throughout ("WHO", "STAT"): an acronym or a
/// heading, not a name; initials ("J.") are not.
fn shouted(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters > 1 && !word.chars().any(char::is_lowercase)
}

/// A name's words as written, without a closing possessive or the
/// punctuation around them ("Abe's" is "Abe").
fn written_name(words: &[&str]) -> String {
    let last = words.len().saturating_sub(1);
    let trimmed: Vec<&str> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let w = if i == last { strip_possessive(w) } else { w };
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
        })
        .filter(|w| !w.is_empty())
        .collect();
    trimmed.join(" ")
}

fn key(word: &str) -> String {
    strip_possessive(word)
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

#[derive(Debug)]
struct Entry {
    speaker: Speaker,
    heads: Vec<String>,
    given: Option<String>,
    gender: Option<Gender>,
    /// The gender comes from a pronoun only ("she said"), which a name or
    /// title ("Donald", "Mrs.") overrides.
    gender_by_pronoun: bool,
    plural: bool,
    named: bool,
    /// The surname of the speaker's named mentions, if any.
    surname: Option<String>,
    words: usize,
    /// The speaker's name so far comes from a headline, whose words are
    /// all capitalised ("Ted Cruz Hints Trump"): any name in the body wins
    /// over it.
    named_in_headline: bool,
}

impl Entry {
    /// How well a pronoun fits this speaker: 2 for a sure fit ("she" and a
    /// woman, "they" and a group), 1 for a possible one ("she" and someone
    /// of unknown gender, "they" and a body), 0 for none.
    fn fit(&self, pronoun: &Mention) -> u8 {
        let MentionKind::Pronoun(p) = &pronoun.kind else {
            return 0;
        };
        match p.as_str() {
            "he" | "she" if self.plural => 0,
            "he" | "she" if self.gender.is_none() => 1,
            "he" | "she" => 2 * u8::from(self.gender == pronoun.gender),
            "they" if self.plural => 2,
            "they" => u8::from(!self.named),
            "it" => u8::from(!self.named && !self.plural && self.gender.is_none()),
            _ => 1,
        }
    }
}

/// The speakers of one article, built mention by mention in text order.
/// Lookups go through maps so that resolving stays linear in the mentions.
#[derive(Debug, Default)]
struct SpeakerBook {
    entries: Vec<Entry>,
    /// Per head noun (or surname, or title), the speaker it last named.
    by_head: FxHashMap<String, usize>,
    /// Per surname, the named speakers, oldest first.
    by_surname: FxHashMap<String, Vec<usize>>,
    numbers: FxHashMap<String, usize>,
    /// Speakers by their last mention, latest last.
    recent: Vec<usize>,
}

/// How many speakers sharing a surname are compared with a new name.
const MAX_NAMESAKES: usize = 8;
/// How many recent speakers a pronoun may go back to.
const MAX_PRONOUN_REACH: usize = 6;

impl SpeakerBook {
    /// The speaker a mention stands for; `headline` when the mention is in
    /// the headline.
    fn resolve(&mut self, text: &str, mention: Span, headline: bool, cues: &Cues) -> usize {
        let phrase = mention.of(text);
        let m = classify_mention(phrase, cues);
        let found = match &m.kind {
            MentionKind::Pronoun(_) => self.antecedent(&m),
            MentionKind::Definite(head) => self.by_head.get(head).copied(),
            MentionKind::Indefinite(_) => None,
            MentionKind::Name { surname, given, .. } => {
                self.namesake(surname, given.as_deref()).or_else(|| {
                    self.by_head
                        .get(surname)
                        .copied()
                        .filter(|_| given.is_none())
                })
            }
        };
        let index = found.unwrap_or_else(|| self.create(&m, phrase, mention));
        self.update(index, &m, phrase, headline);
        index
    }

    /// The speaker a pronoun stands for when the sentence before it names
    /// that person (`name`) but not as a speaker: resolved as the name,
    /// then updated with the pronoun.
    fn resolve_as(&mut self, text: &str, name: Span, pronoun: Span, cues: &Cues) -> usize {
        let index = self.resolve(text, name, false, cues);
        let phrase = pronoun.of(text);
        self.update(index, &classify_mention(phrase, cues), phrase, false);
        index
    }

    /// The most recent speaker a pronoun may stand for ("they" looks for a
    /// group first), else the most recent one; none for "he" or "she" when
    /// no recent speaker can be a person of that gender (a new speaker).
    fn antecedent(&self, pronoun: &Mention) -> Option<usize> {
        let recent = || self.recent.iter().rev().take(MAX_PRONOUN_REACH).copied();
        let fitting = |level: u8| recent().find(|&i| self.entries[i].fit(pronoun) >= level);
        let group = (pronoun.kind == MentionKind::Pronoun("they".to_string()))
            .then(|| fitting(2))
            .flatten();
        let gendered = pronoun.gender.is_some();
        group
            .or_else(|| fitting(1))
            .or_else(|| self.recent.last().copied().filter(|_| !gendered))
    }

    /// The latest speaker with this surname and no other given name.
    fn namesake(&self, surname: &str, given: Option<&str>) -> Option<usize> {
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

    fn create(&mut self, m: &Mention, phrase: &str, mention: Span) -> usize {
        let head = match &m.kind {
            MentionKind::Pronoun(h) | MentionKind::Indefinite(h) | MentionKind::Definite(h) => h,
            MentionKind::Name { surname, .. } => surname,
        };
        let number = self.numbers.entry(head.clone()).or_insert(0);
        *number += 1;
        let index = self.entries.len();
        if let MentionKind::Name { surname, .. } = &m.kind {
            self.by_surname
                .entry(surname.clone())
                .or_default()
                .push(index);
        }
        self.entries.push(Entry {
            speaker: Speaker {
                id: format!("{head}-{number}"),
                description: describe(phrase),
                first_mention: mention,
                gender: None,
                name: None,
            },
            heads: vec![head.clone()],
            given: None,
            gender: None,
            gender_by_pronoun: false,
            plural: m.plural,
            named: matches!(m.kind, MentionKind::Name { .. }),
            surname: None,
            words: 0,
            named_in_headline: false,
        });
        index
    }

    fn update(&mut self, index: usize, m: &Mention, phrase: &str, headline: bool) {
        let entry = &mut self.entries[index];
        let by_pronoun = matches!(m.kind, MentionKind::Pronoun(_));
        if m.gender.is_some() && (entry.gender.is_none() || entry.gender_by_pronoun && !by_pronoun)
        {
            entry.gender = m.gender;
            entry.gender_by_pronoun = by_pronoun;
        }
        match &m.kind {
            MentionKind::Name {
                surname,
                given,
                titles,
                written,
            } => {
                entry.named = true;
                if entry.surname.is_none() {
                    entry.surname = Some(surname.clone());
                }
                if let Some(written) = written {
                    let fuller = |known: &String| {
                        written.split_whitespace().count() > known.split_whitespace().count()
                    };
                    let replaces = match entry.speaker.name.as_ref() {
                        None => true,
                        Some(known) if entry.named_in_headline => !headline || fuller(known),
                        Some(known) => !headline && fuller(known),
                    };
                    if replaces {
                        entry.speaker.name = Some(written.clone());
                        entry.named_in_headline = headline;
                    }
                }
                if entry.given.is_none() {
                    entry.given.clone_from(given);
                }
                for title in titles {
                    if !entry.heads.contains(title) {
                        entry.heads.push(title.clone());
                    }
                }
            }
            MentionKind::Definite(head) | MentionKind::Indefinite(head) => {
                if !entry.heads.contains(head) {
                    entry.heads.push(head.clone());
                }
            }
            MentionKind::Pronoun(_) => {}
        }
        let description = describe(phrase);
        let words = description.split_whitespace().count();
        if !matches!(m.kind, MentionKind::Pronoun(_)) && words > entry.words {
            entry.words = words;
            entry.speaker.description = description;
        }
        for head in &entry.heads {
            match self.by_head.get_mut(head) {
                Some(latest) => *latest = index,
                None => {
                    self.by_head.insert(head.clone(), index);
                }
            }
        }
        self.recent.retain(|&i| i != index);
        self.recent.push(index);
        if self.recent.len() > 2 * MAX_PRONOUN_REACH {
            self.recent.drain(..MAX_PRONOUN_REACH);
        }
    }

    /// The speakers, a name written as a surname alone ("Mr. Trump",
    /// "Gorka") completed from the full names the article writes (the text
    /// is read only when some speaker goes by a surname alone).
    fn into_speakers(self, text: &str, cues: &Cues) -> Vec<Speaker> {
        let bare = |e: &Entry| {
            let one_word = e.speaker.name.as_deref().is_none_or(|n| !n.contains(' '));
            one_word && e.given.is_none()
        };
        let surnames: Vec<&str> = self
            .entries
            .iter()
            .filter(|e| bare(e))
            .filter_map(|e| e.surname.as_deref())
            .collect();
        let full_names = FullNames::in_text(text, &surnames, cues);
        self.entries
            .into_iter()
            .map(|e| {
                let full = match (&e.surname, bare(&e)) {
                    (Some(surname), true) => full_names.of(surname, e.gender, cues),
                    _ => None,
                };
                let given_gender = full.as_deref().and_then(|name| gender_of_name(name, cues));
                let gender = match e.gender_by_pronoun || e.gender.is_none() {
                    true => given_gender.or(e.gender),
                    false => e.gender,
                };
                Speaker {
                    gender,
                    name: full.or(e.speaker.name),
                    ..e.speaker
                }
            })
            .collect()
    }
}

/// A mention as a description: its words on one line, without a relative
/// clause after a comma ("Germany, whose carmakers sell in China" is
/// "Germany").
fn describe(phrase: &str) -> String {
    let mut words: Vec<&str> = Vec::new();
    for word in phrase.split_whitespace() {
        let relative = words.last().is_some_and(|w| w.ends_with(',')) && is_relative_pronoun(word);
        if relative {
            let last = words.pop().unwrap_or("");
            words.push(last.trim_end_matches(','));
            break;
        }
        words.push(word);
    }
    words.join(" ")
}

fn is_relative_pronoun(word: &str) -> bool {
    ["who", "whose", "which"].contains(&word)
}

/// A quote of the article with the chain of its multi-paragraph quote.
#[derive(Debug)]
pub(super) struct Found {
    pub(super) quote: Quote,
    pub(super) chain: Option<usize>,
}

/// Resolves mentions to speakers, then gives unattributed quotes the speaker
/// of their multi-paragraph quote, or of the quote before them.
pub(super) fn resolve(
    text: &str,
    found: &mut [Found],
    sentence_starts: &[usize],
    cues: &Cues,
) -> Vec<Speaker> {
    let mut mentions: Vec<(Span, bool)> = found
        .iter()
        .filter_map(|f| Some((f.quote.speaker_mention?, f.quote.paragraph == 0)))
        .collect();
    mentions.sort_unstable();
    mentions.dedup_by_key(|(m, _)| *m);
    let mut book = SpeakerBook::default();
    let mut index: FxHashMap<Span, usize> = FxHashMap::default();
    for (k, &(m, headline)) in mentions.iter().enumerate() {
        let before = k.checked_sub(1).map(|j| mentions[j].0);
        let named = person_named_before(text, m, before, sentence_starts, cues);
        let speaker = match named {
            Some(name) => book.resolve_as(text, name, m, cues),
            None => book.resolve(text, m, headline, cues),
        };
        index.insert(m, speaker);
    }
    for f in found.iter_mut() {
        f.quote.speaker = f.quote.speaker_mention.and_then(|m| index.get(&m).copied());
    }
    share_along_chains(found);
    continue_speakers(found);
    book.into_speakers(text, cues)
}

/// The person a sentence-opening "He" or "She" at `pronoun` stands for
/// when the sentence before names them but no speaker ("The German
/// chancellor, Olaf Scholz, was more cautious. He said ..."): the first
/// person named there by a given name or a title, if their gender is the
/// pronoun's or unknown ("President Viktor F. Yanukovych"). `None` when
/// the previous speaker mention (`before`) lies in that sentence, when the
/// same pronoun comes before the name there ("Then he turned to Marco
/// Rubio. He ..."), or when no such name is there.
fn person_named_before(
    text: &str,
    pronoun: Span,
    before: Option<Span>,
    sentence_starts: &[usize],
    cues: &Cues,
) -> Option<Span> {
    let gender = match pronoun.of(text) {
        "He" => Gender::Male,
        "She" => Gender::Female,
        _ => return None,
    };
    let k = sentence_starts.binary_search(&pronoun.start).ok()?;
    let from = *sentence_starts.get(k.checked_sub(1)?)?;
    if before.is_some_and(|b| b.start >= from) {
        return None;
    }
    let window = Span::new(from, pronoun.start);
    let (run, m) = capitalised_runs(text, window)
        .map(|run| (run, classify_mention(run.of(text), cues)))
        .find(|(_, m)| shows_a_person(m))?;
    let lower = pronoun.of(text).to_lowercase();
    let pronoun_before = Span::new(from, run.start)
        .of(text)
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.eq_ignore_ascii_case(&lower));
    (!pronoun_before && m.gender.is_none_or(|g| g == gender)).then_some(run)
}

/// A person's name with a given name of the list or a title (its gender
/// shown, or a title before it), not just any capitalised pair ("Wall
/// Street").
fn shows_a_person(m: &Mention) -> bool {
    match &m.kind {
        MentionKind::Name {
            written: Some(_),
            titles,
            ..
        } => m.gender.is_some() || !titles.is_empty(),
        _ => false,
    }
}

/// The runs of two or more capitalised words in `within`, in text order,
/// each ending at a comma, colon or semicolon and without the punctuation
/// at its ends ("Olaf Scholz").
fn capitalised_runs(text: &str, within: Span) -> impl Iterator<Item = Span> + '_ {
    let s = within.of(text);
    let words = s
        .split_whitespace()
        .map(move |w| {
            let start = within.start + (w.as_ptr() as usize - s.as_ptr() as usize);
            Span::new(start, start + w.len())
        })
        .collect::<Vec<_>>();
    let capital = |w: &Span| w.of(text).starts_with(char::is_uppercase);
    let closes = |w: &Span| w.of(text).ends_with([',', ';', ':']);
    let mut runs = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let capitals = words[i..].iter().take_while(|w| capital(w)).count();
        let n = words[i..i + capitals]
            .iter()
            .position(closes)
            .map_or(capitals, |p| p + 1);
        if n >= 2 {
            let run = Span::new(words[i].start, words[i + n - 1].end);
            runs.push(trim_punctuation(text, run));
        }
        i += n.max(1);
    }
    runs.into_iter()
}

/// `span` without the punctuation and possessive at its ends.
fn trim_punctuation(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let trimmed = s.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
    let start = span.start + (s.len() - s.trim_start_matches(|c: char| !c.is_alphanumeric()).len());
    Span::new(
        start,
        start + strip_possessive(trimmed.trim_end_matches('.')).len(),
    )
}

/// The full names an article writes for the surnames its speakers go by
/// ("Donald J. Trump", "Sebastian Gorka": a given name of the list, any
/// initials, the capitalised surname), by the surname's key.
#[derive(Debug, Default)]
struct FullNames(FxHashMap<String, Vec<String>>);

impl FullNames {
    /// The full names written with the given `surnames` (keys). One pass
    /// over the words, keeping the last few for a surname to look back on.
    fn in_text(text: &str, surnames: &[&str], cues: &Cues) -> FullNames {
        let mut names: FxHashMap<String, Vec<String>> = FxHashMap::default();
        if surnames.is_empty() {
            return FullNames(names);
        }
        let mut before = WordsBefore::default();
        for word in text.split_whitespace() {
            if word.starts_with(char::is_uppercase) {
                let surname =
                    strip_possessive(word.trim_end_matches(|c: char| !c.is_alphanumeric()));
                if surnames.iter().any(|s| s.eq_ignore_ascii_case(surname)) {
                    if let Some(name) = before.full_name(surname, cues) {
                        let known = names.entry(key(surname)).or_default();
                        if !known.contains(&name) {
                            known.push(name);
                        }
                    }
                }
            }
            before.push(word);
        }
        FullNames(names)
    }

    /// The one full name the article writes for `surname`, or the one of
    /// them whose given name shows the speaker's gender.
    fn of(&self, surname: &str, gender: Option<Gender>, cues: &Cues) -> Option<String> {
        let names = self.0.get(surname)?;
        let fits = |name: &&String| gender.is_some() && gender_of_name(name, cues) == gender;
        match names.as_slice() {
            [one] => Some(one.clone()),
            _ => match names.iter().filter(fits).collect::<Vec<_>>().as_slice() {
                [one] => Some((*one).clone()),
                _ => None,
            },
        }
    }
}

/// The last words read, latest last: enough for a given name and two
/// initials before a surname.
#[derive(Default)]
struct WordsBefore<'t> {
    words: [&'t str; 3],
}

impl<'t> WordsBefore<'t> {
    fn push(&mut self, word: &'t str) {
        self.words.rotate_left(1);
        self.words[2] = word;
    }

    /// "Donald J. Trump" when the words before `surname` are a given name
    /// of the list and any initials.
    fn full_name(&self, surname: &str, cues: &Cues) -> Option<String> {
        let initials = self
            .words
            .iter()
            .rev()
            .take_while(|w| is_initial(w))
            .count();
        let first = self.words.len().checked_sub(initials + 1)?;
        let given = self.words[first].trim_start_matches(|c: char| !c.is_alphanumeric());
        if given.ends_with(',') || !cues.is_given_name(given.trim_end_matches('.')) {
            return None;
        }
        let mut parts = vec![given];
        parts.extend(&self.words[first + 1..]);
        parts.push(surname);
        Some(written_name(&parts).trim_end_matches('.').to_string())
    }
}

/// The gender the given name of a full name shows ("Hillary Clinton").
fn gender_of_name(name: &str, cues: &Cues) -> Option<Gender> {
    let given = name.split(' ').next().unwrap_or("");
    cues.gender_of(&given.to_lowercase())
}

/// "J." in "Donald J. Trump".
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
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

/// A quotation without a speaker continues the previous quote's speaker in
/// its paragraph, else the last speaker of the paragraph before (reported
/// speech has its own cue, and an impersonal one has nobody).
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
        let marked = matches!(
            quote.kind,
            QuoteKind::Direct | QuoteKind::Partial | QuoteKind::Unbalanced
        );
        if quote.speaker.is_none() && quote.paragraph > 0 && marked {
            quote.speaker = current.or(previous);
        }
        current = quote.speaker.or(current);
    }
}
