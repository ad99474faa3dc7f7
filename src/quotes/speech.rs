//! Attribution within a paragraph: quotes attached to their cue sites, and
//! reported speech found from the sites no quote uses.

use super::marks::Piece;
use super::sites::{find_sites, Form, Site};
use super::tokens::{Para, TokKind, Token};
use super::words::{ADVERBIAL_OPENERS, CONTENT_ENDS, OBJECTS, OBJECT_CUES};
use super::{
    MAX_CONTENT_TOKENS, MAX_LEAD_IN_WORDS, MAX_MARK_BYTES, MAX_MENTION_TOKENS, MAX_SKIPPED_ADVERBS,
    MAX_THAT_DISTANCE, MAX_TRAILING_TOKENS,
};
use crate::types::{Quote, QuoteKind, Span};

/// Attaches the paragraph's quotes to cue sites, then adds its reported speech.
pub(super) fn attribute_paragraph(para: &Para, pieces: &mut Vec<Piece>) {
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

pub(super) fn attach(quote: &mut Quote, site: &Site) {
    quote.cue = Some(site.cue);
    quote.speaker_mention = Some(site.mention);
    quote.about = site.about;
}

/// Gives unattributed quotes inside reported speech its cue and speaker.
/// True when a quote carries the speech: it runs to the end of the content
/// after a lead-in of a few words (`said the plan had "failed completely"`).
pub(super) fn lend_to_partials(text: &str, pieces: &mut [Piece], speech: &Quote) -> bool {
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
pub(super) fn site_for(para: &Para, piece: &Piece, sites: &[Site]) -> Option<usize> {
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
pub(super) fn site_before(para: &Para, open: usize, sites: &[Site]) -> Option<(usize, bool)> {
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
pub(super) fn site_after(para: &Para, close: usize, sites: &[Site]) -> Option<usize> {
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
pub(super) fn ends_after(para: &Para, last: usize) -> bool {
    para.tokens
        .get(last + 1)
        .is_none_or(|t| sentence_final(t) || t.sent != para.tokens[last].sent)
}

// ---------------------------------------------------------------------------
// Reported speech

/// The content a cue reports: after it ("said (that) X"), or before it at a
/// sentence end ("X, the official said on Tuesday.").
pub(super) fn reported_content(para: &Para, site: &Site) -> Option<Span> {
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
pub(super) fn according_to_content(para: &Para, site: &Site) -> Option<Span> {
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
pub(super) fn skip_object(para: &Para, k: usize) -> usize {
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
pub(super) fn skip_to_that(para: &Para, cue: usize, k: usize) -> usize {
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
pub(super) fn rest_is_adverbial(para: &Para, cue: usize, k: usize) -> bool {
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

pub(super) fn sentence_final(token: &Token) -> bool {
    matches!(token.kind, TokKind::Punct('.' | '!' | '?'))
}

pub(super) fn sentence_start(para: &Para, i: usize) -> usize {
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
pub(super) fn forward_content(para: &Para, k: usize) -> Option<Span> {
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

pub(super) fn ends_content(para: &Para, j: usize) -> bool {
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
pub(super) fn backward_content(para: &Para, comma: usize) -> Option<Span> {
    let last = comma.checked_sub(1)?;
    if para.tokens[last].is_mark() {
        return None;
    }
    let first = sentence_start(para, last);
    (first <= last && para.same_sentence(first, comma)).then(|| para.range(first, last))
}
