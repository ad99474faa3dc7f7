//! Quotations and speakers: the quotes stage of the pipeline.
//!
//! This module owns everything between sentences and speakers, in PolNeAR's
//! sense of attribution (a source, a cue and a content):
//!
//! - `marks`: pairs quotation marks per paragraph under the news convention
//!   (a quote left open at a paragraph end continues only into a paragraph
//!   that starts with an opening mark) and classifies each quote (direct,
//!   partial, scare, unbalanced). Quotes are double-quoted in the body and
//!   single-quoted in the headline, except in articles written in the
//!   British tabloid style, whose body quotes in single marks
//!   (`quotes_in_single_marks`).
//! - `cues` and `sites`: finds the reporting cues of `lexicons/reporting_verbs.txt`
//!   (speech, thought and impersonal cues), "according to X", "In a poll, ...",
//!   "Source: ..." paragraphs, with the speaker mention next to each cue:
//!   before it ("the official said", "Smith, a spokesman, said"), after it
//!   ("said Smith"), borrowed by a participle (", saying") or none.
//! - `speech`: attaches quotes to their cues, joins the pieces of a quote
//!   that its attribution interrupts, and finds reported speech and thought
//!   before, after or around a cue ("The deal, he said, is dead."); a cue or
//!   a quote inside reported speech is part of it.
//! - `classify`: what a speaker mention says: a pronoun, a name (and the
//!   person's name as written), or a description, with gender and number.
//! - `speakers`: resolves mentions to one speaker per person or body within
//!   the article.
//!
//! Work is linear in the article: each paragraph is tokenised and each word
//! looked up once, and every attribution looks at a bounded window of tokens
//! around its quote or cue. A quote's span may hold its own cue and mention
//! (`We won," she said. "They lost.`); multi-paragraph quotes are emitted as
//! one `Quote` per paragraph piece, and the pieces share their speaker.

mod classify;
mod cues;
mod marks;
mod mentions;
mod sites;
mod speakers;
mod speech;
#[cfg(test)]
mod tests;
mod tokens;
mod words;

pub use cues::Cues;

use crate::types::{Attribution, Layout, Sentence, Span};
use marks::{find_marked, starts_with_opening_mark, trim, Chains};
use speakers::{resolve, Found};
use speech::attribute_paragraph;
use tokens::{annotate, assign_sentences, tokenize, Para, TokKind, Token};

/// Longest speaker mention, in word tokens.
const MAX_MENTION_TOKENS: usize = 12;
/// Longest mention of bare lowercase words that does not open with a
/// plural ("senior aides" but not "support for the plan among").
const MAX_BARE_MENTION_WORDS: usize = 3;
/// Most words before the colon of a paragraph that opens with its source
/// ("Poll: ...", "Q: ...").
const MAX_COLON_SOURCE_WORDS: usize = 5;
/// Longest subject taken from the sentence start when no shorter mention
/// sits before a cue.
const MAX_SUBJECT_TOKENS: usize = 30;
/// How far back from a participle its clause's subject is looked for.
const MAX_SUBJECT_DISTANCE: usize = 60;
/// Longest apposition or relative clause inside a mention, in tokens
/// ("Smith, a spokesman for the campaign, said").
const MAX_APPOSITION_TOKENS: usize = 30;
/// Longest parenthetical between a mention and its cue, in tokens
/// ("Smith, for example, said").
const MAX_PARENTHETICAL_TOKENS: usize = 5;
/// Longest attribution (mention with apposition, adverbs and cue), in tokens.
const MAX_ATTRIBUTION_TOKENS: usize = 48;
/// Adverbs and auxiliaries skipped between a mention and its cue ("he also said").
const MAX_SKIPPED_ADVERBS: usize = 4;
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

/// Whether the body (the paragraphs after the headline) quotes in single
/// marks, as British tabloids do ('We won,' he said.): it has no double
/// mark, and some single mark closes after a sentence's punctuation (`,'`,
/// `.'`, `?'`, `!'` before a space or the paragraph end).
fn quotes_in_single_marks(text: &str, spans: &[Option<Span>]) -> bool {
    const DOUBLES: [char; 6] = ['"', '\u{201c}', '\u{201d}', '\u{201e}', '\u{ab}', '\u{bb}'];
    let body = || spans.iter().skip(1).flatten().map(|s| s.of(text));
    if body().any(|p| p.contains(DOUBLES) || p.contains("''")) {
        return false;
    }
    body().any(|p| {
        p.match_indices(['\'', '\u{2019}']).any(|(i, mark)| {
            let after = &p[i + mark.len()..];
            p[..i].ends_with([',', '.', '?', '!'])
                && after.chars().next().is_none_or(char::is_whitespace)
        })
    })
}

/// Reads a paragraph's single quotation marks as double ones.
fn singles_as_doubles(tokens: &mut [Token]) {
    for token in tokens {
        if let TokKind::Single(dir) = token.kind {
            token.kind = TokKind::Double(dir);
        }
    }
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

/// Finds the quotes and reported speech of one article. Never inlined, so
/// that profiles show the stage on its own.
#[inline(never)]
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
    let mut firsts = Vec::new();
    let mut matches = Vec::new();
    let mut chains = Chains::default();
    let mut found = Vec::new();
    let single_marks = quotes_in_single_marks(text, &spans);
    for (index, span) in spans.iter().enumerate() {
        let Some(span) = *span else {
            chains.incoming = None;
            continue;
        };
        tokenize(text, span, &mut tokens);
        if single_marks && index > 0 {
            singles_as_doubles(&mut tokens);
        }
        assign_sentences(text, &starts, &mut tokens, &mut firsts);
        annotate(text, &mut tokens, cues, &mut matches);
        let para = Para {
            text,
            index,
            span,
            tokens: &tokens,
            sentences: &firsts,
            cues: &matches,
        };
        let next = spans.get(index + 1).copied().flatten();
        let continues = index > 0 && next.is_some_and(|n| starts_with_opening_mark(n.of(text)));
        let mut pieces = find_marked(&para, continues, &mut chains);
        attribute_paragraph(&para, &mut pieces);
        found.extend(pieces.into_iter().map(|p| Found {
            quote: p.quote,
            chain: p.chain,
        }));
    }
    found.sort_by_key(|f| (f.quote.span.start, std::cmp::Reverse(f.quote.span.end)));
    let speakers = resolve(text, &mut found, &starts, cues);
    Attribution {
        quotes: found.into_iter().map(|f| f.quote).collect(),
        speakers,
    }
}
