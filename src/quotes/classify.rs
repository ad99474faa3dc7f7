//! Speaker mentions classified: what the noun phrase next to a cue says
//! about its speaker. A pronoun, a name (its surname, given name, titles,
//! and the person's name as written, with capitalised descriptions,
//! employers, places and headline words before it left out), or a
//! description by its head noun; with the gender and number it shows.

use super::cues::Cues;
use super::mentions::{is_possessive, strip_possessive};
use super::words::{
    DEFINITE, DETERMINER, FEMALE, GROUP, HEAD_END, INDEFINITE, MALE, NAME_PARTICLE, PARTICIPLE,
    PREPOSITION, PRONOUN, PROXY_WORDS, STOP, TIME_WORD, TITLE,
};
use crate::actors::PersonNames;
use crate::types::Gender;

/// What a mention says about its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum MentionKind {
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
pub(super) struct Mention {
    pub(super) kind: MentionKind,
    pub(super) gender: Option<Gender>,
    pub(super) plural: bool,
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
pub(super) fn classify_mention(mention: &str, cues: &Cues) -> Mention {
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
    // "Ted Cruz Hints Trump", "Marine Le Pen Backs Trump": a verb inside a
    // run of capitals is a title-case headline, not a name.
    let headline = (first + 1..last)
        .any(|i| cues.is_cue_word(w[i]) || HEADLINE_VERBS.contains(&key(w[i]).as_str()));
    let person = (given.is_some() || titled) && !body && !place && !headline;
    Some(MentionKind::Name {
        surname: key(w[last]),
        given,
        titles,
        written: person.then(|| written_name(&w[first..])),
    })
}

/// Where a person's name starts in the capitalised words `from..=last`:
/// after the last possessive ("MSNBC's Chris Matthews") or capitalised
/// grammar word of a headline ("Big Win For Bernie"), after the last
/// description ("Billionaire Mark Cuban", "Ranking Democrat Dianne
/// Feinstein") unless only the surname follows it, and at the first given
/// name of the list that two or more capitalised words precede ("Benghazi
/// Widow Dorothy Woods", "Maricopa County Recorder Helen Purcell").
fn name_start(words: &Words, from: usize, last: usize, cues: &Cues) -> usize {
    let w = &words.words;
    let grammar =
        |i: usize| words.is(i, STOP | DETERMINER | PREPOSITION) && !words.is(i, NAME_PARTICLE);
    let cut = (from..last)
        .rev()
        .find(|&i| is_possessive(w[i]) || grammar(i))
        .map_or(from, |i| i + 1);
    let described = match (cut..last)
        .rev()
        .find(|&i| DESCRIPTIONS.contains(&key(w[i]).as_str()))
    {
        Some(i) if i + 1 < last => i + 1,
        _ => cut,
    };
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

/// Verbs of title-case headlines that are no verbs of speech ("Trump
/// Addresses Munich Attack", "Clinton Cash Debunks Hillary"), and no
/// surnames.
const HEADLINE_VERBS: &[&str] = &[
    "addresses",
    "attacks",
    "backs",
    "debunks",
    "defends",
    "endorses",
    "explains",
    "mocks",
    "praises",
    "rips",
    "slams",
    "targets",
    "thanks",
    "trolls",
];

/// Nouns that end the name of a body, not of a person ("the Justice
/// Department", "the Tax Policy Center", "The New York Times", "General
/// Electric", where "General" is no title).
const INSTITUTION_NOUNS: &[&str] = &[
    "administration",
    "agency",
    "agreement",
    "alliance",
    "association",
    "bank",
    "board",
    "bureau",
    "campaign",
    "caucus",
    "center",
    "centre",
    "church",
    "club",
    "coalition",
    "command",
    "commission",
    "committee",
    "company",
    "corporation",
    "council",
    "court",
    "dynamics",
    "department",
    "electric",
    "federation",
    "forum",
    "foundation",
    "fund",
    "government",
    "group",
    "house",
    "institute",
    "journal",
    "league",
    "magazine",
    "ministry",
    "motors",
    "network",
    "news",
    "office",
    "organisation",
    "organization",
    "party",
    "post",
    "press",
    "project",
    "radio",
    "service",
    "society",
    "times",
    "tribune",
    "union",
    "university",
];

/// A word written in capitals throughout ("WHO", "STAT"): an acronym or a
/// heading, not a name; initials ("J.") are not.
fn shouted(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters > 1 && !word.chars().any(char::is_lowercase) && !is_initials(word)
}

/// A person's initials ("J.M." in "J.M. Berger", "E.J."): single letters
/// each followed by a period, and not the initials of a place or body.
fn is_initials(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() >= 4
        && bytes.len() % 2 == 0
        && bytes
            .chunks(2)
            .all(|pair| pair[0].is_ascii_uppercase() && pair[1] == b'.')
        && !PLACE_INITIALS.contains(&word)
}

/// Initials of places and bodies, which are no person's ("U.S. Steel").
const PLACE_INITIALS: &[&str] = &["U.S.", "U.N.", "U.K.", "E.U.", "D.C.", "N.Y.", "L.A."];

/// A name's words as written, without a closing possessive or the
/// punctuation around them ("Abe's" is "Abe").
pub(super) fn written_name(words: &[&str]) -> String {
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

pub(super) fn key(word: &str) -> String {
    strip_possessive(word)
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}
