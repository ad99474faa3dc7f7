//! The types passed between pipeline stages, defined in one place.
//!
//! Every span is a byte range `[start, end)` into the text of one article as
//! read (after any BOM). Byte offsets are converted to character offsets only
//! when reports are written (see `report::CharOffsets`).

use std::fmt;

/// A byte range `[start, end)` into an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// How an input document was stored, which decides how its text is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocFormat {
    /// A plain-text article: headline, metadata lines and body in one text.
    PlainText,
    /// A JSONL or CSV record: title, date and outlet come from their own
    /// fields.
    Record,
}

/// One input document as read from the corpus, before any analysis.
#[derive(Debug, Clone)]
pub struct Document {
    pub id: String,
    pub source_path: String,
    pub format: DocFormat,
    pub title: Option<String>,
    pub date: Option<String>,
    /// The outlet named by a record's field; it wins over one found in the
    /// text's layout.
    pub outlet: Option<String>,
    pub text: String,
}

impl Document {
    /// A text read as one record with no metadata, as `stance explain`
    /// and `stance eval` read the texts they are given.
    pub fn record(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            source_path: String::new(),
            format: DocFormat::Record,
            title: None,
            date: None,
            outlet: None,
            text: text.into(),
        }
    }
}

/// An input that was rejected or only partly read: reported in errors.csv.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub input: String,
    /// 1-based line number, when the problem sits on one line.
    pub line: Option<u64>,
    pub error: String,
}

/// The layout of an article: metadata found in the text and its paragraphs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    pub title: Option<String>,
    /// ISO 8601 date (YYYY-MM-DD).
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub dateline: Option<String>,
    /// Paragraph spans. Index 0 is the headline (an empty span when the
    /// text has none); the body starts at index 1. Furniture and metadata
    /// lines are not paragraphs.
    pub paragraphs: Vec<Span>,
}

/// A sentence of the body or the headline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
}

/// What kind of attributed or quoted text a quote is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Whole sentences in quotation marks.
    Direct,
    /// Quoted words inside a sentence of the writer's own.
    Partial,
    /// Single-quoted words in a headline, or marks used for distance: a few
    /// quoted words that no cue attributes to anyone.
    Scare,
    /// A quotation mark without its partner; the span runs to the paragraph edge.
    Unbalanced,
    /// Reported speech: "X said (that) ...".
    Indirect,
    /// Reported thought or intention: "X believes (that) ...", "X wants to ...".
    Thought,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
            QuoteKind::Unbalanced => "unbalanced",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Thought => "thought",
        }
    }
}

impl fmt::Display for QuoteKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A quotation or a piece of reported speech, with its attribution.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub kind: QuoteKind,
    /// Paragraph where the content starts.
    pub paragraph: usize,
    /// The content, outer quotation marks excluded. When the attribution
    /// interrupts the content (`We won," she said. "They lost.` or "The
    /// deal, he said, is dead"), the span runs over it.
    pub span: Span,
    /// The reporting verb or phrase ("said", "according to").
    pub cue: Option<Span>,
    /// The mention next to the cue ("he", "the official", "Shinzo Abe").
    pub speaker_mention: Option<Span>,
    /// Index into `Attribution::speakers`.
    pub speaker: Option<usize>,
    /// What the speech is said of: "said of the South Korean drills".
    pub about: Option<Span>,
}

/// A person or body who speaks in an article, after resolving mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// Stable within the article: the head noun or surname and a number,
    /// "official-1", "official-2", "abe-1".
    pub id: String,
    /// The fullest description seen ("a senior State Department official").
    pub description: String,
    /// The mention that introduced this speaker.
    pub first_mention: Span,
    /// The gender the speaker's mentions show (a given name, a title such
    /// as "Mrs." or "spokesman", "he"/"she" resolved to them), if any.
    pub gender: Option<Gender>,
    /// The person's name as written in their fullest named mention,
    /// titles left out ("Shinzo Abe" for "Japanese Prime Minister Shinzo
    /// Abe"); none for a speaker never named ("a senior official").
    pub name: Option<String>,
}

/// The gender a given name, a title or a pronoun shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }
}

/// The output of the quotes stage.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attribution {
    pub quotes: Vec<Quote>,
    pub speakers: Vec<Speaker>,
}

/// Index of an actor in the loaded actor lexicon.
pub type ActorIdx = u32;

/// One mention of an actor in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActorMention {
    pub actor: ActorIdx,
    pub span: Span,
}

/// Index of an entry in the loaded tone lexicon.
pub type EntryIdx = u32;

/// A rule that changed the weight of a lexicon match, and by what factor.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleApplied {
    pub rule: &'static str,
    /// The token that triggered it ("not", "particularly").
    pub trigger: String,
    pub factor: f64,
}

/// One lexicon entry matched in a unit, with the rules that acted on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub entry: EntryIdx,
    pub span: Span,
    /// The entry's weight before rules.
    pub base: f64,
    /// The weight after rules.
    pub weight: f64,
    pub rules: Vec<RuleApplied>,
}

/// The tone of a unit (sentence, quote, or the part of one bearing on a target).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tone {
    /// Normalised to [-1, 1].
    pub tone: f64,
    /// Positive and negative mass (sum of weights after rules; neg >= 0).
    pub pos: f64,
    pub neg: f64,
    pub hits: Vec<Hit>,
    /// What the unit as a whole does to the valence sum of its hits.
    pub unit: UnitRules,
}

/// The rules that act on a unit's valence sum rather than on one match:
/// exclamation marks push it away from zero, and a long unit dilutes it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnitRules {
    /// Added to the size of a non-zero valence sum.
    pub exclamation: f64,
    /// Word tokens in the unit.
    pub words: usize,
    /// The valence sum is multiplied by this (1 up to the reference length).
    pub length_factor: f64,
}

impl Default for UnitRules {
    /// No emphasis and no dilution.
    fn default() -> UnitRules {
        UnitRules {
            exclamation: 0.0,
            words: 0,
            length_factor: 1.0,
        }
    }
}

/// A scored sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredSentence {
    pub sentence: Sentence,
    pub tone: Tone,
    /// Index into `Analysis::quotes` of the first quote overlapping it.
    pub quote: Option<usize>,
    /// Actors mentioned, in order of first mention, with the tone toward each.
    pub actors: Vec<Target>,
}

/// A three-way tone class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    Negative,
    Neutral,
    Positive,
}

impl Class {
    pub const ALL: [Class; 3] = [Class::Negative, Class::Neutral, Class::Positive];

    pub fn as_str(self) -> &'static str {
        match self {
            Class::Negative => "negative",
            Class::Neutral => "neutral",
            Class::Positive => "positive",
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// The class of a value in [-1, 1]: neutral when |value| <= band.
    pub fn of(value: f64, band: f64) -> Class {
        if value > band {
            Class::Positive
        } else if value < -band {
            Class::Negative
        } else {
            Class::Neutral
        }
    }

    /// Reads a class name (negative/neutral/positive or neg/neu/pos, any case).
    pub fn parse(label: &str) -> Option<Class> {
        match label.trim().to_ascii_lowercase().as_str() {
            "negative" | "neg" => Some(Class::Negative),
            "neutral" | "neu" => Some(Class::Neutral),
            "positive" | "pos" => Some(Class::Positive),
            _ => None,
        }
    }
}

/// Where a cue of the target model stands relative to the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CueContext {
    /// A word anywhere in the unit.
    Unit,
    /// Among the tokens just before a mention.
    Before,
    /// Among the tokens just after a mention.
    After,
    /// A computed fact about the unit or the target's place in it
    /// ("unit tone negative", "inside quotation").
    Feature,
}

/// A term of the target model found around a target, and what it adds to
/// the scores of "negative" and "positive".
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    pub context: CueContext,
    /// Shared with the model's own copy of the term.
    pub term: std::sync::Arc<str>,
    pub negative: f64,
    pub positive: f64,
}

/// How a unit leans toward one target.
#[derive(Debug, Clone, PartialEq)]
pub struct Leaning {
    pub class: Class,
    /// In [-1, 1]: P(positive) - P(negative) under the target model, else
    /// the rule-based tone.
    pub tone: f64,
    /// P(negative), P(neutral), P(positive) under the target model.
    pub probabilities: Option<[f64; 3]>,
    /// The model's strongest cues, strongest first (at most
    /// `target_model::KEPT_CUES`).
    pub cues: Vec<Cue>,
}

/// An actor a unit speaks about, and the unit's tone toward it.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub actor: ActorIdx,
    /// Where the unit mentions it.
    pub mentions: Vec<Span>,
    /// The rule-based tone of the terms around the target (their weights
    /// after the clause and contrast rules).
    pub tone: Tone,
    /// The reading toward the target: what reports and aggregates use.
    pub leaning: Leaning,
}

/// A scored quote or piece of reported speech.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredQuote {
    pub quote: Quote,
    pub tone: Tone,
    /// The speaker's actor, when the actor lexicon knows it.
    pub speaker_actor: Option<ActorIdx>,
    /// Actors the quote speaks about, with the tone toward each.
    pub targets: Vec<Target>,
    /// Whether the quote holds stance (`stance::mark_counted`): not a
    /// scare quote, nor inside another quote of the same speaker.
    pub counted: bool,
}

/// Which kind of unit a stance row comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UnitKind {
    Sentence,
    Quote,
}

impl UnitKind {
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Sentence => "sentence",
            UnitKind::Quote => "quote",
        }
    }
}

/// Who holds a stance: an actor, the outlet (for narration), or nobody known.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Holder {
    Actor(ActorIdx),
    Outlet(String),
    Unknown,
}

/// One source -> target judgement.
#[derive(Debug, Clone, PartialEq)]
pub struct StanceRow {
    pub unit_kind: UnitKind,
    /// 1-based number of the sentence or quote in its article.
    pub unit_no: usize,
    pub source: Holder,
    pub target: ActorIdx,
    /// The rule-based tone toward the target.
    pub tone: Tone,
    pub leaning: Leaning,
}

/// Everything the pipeline learns about one article.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub doc: Document,
    pub layout: Layout,
    pub sentences: Vec<ScoredSentence>,
    pub quotes: Vec<ScoredQuote>,
    pub speakers: Vec<Speaker>,
    pub mentions: Vec<ActorMention>,
    pub stance: Vec<StanceRow>,
    /// Mean tone of the body sentences.
    pub tone: f64,
    /// Word tokens the lexicon was matched against.
    pub words: usize,
    /// Matches per category of the matched entries, sorted by category.
    pub categories: Vec<(String, usize)>,
}
