//! Quotation marks: pairs them per paragraph into pieces under the news
//! convention and classifies each piece (direct, partial, scare, unbalanced).

use super::tokens::{context_dir, Dir, Para, TokKind};
use super::MAX_SCARE_WORDS;
use crate::types::{Quote, QuoteKind, Span};

/// A quote found in a paragraph, with the tokens of its marks.
#[derive(Debug, Clone)]
pub(super) struct Piece {
    pub(super) quote: Quote,
    pub(super) open: Option<usize>,
    pub(super) close: Option<usize>,
    pub(super) chain: Option<usize>,
    /// Index of the cue site attributing it, within its paragraph.
    pub(super) site: Option<usize>,
}

impl Piece {
    pub(super) fn new(kind: QuoteKind, paragraph: usize, span: Span) -> Piece {
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
            site: None,
        }
    }

    pub(super) fn attributed(&self) -> bool {
        self.quote.cue.is_some()
    }
}
/// Threads multi-paragraph quotes from one paragraph into the next.
#[derive(Debug, Default)]
pub(super) struct Chains {
    /// The chain an open quote at the previous paragraph's end continues.
    pub(super) incoming: Option<usize>,
    pub(super) next_id: usize,
}

/// Pairs the double quotation marks of a paragraph (and the single ones of
/// the headline) into pieces, in text order.
pub(super) fn find_marked(para: &Para, continues: bool, chains: &mut Chains) -> Vec<Piece> {
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
pub(super) fn open_piece(para: &Para, open: usize, chain: Option<usize>, continues: bool) -> Piece {
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
pub(super) fn pair_doubles(para: &Para, pieces: &mut Vec<Piece>) -> Option<usize> {
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
pub(super) fn stray_piece(para: &Para, floor: usize, close: usize) -> Piece {
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

/// Pairs the single marks of the headline that sit outside double quotes;
/// a few words inside them are scare quotes, a whole clause a quotation.
pub(super) fn pair_headline_singles(para: &Para, pieces: &mut Vec<Piece>) {
    let mut open: Option<usize> = None;
    let mut scare = Vec::new();
    for (i, token) in para.tokens.iter().enumerate() {
        let TokKind::Single(dir) = token.kind else {
            continue;
        };
        match (dir, open) {
            (Dir::Open, _) | (Dir::Either, None) => open = Some(i),
            (Dir::Close | Dir::Either, Some(o)) => {
                let inner = trim(
                    para.text,
                    Span::new(para.tokens[o].span.end, token.span.start),
                );
                let mut piece = Piece::new(opening_kind(para, o, inner), para.index, inner);
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
pub(super) fn opening_kind(para: &Para, open: usize, span: Span) -> QuoteKind {
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
pub(super) fn follows_cue_with_sentence(para: &Para, open: usize, span: Span) -> bool {
    let mut j = open;
    if j > 0 && para.tokens[j - 1].is_punct(',') {
        j -= 1;
    }
    let capital = span.of(para.text).starts_with(char::is_uppercase);
    capital && j > 0 && para.tokens[j - 1].kind == TokKind::Word && para.cue_at(j - 1).is_some()
}

pub(super) fn trim(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

pub(super) fn starts_with_opening_mark(s: &str) -> bool {
    let s = s.trim_start();
    match s.chars().next() {
        Some('“' | '„' | '«') => true,
        Some('"') => context_dir(s, 0, 1) != Dir::Close,
        Some('\'') => s.starts_with("''") && context_dir(s, 0, 2) != Dir::Close,
        _ => false,
    }
}
