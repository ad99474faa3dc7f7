//! Cue sites: a reporting cue outside quotation marks with the speaker
//! mention next to it.

use super::cues::CueMatch;
use super::marks::Piece;
use super::tokens::{Dir, Para, TokKind};
use super::words::{
    is_one_of, ADVERBS, CLAUSE_STARTS, DEFINITE_DETERMINERS, INDEFINITE_DETERMINERS,
    NAME_PARTICLES, PASSIVE_AUXILIARIES, PRONOUNS,
};
use super::{MAX_MENTION_TOKENS, MAX_SKIPPED_ADVERBS};
use crate::types::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// "the official said": mention before the cue.
    Before,
    /// "said the official", "according to the official".
    After,
    /// "but added": the mention of an earlier cue in the sentence.
    Elliptical,
}

#[derive(Debug, Clone)]
pub(super) struct Site {
    pub(super) cue: Span,
    pub(super) cue_first: usize,
    pub(super) cue_last: usize,
    /// First and last token of the attribution next to the quote.
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) mention: Span,
    pub(super) form: Form,
    pub(super) about: Option<Span>,
    pub(super) used: bool,
}

pub(super) enum Walk {
    Found(usize, usize),
    Elliptical,
    Nothing,
}

/// Finds the cues of a paragraph outside its quotes, with their mentions.
pub(super) fn find_sites(para: &Para, pieces: &[Piece]) -> Vec<Site> {
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

pub(super) fn inside_quote(pieces: &[Piece], pos: usize) -> bool {
    let k = pieces.partition_point(|p| p.quote.span.end <= pos);
    pieces[k..]
        .iter()
        .take(2)
        .any(|p| p.quote.span.start <= pos && pos < p.quote.span.end)
}

/// "was told", "claimed by": not a report of speech by a mention.
pub(super) fn is_passive(para: &Para, first: usize, last: usize) -> bool {
    let before = first > 0 && para.is_word(first - 1, PASSIVE_AUXILIARIES);
    before || para.is_word(last + 1, &["by"])
}

pub(super) fn site_at(para: &Para, first: usize, cue: CueMatch, sites: &[Site]) -> Option<Site> {
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
pub(super) fn follows_quote(para: &Para, i: usize) -> bool {
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
pub(super) fn walk_back(para: &Para, cue: usize) -> Walk {
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
pub(super) fn starts_clause(para: &Para, j: usize) -> bool {
    let token = &para.tokens[j];
    token.is_mark()
        || matches!(
            token.kind,
            TokKind::Punct(',' | ';' | ':' | '(' | '—' | '–' | '-')
        )
        || para.is_word(j, CLAUSE_STARTS)
}

/// A pronoun, a description, a name or a short bare noun phrase.
pub(super) fn valid_mention(para: &Para, a: usize, b: usize) -> bool {
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

pub(super) fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// A mention after a cue: "said Trump", "according to a senior official".
pub(super) fn forward_mention(para: &Para, from: usize) -> Option<(usize, usize)> {
    let (a, b) = forward_phrase(para, from)?;
    valid_mention(para, a, b).then_some((a, b))
}

/// Words from `from` up to punctuation or a stop word, within one sentence.
pub(super) fn forward_phrase(para: &Para, from: usize) -> Option<(usize, usize)> {
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
