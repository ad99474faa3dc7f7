//! Offices: who holds an office of a country or organisation on a date
//! (the `offices` column of the actor lexicon), and the office named with
//! a mention of that country ("the French president", "Japan's prime
//! minister", "the president of France"), so that the phrase counts as the
//! person holding it.

use crate::types::{ActorIdx, Span};
use rustc_hash::FxHashMap;

/// Phrases that name an office after a country (matched in any case), and
/// the office they name in the `offices` column.
const OFFICE_PHRASES: &[(&str, &str)] = &[
    ("chair", "chair"),
    ("chairman", "chair"),
    ("chairwoman", "chair"),
    ("chancellor", "chancellor"),
    ("chief", "chief"),
    ("crown prince", "crown prince"),
    ("defence minister", "defence minister"),
    ("defence secretary", "defence minister"),
    ("defense minister", "defence minister"),
    ("defense secretary", "defence minister"),
    ("director general", "director-general"),
    ("director-general", "director-general"),
    ("emir", "emir"),
    ("external affairs minister", "foreign minister"),
    ("foreign minister", "foreign minister"),
    ("foreign policy chief", "foreign minister"),
    ("foreign secretary", "foreign minister"),
    ("head", "chief"),
    ("king", "king"),
    ("leader", "leader"),
    ("managing director", "managing director"),
    ("premier", "prime minister"),
    ("president", "president"),
    ("prime minister", "prime minister"),
    ("queen", "queen"),
    ("secretary general", "secretary-general"),
    ("secretary of state", "foreign minister"),
    ("secretary-general", "secretary-general"),
    ("supreme leader", "supreme leader"),
    ("top diplomat", "foreign minister"),
    ("vice president", "vice president"),
    ("vice-president", "vice president"),
];

/// Words before the country that say the office holder is not the one in
/// office ("the former French president"), or not one person ("the first
/// American president to ...").
const NOT_THE_HOLDER: &[&str] = &[
    "deposed",
    "ex",
    "exiled",
    "first",
    "former",
    "future",
    "last",
    "late",
    "next",
    "ousted",
    "past",
    "possible",
    "potential",
    "previous",
    "then",
];
/// Words before "the" (or a possessive) that make the office a role
/// someone takes, not its holder ("to become the US president", "as
/// America's top diplomat").
const ROLE_TAKEN: &[&str] = &[
    "as", "be", "became", "become", "becomes", "becoming", "elected",
];
/// How many words may stand between "the" and the country ("the embattled
/// Turkish president").
const WORDS_AFTER_THE: usize = 3;

/// One office a person holds, with its dates when they differ from the
/// person's row (`name@from..to`; either bound may be empty).
#[derive(Debug, Clone, PartialEq)]
pub struct Office {
    pub name: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

impl Office {
    /// Reads `name` or `name@from..to`; None for a malformed range.
    pub fn parse(cell: &str) -> Option<Office> {
        let (name, range) = match cell.split_once('@') {
            Some((name, range)) => (name, Some(range.split_once("..")?)),
            None => (cell, None),
        };
        let bound = |b: &str| Some(b.trim().to_string()).filter(|b| !b.is_empty());
        let name = name.trim().to_lowercase();
        (!name.is_empty()).then(|| Office {
            name,
            from: range.and_then(|(from, _)| bound(from)),
            to: range.and_then(|(_, to)| bound(to)),
        })
    }
}

/// The holders of each office, per country or organisation.
#[derive(Debug, Clone, Default)]
pub struct Offices {
    holders: FxHashMap<ActorIdx, FxHashMap<String, Vec<Tenure>>>,
}

/// A person's time in an office.
#[derive(Debug, Clone)]
struct Tenure {
    person: ActorIdx,
    from: Option<String>,
    to: Option<String>,
}

impl Offices {
    /// Records that `person` holds `office` of `parent` over the office's
    /// own dates, else over those of the person's row (`row_from`, `row_to`).
    pub fn add(
        &mut self,
        parent: ActorIdx,
        person: ActorIdx,
        office: &Office,
        (row_from, row_to): (Option<&str>, Option<&str>),
    ) {
        let from = office.from.as_deref().or(row_from).map(str::to_string);
        let to = office.to.as_deref().or(row_to).map(str::to_string);
        self.holders
            .entry(parent)
            .or_default()
            .entry(office.name.clone())
            .or_default()
            .push(Tenure { person, from, to });
    }

    /// The one person holding `office` of `parent` on `date`; None when no
    /// one or several do.
    pub fn holder(&self, parent: ActorIdx, office: &str, date: &str) -> Option<ActorIdx> {
        let holders = self.holders.get(&parent)?.get(office)?;
        let mut in_office = holders
            .iter()
            .filter(|t| crate::actors::within(date, t.from.as_deref(), t.to.as_deref()));
        let first = in_office.next()?.person;
        in_office.next().is_none().then_some(first)
    }

    /// The office named right after a mention of an actor at `at`, with
    /// the end of the phrase: after a possessive ("Japan's prime
    /// minister") or after "the" ("the French president"), so that an
    /// office named in general is left alone ("a contender for US
    /// president"). Not when a name follows ("French President Emmanuel
    /// Macron", matched as the person) or "of"/"for" does ("secretary of
    /// state for the elderly"), nor after "former" and the like.
    pub fn named_after(&self, text: &str, at: Span) -> Option<(&'static str, usize)> {
        if self.holders.is_empty() {
            return None;
        }
        let after = &text[at.end..];
        let possessive = ["'s ", "\u{2019}s "]
            .iter()
            .find_map(|p| after.strip_prefix(p));
        let (office, end) = office_at(possessive.or_else(|| after.strip_prefix(' '))?)?;
        let head = &text[..at.start];
        let definite = match possessive {
            Some(_) => !is_role_taken(head.split(' ').rev().nth(1)),
            None => after_the(head),
        };
        definite.then_some((office, text.len() - end))
    }

    /// The office named right before a mention of an actor at `at`, with
    /// the start of the phrase: "the president of France", "the
    /// secretary-general of the United Nations", read as `named_after`
    /// reads "the French president"; not when the mention begins a longer
    /// name ("the president of the United States Hispanic Chamber").
    pub fn named_before(&self, text: &str, at: Span) -> Option<(&'static str, usize)> {
        if self.holders.is_empty() || a_name_follows(&text[at.end..]) {
            return None;
        }
        let head = &text[..at.start];
        let head = ["of the ", "of "]
            .iter()
            .find_map(|o| head.strip_suffix(o))?;
        let head = head.strip_suffix(' ')?;
        let (phrase, office) = OFFICE_PHRASES
            .iter()
            .filter(|(phrase, _)| {
                head.len() >= phrase.len()
                    && head.is_char_boundary(head.len() - phrase.len())
                    && head[head.len() - phrase.len()..].eq_ignore_ascii_case(phrase)
            })
            .max_by_key(|(phrase, _)| phrase.len())?;
        let start = head.len() - phrase.len();
        let starts_a_word = !head[..start].ends_with(|c: char| c.is_alphanumeric() || c == '-');
        (starts_a_word && after_the(&head[..start])).then_some((office, start))
    }
}

/// The office phrase `after` starts with, unless qualified (`qualified`),
/// and how many bytes of `after` follow it.
fn office_at(after: &str) -> Option<(&'static str, usize)> {
    let first = after.bytes().next()?.to_ascii_lowercase();
    OFFICE_PHRASES.iter().find_map(|&(phrase, office)| {
        if phrase.as_bytes()[0] != first {
            return None;
        }
        let head = after.get(..phrase.len())?;
        let rest = &after[phrase.len()..];
        let ends = !rest.starts_with(|c: char| c.is_alphanumeric() || c == '-');
        (head.eq_ignore_ascii_case(phrase) && ends && !qualified(rest))
            .then_some((office, rest.len()))
    })
}

/// Whether `head` ends with "the" and at most `WORDS_AFTER_THE` lower-case
/// words, none of them one of `NOT_THE_HOLDER` ("the", "the embattled";
/// not "the former"), and no `ROLE_TAKEN` word comes before "the".
fn after_the(head: &str) -> bool {
    let mut words = head.trim_end().split(' ').rev();
    for word in words.by_ref().take(WORDS_AFTER_THE + 1) {
        if word.eq_ignore_ascii_case("the") {
            return !is_role_taken(words.next());
        }
        let word = word.trim_end_matches('-');
        let lower = word.chars().all(|c| c.is_lowercase() || c == '-');
        if word.is_empty() || !lower || NOT_THE_HOLDER.contains(&word) {
            return false;
        }
    }
    false
}

/// Whether `rest` goes on with a capitalised word.
fn a_name_follows(rest: &str) -> bool {
    rest.strip_prefix(' ')
        .is_some_and(|r| r.starts_with(char::is_uppercase))
}

/// Whether `word` is one of `ROLE_TAKEN`.
fn is_role_taken(word: Option<&str>) -> bool {
    word.is_some_and(|w| ROLE_TAKEN.contains(&w))
}

/// Whether what follows the office makes it another one, or names its
/// holder: a capitalised word (the name), "of", "for", or a noun of a
/// role ("the UN chief negotiator", "the IAEA chief inspector").
fn qualified(rest: &str) -> bool {
    const ROLE_ENDINGS: &[&str] = &["ist", "man", "or", "person", "woman"];
    const ROLES: &[&str] = &["executive", "justice", "officer", "of", "for"];
    let word = rest.strip_prefix(' ').map_or("", |r| {
        r.split(|c: char| !c.is_alphabetic()).next().unwrap_or("")
    });
    a_name_follows(rest)
        || ROLES.contains(&word)
        || ROLE_ENDINGS
            .iter()
            .any(|e| word.len() > e.len() + 2 && word.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn office_cells() {
        type Parsed = (&'static str, Option<&'static str>, Option<&'static str>);
        let cases: &[(&str, Option<Parsed>)] = &[
            ("president", Some(("president", None, None))),
            (
                "Prime Minister@2012-05-08..2020-01-16",
                Some(("prime minister", Some("2012-05-08"), Some("2020-01-16"))),
            ),
            (
                "president@2012-05-07..",
                Some(("president", Some("2012-05-07"), None)),
            ),
            ("president@2012", None),
            ("", None),
        ];
        for (cell, want) in cases {
            let got = Office::parse(cell);
            let got = got
                .as_ref()
                .map(|o| (o.name.as_str(), o.from.as_deref(), o.to.as_deref()));
            assert_eq!(got, *want, "{cell:?}");
        }
    }

    #[test]
    fn office_phrases_after_a_mention() {
        let mut offices = Offices::default();
        offices.add(0, 1, &Office::parse("president").unwrap(), (None, None));
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "the French president said",
                Some(("president", "French president")),
            ),
            (
                "France's Prime Minister said",
                Some(("prime minister", "France's Prime Minister")),
            ),
            ("French President Emmanuel Macron", None),
            ("the former French president", None),
            ("the ex-French president", None),
            ("the French chief said", Some(("chief", "French chief"))),
            (
                "the French foreign policy chief said",
                Some(("foreign minister", "French foreign policy chief")),
            ),
            ("the French chief negotiator", None),
            ("the French chief economist", None),
            ("the French chief of staff", None),
            ("France's head warned", Some(("chief", "France's head"))),
            (
                "the French president later said",
                Some(("president", "French president")),
            ),
            ("the ousted French president", None),
            (
                "the embattled French president",
                Some(("president", "French president")),
            ),
            ("a contender for French president", None),
            ("French president", None),
            ("France's secretary of state for the elderly", None),
            ("his quest to become the French president", None),
            ("her tenure as France's foreign secretary", None),
            ("as the French president", None),
            (
                "France's president said",
                Some(("president", "France's president")),
            ),
            ("French president-elect", None),
            ("French presidential", None),
            (
                "the French foreign secretary",
                Some(("foreign minister", "French foreign secretary")),
            ),
        ];
        for (text, want) in cases {
            let start = text.find("Fr").unwrap();
            let end = start + text[start..].find([' ', '\'']).unwrap();
            let got = offices
                .named_after(text, Span::new(start, end))
                .map(|(office, to)| (office, &text[start..to]));
            assert_eq!(got, *want, "{text:?}");
        }
    }

    #[test]
    fn office_phrases_before_a_mention() {
        let mut offices = Offices::default();
        offices.add(0, 1, &Office::parse("president").unwrap(), (None, None));
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "the president of France said",
                Some(("president", "president of ")),
            ),
            (
                "The Prime Minister of France",
                Some(("prime minister", "Prime Minister of ")),
            ),
            (
                "the secretary-general of the France",
                Some(("secretary-general", "secretary-general of the ")),
            ),
            ("a president of France", None),
            ("the former president of France", None),
            ("to become the president of France", None),
            (
                "the vice-president of France",
                Some(("vice president", "vice-president of ")),
            ),
            ("the president in France", None),
            ("the president of France Telecom", None),
        ];
        for (text, want) in cases {
            let start = text.find("France").unwrap();
            let got = offices
                .named_before(text, Span::new(start, start + "France".len()))
                .map(|(office, from)| (office, &text[from..start]));
            assert_eq!(got, *want, "{text:?}");
        }
    }

    #[test]
    fn one_holder_or_none() {
        let mut offices = Offices::default();
        let president = Office::parse("president").unwrap();
        offices.add(0, 1, &president, (Some("2000-01-01"), Some("2008-05-07")));
        offices.add(0, 2, &president, (Some("2008-05-07"), Some("2012-05-07")));
        offices.add(0, 3, &president, (Some("2010-01-01"), None));
        assert_eq!(offices.holder(0, "president", "2004-06-01"), Some(1));
        assert_eq!(offices.holder(0, "president", "2009-06-01"), Some(2));
        assert_eq!(offices.holder(0, "president", "2011-06-01"), None);
        assert_eq!(offices.holder(0, "president", "1990-06-01"), None);
        assert_eq!(offices.holder(0, "prime minister", "2004-06-01"), None);
        assert_eq!(offices.holder(1, "president", "2004-06-01"), None);
    }
}
