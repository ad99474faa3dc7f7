//! Actors: loads the actor lexicon (countries, organisations, institutions,
//! persons) and finds their mentions in an article with one
//! leftmost-longest Aho-Corasick pass, checking word boundaries and telling
//! places from actors ("in Seoul" is a place, "Seoul said" an actor) and
//! persons' names from countries ("Michael Jordan", "Chad Wolf").

use crate::error::{Error, Result};
use crate::lexicon::LoadWarning;
use crate::offices::{Office, Offices};
use crate::types::{ActorIdx, ActorMention, Span};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashMap;

/// The built-in actor lexicon, compiled into the binary.
pub const DEFAULT_ACTORS: &str = include_str!("../lexicons/actors.csv");

/// The columns every actor CSV starts with.
pub const COLUMNS: [&str; 8] = [
    "actor_id", "kind", "name", "parent", "aliases", "metonyms", "from", "to",
];
/// The optional ninth column: a person's offices (`offices.rs`).
pub const OFFICES_COLUMN: &str = "offices";

/// Written before an alias (`~Sanders`), it makes the alias count only in
/// a text that also writes another name of the actor (`settle_leaning`).
pub const LEANING_MARK: char = '~';

/// The `kind` of an actor row whose phrases are another sense of a name:
/// matched (the longest match wins) and never reported ("New Mexico",
/// "Georgia Tech"); see `ActorLexicon::find_in_document`.
pub const OTHER_SENSE: &str = "other_sense";

/// Words after which a metonym (a capital) names a place, not an actor.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "from",
    "to",
    "near",
    "into",
    "across",
    "around",
    "via",
    "outside",
    "inside",
    "toward",
    "towards",
    "throughout",
    "within",
    "visit",
    "visited",
    "visiting",
    "visits",
];

/// Capitalised words after a country that is also a given name ("Jordan")
/// which keep the country reading: the state's bodies and offices ("Jordan
/// Foreign Minister ...", "Chad Army"). Titles come from `PersonNames`.
const STATE_WORDS: &[&str] = &[
    "air",
    "armed",
    "army",
    "authorities",
    "border",
    "cabinet",
    "central",
    "crown",
    "defence",
    "defense",
    "embassy",
    "foreign",
    "forces",
    "government",
    "interior",
    "military",
    "ministry",
    "national",
    "navy",
    "officials",
    "opposition",
    "parliament",
    "police",
    "royal",
    "security",
    "state",
];

/// Words of a government body or office that, named without a country ("a
/// foreign ministry spokesman", "police"), belong to the country where the
/// story is written (see `Engine::speaker_actor`).
const GOVERNMENT_WORDS: &[&str] = &[
    "army",
    "cabinet",
    "government",
    "military",
    "minister",
    "ministry",
    "police",
    "presidency",
    "president",
];

/// Whether a description names a government body or office ("commerce
/// ministry spokeswoman Shu Jueting", "the president").
pub fn names_a_government_body(description: &str) -> bool {
    description
        .split(|c: char| !c.is_alphabetic())
        .any(|w| GOVERNMENT_WORDS.iter().any(|g| g.eq_ignore_ascii_case(w)))
}

/// Nouns of people who study or watch a place or body: an actor right
/// before one of them (or one word before it) is the subject of their
/// expertise, not their side ("a China expert", "a Russia policy
/// analyst").
const EXPERTISE_NOUNS: &[&str] = &[
    "analyst",
    "analysts",
    "expert",
    "experts",
    "hand",
    "hands",
    "historian",
    "historians",
    "researcher",
    "researchers",
    "scholar",
    "scholars",
    "specialist",
    "specialists",
    "watcher",
    "watchers",
];

/// Nouns of people who report from a place: an actor right before one of
/// them (or one word before it) is where they work, not their side
/// ("Breitbart Jerusalem editor Aaron Klein", "the Post's White House
/// bureau chief"), as is a place they are based in ("a Dublin-based
/// company").
const BEAT_NOUNS: &[&str] = &[
    "bureau",
    "correspondent",
    "correspondents",
    "editor",
    "editors",
    "reporter",
    "reporters",
];

/// Whether the actor mention at `at` in `description` names what someone
/// studies or reports on, or where they are based, rather than their
/// side ("a China expert at the Brookings Institution", "the paper's
/// Tokyo correspondent", "a Seoul-based analyst").
pub fn names_a_field_or_workplace(description: &str, at: Span) -> bool {
    let rest = &description[at.end..];
    let based = rest.starts_with("-based");
    based
        || rest
            .split_whitespace()
            .take(2)
            .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
            .any(|w| {
                let of = |nouns: &[&str]| nouns.iter().any(|e| e.eq_ignore_ascii_case(w));
                of(EXPERTISE_NOUNS) || of(BEAT_NOUNS)
            })
}

/// Capitalised nouns that make a person's name right before them the name
/// of a place, business or institution ("Trump Tower", "the Clinton
/// Foundation", "Bloomberg News"): not the person.
const NAMED_AFTER_NOUNS: &[&str] = &[
    "Airport",
    "Avenue",
    "Boulevard",
    "Bridge",
    "Businessweek",
    "Center",
    "Centre",
    "Entertainment",
    "Foundation",
    "Global",
    "Hall",
    "Hotel",
    "Hotels",
    "Institute",
    "International",
    "Library",
    "Memorial",
    "Museum",
    "News",
    "Organization",
    "Organisation",
    "Philanthropies",
    "Plaza",
    "Politics",
    "School",
    "Stadium",
    "Street",
    "Taj",
    "Tower",
    "Towers",
    "University",
];

/// Whether a capitalised word ends the name of a place, business or body
/// ("Tower", "Foundation", "Union"), for the tone stage: a tone word just
/// before such a name's end is part of the name ("Amnesty International").
pub fn is_name_noun(word: &str) -> bool {
    NAMED_AFTER_NOUNS.contains(&word) || ORGANISATION_NOUNS.contains(&word)
}

/// Capitalised nouns that end the name of a body that is not the state's
/// ("the American Civil Liberties Union", "the German Marshall Fund", "the
/// U.S. Chamber of Commerce"): a country at the start of such a name is
/// not an actor.
const ORGANISATION_NOUNS: &[&str] = &[
    "Airlines",
    "Alliance",
    "Association",
    "Center",
    "Centre",
    "Chamber",
    "Coalition",
    "Corporation",
    "Enterprise",
    "Federation",
    "Forum",
    "Foundation",
    "Fund",
    "Institute",
    "League",
    "Legion",
    "Network",
    "Society",
    "Union",
];

/// Words of a name that make the body the state's ("the U.S. Senate
/// Foreign Relations Committee"), beside `STATE_WORDS`.
const STATE_BODY_WORDS: &[&str] = &[
    "congress",
    "congressional",
    "department",
    "federal",
    "house",
    "judicial",
    "senate",
    "supreme",
    "treasury",
];

/// Capitalised nouns of a body's name before "of" or "on" and a country
/// ("Bank of America", "the Council on American-Islamic Relations"),
/// beside `ORGANISATION_NOUNS`.
const NAME_NOUNS_BEFORE_OF: &[&str] = &[
    "Bank",
    "Citizens",
    "Council",
    "Daughters",
    "Organization",
    "Organisation",
    "Owners",
    "Scientists",
    "Scouts",
    "Socialists",
    "Sons",
    "Veterans",
    "Workers",
];

/// Whether the mention at `at` ends the name of a body that is not the
/// state's: "America" or "American" after a capitalised word and "for"
/// ("Democracy for America", "the Center for American Progress"; not
/// "Support for Israel", "Clinton for the Democrats"), or a country after
/// a noun of a body's name and "of" or "on" ("Bank of America", "the
/// Communications Workers of America", "the Business Council of British
/// Columbia"); "the President of the United States" stays the country.
fn ends_a_name(text: &str, at: Span) -> bool {
    let Some(head) = text[..at.start].strip_suffix(' ') else {
        return false;
    };
    let head = head.strip_suffix(" the").unwrap_or(head);
    let (start, preposition) = word_ending(head);
    let Some(before) = head[..start].strip_suffix(' ') else {
        return false;
    };
    let (_, noun) = word_ending(before);
    match preposition {
        "for" => is_capitalised(noun) && matches!(at.of(text), "America" | "American"),
        "of" | "on" => ORGANISATION_NOUNS.contains(&noun) || NAME_NOUNS_BEFORE_OF.contains(&noun),
        _ => false,
    }
}

/// Endings that make a country's name before them part of a compound that
/// names no actor: a language ("Spanish-language", "French-speaking"), a
/// birthplace ("Cuban-born") or an American group ("Mexican-American",
/// "Iranian-Americans").
const COMPOUND_ENDINGS: &[&str] = &[
    "-American",
    "-Americans",
    "-born",
    "-language",
    "-speakers",
    "-speaking",
];

/// Whether the mention at `at` is part of such a compound: before one of
/// `COMPOUND_ENDINGS`, or "American(s)" after a hyphen ("African-American",
/// "Inter-American").
fn in_a_compound(text: &str, at: Span) -> bool {
    let rest = &text[at.end..];
    let before_ending = COMPOUND_ENDINGS.iter().any(|ending| {
        rest.strip_prefix(ending)
            .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
    });
    let american = matches!(at.of(text), "American" | "Americans");
    let after_hyphen = text[..at.start]
        .strip_suffix('-')
        .is_some_and(|head| head.ends_with(char::is_alphabetic));
    before_ending || (american && after_hyphen)
}

/// Whether a country or body mentioned at `at` is only part of a longer
/// name within `span`: a body's name it begins or ends ("the American
/// Civil Liberties Union", "Bank of America"; not in a title-case
/// headline, where every word is capitalised) or a compound ("Cuban-born").
fn part_of_a_longer_name(text: &str, at: Span, span: Span) -> bool {
    let in_a_body_name =
        begins_a_name(text, at, ORGANISATION_NOUNS, NameAfter::FiveWords) || ends_a_name(text, at);
    (in_a_body_name && !is_title_case(span.of(text))) || in_a_compound(text, at)
}

/// How far a name goes on after a mention that begins it.
#[derive(Clone, Copy)]
enum NameAfter {
    /// The next word: a person's name in what is named after them
    /// (`NAMED_AFTER_NOUNS`: "Trump Tower").
    NextWord,
    /// Up to five capitalised words (and "of", "for", "on", "and"): a
    /// country in the name of a body that is not the state's
    /// (`ORGANISATION_NOUNS`: "the American Civil Liberties Union").
    FiveWords,
}

/// Whether the mention at `at` begins a longer name that ends in one of
/// `nouns`, within the reach of `after`, with no word of the state before
/// it ("the U.S. Senate Foreign Relations Committee" stays the US).
fn begins_a_name(text: &str, at: Span, nouns: &[&str], after: NameAfter) -> bool {
    let Some(rest) = text[at.end..].strip_prefix(' ') else {
        return false;
    };
    let reach = match after {
        NameAfter::NextWord => 1,
        NameAfter::FiveWords => 5,
    };
    let mut found = false;
    for word in rest.split(char::is_whitespace).take(reach) {
        // The word's letters up to any punctuation or possessive.
        let bare = word
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if matches!(bare, "of" | "for" | "on" | "and") {
            continue;
        }
        let of_the_state = |w: &&str| w.eq_ignore_ascii_case(bare);
        if !is_capitalised(bare)
            || STATE_WORDS.iter().any(of_the_state)
            || STATE_BODY_WORDS.iter().any(of_the_state)
        {
            break;
        }
        found |= nouns.contains(&bare);
        if found || bare.len() != word.len() {
            break;
        }
    }
    found
}

/// The name lists the actors stage consults to tell a person's name from a
/// country or body of the same spelling; the quotes stage's cues implement
/// it from `lexicons/given_names.txt` and their titles.
pub trait PersonNames {
    /// Whether `word`, as written, is a capitalised given name ("Michael").
    fn is_given_name(&self, word: &str) -> bool;
    /// Whether `word` (any case, without a final period) is a title or
    /// office in a name ("President", "Gov").
    fn is_title(&self, word: &str) -> bool;
}

/// Nouns of what passes between actors (singular): a capital after "from"
/// or "to" following one of them is an actor ("pressure from Moscow", "an
/// appeal to Beijing").
const EXCHANGE_NOUNS: &[&str] = &[
    "appeal",
    "approval",
    "assurance",
    "backing",
    "call",
    "complaint",
    "concession",
    "condemnation",
    "criticism",
    "demand",
    "interference",
    "invitation",
    "letter",
    "message",
    "objection",
    "offer",
    "overture",
    "praise",
    "pressure",
    "proposal",
    "protest",
    "push",
    "reaction",
    "reply",
    "request",
    "resistance",
    "response",
    "retaliation",
    "signal",
    "support",
    "threat",
    "ultimatum",
    "warning",
];

/// One actor of the lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub id: String,
    /// country, organisation, institution or person.
    pub kind: String,
    pub name: String,
    pub parent: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// The offices a person holds (column `offices`).
    pub offices: Vec<Office>,
}

impl Actor {
    /// Whether the actor held its role on `date` (ISO YYYY-MM-DD).
    pub fn in_office(&self, date: &str) -> bool {
        within(date, self.from.as_deref(), self.to.as_deref())
    }
}

/// Whether `date` (ISO YYYY-MM-DD) lies between the bounds, either of
/// which may be open. A bound given as a year or year-month covers the
/// whole year or month.
pub fn within(date: &str, from: Option<&str>, to: Option<&str>) -> bool {
    let after_start = from.is_none_or(|from| date >= from);
    let before_end = to.is_none_or(|to| date <= to || date.starts_with(to));
    after_start && before_end
}

/// Where actors are looked for: a span of the text, and the date that says
/// who holds an office (none: offices are not read).
#[derive(Clone, Copy)]
struct Place<'d> {
    span: Span,
    date: Option<&'d str>,
}

/// What settles the sense of ambiguous names over a document
/// (`ActorLexicon::find_in_document`).
#[derive(Default)]
struct Senses {
    /// The `other_sense` rows whose phrases occur.
    other: Vec<ActorIdx>,
    /// The actors whose metonyms occur as places ("in Tbilisi").
    places: Vec<ActorIdx>,
    /// The persons whose surname names someone else ("Jeb Bush").
    namesakes: Vec<ActorIdx>,
    /// Mentions by an alias written `~Name`, which count only where the
    /// text also writes another name of the actor.
    leaning: Vec<ActorMention>,
}

/// A surface form and what it stands for.
#[derive(Debug, Clone)]
struct Pattern {
    actor: ActorIdx,
    metonym: bool,
    /// Written `~Name`: counts only beside another name of the actor.
    leans: bool,
    /// One of `SHARED_BODY_NAMES` ("Senate").
    shared_body: bool,
    /// The actor is an `other_sense` row.
    other_sense: bool,
}

/// A loaded actor lexicon with its matcher.
#[derive(Debug, Clone)]
pub struct ActorLexicon {
    pub actors: Vec<Actor>,
    by_id: FxHashMap<String, ActorIdx>,
    matcher: AhoCorasick,
    patterns: Vec<Pattern>,
    /// COLLECTIVE_PHRASES, then the phrases of ANAPHORS.
    references: AhoCorasick,
    offices: Offices,
}

/// The holders of the offices of each actor, from its persons' rows.
fn office_holders(actors: &[Actor], by_id: &FxHashMap<String, ActorIdx>) -> Offices {
    let mut offices = Offices::default();
    for (i, actor) in actors.iter().enumerate() {
        let Some(&parent) = actor.parent.as_ref().and_then(|p| by_id.get(p)) else {
            continue;
        };
        for office in &actor.offices {
            let row = (actor.from.as_deref(), actor.to.as_deref());
            offices.add(parent, i as ActorIdx, office, row);
        }
    }
    offices
}

/// Phrases that refer to the two parties last named together ("South
/// Korea and Japan ... both sides").
const COLLECTIVE_PHRASES: &[&str] = &[
    "both sides",
    "both countries",
    "both nations",
    "both governments",
    "both capitals",
    "the two sides",
    "the two countries",
    "the two nations",
    "the two governments",
    "the two neighbours",
    "the two neighbors",
    "the two allies",
];

/// Definite descriptions that refer back to the actor of a kind the text
/// has named most before them ("The European Union agreed ... the bloc
/// said").
const ANAPHORS: &[(&str, &str)] = &[
    ("the bloc", "organisation"),
    ("the alliance", "organisation"),
    ("the country", "country"),
    ("the kingdom", "country"),
];

/// A parsed row: the actor and its surface forms.
struct Row {
    actor: Actor,
    aliases: Vec<String>,
    metonyms: Vec<String>,
}

impl ActorLexicon {
    /// The built-in actor lexicon.
    pub fn embedded() -> ActorLexicon {
        let (lexicon, warnings) =
            ActorLexicon::from_csvs(&[(DEFAULT_ACTORS, "default")]).expect("embedded actors load");
        debug_assert!(warnings.is_empty(), "{warnings:?}");
        lexicon
    }

    /// Loads one or more actor CSVs; a later row with the same actor_id
    /// replaces the earlier one (so user files override the default).
    pub fn from_csvs(
        sources: &[(&str, &str)],
    ) -> Result<(ActorLexicon, Vec<(String, LoadWarning)>)> {
        let mut rows: Vec<Row> = Vec::new();
        let mut index: FxHashMap<String, usize> = FxHashMap::default();
        let mut warnings = Vec::new();
        for (text, origin) in sources {
            for row in read_rows(text, origin)? {
                match row {
                    Ok(row) => match index.get(&row.actor.id) {
                        Some(&i) => rows[i] = row,
                        None => {
                            index.insert(row.actor.id.clone(), rows.len());
                            rows.push(row);
                        }
                    },
                    Err(w) => warnings.push((origin.to_string(), w)),
                }
            }
        }
        Ok((ActorLexicon::build(rows)?, warnings))
    }

    fn build(rows: Vec<Row>) -> Result<ActorLexicon> {
        let mut surface: FxHashMap<String, Pattern> = FxHashMap::default();
        for (i, row) in rows.iter().enumerate() {
            let actor = i as ActorIdx;
            let other_sense = row.actor.kind == OTHER_SENSE;
            for alias in &row.aliases {
                let (alias, leans) = match alias.strip_prefix(LEANING_MARK) {
                    Some(bare) => (bare, true),
                    None => (alias.as_str(), false),
                };
                surface.insert(
                    alias.to_string(),
                    Pattern {
                        actor,
                        metonym: false,
                        leans,
                        shared_body: SHARED_BODY_NAMES.contains(&alias),
                        other_sense,
                    },
                );
            }
            for metonym in &row.metonyms {
                surface.entry(metonym.clone()).or_insert(Pattern {
                    actor,
                    metonym: true,
                    leans: false,
                    shared_body: false,
                    other_sense,
                });
            }
        }
        let mut forms: Vec<(String, Pattern)> = surface.into_iter().collect();
        forms.sort_by(|a, b| a.0.cmp(&b.0));
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(forms.iter().map(|(f, _)| f.as_str()))
            .map_err(|e| Error::BadFile {
                origin: "actors".into(),
                message: e.to_string(),
            })?;
        let actors: Vec<Actor> = rows.into_iter().map(|r| r.actor).collect();
        let by_id: FxHashMap<String, ActorIdx> = actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i as ActorIdx))
            .collect();
        let offices = office_holders(&actors, &by_id);
        let phrases = COLLECTIVE_PHRASES
            .iter()
            .chain(ANAPHORS.iter().map(|(phrase, _)| phrase));
        let references = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(phrases)
            .map_err(|e| bad_file("actors", e.to_string()))?;
        Ok(ActorLexicon {
            actors,
            by_id,
            matcher,
            patterns: forms.into_iter().map(|(_, p)| p).collect(),
            references,
            offices,
        })
    }

    pub fn get(&self, idx: ActorIdx) -> &Actor {
        &self.actors[idx as usize]
    }

    pub fn lookup(&self, id: &str) -> Option<ActorIdx> {
        self.by_id.get(id).copied()
    }

    /// The top of the actor's parent chain (a country or organisation).
    pub fn root(&self, idx: ActorIdx) -> ActorIdx {
        self.root_on(idx, None)
    }

    /// The top of the actor's parent chain on `date` (ISO): a person stands
    /// for their country only while in office (`from`..`to`); out of office,
    /// the chain stops at the person. Without a date, every link holds.
    pub fn root_on(&self, idx: ActorIdx, date: Option<&str>) -> ActorIdx {
        self.chain_on(idx, date).last().unwrap_or(idx)
    }

    /// The actor and the actors above it on `date` (see `root_on`), from
    /// the actor up (at most eight links).
    pub fn chain_on<'a>(
        &'a self,
        idx: ActorIdx,
        date: Option<&'a str>,
    ) -> impl Iterator<Item = ActorIdx> + 'a {
        let up = move |&current: &ActorIdx| {
            let actor = self.get(current);
            if date.is_some_and(|d| !actor.in_office(d)) {
                return None;
            }
            let parent = actor.parent.as_deref().and_then(|p| self.lookup(p))?;
            (parent != current).then_some(parent)
        };
        std::iter::successors(Some(idx), up).take(9)
    }

    /// Finds the actor mentions in the paragraphs `spans` of one document,
    /// appending to `out`, and settles the sense of ambiguous names over
    /// the whole document (`settle_other_senses`, `settle_namesakes`).
    pub fn find_in_document(
        &self,
        text: &str,
        spans: &[Span],
        (names, date): (&dyn PersonNames, Option<&str>),
        out: &mut Vec<ActorMention>,
    ) {
        let (mut found, mut senses) = (Vec::new(), Senses::default());
        for &span in spans {
            let at = Place { span, date };
            self.find_with_senses(text, at, names, &mut found, &mut senses);
        }
        self.settle_other_senses(text, &mut found, &senses);
        settle_namesakes(text, &mut found, &mut senses.namesakes, names);
        settle_leaning(&mut found, &senses.leaning);
        out.extend(found);
    }

    /// Where a phrase of an `other_sense` row occurs ("Atlanta, Georgia"),
    /// its parent's bare name ("Georgia") is read in that other sense
    /// throughout, unless the document also names the parent otherwise
    /// ("Georgian", or "Tbilisi" even as a place).
    fn settle_other_senses(&self, text: &str, found: &mut Vec<ActorMention>, senses: &Senses) {
        let mut parents: Vec<ActorIdx> = senses
            .other
            .iter()
            .filter_map(|&s| self.parent_of(s))
            .collect();
        parents.sort_unstable();
        parents.dedup();
        for parent in parents {
            let bare = self.get(parent).name.as_str();
            let is_bare = |m: &ActorMention| m.actor == parent && m.span.of(text) == bare;
            let named_otherwise = senses.places.contains(&parent)
                || found.iter().any(|m| m.actor == parent && !is_bare(m));
            if !named_otherwise {
                found.retain(|m| !is_bare(m));
            }
        }
    }

    /// The actor mentions of a short standalone text (a speaker's
    /// description, a dateline, a name), found as `find_with_senses` finds
    /// them; with a `date`, an office after a country is its holder on
    /// that date.
    pub fn find_in(
        &self,
        text: &str,
        names: &dyn PersonNames,
        date: Option<&str>,
    ) -> Vec<ActorMention> {
        let mut out = Vec::new();
        let at = Place {
            span: Span::new(0, text.len()),
            date,
        };
        let mut senses = Senses::default();
        self.find_with_senses(text, at, names, &mut out, &mut senses);
        settle_leaning(&mut out, &senses.leaning);
        out
    }

    /// Finds the actor mentions in `place` of `text`, appending to `out`
    /// and collecting what settles senses over a document. A country or
    /// body named as part of a person's name is left out: after a given
    /// name ("Michael Jordan") or as the given name itself ("Chad Wolf",
    /// `is_given_name_of_person`); so is a lexicon person's namesake ("Jeb
    /// Bush"), a phrase of an `other_sense` row ("New Mexico", "Georgia
    /// Tech"), a person's name in what is named after them ("Trump Tower")
    /// and a country beginning an organisation's name ("the American Civil
    /// Liberties Union"). An office named with a country or body ("the
    /// French president") is the one person holding it on the date
    /// (`Offices`), when the lexicon knows them; else the country stays.
    fn find_with_senses(
        &self,
        text: &str,
        place: Place,
        names: &dyn PersonNames,
        out: &mut Vec<ActorMention>,
        senses: &mut Senses,
    ) {
        let span = place.span;
        let mut found = self
            .matcher
            .find_iter(span.of(text))
            .map(|m| {
                let at = Span::new(span.start + m.start(), span.start + m.end());
                (at, &self.patterns[m.pattern().as_usize()])
            })
            .filter(|&(at, _)| on_word_boundaries(text, at))
            .peekable();
        let mut previous: Option<Span> = None;
        let mut covered = span.start;
        while let Some((at, pattern)) = found.next() {
            if at.start < covered {
                continue;
            }
            if pattern.metonym && follows_place_preposition(text, at.start) {
                senses.places.push(pattern.actor);
                continue;
            }
            let next = found.peek().map(|&(n, _)| n);
            // Right after a given name, a country or body is a surname
            // ("Michael Jordan" is not JOR; "India China" keeps both), and
            // a person's surname alone is someone else of that name ("Jeb
            // Bush", "Eric Trump": the person's own full names are longer
            // aliases, which win), as is a person before "Jr.".
            let person = self.get(pattern.actor).kind == "person";
            let after_given = after_given_name(text, at, previous, names, !person);
            let surname_alone = after_given && !at.of(text).contains(' ');
            let namesake = person && (surname_alone || before_junior(text, at));
            if namesake {
                senses.namesakes.push(pattern.actor);
            }
            let in_a_name = namesake
                || match person {
                    true => begins_a_name(text, at, NAMED_AFTER_NOUNS, NameAfter::NextWord),
                    false => after_given || part_of_a_longer_name(text, at, span),
                }
                || self.is_given_name_of_person(text, pattern.actor, at, span, next, names)
                || (pattern.shared_body
                    && self.names_another_body(text, at, pattern.actor, out.last()));
            previous = Some(at);
            if pattern.other_sense {
                senses.other.push(pattern.actor);
            } else if !in_a_name {
                let holder = self.office_holder(pattern.actor, text, at, place);
                let mention = match holder {
                    Some((person, span)) => ActorMention {
                        actor: person,
                        span,
                    },
                    None => ActorMention {
                        actor: pattern.actor,
                        span: at,
                    },
                };
                covered = mention.span.end;
                if pattern.leans {
                    senses.leaning.push(mention);
                }
                out.push(mention);
            }
        }
    }

    /// The person holding the office of `actor` named right after its
    /// mention at `at` ("the French president") or right before it ("the
    /// president of France"), within `place`, with the span of the mention
    /// and the office together.
    fn office_holder(
        &self,
        actor: ActorIdx,
        text: &str,
        at: Span,
        place: Place,
    ) -> Option<(ActorIdx, Span)> {
        let date = place.date?;
        let (office, span) = match self.offices.named_after(text, at) {
            Some((office, end)) => (office, Span::new(at.start, end)),
            None => {
                let (office, start) = self.offices.named_before(text, at)?;
                (office, Span::new(start, at.end))
            }
        };
        let holder = self.offices.holder(actor, office, date)?;
        place.span.contains(span).then_some((holder, span))
    }

    /// Whether the mention at `at` of a country's body by a bare name that
    /// others share (`SHARED_BODY_NAMES`: "Senate", "Supreme Court") is
    /// another body of that name: that of
    /// another country named right before it (`before`: "the Italian
    /// Senate", "Japan's Supreme Court"), of a lower level ("the state
    /// Senate", "the county court"), or a US state's ("the Wisconsin
    /// Supreme Court", "the North Carolina Senate passed"; but "the Ohio
    /// Senate race" is for the US Senate seat).
    fn names_another_body(
        &self,
        text: &str,
        at: Span,
        actor: ActorIdx,
        before: Option<&ActorMention>,
    ) -> bool {
        let Some(head) = text[..at.start].strip_suffix(' ') else {
            return false;
        };
        let root = self.root_on(actor, None);
        let another_country = before.is_some_and(|b| {
            let between = text.get(b.span.end..at.start).unwrap_or("");
            matches!(between, " " | "'s " | "\u{2019}s ")
                && self.get(b.actor).kind == "country"
                && b.actor != root
        });
        let lower_level = LOWER_LEVELS.contains(&word_ending(head).1);
        let us_state = self.lookup("USA") == Some(root)
            && US_STATES.iter().any(|state| ends_with_word(head, state))
            && !election_follows(&text[at.end..]);
        another_country || lower_level || us_state
    }

    /// The person of the lexicon whom `name` names in full: by one of
    /// their aliases, also without middle initials ("Vladimir V. Putin",
    /// "Paul D. Ryan").
    pub fn person_named(&self, name: &str, names: &dyn PersonNames) -> Option<ActorIdx> {
        let whole_person = |n: &str| {
            let found = self.find_in(n, names, None);
            let whole = found.into_iter().find(|m| m.span.len() == n.len())?;
            (self.get(whole.actor).kind == "person").then_some(whole.actor)
        };
        whole_person(name).or_else(|| {
            let plain = without_initials(name);
            (plain != name).then(|| whole_person(&plain)).flatten()
        })
    }

    /// The actor an `other_sense` row is another sense of.
    fn parent_of(&self, other_sense: ActorIdx) -> Option<ActorIdx> {
        self.get(other_sense)
            .parent
            .as_deref()
            .and_then(|p| self.lookup(p))
    }

    /// Whether a mention of a country or body at `at` is the given name of
    /// a person: written as a given name ("Jordan", "Chad") and followed by
    /// a capitalised word that could be a surname ("Chad Wolf said"), not
    /// by another mention ("Jordan Israel talks"), a title ("Chad
    /// President Deby") or a word of the state ("Jordan Foreign Minister"),
    /// and not in a headline (`within` in title case), where every word is.
    fn is_given_name_of_person(
        &self,
        text: &str,
        actor: ActorIdx,
        at: Span,
        within: Span,
        next: Option<Span>,
        names: &dyn PersonNames,
    ) -> bool {
        if self.get(actor).kind == "person" || !names.is_given_name(&text[at.start..at.end]) {
            return false;
        }
        let Some(rest) = text[at.end..within.end].strip_prefix(' ') else {
            return false;
        };
        let word = rest
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let lower = word.to_lowercase();
        is_capitalised(word)
            && next.is_none_or(|n| n.start != at.end + 1)
            && !names.is_title(word)
            && !STATE_WORDS.contains(&lower.as_str())
            && !is_title_case(within.of(text))
    }
}

impl ActorLexicon {
    /// Mentions for references back to actors named before them in the
    /// paragraphs `spans` of an article (`mentions`, in text order): "both
    /// sides" stands for the last two actors (by their country or
    /// organisation) coordinated in the text before it ("South Korea and
    /// Japan", "Seoul-Tokyo"); "the bloc" and "the alliance" for the
    /// organisation the text has named most before them, "the country" and
    /// "the kingdom" for the country (`ANAPHORS`; of those named as often,
    /// the last). One pass over the text and the mentions.
    pub fn references(
        &self,
        text: &str,
        spans: &[Span],
        mentions: &[ActorMention],
    ) -> Vec<ActorMention> {
        let mut out = Vec::new();
        let mut named = Antecedents::default();
        for &span in spans {
            for m in self.references.find_iter(span.of(text)) {
                let at = Span::new(span.start + m.start(), span.start + m.end());
                if !on_word_boundaries(text, at) {
                    continue;
                }
                named.advance(self, text, mentions, at.start);
                match m.pattern().as_usize().checked_sub(COLLECTIVE_PHRASES.len()) {
                    None => out.extend(named.last_pair.into_iter().flat_map(|(a, b)| {
                        [
                            ActorMention { actor: a, span: at },
                            ActorMention { actor: b, span: at },
                        ]
                    })),
                    Some(anaphor) => out.extend(
                        named
                            .main(ANAPHORS[anaphor].1)
                            .map(|actor| ActorMention { actor, span: at }),
                    ),
                }
            }
        }
        out
    }
}

/// What an article has named up to a point, for references back: the last
/// two actors coordinated, and per kind (country, organisation) the one
/// named most, as the mentions are read in order.
#[derive(Default)]
struct Antecedents {
    /// Mentions read so far.
    read: usize,
    last_pair: Option<(ActorIdx, ActorIdx)>,
    /// Mentions per top-level actor.
    counts: FxHashMap<ActorIdx, usize>,
    /// Per kind of `ANTECEDENT_KINDS`: (mentions, last position, actor) of
    /// the one named most.
    main: [Option<(usize, usize, ActorIdx)>; 2],
}

/// The kinds of actor "the country" or "the bloc" can stand for.
const ANTECEDENT_KINDS: [&str; 2] = ["country", "organisation"];

impl Antecedents {
    /// Reads the mentions that end before `before`.
    fn advance(
        &mut self,
        lex: &ActorLexicon,
        text: &str,
        mentions: &[ActorMention],
        before: usize,
    ) {
        while let Some(m) = mentions.get(self.read).filter(|m| m.span.end <= before) {
            let root = lex.root(m.actor);
            if let Some(previous) = self.read.checked_sub(1).map(|i| mentions[i]) {
                let other = lex.root(previous.actor);
                let between = text.get(previous.span.end..m.span.start);
                if other != root && between.is_some_and(is_coordination) {
                    self.last_pair = Some((other, root));
                }
            }
            let kind = &lex.get(root).kind;
            if let Some(slot) = ANTECEDENT_KINDS.iter().position(|k| k == kind) {
                let count = self.counts.entry(root).or_default();
                *count += 1;
                let rank = (*count, self.read, root);
                if self.main[slot].is_none_or(|best| (best.0, best.1) < (rank.0, rank.1)) {
                    self.main[slot] = Some(rank);
                }
            }
            self.read += 1;
        }
    }

    /// The actor of `kind` named most so far.
    fn main(&self, kind: &str) -> Option<ActorIdx> {
        let slot = ANTECEDENT_KINDS.iter().position(|k| *k == kind)?;
        self.main[slot].map(|(_, _, actor)| actor)
    }
}

/// Text joining two coordinated names: "and", "or", a hyphen or dash,
/// after an optional possessive.
fn is_coordination(between: &str) -> bool {
    let rest = between
        .strip_prefix("'s")
        .or_else(|| between.strip_prefix("\u{2019}s"))
        .unwrap_or(between)
        .trim();
    matches!(rest, "and" | "or" | "-" | "\u{2013}" | "&")
}

fn read_rows(text: &str, origin: &str) -> Result<Vec<std::result::Result<Row, LoadWarning>>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| bad_file(origin, format!("unreadable header: {e}")))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    if header.len() < COLUMNS.len() || header[..COLUMNS.len()] != COLUMNS {
        return Err(bad_file(
            origin,
            format!(
                "expected the header {:?}, found {:?}",
                COLUMNS.join(","),
                header.join(",")
            ),
        ));
    }
    let has_offices = header
        .get(COLUMNS.len())
        .is_some_and(|h| h == OFFICES_COLUMN);
    Ok(reader
        .records()
        .map(|record| parse_row(record, has_offices))
        .collect())
}

fn bad_file(origin: &str, message: String) -> Error {
    Error::BadFile {
        origin: origin.to_string(),
        message,
    }
}

fn parse_row(
    record: csv::Result<csv::StringRecord>,
    has_offices: bool,
) -> std::result::Result<Row, LoadWarning> {
    let rec = record.map_err(|e| LoadWarning {
        line: e.position().map_or(0, |p| p.line()),
        message: e.to_string(),
    })?;
    let line = rec.position().map_or(0, |p| p.line());
    let field = |i: usize| rec.get(i).unwrap_or("").trim().to_string();
    let optional = |i: usize| Some(field(i)).filter(|s| !s.is_empty());
    let list = |i: usize| -> Vec<String> {
        field(i)
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    let cells = if has_offices { list(8) } else { Vec::new() };
    let offices = cells
        .iter()
        .map(|c| Office::parse(c))
        .collect::<Option<Vec<_>>>();
    let offices = offices.ok_or_else(|| LoadWarning {
        line,
        message: format!("an office is `name` or `name@from..to`, not {:?}", field(8)),
    })?;
    let actor = Actor {
        id: field(0),
        kind: field(1),
        name: field(2),
        parent: optional(3),
        from: optional(6),
        to: optional(7),
        offices,
    };
    let aliases = list(4);
    if aliases
        .iter()
        .any(|a| a.strip_prefix(LEANING_MARK) == Some(""))
    {
        return Err(LoadWarning {
            line,
            message: format!("an alias `{LEANING_MARK}` needs a name after it"),
        });
    }
    if actor.id.is_empty() || (aliases.is_empty() && list(5).is_empty()) {
        return Err(LoadWarning {
            line,
            message: "an actor needs an actor_id and at least one alias or metonym".into(),
        });
    }
    Ok(Row {
        actor,
        aliases,
        metonyms: list(5),
    })
}

fn on_word_boundaries(text: &str, at: Span) -> bool {
    let before = text[..at.start].chars().next_back();
    let after = text[at.end..].chars().next();
    let last = text[..at.end].chars().next_back();
    let joins = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    !joins(before) && (!joins(after) || last == Some('.'))
}

/// The word (letters) that `head` ends with, and where it starts.
fn word_ending(head: &str) -> (usize, &str) {
    let start = head.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    });
    (start, &head[start..])
}

/// A word that starts with a capital and goes on in lower case ("Wolf",
/// "McCain"; not "UN" or "a").
fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// Where a document writes a namesake of a person (`namesakes`: "Jeb
/// Bush") and none of the person's full names, the surname alone is the
/// namesake's too ("Bush said"), unless a title comes before it
/// ("President Bush").
fn settle_namesakes(
    text: &str,
    found: &mut Vec<ActorMention>,
    namesakes: &mut Vec<ActorIdx>,
    names: &dyn PersonNames,
) {
    namesakes.sort_unstable();
    namesakes.dedup();
    for &person in namesakes.iter() {
        let is_surname = |m: &ActorMention| m.actor == person && !m.span.of(text).contains(' ');
        let full_name_written = found.iter().any(|m| m.actor == person && !is_surname(m));
        if !full_name_written {
            found.retain(|m| !is_surname(m) || after_title(text, m.span, names));
        }
    }
}

/// Mentions by a leaning alias (`~Sanders`) count only where the text
/// also names the actor otherwise ("Bernie Sanders"): a surname that
/// others share is that person's only in their articles.
fn settle_leaning(found: &mut Vec<ActorMention>, leaning: &[ActorMention]) {
    if leaning.is_empty() {
        return;
    }
    let named_otherwise = |actor: ActorIdx| {
        found
            .iter()
            .any(|m| m.actor == actor && !leaning.contains(m))
    };
    let alone: Vec<ActorMention> = leaning
        .iter()
        .copied()
        .filter(|m| !named_otherwise(m.actor))
        .collect();
    found.retain(|m| !alone.contains(m));
}

/// Bare names of a country's bodies that states, provinces and other
/// countries give their own bodies too ("Senate", "Supreme Court"); a
/// party's name is not one ("Ohio Republicans" are the party's).
const SHARED_BODY_NAMES: &[&str] = &[
    "Assembly",
    "Cabinet",
    "Congress",
    "Constitutional Court",
    "High Court",
    "House",
    "House of Representatives",
    "Legislature",
    "National Assembly",
    "Parliament",
    "Senate",
    "Supreme Court",
    "Treasury",
];

/// Words before a country's body that make it a body of a lower level
/// ("the state Senate", "the provincial parliament").
const LOWER_LEVELS: &[&str] = &[
    "City",
    "County",
    "Municipal",
    "Provincial",
    "Regional",
    "State",
    "city",
    "county",
    "municipal",
    "provincial",
    "regional",
    "state",
];

/// The states of the US, whose legislatures and courts share the names of
/// the federal ones ("the Texas Senate", "the Wisconsin Supreme Court").
const US_STATES: &[&str] = &[
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Georgia",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
];

/// Words after "Senate" that make a state's name before it the seat's, of
/// the US Senate ("the Ohio Senate race").
const ELECTION_WORDS: &[&str] = &[
    "bid",
    "campaign",
    "candidate",
    "candidates",
    "contest",
    "election",
    "hopeful",
    "nominee",
    "primary",
    "race",
    "races",
    "seat",
    "seats",
];

/// Whether `rest` opens with one of `ELECTION_WORDS`.
fn election_follows(rest: &str) -> bool {
    rest.strip_prefix(' ').is_some_and(|r| {
        let word = r.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        ELECTION_WORDS.contains(&word)
    })
}

/// Whether `head` ends with the words `name`, not inside a longer word.
fn ends_with_word(head: &str, name: &str) -> bool {
    head.strip_suffix(name)
        .is_some_and(|before| !before.ends_with(|c: char| c.is_alphanumeric()))
}

/// A name without its middle initials ("Harry M. Reid" -> "Harry Reid").
pub fn without_initials(name: &str) -> String {
    let initial = |w: &&str| {
        let mut chars = w.chars();
        matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .filter(|(i, w)| *i == 0 || *i == last || !initial(w))
        .map(|(_, w)| *w)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether "Jr." follows the mention at `at` ("Donald Trump Jr.").
fn before_junior(text: &str, at: Span) -> bool {
    let after = &text[at.end..];
    ["Jr", ", Jr"].iter().any(|j| {
        after
            .strip_prefix(' ')
            .unwrap_or(after)
            .strip_prefix(j)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    })
}

/// Whether the mention at `at` follows a title ("President Bush").
fn after_title(text: &str, at: Span, names: &dyn PersonNames) -> bool {
    text[..at.start]
        .strip_suffix(' ')
        .is_some_and(|head| names.is_title(word_ending(head).1))
}

/// Whether the mention at `at` follows a given name that is not itself the
/// end of the mention before (`previous`), also past a middle initial
/// when `past_an_initial`.
fn after_given_name(
    text: &str,
    at: Span,
    previous: Option<Span>,
    names: &dyn PersonNames,
    past_an_initial: bool,
) -> bool {
    let Some(head) = text[..at.start].strip_suffix(' ') else {
        return false;
    };
    // A middle initial, for a country or body: "Michael B. Jordan" (a
    // person's "Vladimir V. Putin" is the person's own name).
    let head = match past_an_initial {
        true => strip_initial(head).unwrap_or(head),
        false => head,
    };
    let (start, word) = word_ending(head);
    let word_is_a_mention = previous.is_some_and(|p| p.end == start + word.len());
    !word_is_a_mention && names.is_given_name(word)
}

/// `head` without a middle initial it ends with ("Michael B." ->
/// "Michael").
fn strip_initial(head: &str) -> Option<&str> {
    let rest = head.strip_suffix('.')?;
    let initial = rest.chars().next_back().filter(|c| c.is_uppercase())?;
    rest[..rest.len() - initial.len_utf8()].strip_suffix(' ')
}

/// Whether `text` reads as a headline in title case: at least three words
/// of four letters or more, none of them in lower case but the
/// prepositions title case leaves small ("Jordan Warns Against
/// Annexation"; not "Chad Wolf said Tuesday").
fn is_title_case(text: &str) -> bool {
    const SMALL: &[&str] = &[
        "about", "after", "amid", "from", "into", "onto", "over", "than", "upon", "with",
    ];
    let long = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4);
    let (mut words, mut lower) = (0, 0);
    for word in long {
        words += 1;
        lower += usize::from(!is_capitalised(word) && !SMALL.contains(&word));
    }
    words >= 3 && lower == 0
}

fn follows_place_preposition(text: &str, start: usize) -> bool {
    let head = text[..start].trim_end();
    let (at, word) = word_ending(head);
    let is_place_preposition = PLACE_PREPOSITIONS
        .iter()
        .any(|p| p.eq_ignore_ascii_case(word));
    is_place_preposition && !(matches!(word, "from" | "to") && follows_exchange_noun(&head[..at]))
}

/// Whether `head` ends with a noun of what passes between actors, so that
/// the capital after "from" or "to" is its source or addressee ("pressure
/// from Moscow", "a letter to Pyongyang"), not a place.
fn follows_exchange_noun(head: &str) -> bool {
    let (_, noun) = word_ending(head.trim_end());
    let singular = noun.strip_suffix('s').unwrap_or(noun);
    EXCHANGE_NOUNS.contains(&noun) || EXCHANGE_NOUNS.contains(&singular)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACTORS: &str = "actor_id,kind,name,parent,aliases,metonyms,from,to\n\
        USA,country,United States,,United States;US;U.S.;American,Washington,,\n\
        KOR,country,South Korea,,South Korea;South Korean;Korea,Seoul,,\n\
        PRK,country,North Korea,,North Korea;North Korean,Pyongyang,,\n\
        JPN,country,Japan,,Japan;Japanese,Tokyo,,\n\
        JPN.ABE,person,Shinzo Abe,JPN,Shinzo Abe;Abe,,2012-12-26,2020-09-16\n\
        USA.STATE_DEPARTMENT,institution,US State Department,USA,State Department,,,\n\
        EU,organisation,European Union,,European Union;EU,,,\n";

    fn lexicon() -> ActorLexicon {
        ActorLexicon::from_csvs(&[(ACTORS, "t")]).unwrap().0
    }

    /// Given names and titles for the tests.
    struct Names(&'static [&'static str]);

    impl PersonNames for Names {
        fn is_given_name(&self, word: &str) -> bool {
            self.0.contains(&word)
        }
        fn is_title(&self, word: &str) -> bool {
            word.eq_ignore_ascii_case("president")
        }
    }

    const NO_NAMES: Names = Names(&[]);

    fn ids(text: &str) -> Vec<String> {
        ids_with(&NO_NAMES, text)
    }

    /// The actors found in `text`, telling persons' names by `names`.
    fn ids_with(names: &dyn PersonNames, text: &str) -> Vec<String> {
        let lex = lexicon();
        lex.find_in(text, names, None)
            .iter()
            .map(|m| lex.get(m.actor).id.clone())
            .collect()
    }

    #[test]
    fn mentions() {
        let cases: &[(&str, &[&str])] = &[
            ("North Korea fired a missile", &["PRK"]),
            ("South Korea and Japan", &["KOR", "JPN"]),
            ("Japan's occupation of Korea", &["JPN", "KOR"]),
            ("Briefing reporters in Washington, he said", &[]),
            ("pressure from Seoul grew", &["KOR"]),
            ("warnings from Washington", &["USA"]),
            ("a letter to Pyongyang", &["PRK"]),
            ("she flew from Seoul to Tokyo", &[]),
            ("support in Tokyo", &[]),
            ("Washington was encouraged", &["USA"]),
            ("the Seoul-Tokyo relationship", &["KOR", "JPN"]),
            (
                "a senior State Department official",
                &["USA.STATE_DEPARTMENT"],
            ),
            ("the U.S. said", &["USA"]),
            ("USB drives and a bus", &[]),
            ("Prime Minister Shinzo Abe", &["JPN.ABE"]),
            ("the Koreans", &[]),
            ("South Korean drills", &["KOR"]),
            ("Abe Foundation grants", &[]),
            ("a rally at Abe Tower", &[]),
            ("Abe International and Abe", &["JPN.ABE"]),
            ("Abe Towering over rivals", &["JPN.ABE"]),
            ("Abe, Foundation", &["JPN.ABE"]),
            ("the American Civil Liberties Union sued", &[]),
            ("a fellow at the Japanese Marshall Fund", &[]),
            ("the U.S. Chamber of Commerce said", &[]),
            ("the U.S. Senate Foreign Relations Committee", &["USA"]),
            ("the Japanese Defense Ministry Association", &["JPN"]),
            ("US officials met the Korea Foundation", &["USA"]),
            ("the American Action Forum\u{2019}s director said", &[]),
            ("the Center for American Progress said", &[]),
            ("a fight for American jobs", &["USA"]),
            ("Support for Japan grew", &["JPN"]),
            ("a loan from the Bank of Korea", &[]),
            ("a brochure from the Gun Owners of the United States", &[]),
            ("she spoke to the Council on American Relations", &[]),
            ("the President of the United States", &["USA"]),
            ("Korean-American voters", &[]),
            ("an African-American pollster", &[]),
            ("a Japanese-language paper and a Korea-born chef", &[]),
            ("Japanese voters and American ones", &["JPN", "USA"]),
            ("a talk at the American Policy Forum.\nNext", &[]),
            ("outside Abe Tower\u{2019}s lobby", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(ids(text), *want, "{text:?}");
        }
    }

    #[test]
    fn a_country_after_a_given_name_is_a_surname() {
        let given = Names(&["Michael", "Shinzo"]);
        let cases: &[(&str, &[&str])] = &[
            ("Michael Japan spoke", &[]),
            ("Michael B. Japan spoke", &[]),
            ("Michael Ö. Japan spoke", &[]),
            ("Michael, Japan spoke", &["JPN"]),
            ("the U.S. Japan talks", &["USA", "JPN"]),
            ("Korea Japan talks", &["KOR", "JPN"]),
            ("Shinzo Abe spoke", &["JPN.ABE"]),
            ("Shinzo Q. Abe spoke", &["JPN.ABE"]),
            ("Japan spoke", &["JPN"]),
        ];
        for (text, want) in cases {
            assert_eq!(ids_with(&given, text), *want, "{text:?}");
        }
    }

    #[test]
    fn a_country_written_as_a_given_name_before_a_surname_is_a_person() {
        let names = Names(&["Japan"]);
        let cases: &[(&str, &[&str])] = &[
            ("Japan Smith, a spokesman, said the talks failed", &[]),
            ("Japan Smith said on Tuesday", &[]),
            ("Japan Korea talks resumed", &["JPN", "KOR"]),
            ("Japan President Abe said", &["JPN", "JPN.ABE"]),
            ("Japan Foreign Minister Taro Kono said", &["JPN"]),
            ("Japan said on Tuesday", &["JPN"]),
            ("Japan's Smith said", &["JPN"]),
            ("Japan UN envoy", &["JPN"]),
            ("Japan Rejects Seoul Offer Over Trade", &["JPN", "KOR"]),
            ("Japan Warns Against Trade Curbs", &["JPN"]),
        ];
        for (text, want) in cases {
            assert_eq!(ids_with(&names, text), *want, "{text:?}");
        }
    }

    #[test]
    fn other_senses_settle_over_the_document() {
        let sense = "actor_id,kind,name,parent,aliases,metonyms,from,to\n\
            GEO,country,Georgia,,Georgia;Georgian,Tbilisi,,\n\
            SENSE.GA,other_sense,Georgia (US state),GEO,\"Atlanta, Georgia;Georgia Tech\",,,\n\
            SENSE.NM,other_sense,New Mexico (US state),,New Mexico,,,\n\
            MEX,country,Mexico,,Mexico,,,\n";
        let lex = ActorLexicon::from_csvs(&[(sense, "t")]).unwrap().0;
        let cases: &[(&str, &[&str])] = &[
            ("Georgia voted.\n\nGeorgia counted.", &["GEO", "GEO"]),
            ("In Atlanta, Georgia, polls opened.\n\nGeorgia voted.", &[]),
            ("Georgia Tech won.\n\nGeorgia voted.", &[]),
            (
                "Georgia Tech won.\n\nGeorgian officials in Georgia met.",
                &["GEO", "GEO"],
            ),
            (
                "Georgia Tech won.\n\nGeorgia voted, said a source in Tbilisi.",
                &["GEO"],
            ),
            ("New Mexico and Mexico.\n\nMexico agreed.", &["MEX", "MEX"]),
        ];
        for (text, want) in cases {
            let paragraphs: Vec<Span> = text
                .split("\n\n")
                .map(|p| {
                    let start = p.as_ptr() as usize - text.as_ptr() as usize;
                    Span::new(start, start + p.len())
                })
                .collect();
            let mut out = Vec::new();
            lex.find_in_document(text, &paragraphs, (&NO_NAMES, None), &mut out);
            let ids: Vec<&str> = out.iter().map(|m| lex.get(m.actor).id.as_str()).collect();
            assert_eq!(ids, *want, "{text:?}");
        }
    }

    #[test]
    fn references_back_to_named_actors() {
        let lex = lexicon();
        let cases: &[(&str, &[&str])] = &[
            (
                "South Korea and Japan argued. Both sides lost.",
                &["KOR", "JPN"],
            ),
            (
                "Ties between Seoul and Tokyo are strained; the two countries met.",
                &["KOR", "JPN"],
            ),
            (
                "The Seoul-Tokyo row deepened. Both sides blamed Washington.",
                &["KOR", "JPN"],
            ),
            (
                "Shinzo Abe and North Korea spoke; both sides were calm.",
                &["JPN", "PRK"],
            ),
            ("Japan met officials. Both sides smiled.", &[]),
            ("The United States and the U.S. army. Both sides.", &[]),
            ("Japan and the EU met. The bloc said no.", &["EU"]),
            ("The EU fined Japan. The country appealed.", &["JPN"]),
            ("Shinzo Abe spoke. The country's exports fell.", &["JPN"]),
            ("The country is divided.", &[]),
            ("The alliance met. Then the EU spoke.", &[]),
        ];
        for (text, want) in cases {
            let all = Span::new(0, text.len());
            let found = lex.find_in(text, &NO_NAMES, None);
            let ids: Vec<String> = lex
                .references(text, &[all], &found)
                .iter()
                .map(|m| lex.get(m.actor).id.clone())
                .collect();
            assert_eq!(ids, *want, "{text:?}");
        }
    }

    #[test]
    fn roots_and_overrides() {
        let lex = lexicon();
        let abe = lex.lookup("JPN.ABE").unwrap();
        assert_eq!(lex.get(lex.root(abe)).id, "JPN");
        for (date, root) in [
            ("2019-08-28", "JPN"),
            ("2012-12-26", "JPN"),
            ("2020-09-16", "JPN"),
            ("2021-03-01", "JPN.ABE"),
            ("2010-01-01", "JPN.ABE"),
        ] {
            assert_eq!(lex.get(lex.root_on(abe, Some(date))).id, root, "{date}");
        }
        let user = "actor_id,kind,name,parent,aliases,metonyms,from,to\n\
            JPN,country,Nippon,,Nippon,,,\nXYZ,organisation,Xyz Group,,,,,\n";
        let (lex, warnings) = ActorLexicon::from_csvs(&[(ACTORS, "d"), (user, "u")]).unwrap();
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].1.line, 3);
        let text = "Nippon and Japan";
        let out = lex.find_in(text, &NO_NAMES, None);
        assert_eq!(out.len(), 1);
        assert_eq!(lex.get(out[0].actor).name, "Nippon");
    }

    #[test]
    fn bad_header_is_an_error() {
        assert!(ActorLexicon::from_csvs(&[("id,name\nX,Y\n", "t")]).is_err());
    }

    const OFFICES: &str = "actor_id,kind,name,parent,aliases,metonyms,from,to,offices\n\
        FRA,country,France,,France;French,Paris,,,\n\
        FRA.MACRON,person,Emmanuel Macron,FRA,Emmanuel Macron;Macron,,2017-05-14,,president\n\
        RUS,country,Russia,,Russia;Russian,Moscow,,,\n\
        RUS.PUTIN,person,Vladimir Putin,RUS,Vladimir Putin;Putin,,1999-12-31,,\
        president@..2008-05-07;prime minister@2008-05-08..2012-05-07;president@2012-05-07..\n\
        RUS.MEDVEDEV,person,Dmitry Medvedev,RUS,Dmitry Medvedev;Medvedev,,2008-05-07,2020-01-16,\
        president@..2012-05-07;prime minister@2012-05-08..\n";

    #[test]
    fn an_office_after_a_country_is_its_holder_on_the_date() {
        let (lex, warnings) = ActorLexicon::from_csvs(&[(OFFICES, "t")]).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        type Case = (
            &'static str,
            Option<&'static str>,
            &'static [(&'static str, &'static str)],
        );
        let cases: &[Case] = &[
            (
                "the French president said",
                Some("2019-03-01"),
                &[("FRA.MACRON", "French president")],
            ),
            ("the French president said", None, &[("FRA", "French")]),
            (
                "the president of France said",
                Some("2019-03-01"),
                &[("FRA.MACRON", "president of France")],
            ),
            (
                "the French president said",
                Some("2010-03-01"),
                &[("FRA", "French")],
            ),
            (
                "French President Emmanuel Macron",
                Some("2019-03-01"),
                &[("FRA", "French"), ("FRA.MACRON", "Emmanuel Macron")],
            ),
            (
                "the former French president",
                Some("2019-03-01"),
                &[("FRA", "French")],
            ),
            (
                "Russia's president and the Russian prime minister",
                Some("2010-03-01"),
                &[
                    ("RUS.MEDVEDEV", "Russia's president"),
                    ("RUS.PUTIN", "Russian prime minister"),
                ],
            ),
            (
                "the Russian president",
                Some("2015-03-01"),
                &[("RUS.PUTIN", "Russian president")],
            ),
        ];
        for (text, date, want) in cases {
            let mut out = Vec::new();
            let paragraphs = [Span::new(0, text.len())];
            lex.find_in_document(text, &paragraphs, (&NO_NAMES, *date), &mut out);
            let got: Vec<(&str, &str)> = out
                .iter()
                .map(|m| (lex.get(m.actor).id.as_str(), m.span.of(text)))
                .collect();
            assert_eq!(got, *want, "{text:?} on {date:?}");
        }
    }

    #[test]
    fn a_malformed_office_is_a_warning_with_its_line() {
        let text = "actor_id,kind,name,parent,aliases,metonyms,from,to,offices\n\
            FRA,country,France,,France,,,,\n\
            FRA.X,person,X,FRA,X,,,,president@2019\n";
        let (lex, warnings) = ActorLexicon::from_csvs(&[(text, "t")]).unwrap();
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].1.line, 3);
        assert!(warnings[0].1.message.contains("president@2019"));
        assert!(lex.lookup("FRA.X").is_none());
    }

    /// A leaning alias (`~Sanders`) counts only in a text that names the
    /// person otherwise too; the full name always counts.
    #[test]
    fn a_leaning_alias_needs_another_name_in_the_text() {
        let text = "actor_id,kind,name,parent,aliases,metonyms,from,to\n\
            PERSON.BERNIE_SANDERS,person,Bernie Sanders,,Bernie Sanders;~Sanders,,,\n";
        let (lex, _) = ActorLexicon::from_csvs(&[(text, "t")]).unwrap();
        let cases: &[(&str, &[&str])] = &[
            ("Sanders said no.", &[]),
            (
                "Bernie Sanders spoke. Sanders said no.",
                &["Bernie Sanders", "Sanders"],
            ),
            (
                "Sanders said no, Bernie Sanders said.",
                &["Sanders", "Bernie Sanders"],
            ),
            ("Sarah Sanders said no.", &[]),
        ];
        for &(text, want) in cases {
            let mut out = Vec::new();
            let whole = [Span::new(0, text.len())];
            lex.find_in_document(text, &whole, (&Names(&["Sarah"]), None), &mut out);
            let got: Vec<&str> = out.iter().map(|m| m.span.of(text)).collect();
            assert_eq!(got, want, "{text}");
        }
        assert!(lex.find_in("Sanders", &NO_NAMES, None).is_empty());
    }

    #[test]
    fn a_leaning_mark_without_a_name_is_a_warning() {
        let text = "actor_id,kind,name,parent,aliases,metonyms,from,to\n\
            PERSON.X,person,X Y,,X Y;~,,,\n";
        let (_, warnings) = ActorLexicon::from_csvs(&[(text, "t")]).unwrap();
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].1.line, 2);
    }

    /// A country's body by a bare name that others share is not that
    /// body after another country, a lower level or a US state.
    #[test]
    fn a_shared_body_name_after_another_country_or_a_state_is_not_the_body() {
        let text = "actor_id,kind,name,parent,aliases,metonyms,from,to\n\
            USA,country,United States,,United States;U.S.;America,,,\n\
            ITA,country,Italy,,Italy;Italian,,,\n\
            USA.SENATE,institution,US Senate,USA,Senate;U.S. Senate,,,\n\
            USA.SUPREME_COURT,institution,US Supreme Court,USA,Supreme Court,,,\n\
            USA.REPUBLICAN_PARTY,institution,Republican Party (US),USA,Republicans,,,\n";
        let (lex, _) = ActorLexicon::from_csvs(&[(text, "t")]).unwrap();
        let cases: &[(&str, &[&str])] = &[
            ("The Senate passed it.", &["USA.SENATE"]),
            ("The U.S. Senate passed it.", &["USA.SENATE"]),
            (
                "America's Supreme Court ruled.",
                &["USA", "USA.SUPREME_COURT"],
            ),
            ("The Italian Senate passed it.", &["ITA"]),
            ("Italy's Senate passed it.", &["ITA"]),
            ("The state Senate passed it.", &[]),
            ("The Wisconsin Supreme Court ruled.", &[]),
            ("The North Carolina Senate passed it.", &[]),
            ("The Ohio Senate race is close.", &["USA.SENATE"]),
            ("Ohio Republicans met.", &["USA.REPUBLICAN_PARTY"]),
        ];
        for &(text, want) in cases {
            let got: Vec<&str> = lex
                .find_in(text, &NO_NAMES, None)
                .iter()
                .map(|m| lex.get(m.actor).id.as_str())
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
