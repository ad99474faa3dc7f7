//! Quotations and speakers: the quotes stage of the pipeline.
//!
//! This module owns everything between sentences and speakers: it pairs
//! quotation marks per paragraph under the news convention (a quote left open
//! at a paragraph end continues only into a paragraph that starts with an
//! opening mark), classifies each quote (direct, partial, scare, unbalanced),
//! finds reported speech ("X said (that) ...", "..., X said.", "according to
//! X"), attaches every quote to the speaker mention next to its reporting cue,
//! and resolves mentions to one speaker per person within the article.
//!
//! Work is linear in the article: each paragraph is tokenised once, and every
//! attribution looks at a bounded window of tokens around its quote or cue.
//! Multi-paragraph quotes are emitted as one `Quote` per paragraph piece; the
//! pieces share their speaker.

use crate::types::{Attribution, Layout, Quote, QuoteKind, Sentence, Span, Speaker};
use rustc_hash::{FxHashMap, FxHashSet};

const EMBEDDED_CUES: &str = include_str!("../lexicons/reporting_verbs.txt");

/// Longest speaker mention, in word tokens.
const MAX_MENTION_TOKENS: usize = 10;
/// Adverbs and auxiliaries skipped between a mention and its cue ("he also said").
const MAX_SKIPPED_ADVERBS: usize = 3;
/// How far after a cue a "that" may introduce the content ("told reporters that").
const MAX_THAT_DISTANCE: usize = 5;
/// Longest reported-speech content, in tokens; keeps soup input linear.
const MAX_CONTENT_TOKENS: usize = 400;
/// Longest adverbial after a sentence-final cue ("said on Tuesday").
const MAX_TRAILING_TOKENS: usize = 8;
/// Longest headline double quote that still counts as scare quotes, in words.
const MAX_SCARE_WORDS: usize = 4;
/// Most words of reported speech before a quote that carries it.
const MAX_LEAD_IN_WORDS: usize = 4;
/// Longest quotation mark in UTF-8.
const MAX_MARK_BYTES: usize = 3;
/// How far into the first body paragraph a dateline may reach, in bytes.
const MAX_DATELINE_BYTES: usize = 100;

const PRONOUNS: &[&str] = &["he", "she", "they"];
/// Words after which a speaker mention may start a clause.
const CLAUSE_STARTS: &[&str] = &[
    "and", "but", "although", "though", "while", "whereas", "that", "so", "yet",
];
/// Words that end a mention when walking away from its cue.
const STOP_WORDS: &[&str] = &[
    "and", "but", "although", "though", "while", "whereas", "that", "so", "yet", "when", "if",
    "because", "after", "before", "since", "until", "unless", "once", "which", "who", "whom",
    "whose", "where", "why", "how", "what", "as", "than", "whether", "to", "in", "on", "at", "by",
    "with", "from", "into", "about", "over", "under", "during", "against", "without", "between",
    "through", "is", "was", "were", "are", "be", "been", "being", "am", "has", "have", "had",
    "will", "would", "could", "should", "can", "may", "might", "must", "shall", "not", "do",
    "does", "did", "it", "there", "here", "also", "i", "we", "you", "me", "him", "us", "them",
    "then", "just", "now",
];
/// Words allowed between a mention and its cue.
const ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "further",
    "previously",
    "earlier",
    "again",
    "repeatedly",
    "recently",
    "has",
    "have",
    "had",
    "would",
    "will",
    "separately",
    "subsequently",
    "once",
    "often",
    "reportedly",
    "publicly",
    "privately",
    "flatly",
    "bluntly",
    "simply",
    "firmly",
];
/// Words before a cue that make it passive ("was told", "is said").
const PASSIVE_AUXILIARIES: &[&str] = &["was", "were", "is", "are", "be", "been", "being"];
const INDEFINITE_DETERMINERS: &[&str] = &[
    "a", "an", "another", "one", "two", "three", "four", "several", "some", "many", "other",
];
const DEFINITE_DETERMINERS: &[&str] = &[
    "the", "this", "these", "those", "his", "her", "their", "its", "our", "both",
];
/// Lowercase words that may sit inside a name ("Ursula von der Leyen").
const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "al", "bin", "da", "di", "la", "le", "du", "del", "dos", "el",
];
/// Words that end a description's head ("a spokesman for the ministry").
const HEAD_ENDS: &[&str] = &["of", "for", "at", "from", "with", "in"];
/// Capitalised words in a name that are titles rather than given names.
const TITLES: &[&str] = &[
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "minister",
    "prime",
    "secretary",
    "senator",
    "sen.",
    "rep.",
    "gov.",
    "governor",
    "general",
    "gen.",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "chairman",
    "chairwoman",
    "mayor",
    "judge",
    "justice",
    "ambassador",
    "envoy",
    "leader",
    "chief",
    "director",
    "commissioner",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "foreign",
    "defense",
    "defence",
    "finance",
    "vice",
    "deputy",
    "state",
    "lt.",
    "col.",
    "capt.",
    "sgt.",
    "prof.",
];
/// Abbreviations whose period belongs to the word ("Mrs. Clinton").
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt",
    "Sgt", "Prof", "Rev", "Adm", "Maj", "Cmdr", "Supt", "Insp",
];
/// Cues whose object comes before the content ("told reporters the talks failed").
const OBJECT_CUES: &[&str] = &[
    "told", "tell", "tells", "telling", "asked", "urged", "warned",
];
/// Objects of those cues that are not part of the content.
const OBJECTS: &[&str] = &[
    "reporters",
    "journalists",
    "lawmakers",
    "parliament",
    "him",
    "her",
    "them",
    "us",
    "me",
    "supporters",
    "officials",
    "delegates",
    "viewers",
    "listeners",
    "readers",
];
/// Words that open an adverbial after a cue ("said on Tuesday", "said last week").
const ADVERBIAL_OPENERS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "last",
    "this",
    "earlier",
    "later",
    "yesterday",
    "today",
    "tonight",
    "recently",
    "late",
    "separately",
    "afterwards",
    "again",
    "after",
    "before",
];
/// Conjunctions that end reported speech after a comma (", although he ...").
const CONTENT_ENDS: &[&str] = &["but", "although", "though", "while", "whereas"];

fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

// ---------------------------------------------------------------------------
// Cues

/// Reporting verbs and cue phrases, loaded from `lexicons/reporting_verbs.txt`.
#[derive(Debug, Clone)]
pub struct Cues {
    /// Single reporting verbs, lowercase.
    words: FxHashSet<String>,
    /// Multi-word cues.
    phrases: Vec<Phrase>,
    /// Bit `n` is set when some cue starts with a word of `n` bytes.
    first_lengths: u64,
}

#[derive(Debug, Clone)]
struct Phrase {
    words: Vec<String>,
    /// The speaker comes after the cue ("according to X").
    source_follows: bool,
}

/// A cue found at a token: its last token and where its speaker sits.
#[derive(Debug, Clone, Copy)]
struct CueMatch {
    last: usize,
    source_follows: bool,
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

    fn add_line(&mut self, line: &str) -> Result<(), String> {
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
    fn match_at(&self, text: &str, tokens: &[Token], i: usize) -> Option<CueMatch> {
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
    fn match_at(&self, text: &str, tokens: &[Token], i: usize, first: &str) -> Option<CueMatch> {
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

fn is_cue_word(word: &str) -> bool {
    word.len() < 64
        && word
            .bytes()
            .all(|b| b.is_ascii_alphabetic() || b == b'-' || b == b'\'')
}

// ---------------------------------------------------------------------------
// Tokens

/// Which way a quotation mark faces, as far as its glyph and context tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    Either,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokKind {
    Word,
    Punct(char),
    /// A double quotation mark: straight, curly or guillemet.
    Double(Dir),
    /// A single quotation mark that is not an apostrophe.
    Single(Dir),
}

#[derive(Debug, Clone, Copy)]
struct Token {
    span: Span,
    kind: TokKind,
    /// Sentence number; only equality between tokens matters.
    sent: usize,
}

impl Token {
    fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }

    fn is_word(&self, text: &str, list: &[&str]) -> bool {
        self.kind == TokKind::Word && is_one_of(self.span.of(text), list)
    }

    fn is_double(&self) -> bool {
        matches!(self.kind, TokKind::Double(_))
    }

    fn is_mark(&self) -> bool {
        matches!(self.kind, TokKind::Double(_) | TokKind::Single(_))
    }
}

fn char_at(s: &str, pos: usize) -> Option<char> {
    match s.as_bytes().get(pos) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s[pos..].chars().next(),
        None => None,
    }
}

/// Splits the paragraph `para` into words, punctuation and quotation marks.
fn tokenize(text: &str, para: Span, out: &mut Vec<Token>) {
    out.clear();
    let s = para.of(text);
    let mut pos = 0;
    while let Some(c) = char_at(s, pos) {
        let len = c.len_utf8();
        if c.is_whitespace() {
            pos += len;
            continue;
        }
        let (end, kind) = if c.is_alphanumeric() || is_elision(s, pos, c) {
            (word_end(s, pos), TokKind::Word)
        } else {
            (pos + len, mark_kind(s, pos, c).unwrap_or(TokKind::Punct(c)))
        };
        out.push(Token {
            span: Span::new(para.start + pos, para.start + end),
            kind,
            sent: 0,
        });
        pos = end;
    }
}

/// An apostrophe opening an elided number ('90s) starts a word.
fn is_elision(s: &str, pos: usize, c: char) -> bool {
    matches!(c, '\'' | '‘' | '’')
        && char_at(s, pos + c.len_utf8()).is_some_and(|n| n.is_ascii_digit())
}

/// End of the word starting at `start`: letters and digits, joined by
/// apostrophes and hyphens between them (didn't, Jae-in), with the periods of
/// initials and title abbreviations (U.S., Mrs.).
fn word_end(s: &str, start: usize) -> usize {
    let first = char_at(s, start).map_or(1, char::len_utf8);
    let mut end = start + first;
    let mut segment = start;
    while let Some(c) = char_at(s, end) {
        let len = c.len_utf8();
        let joins = if c.is_alphanumeric() {
            true
        } else if c == '.' {
            is_abbreviation(&s[segment..end], &s[start..end])
        } else if matches!(c, '\'' | '’' | '-' | '&') {
            char_at(s, end + len).is_some_and(char::is_alphanumeric)
        } else {
            false
        };
        if !joins {
            break;
        }
        end += len;
        if c == '.' {
            segment = end;
        }
    }
    end
}

fn is_abbreviation(segment: &str, word: &str) -> bool {
    let initial = segment.len() == 1 && segment.as_bytes()[0].is_ascii_uppercase();
    initial || ABBREVIATIONS.contains(&word)
}

fn mark_kind(s: &str, pos: usize, c: char) -> Option<TokKind> {
    Some(match c {
        '"' => TokKind::Double(context_dir(s, pos, 1)),
        '“' | '„' | '«' => TokKind::Double(Dir::Open),
        '”' | '»' => TokKind::Double(Dir::Close),
        '\'' => TokKind::Single(context_dir(s, pos, 1)),
        '‘' => TokKind::Single(Dir::Open),
        '’' => TokKind::Single(Dir::Close),
        _ => return None,
    })
}

/// Direction of a straight mark: after a gap it opens, before a gap it closes.
fn context_dir(s: &str, pos: usize, len: usize) -> Dir {
    let prev = s[..pos].chars().next_back();
    let next = char_at(s, pos + len);
    let after_gap = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
    let before_gap =
        next.is_none_or(|n| n.is_whitespace() || !(n.is_alphanumeric() || "([{".contains(n)));
    match (after_gap, before_gap) {
        (true, false) => Dir::Open,
        (false, true) => Dir::Close,
        _ => Dir::Either,
    }
}

/// Numbers the sentences of a paragraph's tokens: a new sentence starts at
/// each given sentence start, and also after ". " (or `."`) before a capital
/// or a quotation mark, which covers gaps in the segmenter.
fn assign_sentences(text: &str, starts: &[usize], tokens: &mut [Token]) {
    let Some(first) = tokens.first() else {
        return;
    };
    let mut given = starts.partition_point(|&s| s <= first.span.start);
    let mut extra = 0;
    for i in 0..tokens.len() {
        while given < starts.len() && starts[given] <= tokens[i].span.start {
            given += 1;
        }
        if i > 0 && local_break(text, tokens, i) {
            extra += 1;
        }
        tokens[i].sent = given + extra;
    }
}

fn local_break(text: &str, tokens: &[Token], i: usize) -> bool {
    let prev = &tokens[i - 1];
    let ends = match prev.kind {
        TokKind::Punct('.' | '!' | '?') => true,
        TokKind::Double(Dir::Close | Dir::Either) => {
            i >= 2 && matches!(tokens[i - 2].kind, TokKind::Punct('.' | '!' | '?'))
        }
        _ => false,
    };
    let next = &tokens[i];
    let starts = next.is_double()
        || (next.kind == TokKind::Word && next.span.of(text).starts_with(char::is_uppercase));
    ends && starts && next.span.start > prev.span.end
}

// ---------------------------------------------------------------------------
// Quotation marks

/// A quote found in a paragraph, with the tokens of its marks.
#[derive(Debug, Clone)]
struct Piece {
    quote: Quote,
    open: Option<usize>,
    close: Option<usize>,
    chain: Option<usize>,
}

impl Piece {
    fn new(kind: QuoteKind, paragraph: usize, span: Span) -> Piece {
        Piece {
            quote: Quote {
                kind,
                paragraph,
                span,
                cue: None,
                speaker_mention: None,
                speaker: None,
                about: None,
            },
            open: None,
            close: None,
            chain: None,
        }
    }

    fn attributed(&self) -> bool {
        self.quote.speaker_mention.is_some()
    }
}

/// One paragraph being read: its text, index and tokens.
struct Para<'a> {
    text: &'a str,
    index: usize,
    span: Span,
    tokens: &'a [Token],
    cues: &'a Cues,
}

impl Para<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens[i].span.of(self.text)
    }

    fn is_word(&self, i: usize, list: &[&str]) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.is_word(self.text, list))
    }

    /// A stop word, but not an acronym spelt like one ("US", "IT").
    fn is_stop_word(&self, i: usize) -> bool {
        let word = self.word(i);
        let acronym = word.len() > 1 && word.bytes().all(|b| b.is_ascii_uppercase());
        !acronym && self.is_word(i, STOP_WORDS)
    }

    /// The span from the start of token `a` to the end of token `b`.
    fn range(&self, a: usize, b: usize) -> Span {
        Span::new(self.tokens[a].span.start, self.tokens[b].span.end)
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        b < self.tokens.len() && self.tokens[a].sent == self.tokens[b].sent
    }
}

/// Threads multi-paragraph quotes from one paragraph into the next.
#[derive(Debug, Default)]
struct Chains {
    /// The chain an open quote at the previous paragraph's end continues.
    incoming: Option<usize>,
    next_id: usize,
}

/// Pairs the double quotation marks of a paragraph (and the single ones of
/// the headline) into pieces, in text order.
fn find_marked(para: &Para, continues: bool, chains: &mut Chains) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let pending = pair_doubles(para, &mut pieces);
    if para.index == 0 {
        pair_headline_singles(para, &mut pieces);
    }
    let incoming = chains.incoming.take();
    if let Some(piece) = pieces.iter_mut().find(|p| p.open == Some(0)) {
        piece.chain = incoming;
    }
    if let Some(open) = pending {
        let inherited = if open == 0 { incoming } else { None };
        let chain = if continues {
            let id = inherited.unwrap_or_else(|| {
                chains.next_id += 1;
                chains.next_id
            });
            chains.incoming = Some(id);
            Some(id)
        } else {
            inherited
        };
        pieces.push(open_piece(para, open, chain, continues));
    }
    for piece in &mut pieces {
        if let (Some(open), true) = (piece.open, piece.quote.kind == QuoteKind::Direct) {
            piece.quote.kind = opening_kind(para, open, piece.quote.span);
        }
    }
    pieces.retain(|p| !p.quote.span.is_empty());
    pieces
}

/// The piece of a quote still open at the paragraph end: a quote that
/// `continues` into the next paragraph, else unbalanced.
fn open_piece(para: &Para, open: usize, chain: Option<usize>, continues: bool) -> Piece {
    let span = trim(
        para.text,
        Span::new(para.tokens[open].span.end, para.span.end),
    );
    let kind = if continues {
        QuoteKind::Direct
    } else {
        QuoteKind::Unbalanced
    };
    let mut piece = Piece::new(kind, para.index, span);
    piece.open = Some(open);
    piece.chain = chain;
    piece
}

/// Pairs double marks left to right; returns the mark left open at the end.
fn pair_doubles(para: &Para, pieces: &mut Vec<Piece>) -> Option<usize> {
    let mut open: Option<usize> = None;
    let mut floor = 0;
    for (i, token) in para.tokens.iter().enumerate() {
        let TokKind::Double(dir) = token.kind else {
            continue;
        };
        let opens = match dir {
            Dir::Open => true,
            Dir::Close => false,
            Dir::Either => open.is_none(),
        };
        match (opens, open) {
            (true, None) => open = Some(i),
            (true, Some(o)) => {
                let span = trim(
                    para.text,
                    Span::new(para.tokens[o].span.end, token.span.start),
                );
                let mut piece = Piece::new(QuoteKind::Unbalanced, para.index, span);
                piece.open = Some(o);
                pieces.push(piece);
                open = Some(i);
            }
            (false, Some(o)) => {
                let span = trim(
                    para.text,
                    Span::new(para.tokens[o].span.end, token.span.start),
                );
                let mut piece = Piece::new(QuoteKind::Direct, para.index, span);
                piece.open = Some(o);
                piece.close = Some(i);
                pieces.push(piece);
                open = None;
            }
            (false, None) => pieces.push(stray_piece(para, floor, i)),
        }
        floor = i + 1;
    }
    open
}

/// A closing mark without an opening one: unbalanced, from the paragraph
/// start (or the first sentence after the previous mark) to the mark.
fn stray_piece(para: &Para, floor: usize, close: usize) -> Piece {
    let start = if floor == 0 {
        0
    } else {
        (floor..close)
            .find(|&j| para.tokens[j].sent != para.tokens[floor - 1].sent)
            .unwrap_or(floor)
    };
    let from = para.tokens[start.min(close)].span.start;
    let span = trim(para.text, Span::new(from, para.tokens[close].span.start));
    let mut piece = Piece::new(QuoteKind::Unbalanced, para.index, span);
    piece.close = Some(close);
    piece
}

/// Pairs the single marks of the headline that sit outside double quotes.
fn pair_headline_singles(para: &Para, pieces: &mut Vec<Piece>) {
    let mut open: Option<usize> = None;
    let mut scare = Vec::new();
    for (i, token) in para.tokens.iter().enumerate() {
        let TokKind::Single(dir) = token.kind else {
            continue;
        };
        match (dir, open) {
            (Dir::Open, _) | (Dir::Either, None) => open = Some(i),
            (Dir::Close | Dir::Either, Some(o)) => {
                let inner = Span::new(para.tokens[o].span.end, token.span.start);
                let mut piece = Piece::new(QuoteKind::Scare, para.index, trim(para.text, inner));
                piece.open = Some(o);
                piece.close = Some(i);
                scare.push(piece);
                open = None;
            }
            (Dir::Close, None) => {}
        }
    }
    scare.retain(|s| {
        let outer = para.range(s.open.unwrap_or(0), s.close.unwrap_or(0));
        let k = pieces.partition_point(|p| p.quote.span.end <= outer.start);
        pieces.get(k).is_none_or(|p| !p.quote.span.overlaps(outer))
    });
    pieces.extend(scare);
    pieces.sort_by_key(|p| p.quote.span.start);
}

/// Kind of a quote from what precedes its opening mark.
fn opening_kind(para: &Para, open: usize, span: Span) -> QuoteKind {
    let prev = open.checked_sub(1).map(|i| &para.tokens[i]);
    let after_colon = prev.is_some_and(|t| t.is_punct(':'));
    let starts_sentence = prev.is_none_or(|t| {
        t.sent != para.tokens[open].sent
            || matches!(t.kind, TokKind::Punct('.' | '!' | '?') | TokKind::Double(_))
    });
    if para.index == 0 {
        let words = span.of(para.text).split_whitespace().count();
        return match () {
            _ if starts_sentence || after_colon => QuoteKind::Direct,
            _ if words <= MAX_SCARE_WORDS => QuoteKind::Scare,
            _ => QuoteKind::Partial,
        };
    }
    if starts_sentence || after_colon || follows_cue_with_sentence(para, open, span) {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

/// `he said "We ..."` or `he said, "We ..."`: a whole sentence after a cue.
fn follows_cue_with_sentence(para: &Para, open: usize, span: Span) -> bool {
    let mut j = open;
    if j > 0 && para.tokens[j - 1].is_punct(',') {
        j -= 1;
    }
    let capital = span.of(para.text).starts_with(char::is_uppercase);
    capital
        && j > 0
        && para.tokens[j - 1].kind == TokKind::Word
        && para.cues.match_at(para.text, para.tokens, j - 1).is_some()
}

fn trim(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

fn starts_with_opening_mark(s: &str) -> bool {
    let s = s.trim_start();
    match s.chars().next() {
        Some('“' | '„' | '«') => true,
        Some('"') => context_dir(s, 0, 1) != Dir::Close,
        _ => false,
    }
}

// ---------------------------------------------------------------------------
// Cue sites: a reporting cue with its speaker mention

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// "the official said": mention before the cue.
    Before,
    /// "said the official", "according to the official".
    After,
    /// "but added": the mention of an earlier cue in the sentence.
    Elliptical,
}

#[derive(Debug, Clone)]
struct Site {
    cue: Span,
    cue_first: usize,
    cue_last: usize,
    /// First and last token of the attribution next to the quote.
    first: usize,
    last: usize,
    mention: Span,
    form: Form,
    about: Option<Span>,
    used: bool,
}

enum Walk {
    Found(usize, usize),
    Elliptical,
    Nothing,
}

/// Finds the cues of a paragraph outside its quotes, with their mentions.
fn find_sites(para: &Para, pieces: &[Piece]) -> Vec<Site> {
    let mut sites: Vec<Site> = Vec::new();
    let mut i = 0;
    while i < para.tokens.len() {
        let token = &para.tokens[i];
        let skip = token.kind != TokKind::Word || inside_quote(pieces, token.span.start);
        let found = if skip {
            None
        } else {
            para.cues.match_at(para.text, para.tokens, i)
        };
        match found {
            Some(cue) if !is_passive(para, i, cue.last) => {
                if let Some(site) = site_at(para, i, cue, &sites) {
                    sites.push(site);
                }
                i = cue.last + 1;
            }
            _ => i += 1,
        }
    }
    sites
}

fn inside_quote(pieces: &[Piece], pos: usize) -> bool {
    let k = pieces.partition_point(|p| p.quote.span.end <= pos);
    pieces[k..]
        .iter()
        .take(2)
        .any(|p| p.quote.span.start <= pos && pos < p.quote.span.end)
}

/// "was told", "claimed by": not a report of speech by a mention.
fn is_passive(para: &Para, first: usize, last: usize) -> bool {
    let before = first > 0 && para.is_word(first - 1, PASSIVE_AUXILIARIES);
    before || para.is_word(last + 1, &["by"])
}

fn site_at(para: &Para, first: usize, cue: CueMatch, sites: &[Site]) -> Option<Site> {
    let mut site = Site {
        cue: para.range(first, cue.last),
        cue_first: first,
        cue_last: cue.last,
        first,
        last: cue.last,
        mention: Span::default(),
        form: Form::Before,
        about: None,
        used: false,
    };
    if cue.source_follows || follows_quote(para, first) {
        let (a, b) = forward_mention(para, cue.last + 1)?;
        site.mention = para.range(a, b);
        site.form = Form::After;
        site.last = b;
    } else {
        match walk_back(para, first) {
            Walk::Found(a, b) => {
                site.mention = para.range(a, b);
                site.first = a;
            }
            Walk::Elliptical => {
                let earlier = sites
                    .last()
                    .filter(|s| para.same_sentence(s.cue_first, first))?;
                site.mention = earlier.mention;
                site.form = Form::Elliptical;
            }
            Walk::Nothing => return None,
        }
    }
    if para.is_word(site.last + 1, &["of"]) {
        site.about = forward_phrase(para, site.last + 2).map(|(a, b)| para.range(a, b));
    }
    Some(site)
}

/// The cue at `i` comes right after a closing mark (`"...," said X`).
fn follows_quote(para: &Para, i: usize) -> bool {
    let mut j = i;
    while j > 0 && para.tokens[j - 1].is_punct(',') {
        j -= 1;
    }
    j > 0
        && matches!(
            para.tokens[j - 1].kind,
            TokKind::Double(Dir::Close | Dir::Either)
        )
}

/// Walks back from the cue at `cue` over adverbs and then the mention,
/// checking that the mention starts a clause.
fn walk_back(para: &Para, cue: usize) -> Walk {
    let sent = para.tokens[cue].sent;
    let in_sentence =
        |j: usize| para.tokens[j].sent == sent && para.tokens[j].kind == TokKind::Word;
    let mut end = cue;
    while end > 0
        && cue - end < MAX_SKIPPED_ADVERBS
        && in_sentence(end - 1)
        && para.is_word(end - 1, ADVERBS)
    {
        end -= 1;
    }
    let mut start = end;
    while start > 0
        && end - start < MAX_MENTION_TOKENS
        && in_sentence(start - 1)
        && !para.is_stop_word(start - 1)
    {
        start -= 1;
    }
    let boundary = start
        .checked_sub(1)
        .filter(|&j| para.tokens[j].sent == sent);
    if start == end {
        let ellipsis = boundary.is_some_and(|j| {
            para.is_word(j, &["and", "but"])
                || (para.tokens[j].is_punct(',') && para.word(cue).ends_with("ing"))
        });
        return if ellipsis {
            Walk::Elliptical
        } else {
            Walk::Nothing
        };
    }
    if boundary.is_some_and(|j| !starts_clause(para, j)) || !valid_mention(para, start, end - 1) {
        return Walk::Nothing;
    }
    Walk::Found(start, end - 1)
}

/// Token `j` may sit right before a mention: punctuation, a mark or a clause word.
fn starts_clause(para: &Para, j: usize) -> bool {
    let token = &para.tokens[j];
    token.is_mark()
        || matches!(
            token.kind,
            TokKind::Punct(',' | ';' | ':' | '(' | '—' | '–' | '-')
        )
        || para.is_word(j, CLAUSE_STARTS)
}

/// A pronoun, a description, a name or a short bare noun phrase.
fn valid_mention(para: &Para, a: usize, b: usize) -> bool {
    let first = para.word(a);
    let single = a == b;
    if is_one_of(first, PRONOUNS) {
        return single;
    }
    if is_one_of(first, INDEFINITE_DETERMINERS)
        || is_one_of(first, DEFINITE_DETERMINERS)
        || is_possessive(first)
    {
        return !single;
    }
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    let name =
        capital(first) && (a..=b).all(|j| capital(para.word(j)) || para.is_word(j, NAME_PARTICLES));
    let bare = b - a < 3 && (a..=b).all(|j| para.word(j).starts_with(char::is_lowercase));
    name || bare
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// A mention after a cue: "said Trump", "according to a senior official".
fn forward_mention(para: &Para, from: usize) -> Option<(usize, usize)> {
    let (a, b) = forward_phrase(para, from)?;
    valid_mention(para, a, b).then_some((a, b))
}

/// Words from `from` up to punctuation or a stop word, within one sentence.
fn forward_phrase(para: &Para, from: usize) -> Option<(usize, usize)> {
    let sent = para.tokens.get(from)?.sent;
    let mut end = from;
    while end < para.tokens.len()
        && end - from < MAX_MENTION_TOKENS
        && para.tokens[end].sent == sent
        && para.tokens[end].kind == TokKind::Word
        && !para.is_stop_word(end)
    {
        end += 1;
    }
    (end > from).then(|| (from, end - 1))
}

// ---------------------------------------------------------------------------
// Attribution within a paragraph

/// Attaches the paragraph's quotes to cue sites, then adds its reported speech.
fn attribute_paragraph(para: &Para, pieces: &mut Vec<Piece>) {
    let mut sites = find_sites(para, pieces);
    for piece in pieces.iter_mut() {
        if let Some(s) = site_for(para, piece, &sites) {
            sites[s].used = true;
            attach(&mut piece.quote, &sites[s]);
        }
    }
    let mut indirect = Vec::new();
    for site in sites.iter().filter(|s| !s.used) {
        let Some(content) = reported_content(para, site) else {
            continue;
        };
        let mut quote = Piece::new(QuoteKind::Indirect, para.index, content);
        attach(&mut quote.quote, site);
        if !lend_to_partials(para.text, pieces, &quote.quote) {
            indirect.push(quote);
        }
    }
    pieces.extend(indirect);
}

fn attach(quote: &mut Quote, site: &Site) {
    quote.cue = Some(site.cue);
    quote.speaker_mention = Some(site.mention);
    quote.about = site.about;
}

/// Gives unattributed quotes inside reported speech its cue and speaker.
/// True when a quote carries the speech: it runs to the end of the content
/// after a lead-in of a few words (`said the plan had "failed completely"`).
fn lend_to_partials(text: &str, pieces: &mut [Piece], speech: &Quote) -> bool {
    let content = speech.span;
    let from = pieces.partition_point(|p| p.quote.span.end <= content.start);
    let mut carried = false;
    for piece in pieces[from..]
        .iter_mut()
        .take_while(|p| p.quote.span.start < content.end)
    {
        if !piece.attributed() {
            piece.quote.cue = speech.cue;
            piece.quote.speaker_mention = speech.speaker_mention;
        }
        let lead_in = Span::new(content.start, piece.quote.span.start.max(content.start));
        let words = lead_in
            .of(text)
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        let tail = content.end <= piece.quote.span.end + MAX_MARK_BYTES;
        carried |= tail && words <= MAX_LEAD_IN_WORDS;
    }
    carried
}

/// The site attributing a marked quote: `X said: "..."`, else `"...," X
/// said` / `"...," said X`, else `X said "..."`.
fn site_for(para: &Para, piece: &Piece, sites: &[Site]) -> Option<usize> {
    let before = piece.open.and_then(|o| site_before(para, o, sites));
    if let Some((s, true)) = before {
        return Some(s);
    }
    piece
        .close
        .and_then(|c| site_after(para, c, sites))
        .or(before.map(|(s, _)| s))
}

/// A site ending right before the opening mark `open`; true after a colon.
fn site_before(para: &Para, open: usize, sites: &[Site]) -> Option<(usize, bool)> {
    let mut j = open;
    let colon = j > 0 && para.tokens[j - 1].is_punct(':');
    if j > 0 && (colon || para.tokens[j - 1].is_punct(',')) {
        j -= 1;
    }
    let last = j.checked_sub(1)?;
    let k =
        sites.partition_point(|s| s.cue_first + MAX_MENTION_TOKENS + MAX_SKIPPED_ADVERBS < last);
    sites[k..]
        .iter()
        .take_while(|s| s.cue_first <= last)
        .position(|s| s.last == last && !s.used)
        .map(|p| (k + p, colon))
}

/// A site starting right after the closing mark `close`, in its sentence.
fn site_after(para: &Para, close: usize, sites: &[Site]) -> Option<usize> {
    let mut k = close + 1;
    while k < para.tokens.len() && para.tokens[k].is_punct(',') {
        k += 1;
    }
    if k >= para.tokens.len() {
        return None;
    }
    // `"The talks failed." Trump said.`: a sentence of its own is fine too.
    let split = !para.same_sentence(close, k);
    let from = sites.partition_point(|s| s.cue_first < k);
    sites[from..]
        .iter()
        .take_while(|s| s.cue_first <= k + MAX_MENTION_TOKENS + MAX_SKIPPED_ADVERBS)
        .position(|s| {
            s.first == k
                && s.form != Form::Elliptical
                && !s.used
                && (!split || ends_after(para, s.last))
        })
        .map(|p| from + p)
}

/// Nothing but the sentence end follows token `last`.
fn ends_after(para: &Para, last: usize) -> bool {
    para.tokens
        .get(last + 1)
        .is_none_or(|t| sentence_final(t) || t.sent != para.tokens[last].sent)
}

// ---------------------------------------------------------------------------
// Reported speech

/// The content a cue reports: after it ("said (that) X"), or before it at a
/// sentence end ("X, the official said on Tuesday.").
fn reported_content(para: &Para, site: &Site) -> Option<Span> {
    if site.about.is_some() {
        return None;
    }
    if site.form == Form::After {
        return according_to_content(para, site);
    }
    let k = skip_object(para, site.cue_last + 1);
    if rest_is_adverbial(para, site.cue_last, k) {
        let comma = site.first.checked_sub(1)?;
        let trailing = site.form == Form::Before && para.tokens[comma].is_punct(',');
        return if trailing {
            backward_content(para, comma)
        } else {
            None
        };
    }
    forward_content(para, skip_to_that(para, site.cue_first, k))
}

/// "According to X, CONTENT." or "CONTENT, according to X."
fn according_to_content(para: &Para, site: &Site) -> Option<Span> {
    if para
        .tokens
        .get(site.last + 1)
        .is_some_and(|t| t.is_punct(','))
        && sentence_start(para, site.cue_first) == site.cue_first
    {
        return forward_content(para, site.last + 2);
    }
    let comma = site.cue_first.checked_sub(1)?;
    if para.tokens[comma].is_punct(',') {
        backward_content(para, comma)
    } else {
        None
    }
}

/// Skips the object of "told"-like cues ("told reporters ...").
fn skip_object(para: &Para, k: usize) -> usize {
    let cue = k.checked_sub(1).filter(|&c| para.is_word(c, OBJECT_CUES));
    let Some(cue) = cue else {
        return k;
    };
    if para.is_word(k, OBJECTS) {
        return k + 1;
    }
    let mut end = k;
    while end - k < 3
        && para.same_sentence(cue, end)
        && para.tokens[end].kind == TokKind::Word
        && para.word(end).starts_with(char::is_uppercase)
    {
        end += 1;
    }
    end
}

/// After "said on Tuesday" or "told reporters", moves past a later "that".
fn skip_to_that(para: &Para, cue: usize, k: usize) -> usize {
    let told = para.is_word(cue, OBJECT_CUES);
    if !(told || para.is_word(k, ADVERBIAL_OPENERS)) {
        return if para.is_word(k, &["that"]) { k + 1 } else { k };
    }
    (k..k + MAX_THAT_DISTANCE)
        .take_while(|&j| para.same_sentence(cue, j) && para.tokens[j].kind == TokKind::Word)
        .find(|&j| para.is_word(j, &["that"]))
        .map_or(k, |j| j + 1)
}

/// Nothing but a short adverbial follows the cue to the sentence end.
fn rest_is_adverbial(para: &Para, cue: usize, k: usize) -> bool {
    if !para.same_sentence(cue, k) || para.tokens[k].kind != TokKind::Word {
        return !para.same_sentence(cue, k) || sentence_final(&para.tokens[k]);
    }
    if !para.is_word(k, ADVERBIAL_OPENERS) {
        return false;
    }
    let mut j = k;
    while para.same_sentence(cue, j) {
        let token = &para.tokens[j];
        if j - k > MAX_TRAILING_TOKENS
            || token.is_mark()
            || token.is_punct(':')
            || para.is_word(j, &["that"])
        {
            return false;
        }
        j += 1;
    }
    true
}

fn sentence_final(token: &Token) -> bool {
    matches!(token.kind, TokKind::Punct('.' | '!' | '?'))
}

fn sentence_start(para: &Para, i: usize) -> usize {
    let sent = para.tokens[i].sent;
    let floor = i.saturating_sub(MAX_CONTENT_TOKENS);
    (floor..i)
        .rev()
        .take_while(|&j| para.tokens[j].sent == sent)
        .last()
        .unwrap_or(i)
}

/// The clause from `k`: to the sentence end, a semicolon, or a comma before
/// "but", "although", "while" or a cue ("adding").
fn forward_content(para: &Para, k: usize) -> Option<Span> {
    let first = para.tokens.get(k)?;
    if !(first.kind == TokKind::Word || first.is_double()) || para.is_word(k, &["of"]) {
        return None;
    }
    let mut last = k;
    let mut j = k;
    while j - k < MAX_CONTENT_TOKENS && para.same_sentence(k, j) && !ends_content(para, j) {
        last = j;
        j += 1;
    }
    if last > k && sentence_final(&para.tokens[last]) {
        last -= 1;
    }
    Some(para.range(k, last))
}

fn ends_content(para: &Para, j: usize) -> bool {
    let token = &para.tokens[j];
    if matches!(token.kind, TokKind::Punct(';' | '—')) {
        return true;
    }
    if !token.is_punct(',') {
        return false;
    }
    let mut next = j + 1;
    if para.tokens.get(next).is_some_and(Token::is_double) {
        next += 1;
    }
    next < para.tokens.len()
        && (para.is_word(next, CONTENT_ENDS)
            || (para.word(next).ends_with("ing")
                && para.cues.match_at(para.text, para.tokens, next).is_some()))
}

/// From the sentence start to the comma at `comma`, unless that is a quote.
fn backward_content(para: &Para, comma: usize) -> Option<Span> {
    let last = comma.checked_sub(1)?;
    if para.tokens[last].is_mark() {
        return None;
    }
    let first = sentence_start(para, last);
    (first <= last && para.same_sentence(first, comma)).then(|| para.range(first, last))
}

// ---------------------------------------------------------------------------
// Speakers

#[derive(Debug, Clone, PartialEq, Eq)]
enum MentionKind {
    Pronoun(String),
    Indefinite(String),
    Definite(String),
    Name {
        surname: String,
        given: Option<String>,
        titles: Vec<String>,
    },
}

fn classify_mention(mention: &str) -> MentionKind {
    let words: Vec<&str> = mention.split_whitespace().collect();
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
fn head_noun(words: &[&str]) -> String {
    let end = words
        .iter()
        .skip(1)
        .position(|w| is_one_of(w, HEAD_ENDS))
        .map_or(words.len(), |p| p + 1);
    key(words[..end].last().copied().unwrap_or(""))
}

fn key(word: &str) -> String {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

fn name_parts(words: &[&str]) -> MentionKind {
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
struct Entry {
    speaker: Speaker,
    heads: Vec<String>,
    given: Option<String>,
    words: usize,
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
    last: Option<usize>,
}

/// How many speakers sharing a surname are compared with a new name.
const MAX_NAMESAKES: usize = 8;

impl SpeakerBook {
    fn resolve(&mut self, text: &str, mention: Span) -> usize {
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

    fn create(&mut self, kind: &MentionKind, phrase: &str, mention: Span) -> usize {
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

    fn update(&mut self, index: usize, kind: &MentionKind, phrase: &str) {
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

    fn into_speakers(self) -> Vec<Speaker> {
        self.entries.into_iter().map(|e| e.speaker).collect()
    }
}

fn normalize(phrase: &str) -> String {
    phrase.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A quote of the article with the chain of its multi-paragraph quote.
#[derive(Debug)]
struct Found {
    quote: Quote,
    chain: Option<usize>,
}

/// Resolves mentions to speakers, then gives unattributed quotes the speaker
/// of their multi-paragraph quote, or of the quote before them.
fn resolve(text: &str, found: &mut [Found]) -> Vec<Speaker> {
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

fn share_along_chains(found: &mut [Found]) {
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
fn continue_speakers(found: &mut [Found]) {
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

// ---------------------------------------------------------------------------
// The stage

/// The paragraph's span without surrounding white space (and, for the first
/// body paragraph, without a dateline), if the layout's span is usable.
fn content_span(text: &str, span: Span, index: usize) -> Option<Span> {
    let valid = span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end);
    if !valid {
        return None;
    }
    let mut span = trim(text, span);
    if index == 1 {
        span.start += dateline_length(span.of(text));
    }
    Some(span)
}

/// Bytes of a wire dateline opening `s` ("WASHINGTON (Reuters) -- "), or 0.
fn dateline_length(s: &str) -> usize {
    let mut limit = s.len().min(MAX_DATELINE_BYTES);
    while !s.is_char_boundary(limit) {
        limit -= 1;
    }
    let head = &s[..limit];
    let first_word = head
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    if first_word.len() < 2 || !first_word.bytes().all(|b| b.is_ascii_uppercase()) {
        return 0;
    }
    let Some((at, dash)) = ["--", "—", "–", " - "]
        .iter()
        .filter_map(|d| head.find(d).map(|at| (at, d.len())))
        .min()
    else {
        return 0;
    };
    if !is_dateline(&head[..at]) {
        return 0;
    }
    let rest = &s[at + dash..];
    at + dash + (rest.len() - rest.trim_start().len())
}

/// Every word outside parentheses is capitalised or a number.
fn is_dateline(prefix: &str) -> bool {
    let mut depth = 0usize;
    let mut word_start = true;
    for c in prefix.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if c.is_alphanumeric() => {
                if word_start && depth == 0 && c.is_lowercase() {
                    return false;
                }
                word_start = false;
                continue;
            }
            _ => {}
        }
        word_start = true;
    }
    true
}

/// Finds the quotes and reported speech of one article.
pub fn attribute(text: &str, layout: &Layout, sentences: &[Sentence], cues: &Cues) -> Attribution {
    let mut starts: Vec<usize> = sentences.iter().map(|s| s.span.start).collect();
    starts.sort_unstable();
    let spans: Vec<Option<Span>> = layout
        .paragraphs
        .iter()
        .enumerate()
        .map(|(i, &p)| content_span(text, p, i))
        .collect();
    let mut tokens = Vec::new();
    let mut chains = Chains::default();
    let mut found = Vec::new();
    for (index, span) in spans.iter().enumerate() {
        let Some(span) = *span else {
            chains.incoming = None;
            continue;
        };
        tokenize(text, span, &mut tokens);
        assign_sentences(text, &starts, &mut tokens);
        let para = Para {
            text,
            index,
            span,
            tokens: &tokens,
            cues,
        };
        let next = spans.get(index + 1).copied().flatten();
        let continues = index > 0 && next.is_some_and(|n| starts_with_opening_mark(n.of(text)));
        let mut pieces = find_marked(&para, continues, &mut chains);
        if index > 0 {
            attribute_paragraph(&para, &mut pieces);
        }
        found.extend(pieces.into_iter().map(|p| Found {
            quote: p.quote,
            chain: p.chain,
        }));
    }
    found.sort_by_key(|f| (f.quote.span.start, std::cmp::Reverse(f.quote.span.end)));
    let speakers = resolve(text, &mut found);
    Attribution {
        quotes: found.into_iter().map(|f| f.quote).collect(),
        speakers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::read_layout;
    use crate::segment::split_sentences;
    use crate::types::DocFormat;
    use proptest::prelude::*;

    /// (kind, content, speaker id or "-") of one expected quote.
    type Expected = (&'static str, &'static str, &'static str);
    /// (case name, article text, expected quotes in text order).
    type Case = (&'static str, &'static str, &'static [Expected]);

    /// Body-only article: every blank-line block is a paragraph from 1.
    fn run(text: &str) -> Attribution {
        let layout = read_layout(text, DocFormat::Record);
        let sentences = split_sentences(text, &layout);
        attribute(text, &layout, &sentences, &Cues::embedded())
    }

    /// Article whose first line is its headline (paragraph 0).
    fn run_with_headline(text: &str) -> Attribution {
        let (headline, _) = text.split_once("\n\n").unwrap_or((text, ""));
        let mut layout = read_layout(text, DocFormat::Record);
        layout.paragraphs.remove(1);
        layout.paragraphs[0] = Span::new(0, headline.len());
        let sentences = split_sentences(text, &layout);
        attribute(text, &layout, &sentences, &Cues::embedded())
    }

    /// (kind, content, speaker id or "-") for every quote, in text order.
    fn summary(text: &str, a: &Attribution) -> Vec<(String, String, String)> {
        a.quotes
            .iter()
            .map(|q| {
                let speaker = q.speaker.map_or("-", |s| a.speakers[s].id.as_str());
                (
                    q.kind.to_string(),
                    q.span.of(text).to_string(),
                    speaker.to_string(),
                )
            })
            .collect()
    }

    fn check(name: &str, text: &str, a: &Attribution, expected: &[Expected]) {
        let expected: Vec<(String, String, String)> = expected
            .iter()
            .map(|(k, s, p)| (k.to_string(), s.to_string(), p.to_string()))
            .collect();
        assert_eq!(summary(text, a), expected, "case {name}: {text:?}");
    }

    #[test]
    fn attribution_patterns() {
        let cases: &[Case] = &[
            (
                "quote then mention then cue",
                "\"We will not back down,\" the minister said. ",
                &[("direct", "We will not back down,", "minister-1")],
            ),
            (
                "quote then cue then name with title",
                "\"We will not back down,\" said Japanese Prime Minister Shinzo Abe.",
                &[("direct", "We will not back down,", "abe-1")],
            ),
            (
                "quote without comma",
                "\"Go home\" she said.",
                &[("direct", "Go home", "she-1")],
            ),
            (
                "cue and colon before the quote",
                "The minister said: \"We will not back down.\"",
                &[("direct", "We will not back down.", "minister-1")],
            ),
            (
                "cue right before a sentence quote",
                "The minister said \"We will not back down.\"",
                &[("direct", "We will not back down.", "minister-1")],
            ),
            (
                "partial quote after a cue",
                "The minister said \"we will see\" and left.",
                &[("partial", "we will see", "minister-1")],
            ),
            (
                "according to, first",
                "According to the ministry, the talks will resume in May.",
                &[("indirect", "the talks will resume in May", "ministry-1")],
            ),
            (
                "according to, last",
                "The talks will resume in May, according to a government spokesman.",
                &[("indirect", "The talks will resume in May", "spokesman-1")],
            ),
            (
                "two reported clauses",
                "He said there was blame on both sides, although he stressed the role of the navy.",
                &[
                    ("indirect", "there was blame on both sides", "he-1"),
                    ("indirect", "the role of the navy", "he-1"),
                ],
            ),
            (
                "reported speech with that",
                "The envoy said that the talks had stalled, but refused to say why.",
                &[("indirect", "the talks had stalled", "envoy-1")],
            ),
            (
                "told with an object",
                "The envoy told reporters the talks had stalled.",
                &[("indirect", "the talks had stalled", "envoy-1")],
            ),
            (
                "content then sentence-final cue",
                "The deal is dead but talks continue, a senior official said on Tuesday.",
                &[("indirect", "The deal is dead but talks continue", "official-1")],
            ),
            (
                "partial then elliptical cue with colon",
                "The minister said the plan had \"failed completely,\" but added: \"We will try again.\"",
                &[
                    ("partial", "failed completely,", "minister-1"),
                    ("direct", "We will try again.", "minister-1"),
                ],
            ),
            (
                "partial inside reported speech",
                "The official said both leaders had made \"unhelpful\" choices in the dispute.",
                &[
                    ("indirect", "both leaders had made \"unhelpful\" choices in the dispute", "official-1"),
                    ("partial", "unhelpful", "official-1"),
                ],
            ),
            (
                "subordinate clause and passive are not speech",
                "The talks collapsed when Seoul announced it would leave the pact. The island is also claimed by Japan.",
                &[],
            ),
            (
                "apostrophes are not marks",
                "The minister's aides said they didn't expect the '90s rules to change.",
                &[("indirect", "they didn't expect the '90s rules to change", "aides-1")],
            ),
            (
                "curly marks",
                "“We are ready,” the envoy said. “Talks can start.”",
                &[("direct", "We are ready,", "envoy-1"), ("direct", "Talks can start.", "envoy-1")],
            ),
            (
                "mixed curly and straight marks",
                "“We are ready,\" the envoy said.",
                &[("direct", "We are ready,", "envoy-1")],
            ),
            (
                "nested single quotes stay inside",
                "\"He called it 'unfair,' and left,\" the envoy said.",
                &[("direct", "He called it 'unfair,' and left,", "envoy-1")],
            ),
            (
                "guillemets",
                "«We are ready,» the envoy said.",
                &[("direct", "We are ready,", "envoy-1")],
            ),
            (
                "a quote of a quote is no reported speech",
                "The envoy said: \"They said no.\"",
                &[("direct", "They said no.", "envoy-1")],
            ),
        ];
        for (name, text, expected) in cases {
            check(name, text, &run(text), expected);
        }
    }

    #[test]
    fn cue_span_mention_and_about() {
        let text =
            "\"The drills were unhelpful,\" the official said of the naval exercises on Sunday.";
        let a = run(text);
        let quote = &a.quotes[0];
        assert_eq!(quote.cue.map(|s| s.of(text)), Some("said"));
        assert_eq!(
            quote.speaker_mention.map(|s| s.of(text)),
            Some("the official")
        );
        assert_eq!(quote.about.map(|s| s.of(text)), Some("the naval exercises"));
        assert_eq!(a.quotes.len(), 1, "no reported speech from \"said of\"");
    }

    #[test]
    fn paragraphs_and_continuation() {
        let cases: &[Case] = &[
            (
                "unattributed quotes continue the previous speaker",
                "\"We are ready,\" the envoy said. \"We have waited long enough.\"\n\n\"The next step is theirs.\"",
                &[
                    ("direct", "We are ready,", "envoy-1"),
                    ("direct", "We have waited long enough.", "envoy-1"),
                    ("direct", "The next step is theirs.", "envoy-1"),
                ],
            ),
            (
                "no continuation over a paragraph without quotes",
                "\"We are ready,\" the envoy said.\n\nTalks resume on Monday.\n\n\"Nothing is agreed.\"",
                &[("direct", "We are ready,", "envoy-1"), ("direct", "Nothing is agreed.", "-")],
            ),
            (
                "stray closing mark does not pair with the next paragraph",
                "\"We are ready,\" the envoy said.\n\nThe problem is the timing. It is too late.\"\n\n\"We will wait,\" he said.",
                &[
                    ("direct", "We are ready,", "envoy-1"),
                    ("unbalanced", "The problem is the timing. It is too late.", "envoy-1"),
                    ("direct", "We will wait,", "envoy-1"),
                ],
            ),
            (
                "multi-paragraph quote, speaker first",
                "The envoy said: \"We are ready to talk.\n\n\"But we will not wait forever.\"",
                &[
                    ("direct", "We are ready to talk.", "envoy-1"),
                    ("direct", "But we will not wait forever.", "envoy-1"),
                ],
            ),
            (
                "multi-paragraph quote, speaker last",
                "Talks resumed on Monday.\n\n\"We are ready to talk.\n\n\"But we will not wait forever,\" the envoy said.",
                &[
                    ("direct", "We are ready to talk.", "envoy-1"),
                    ("direct", "But we will not wait forever,", "envoy-1"),
                ],
            ),
            (
                "open quote without a continuation is unbalanced",
                "The envoy said: \"We are ready to talk.\n\nTalks resume on Monday.",
                &[("unbalanced", "We are ready to talk.", "envoy-1")],
            ),
            (
                "closing mark at a paragraph start",
                "The envoy spoke.\n\n\" We are ready.",
                &[("unbalanced", "We are ready.", "-")],
            ),
        ];
        for (name, text, expected) in cases {
            check(name, text, &run(text), expected);
        }
    }

    #[test]
    fn multi_paragraph_pieces_share_one_chain() {
        let text = "\"One.\n\n\"Two.\n\n\"Three,\" the envoy said.";
        let a = run(text);
        let paragraphs: Vec<usize> = a.quotes.iter().map(|q| q.paragraph).collect();
        assert_eq!(paragraphs, [1, 2, 3]);
        assert!(a.quotes.iter().all(|q| q.speaker == Some(0)));
    }

    #[test]
    fn headline_quotes() {
        let cases: &[Case] = &[
            (
                "single scare quotes",
                "Japan rejects 'unfair' demands\n\nTalks resume on Monday.",
                &[("scare", "unfair", "-")],
            ),
            (
                "short double quotes",
                "Minister calls plan \"a mistake\"\n\nTalks resume on Monday.",
                &[("scare", "a mistake", "-")],
            ),
            (
                "possessive is no mark",
                "Japan's leaders' talks stall\n\nTalks resume on Monday.",
                &[],
            ),
        ];
        for (name, text, expected) in cases {
            check(name, text, &run_with_headline(text), expected);
        }
    }

    #[test]
    fn speaker_resolution() {
        let text = "\"We will win,\" said Donald Trump.\n\n\
                    \"They will lose,\" Trump said.\n\n\
                    \"I disagree,\" Hillary Clinton said.\n\n\
                    \"It is over,\" Mrs. Clinton said.\n\n\
                    \"No,\" a senior State Department official said.\n\n\
                    \"Yes,\" the official said.\n\n\
                    \"Maybe,\" another official said.\n\n\
                    \"Fine,\" she said.";
        let a = run(text);
        let ids: Vec<&str> = a
            .quotes
            .iter()
            .map(|q| a.speakers[q.speaker.unwrap()].id.as_str())
            .collect();
        assert_eq!(
            ids,
            [
                "trump-1",
                "trump-1",
                "clinton-1",
                "clinton-1",
                "official-1",
                "official-1",
                "official-2",
                "official-2"
            ]
        );
        let descriptions: Vec<&str> = a.speakers.iter().map(|s| s.description.as_str()).collect();
        assert_eq!(
            descriptions,
            [
                "Donald Trump",
                "Hillary Clinton",
                "a senior State Department official",
                "another official"
            ]
        );
        assert_eq!(
            a.speakers[2].first_mention.of(text),
            "a senior State Department official"
        );
    }

    #[test]
    fn definite_description_picks_the_matching_head() {
        let text = "\"Go,\" a Kremlin spokesman said.\n\n\
                    \"Stay,\" a White House official said.\n\n\
                    \"Wait,\" the spokesman said.";
        let a = run(text);
        let ids: Vec<&str> = a
            .quotes
            .iter()
            .map(|q| a.speakers[q.speaker.unwrap()].id.as_str())
            .collect();
        assert_eq!(ids, ["spokesman-1", "official-1", "spokesman-1"]);
    }

    #[test]
    fn cues_from_text() {
        let cues = Cues::from_text("# verbs\nquipped\nin the words of X\n").unwrap();
        let text = "In the words of one diplomat, the talks were a circus. \"Fine,\" he quipped.";
        let layout = read_layout(text, DocFormat::Record);
        let a = attribute(text, &layout, &split_sentences(text, &layout), &cues);
        let kinds: Vec<QuoteKind> = a.quotes.iter().map(|q| q.kind).collect();
        assert_eq!(kinds, [QuoteKind::Indirect, QuoteKind::Direct]);
        assert_eq!(a.quotes[0].span.of(text), "the talks were a circus");
        assert!(Cues::from_text("# nothing\n").is_err());
        assert!(Cues::from_text("said!\n").is_err());
    }

    #[test]
    fn degenerate_inputs() {
        for text in [
            "",
            "\"",
            "\"\"",
            "“”",
            "\"\n\n\"",
            "'''",
            "”\n\n“",
            ":\"",
            "\" said he\"",
        ] {
            let a = run(text);
            for q in &a.quotes {
                assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            }
        }
    }

    #[test]
    fn long_quote() {
        let body = "word ".repeat(20_000);
        let text = format!("\"{}\" he said.", body.trim_end());
        let a = run(&text);
        assert_eq!(a.quotes.len(), 1);
        assert_eq!(a.quotes[0].span.len(), body.trim_end().len());
        assert_eq!(a.speakers[0].id, "he-1");
    }

    #[test]
    fn article_that_is_one_long_quote() {
        let text = "\"Step one. ".to_string() + &"\n\n\"More words here. ".repeat(50);
        let a = run(&text);
        assert_eq!(a.quotes.len(), 51);
        assert!(a.quotes[..50].iter().all(|q| q.kind == QuoteKind::Direct));
        assert_eq!(a.quotes[50].kind, QuoteKind::Unbalanced);
    }

    fn soup() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "\"",
            "“",
            "”",
            "'",
            "‘",
            "’",
            "«",
            "»",
            "a",
            "Bo",
            " ",
            "\n",
            "\n\n",
            ". ",
            ",",
            ":",
            " said ",
            " he ",
            "the official",
            "according to",
            "é",
            "\u{a0}",
            "that ",
            "(",
            ")",
        ]);
        prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn soup_never_breaks_the_invariants(text in soup()) {
            let layout = read_layout(&text, DocFormat::Record);
            let a = attribute(&text, &layout, &split_sentences(&text, &layout), &Cues::embedded());
            let mut direct: Vec<Span> =
                a.quotes.iter().filter(|q| q.kind == QuoteKind::Direct).map(|q| q.span).collect();
            direct.sort_unstable();
            for pair in direct.windows(2) {
                prop_assert!(!pair[0].overlaps(pair[1]), "overlapping direct quotes {:?}", pair);
            }
            for q in &a.quotes {
                let paragraph = layout.paragraphs[q.paragraph];
                prop_assert!(paragraph.contains(q.span), "{:?} outside its paragraph", q);
                for span in [Some(q.span), q.cue, q.speaker_mention, q.about].into_iter().flatten() {
                    prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
                }
                prop_assert!(q.speaker.is_none_or(|s| s < a.speakers.len()));
            }
        }
    }
}
