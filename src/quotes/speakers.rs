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

use super::classify::{classify_mention, key, written_name, Mention, MentionKind};
use super::cues::Cues;
use super::mentions::strip_possessive;
use super::words::TITLE;
use crate::actors::PersonNames;
use crate::types::{Gender, Quote, QuoteKind, Span, Speaker};
use rustc_hash::FxHashMap;

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
    /// Whether the speaker goes by a surname alone, with no given name.
    fn is_bare(&self) -> bool {
        let one_word = self
            .speaker
            .name
            .as_deref()
            .is_none_or(|n| !n.contains(' '));
        one_word && self.given.is_none()
    }

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
    /// The gender of the one full name the article writes for a surname
    /// ("Tom Ebeling" for "Ebeling"), for speakers named by surname alone.
    surname_genders: FxHashMap<String, Gender>,
}

/// How many speakers sharing a surname are compared with a new name.
const MAX_NAMESAKES: usize = 8;
/// How many recent speakers a pronoun may go back to.
const MAX_PRONOUN_REACH: usize = 6;

impl SpeakerBook {
    /// The speaker a mention stands for; `headline` when the mention is in
    /// the headline.
    fn resolve(&mut self, text: &str, mention: Span, m: &Mention, headline: bool) -> usize {
        let phrase = mention.of(text);
        let found = match &m.kind {
            MentionKind::Pronoun(_) => self.antecedent(m),
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
        let index = found.unwrap_or_else(|| self.create(m, phrase, mention));
        self.update(index, m, headline);
        if !matches!(m.kind, MentionKind::Pronoun(_)) {
            self.describe(index, phrase);
        }
        index
    }

    /// The speaker a pronoun stands for when the sentence before it names
    /// that person (`name`) but not as a speaker: resolved as the name,
    /// then updated with the pronoun.
    fn resolve_as(&mut self, text: &str, name: Span, pronoun: &Mention, cues: &Cues) -> usize {
        let named = classify_mention(name.of(text), cues);
        let index = self.resolve(text, name, &named, false);
        self.update(index, pronoun, false);
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

    /// Records what the mention `m` says of speaker `index` (gender, name,
    /// titles, head nouns) and makes it the most recent speaker.
    fn update(&mut self, index: usize, m: &Mention, headline: bool) {
        let entry = &mut self.entries[index];
        let by_pronoun = matches!(m.kind, MentionKind::Pronoun(_));
        let gender = match &m.kind {
            MentionKind::Name {
                surname,
                given: None,
                ..
            } => m
                .gender
                .or_else(|| self.surname_genders.get(surname).copied()),
            _ => m.gender,
        };
        if gender.is_some() && (entry.gender.is_none() || entry.gender_by_pronoun && !by_pronoun) {
            entry.gender = gender;
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

    /// Keeps `phrase`, a description of the speaker, when it says more
    /// than the one kept so far.
    fn describe(&mut self, index: usize, phrase: &str) {
        let entry = &mut self.entries[index];
        let description = describe(phrase);
        let words = description.split_whitespace().count();
        if words > entry.words {
            entry.words = words;
            entry.speaker.description = description;
        }
    }

    /// The surnames of the speakers named by surname alone.
    fn bare_surnames(&self) -> impl Iterator<Item = &str> {
        self.entries
            .iter()
            .filter(|e| e.is_bare())
            .filter_map(|e| e.surname.as_deref())
    }

    /// The speakers, a name written as a surname alone ("Mr. Trump",
    /// "Gorka") completed from the full names the article writes.
    fn into_speakers(self, full_names: &FullNames, cues: &Cues) -> Vec<Speaker> {
        self.entries
            .into_iter()
            .map(|e| {
                let full = match (&e.surname, e.is_bare()) {
                    (Some(surname), true) => {
                        let person = e.speaker.name.is_some();
                        full_names.of(surname, e.gender, person, cues)
                    }
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
    let classified: Vec<Mention> = mentions
        .iter()
        .map(|&(m, _)| classify_mention(m.of(text), cues))
        .collect();
    let surnames = surnames_alone(&classified);
    let full_names = FullNames::in_text(text, &surnames, cues);
    let mut book = SpeakerBook {
        surname_genders: full_names.genders(cues),
        ..SpeakerBook::default()
    };
    let mut index: FxHashMap<Span, usize> = FxHashMap::default();
    for (k, (&(m, headline), mention)) in mentions.iter().zip(&classified).enumerate() {
        let before = k.checked_sub(1).map(|j| mentions[j].0);
        let named = person_named_before(text, m, before, sentence_starts, cues);
        let speaker = match named {
            Some(name) => book.resolve_as(text, name, mention, cues),
            None => book.resolve(text, m, mention, headline),
        };
        index.insert(m, speaker);
    }
    for f in found.iter_mut() {
        f.quote.speaker = f.quote.speaker_mention.and_then(|m| index.get(&m).copied());
    }
    share_along_chains(found);
    continue_speakers(found);
    // A speaker resolved from a name outside the mentions ("Mr. Cruz ...
    // He said") may go by a surname the first reading did not look for.
    let late: Vec<String> = book
        .bare_surnames()
        .filter(|s| surnames.binary_search(s).is_err())
        .map(String::from)
        .collect();
    let full_names = match late.is_empty() {
        true => full_names,
        false => {
            let all: Vec<&str> = surnames
                .iter()
                .copied()
                .chain(late.iter().map(String::as_str))
                .collect();
            FullNames::in_text(text, &all, cues)
        }
    };
    book.into_speakers(&full_names, cues)
}

/// The surnames that mentions give alone ("Ebeling said"), sorted, once
/// each.
fn surnames_alone(mentions: &[Mention]) -> Vec<&str> {
    let mut surnames: Vec<&str> = mentions
        .iter()
        .filter_map(|m| match &m.kind {
            MentionKind::Name {
                surname,
                given: None,
                ..
            } => Some(surname.as_str()),
            _ => None,
        })
        .collect();
    surnames.sort_unstable();
    surnames.dedup();
    surnames
}

/// The person a sentence-opening "He" or "She" at `pronoun` stands for
/// when the sentence before names them but no speaker ("The German
/// chancellor, Olaf Scholz, was more cautious. He said ..."): the first
/// person named there by a given name or a title, if their gender is the
/// pronoun's or unknown ("President Viktor F. Yanukovych"). `None` when
/// the previous speaker mention (`before`) lies in that sentence, when the
/// same pronoun comes before the name there ("Then he turned to Marco
/// Rubio. He ..."), or when no such name is there. When that sentence
/// opens with a person's surname alone, the subject, the pronoun is that
/// person ("Carson brought in Bob Dees. He ..." is Carson:
/// `surname_subject`).
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
    if let Some(subject) = surname_subject(text, Span::new(from, run.start), gender, cues) {
        return Some(subject);
    }
    let lower = pronoun.of(text).to_lowercase();
    let pronoun_before = Span::new(from, run.start)
        .of(text)
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.eq_ignore_ascii_case(&lower));
    (!pronoun_before && m.gender.is_none_or(|g| g == gender)).then_some(run)
}

/// How far back (bytes) `surname_subject` looks for a full name, so that a
/// long document is not read again for every pronoun.
const FULL_NAME_REACH: usize = 20_000;

/// The surname alone that opens `opening` (the start of a sentence, up to
/// the first name in it) and is followed by a lower-case word: the
/// sentence's subject, when the text before (up to `FULL_NAME_REACH`)
/// writes it after a given name ("Ben Carson") of the pronoun's gender or
/// of none known.
fn surname_subject(text: &str, opening: Span, gender: Gender, cues: &Cues) -> Option<Span> {
    let words = opening.of(text);
    let start = words.find(|c: char| c.is_alphabetic())?;
    let length = words[start..]
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(words.len() - start);
    let surname = &words[start..start + length];
    let next = words[start + length..]
        .trim_start()
        .split(' ')
        .next()
        .unwrap_or("");
    let one_word_subject = next.starts_with(char::is_lowercase) && !cues.is_title(surname);
    if !one_word_subject || !surname.starts_with(char::is_uppercase) || cues.is_given_name(surname)
    {
        return None;
    }
    let mut from = opening.start.saturating_sub(FULL_NAME_REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut before = text[from..opening.start].split_whitespace().peekable();
    let mut given_name = None;
    while let Some(word) = before.next() {
        let at_surname = before
            .peek()
            .map(|w| w.trim_end_matches(|c: char| !c.is_alphabetic()));
        if at_surname == Some(surname) && cues.is_given_name(word) {
            given_name = Some(word);
        }
    }
    let fits = cues
        .gender_of(&given_name?.to_lowercase())
        .is_none_or(|g| g == gender);
    fits.then_some(Span::new(
        opening.start + start,
        opening.start + start + length,
    ))
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
    let inner = s.trim_matches(|c: char| !c.is_alphanumeric());
    let start = span.start + (s.len() - s.trim_start_matches(|c: char| !c.is_alphanumeric()).len());
    Span::new(start, start + strip_possessive(inner).len())
}

/// The full names an article writes for the surnames its speakers go by
/// ("Donald J. Trump", "Sebastian Gorka": a given name of the list, any
/// initials, the capitalised surname), by the surname's key; and, for a
/// surname with none of those, the names whose given name the list lacks
/// ("Melba Acosta": a plain capitalised word before the surname).
#[derive(Debug, Default)]
struct FullNames {
    listed: FxHashMap<String, Vec<String>>,
    unlisted: FxHashMap<String, Vec<String>>,
}

/// Adds `name` to the names known for `surname`, once. Names with the
/// same given name are one person's ("Hillary Rodham Clinton" and
/// "Hillary Clinton", "Donald J. Trump" and "Donald Trump"): the fullest
/// stands for them.
fn add_name(names: &mut FxHashMap<String, Vec<String>>, surname: &str, name: String) {
    let known = names.entry(key(surname)).or_default();
    match known
        .iter_mut()
        .find(|k| given_name(k) == given_name(&name))
    {
        Some(k) if name.len() > k.len() => *k = name,
        Some(_) => {}
        None => known.push(name),
    }
}

impl FullNames {
    /// The gender of the one full name written for each surname that has
    /// exactly one ("Tom Ebeling" for "ebeling"), so that a pronoun can
    /// tell speakers named by surname apart before the names are completed.
    fn genders(&self, cues: &Cues) -> FxHashMap<String, Gender> {
        self.listed
            .iter()
            .filter_map(|(surname, names)| match names.as_slice() {
                [one] => Some((surname.clone(), gender_of_name(one, cues)?)),
                _ => None,
            })
            .collect()
    }

    /// The full names written with the given `surnames` (keys). One pass
    /// over the words, keeping the last few for a surname to look back on.
    fn in_text(text: &str, surnames: &[&str], cues: &Cues) -> FullNames {
        let mut names = FullNames::default();
        if surnames.is_empty() {
            return names;
        }
        let mut before = WordsBefore::default();
        for word in text.split_whitespace() {
            if word.starts_with(char::is_uppercase) {
                let surname =
                    strip_possessive(word.trim_end_matches(|c: char| !c.is_alphanumeric()));
                if surnames.iter().any(|s| s.eq_ignore_ascii_case(surname)) {
                    if let Some(name) = before.full_name(surname, cues) {
                        add_name(&mut names.listed, surname, name);
                    } else if let Some(name) = before.unlisted_full_name(surname, cues) {
                        add_name(&mut names.unlisted, surname, name);
                    }
                }
            }
            before.push(word);
        }
        names
    }

    /// The one full name the article writes for `surname`, or the one of
    /// them whose given name shows the speaker's gender. A speaker known
    /// to be a person ("Ms. Acosta", not "Acosta said", which may be a
    /// body) may also take the one name with a given name the list lacks.
    fn of(
        &self,
        surname: &str,
        gender: Option<Gender>,
        person: bool,
        cues: &Cues,
    ) -> Option<String> {
        let Some(names) = self.listed.get(surname) else {
            return match self.unlisted.get(surname)?.as_slice() {
                [one] if person => Some(one.clone()),
                _ => None,
            };
        };
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
    /// of the list and any initials, or "Jim Yong Kim": a given name of
    /// the list and one middle name no list knows.
    fn full_name(&self, surname: &str, cues: &Cues) -> Option<String> {
        let initials = self
            .words
            .iter()
            .rev()
            .take_while(|w| is_initial(w))
            .count();
        let middle = usize::from(
            initials == 0
                && is_plain_capitalised(self.words[2], cues)
                && !cues.is_given_name(self.words[2]),
        );
        let first = self.words.len().checked_sub(initials + middle + 1)?;
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

impl WordsBefore<'_> {
    /// "Melba Acosta" when the word just before `surname` is a plain
    /// capitalised word (`is_plain_capitalised`) starting the name.
    fn unlisted_full_name(&self, surname: &str, cues: &Cues) -> Option<String> {
        let [_, previous, given] = self.words;
        let plain = is_plain_capitalised(given, cues);
        // Not the middle of a longer name ("Jim Yong Kim"): what comes
        // before is lower case, a title or the end of a clause.
        let starts_name = !previous.starts_with(char::is_uppercase)
            || cues.class_of(previous) & TITLE != 0
            || previous.ends_with(|c: char| ".,;:!?\"\u{201d}".contains(c));
        (plain && starts_name).then(|| format!("{given} {surname}"))
    }
}

/// A capitalised word that no list of the quotes stage knows: not a
/// title, grammar word, month or cue ("Ms.", "When", "Said"), not all
/// capitals, and not followed by punctuation.
fn is_plain_capitalised(word: &str, cues: &Cues) -> bool {
    word.len() > 1
        && word.starts_with(char::is_uppercase)
        && word.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
        && cues.class_of(word) == 0
        && !cues.is_cue_word(word)
}

/// The gender the given name of a full name shows ("Hillary Clinton").
fn gender_of_name(name: &str, cues: &Cues) -> Option<Gender> {
    cues.gender_of(&given_name(name).to_lowercase())
}

/// The first word of a full name ("Hillary" of "Hillary Rodham Clinton").
fn given_name(name: &str) -> &str {
    name.split(' ').next().unwrap_or("")
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
