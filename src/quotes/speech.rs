//! Attribution within a paragraph: quotes attached to their cue sites and
//! joined across the attribution that interrupts them, then reported
//! speech and thought found from the sites no quote uses.

use super::cues::CueKind;
use super::marks::Piece;
use super::mentions::is_manner_adverb;
use super::sites::{find_sites, Form, Site};
use super::tokens::{Dir, Para, TokKind, Token};
use super::words::{
    ADVERBIAL_OPENERS, CLAUSE_OPENERS, CONTENT_ENDS, DETERMINER, FRONTED_SUBORDINATORS,
    MID_CONTENT_ENDS, OBJECTS, OBJECT_CUES, PRONOUN, TIME_OPENERS, TIME_WORD,
};
use super::{
    MAX_APPOSITION_TOKENS, MAX_ATTRIBUTION_TOKENS, MAX_CONTENT_TOKENS, MAX_LEAD_IN_WORDS,
    MAX_MARK_BYTES, MAX_SCARE_WORDS, MAX_THAT_DISTANCE, MAX_TRAILING_TOKENS,
};
use crate::types::{Quote, QuoteKind, Span};

/// How many neighbouring cues of a sentence a content is compared with
/// when nested cues are dropped.
const MAX_NESTING_NEIGHBOURS: usize = 8;
/// Longest object of a "told"-like cue ("told the party's donors").
const MAX_OBJECT_TOKENS: usize = 5;
/// Most words after a stray mark that are no speech (`author="`).
const MAX_STRAY_WORDS: usize = 2;
/// How far a quote inside reported speech may run past its end (the
/// punctuation and mark after the last word).
const MAX_OVERHANG_BYTES: usize = 8;

/// Attaches the paragraph's quotes to cue sites, joins the pieces of a
/// quote interrupted by its attribution, then adds reported speech.
pub(super) fn attribute_paragraph(para: &Para, pieces: &mut Vec<Piece>) {
    let mut sites = find_sites(para, pieces);
    for piece in pieces.iter_mut() {
        if let Some(s) = site_for(para, piece, &sites) {
            sites[s].used = true;
            attach(&mut piece.quote, &sites[s]);
            piece.site = Some(s);
        }
    }
    join_interrupted(para, pieces, &sites);
    let speech = reported_speech(para, &sites);
    let mut kept = Vec::new();
    for (quote, forward) in speech {
        if !(lend_to_partials(para.text, pieces, &quote.quote) && forward) {
            kept.push(quote);
        }
    }
    absorb_nested(pieces, &kept);
    pieces.extend(kept);
    pieces.sort_by_key(|p| p.quote.span.start);
    mark_distance(para.text, pieces);
    continue_attribution(pieces);
}

/// A quote no cue attributes continues the attribution of the quote
/// before it in the paragraph (`"We won," she said. "They lost."` when the
/// two are not joined).
fn continue_attribution(pieces: &mut [Piece]) {
    let mut previous: Option<(Option<Span>, Option<Span>)> = None;
    for piece in pieces.iter_mut() {
        let spoken = matches!(
            piece.quote.kind,
            QuoteKind::Direct | QuoteKind::Partial | QuoteKind::Unbalanced
        );
        if let Some((cue, mention)) = previous.filter(|_| spoken && !piece.attributed()) {
            piece.quote.cue = cue;
            piece.quote.speaker_mention = mention;
        }
        if piece.attributed() {
            previous = Some((piece.quote.cue, piece.quote.speaker_mention));
        }
    }
}

/// A few quoted words that no cue attributes are marks used for distance;
/// so are a word or two after a stray mark (`author="`, `'@handle`).
fn mark_distance(text: &str, pieces: &mut [Piece]) {
    for piece in pieces.iter_mut().filter(|p| !p.attributed()) {
        let words = piece.quote.span.of(text).split_whitespace().count();
        let distance = match piece.quote.kind {
            QuoteKind::Partial => words <= MAX_SCARE_WORDS,
            QuoteKind::Unbalanced => words <= MAX_STRAY_WORDS,
            _ => false,
        };
        if distance {
            piece.quote.kind = QuoteKind::Scare;
        }
    }
}

fn attach(quote: &mut Quote, site: &Site) {
    quote.cue = Some(site.cue);
    quote.speaker_mention = site.mention;
    quote.about = site.about;
}

// ---------------------------------------------------------------------------
// Quotes and their sites

/// The site attributing a marked quote: `X said: "..."`, else `"...," X
/// said` / `"...," said X`, else `X said "..."`. A partial quote is left
/// to the reported speech around it when words of the sentence precede it
/// (`The plan was "dead," he said.`) or follow it (`He said "zero" voters
/// came.`).
fn site_for(para: &Para, piece: &Piece, sites: &[Site]) -> Option<usize> {
    if piece.quote.kind == QuoteKind::Scare {
        return None;
    }
    let before = piece.open.and_then(|o| site_before(para, o, sites));
    if let Some((s, true)) = before {
        return Some(s);
    }
    let partial = piece.quote.kind == QuoteKind::Partial;
    let after = piece.close.and_then(|c| site_after(para, c, sites));
    let mid_sentence = piece
        .open
        .is_some_and(|o| o > para.sentence_first(o) && !opens_clause(para, o));
    if let Some(s) = after.filter(|_| !(partial && mid_sentence)) {
        return Some(s);
    }
    let runs_on = piece.close.is_some_and(|c| !ends_after(para, c));
    before.map(|(s, _)| s).filter(|_| !(partial && runs_on))
}

/// The mark at `open` follows punctuation that opens a clause.
fn opens_clause(para: &Para, open: usize) -> bool {
    matches!(
        para.tokens[open - 1].kind,
        TokKind::Punct(':' | ';' | '(' | '—' | '–')
    )
}

/// A site ending right before the opening mark `open`; true after a colon.
fn site_before(para: &Para, open: usize, sites: &[Site]) -> Option<(usize, bool)> {
    let mut j = open;
    let colon = j > 0 && para.tokens[j - 1].is_punct(':');
    if j > 0 && (colon || para.tokens[j - 1].is_punct(',')) {
        j -= 1;
    }
    let last = j.checked_sub(1)?;
    let k = sites.partition_point(|s| s.cue_first + MAX_ATTRIBUTION_TOKENS < last);
    sites[k..]
        .iter()
        .take_while(|s| s.cue_first <= last + 1)
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
        .take_while(|s| s.cue_first <= k + MAX_ATTRIBUTION_TOKENS)
        .position(|s| {
            s.first == k
                && s.form != Form::Elliptical
                && !s.used
                && attribution_ends(para, s.last)
                && (!split || ends_after(para, s.last))
        })
        .map(|p| from + p)
}

/// The attribution ending at `last` reports nothing after it: no clause
/// follows it ("said yes", "said the talks failed").
fn attribution_ends(para: &Para, last: usize) -> bool {
    let k = object_end(para, last + 1);
    let clause = para.same_sentence(last, k)
        && !rest_is_adverbial(para, last, k)
        && (para.is_word(k, CLAUSE_OPENERS) || para.has(k, PRONOUN) || para.has(k, DETERMINER));
    !clause
}

/// Nothing but the sentence end follows token `last`.
fn ends_after(para: &Para, last: usize) -> bool {
    para.tokens
        .get(last + 1)
        .is_none_or(|t| sentence_final(t) || t.sent != para.tokens[last].sent)
}

/// Joins consecutive quotes that only their attribution separates
/// (`"We won," she said. "They lost."`) into one quote spanning both.
fn join_interrupted(para: &Para, pieces: &mut Vec<Piece>, sites: &[Site]) {
    let mut joined: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces.drain(..) {
        match joined.last_mut() {
            Some(last) if interrupted(para, last, &piece, sites) => join(last, piece),
            _ => joined.push(piece),
        }
    }
    *pieces = joined;
}

fn is_spoken(piece: &Piece) -> bool {
    matches!(piece.quote.kind, QuoteKind::Direct | QuoteKind::Partial)
}

/// Only punctuation and the attribution of one of the two quotes (with
/// an adverbial after its cue) lie between them.
fn interrupted(para: &Para, a: &Piece, b: &Piece, sites: &[Site]) -> bool {
    let (Some(close), Some(open)) = (a.close, b.open) else {
        return false;
    };
    let both_chained = a.chain.is_some() && b.chain.is_some();
    if !(is_spoken(a) && is_spoken(b)) || both_chained || open <= close {
        return false;
    }
    let gap = Span::new(para.tokens[close].span.end, para.tokens[open].span.start);
    if gap.of(para.text).contains('\n') || is_object(para, a) || is_object(para, b) {
        return false;
    }
    let site = match (a.site, b.site) {
        (Some(x), Some(y)) if x != y => return false,
        (x, y) => x.or(y).map(|s| &sites[s]),
    };
    (close + 1..open).all(|j| {
        let token = &para.tokens[j];
        matches!(token.kind, TokKind::Punct(_))
            || site.is_some_and(|s| {
                (s.first..=s.last).contains(&j)
                    || (j > s.last && para.same_sentence(s.last, j) && !para.same_sentence(j, open))
            })
    })
}

/// `told "Sports Hour,"`: an unattributed quote right after a word is
/// that word's object, not a piece of speech.
fn is_object(para: &Para, piece: &Piece) -> bool {
    piece.site.is_none()
        && piece
            .open
            .is_some_and(|o| o > 0 && para.tokens[o - 1].kind == TokKind::Word)
}

fn join(a: &mut Piece, b: Piece) {
    a.quote.span.end = b.quote.span.end;
    a.close = b.close;
    if b.quote.kind == QuoteKind::Direct {
        a.quote.kind = QuoteKind::Direct;
    }
    if a.quote.cue.is_none() {
        a.quote.cue = b.quote.cue;
        a.quote.speaker_mention = b.quote.speaker_mention;
        a.quote.about = b.quote.about;
    }
    a.site = a.site.or(b.site);
    a.chain = a.chain.or(b.chain);
}

/// Gives unattributed quotes inside reported speech its cue and speaker.
/// True when a quote carries the speech: it runs to the end of the content
/// after a lead-in of a few words and makes up most of it (`said the plan
/// had "failed completely"`).
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
        let most = piece.quote.span.len() >= 2 * lead_in.len();
        carried |= tail && most && words <= MAX_LEAD_IN_WORDS;
    }
    carried
}

/// Drops the quotes that open inside reported speech: they are part of it
/// (`said the plan was "a disaster" for the party`), also when the speech
/// ends at punctuation inside their closing mark (`was "about right,"
/// though`).
fn absorb_nested(pieces: &mut Vec<Piece>, speech: &[Piece]) {
    if speech.is_empty() {
        return;
    }
    let mut spans: Vec<Span> = speech.iter().map(|s| s.quote.span).collect();
    spans.sort_unstable();
    pieces.retain(|p| {
        let quote = p.quote.span;
        let k = spans.partition_point(|s| s.start <= quote.start);
        k == 0 || {
            let s = spans[k - 1];
            !(quote.start < s.end && quote.end <= s.end + MAX_OVERHANG_BYTES)
        }
    });
}

// ---------------------------------------------------------------------------
// Reported speech

/// The content of a cue site, as a token range.
#[derive(Debug, Clone, Copy)]
struct Content {
    first: usize,
    last: usize,
}

/// Reported speech and thought of the sites no quote uses, each with
/// whether its content follows the cue; a cue inside the content of
/// another is part of that content and reports nothing.
fn reported_speech(para: &Para, sites: &[Site]) -> Vec<(Piece, bool)> {
    let mut starts: Vec<usize> = sites.iter().map(|s| s.first).collect();
    starts.sort_unstable();
    let found: Vec<(usize, Content)> = sites
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.used && s.about.is_none())
        .filter_map(|(k, s)| content_of(para, s, &starts).map(|c| (k, c)))
        .collect();
    let mut out = Vec::new();
    for (n, &(k, content)) in found.iter().enumerate() {
        let site = &sites[k];
        let lo = n.saturating_sub(MAX_NESTING_NEIGHBOURS);
        // When two contents hold each other's cue, the earlier cue wins.
        let nested = found[lo..(n + MAX_NESTING_NEIGHBOURS + 1).min(found.len())]
            .iter()
            .any(|&(m, c)| {
                let other = &sites[m];
                let mutual = inside(other, content, site) && other.cue_first > site.cue_first;
                m != k && inside(site, c, other) && !mutual
            });
        if nested {
            continue;
        }
        let kind = match site.kind {
            CueKind::Speech => QuoteKind::Indirect,
            CueKind::Thought | CueKind::Impersonal => QuoteKind::Thought,
        };
        let mut piece = Piece::new(kind, para.index, para.range(content.first, content.last));
        attach(&mut piece.quote, site);
        out.push((piece, content.first > site.cue_last));
    }
    out
}

/// The cue of `site` lies in the content `c` of `other`, outside other's
/// own attribution.
fn inside(site: &Site, c: Content, other: &Site) -> bool {
    let cue = site.cue_first;
    (c.first..=c.last).contains(&cue) && !(other.first..=other.last).contains(&cue)
}

/// The content a cue reports: after it ("said (that) X"), before it at a
/// sentence end ("X, the official said on Tuesday."), or around it ("The
/// deal, he said, is dead.").
fn content_of(para: &Para, site: &Site, starts: &[usize]) -> Option<Content> {
    if site.as_clause {
        if let Some(c) = as_clause_content(para, site, starts) {
            return Some(c);
        }
    }
    match site.form {
        Form::After => return after_content(para, site, starts),
        Form::Colon => {
            let last = para.tokens.len() - 1;
            return Some(Content {
                first: site.cue_last + 1,
                last: without_final_stop(para, site.cue_last + 1, last),
            });
        }
        Form::Impersonal => {
            let after = forward_content(para, site.cue_last + 1, starts)?;
            return Some(Content {
                first: site.first,
                last: after.last,
            });
        }
        Form::Question => {
            // The question runs to the comma before the answer's attribution
            // (`Asked whether Smith, the nominee, could win, Ban said ...`).
            let commas = || {
                (site.cue_last + 1..para.sentence_end(site.cue_last))
                    .filter(|&j| para.tokens[j].is_punct(','))
            };
            let answered = commas().find(|&j| starts.binary_search(&(j + 1)).is_ok());
            let comma = answered.or_else(|| commas().next())?;
            let first = site.cue_last + 1;
            // `Asked if it was "fair," she`: the mark after the comma closes
            // a quote of the question.
            let closes = para
                .tokens
                .get(comma + 1)
                .is_some_and(|t| matches!(t.kind, TokKind::Double(Dir::Close | Dir::Either)))
                && para.tokens[comma - 1].kind == TokKind::Word;
            let last = if closes { comma + 1 } else { comma - 1 };
            return (comma > first).then_some(Content { first, last });
        }
        Form::Before | Form::Elliptical => {}
    }
    let k = skip_object(para, site.cue_last + 1);
    if rest_is_adverbial(para, site.cue_last, k) {
        return if site.form == Form::Before {
            backward_content(para, site.first)
        } else {
            None
        };
    }
    if site.form == Form::Before {
        if let Some(c) = mid_content(para, site.first, site.cue_last) {
            return Some(c);
        }
    }
    let from = skip_time_phrase(para, skip_to_that(para, site.cue_first, k));
    forward_content(para, from, starts).or_else(|| {
        (site.form == Form::Before)
            .then(|| backward_content(para, site.first))
            .flatten()
    })
}

/// "As the report noted, CONTENT.": the clause after the comma that ends
/// the attribution.
fn as_clause_content(para: &Para, site: &Site, starts: &[usize]) -> Option<Content> {
    let comma = (site.cue_last + 1..para.sentence_end(site.cue_last))
        .take(MAX_TRAILING_TOKENS)
        .find(|&j| para.tokens[j].kind != TokKind::Word)?;
    para.tokens[comma]
        .is_punct(',')
        .then(|| forward_content(para, comma + 1, starts))
        .flatten()
}

/// "According to X, CONTENT.", "CONTENT, according to X.", "CONTENT,
/// said X." and "The deal, according to X, is dead."
fn after_content(para: &Para, site: &Site, starts: &[usize]) -> Option<Content> {
    let first = para.sentence_first(site.cue_first);
    if para.opens_sentence(site.cue_first) {
        let comma = (site.last + 1..para.sentence_end(site.last))
            .take(MAX_APPOSITION_TOKENS)
            .find(|&j| para.tokens[j].is_punct(','))?;
        return forward_content(para, comma + 1, starts);
    }
    if let Some(c) = mid_content(para, site.cue_first, site.last) {
        return Some(c);
    }
    if let Some(c) = backward_content(para, site.cue_first) {
        return Some(c);
    }
    let before = site.cue_first - 1;
    (!para.tokens[before].is_mark()).then_some(Content {
        first,
        last: before,
    })
}

/// The end of the object of a "told"-like cue, from `k` just after it
/// ("told reporters", "told the party's donors").
fn object_end(para: &Para, k: usize) -> usize {
    let cue = k.checked_sub(1).filter(|&c| para.is_word(c, OBJECT_CUES));
    let Some(cue) = cue else {
        return k;
    };
    if para.is_word(k, OBJECTS) {
        return k + 1;
    }
    let determined = para.has(k, DETERMINER);
    let mut end = k + usize::from(determined);
    while end - k < MAX_OBJECT_TOKENS
        && para.same_sentence(cue, end)
        && para.tokens[end].kind == TokKind::Word
        && (para.word(end).starts_with(char::is_uppercase)
            || (determined && !para.is_stop_word(end)))
    {
        end += 1;
    }
    end
}

/// Skips the object of a "told"-like cue, unless it is what was told: it
/// ends the sentence without being an addressee ("Fox told a different
/// tale.") or an infinitive follows it ("asked the court to intervene").
fn skip_object(para: &Para, k: usize) -> usize {
    let end = object_end(para, k);
    let rest = para.tokens.get(end);
    let last = rest.is_none_or(|t| sentence_final(t) || !para.same_sentence(k - 1, end));
    let told = (last && !is_addressee(para, k, end)) || para.is_word(end, &["to"]);
    if told {
        k
    } else {
        end
    }
}

/// The object from `k` to `end` names whom something was told, not what:
/// a word like "reporters" or a name ("told CNN", "told the New Yorker").
fn is_addressee(para: &Para, k: usize, end: usize) -> bool {
    let head = k + usize::from(para.has(k, DETERMINER));
    let named = end > head && para.word(head).starts_with(char::is_uppercase);
    end > k && (para.is_word(k, OBJECTS) || named)
}

/// Moves past a time phrase opening the content ("pledged on Tuesday to").
fn skip_time_phrase(para: &Para, k: usize) -> usize {
    let phrase = para.is_word(k, TIME_OPENERS) && para.has(k + 1, TIME_WORD);
    if phrase && para.same_sentence(k, k + 2) {
        k + 2
    } else {
        k
    }
}

/// After "said on Tuesday" or "told reporters", moves past a later "that".
fn skip_to_that(para: &Para, cue: usize, k: usize) -> usize {
    // "added, that ...": a stray comma before "that".
    if para.tokens.get(k).is_some_and(|t| t.is_punct(',')) && para.is_word(k + 1, &["that"]) {
        return k + 2;
    }
    let told = para.is_word(cue, OBJECT_CUES);
    if !(told || is_adverbial_opener(para, k)) {
        return if para.is_word(k, &["that"]) { k + 1 } else { k };
    }
    (k..k + MAX_THAT_DISTANCE)
        .take_while(|&j| para.same_sentence(cue, j) && para.tokens[j].kind == TokKind::Word)
        .find(|&j| para.is_word(j, &["that"]))
        .map_or(k, |j| j + 1)
}

fn is_adverbial_opener(para: &Para, k: usize) -> bool {
    para.is_word(k, ADVERBIAL_OPENERS) || para.has(k, TIME_WORD)
}

/// Nothing but a short adverbial follows the cue to the sentence end or to
/// a clause of its own (", adding ...").
fn rest_is_adverbial(para: &Para, cue: usize, k: usize) -> bool {
    // "said simply.", "said pleasantly into the phone": a manner adverb.
    let k = if para.tokens.get(k).is_some_and(|t| t.kind == TokKind::Word)
        && is_manner_adverb(para.word(k))
    {
        k + 1
    } else {
        k
    };
    if !para.same_sentence(cue, k) || para.tokens[k].kind != TokKind::Word {
        return !para.same_sentence(cue, k) || sentence_final(&para.tokens[k]);
    }
    if !is_adverbial_opener(para, k) {
        return false;
    }
    let mut j = k;
    while para.same_sentence(cue, j) {
        let token = &para.tokens[j];
        if token.is_punct(',') && opens_other_clause(para, j + 1) {
            return true;
        }
        // "pledged on Tuesday to cut tariffs": an infinitive right after a
        // time phrase is what was pledged.
        let infinitive = j == skip_time_phrase(para, k)
            && j > k
            && para.is_word(j, &["to"])
            && para
                .tokens
                .get(j + 1)
                .is_some_and(|t| t.kind == TokKind::Word)
            && !para.has(j + 1, DETERMINER)
            && !para.word(j + 1).starts_with(char::is_uppercase);
        if j - k > MAX_TRAILING_TOKENS
            || token.is_mark()
            || token.is_punct(':')
            || para.is_word(j, &["that"])
            || infinitive
        {
            return false;
        }
        j += 1;
    }
    true
}

/// Token `k` after a comma opens a clause of its own: a cue ("adding"),
/// "and" or "but".
fn opens_other_clause(para: &Para, k: usize) -> bool {
    para.tokens.get(k).is_some_and(|t| t.kind == TokKind::Word)
        && (para.is_word(k, &["and"]) || para.is_word(k, CONTENT_ENDS) || para.cue_at(k).is_some())
}

fn sentence_final(token: &Token) -> bool {
    matches!(token.kind, TokKind::Punct('.' | '!' | '?'))
}

/// The content around an attribution set off by commas inside a sentence
/// ("The deal, he said, is dead."): the whole sentence.
fn mid_content(para: &Para, first: usize, last: usize) -> Option<Content> {
    let start = para.sentence_first(first);
    let end = para.sentence_end(last);
    if first < start + 2 || !para.tokens[first - 1].is_punct(',') {
        return None;
    }
    let comma = (last + 1..end)
        .take(MAX_TRAILING_TOKENS)
        .find(|&j| para.tokens[j].kind != TokKind::Word)?;
    let next = comma + 1;
    let goes_on = para.tokens[comma].is_punct(',')
        && next < end
        && (para.tokens[next].kind == TokKind::Word || para.tokens[next].is_double())
        && !para.is_word(next, MID_CONTENT_ENDS)
        && !para.word(next).ends_with("ing")
        && para.cue_at(next).is_none();
    goes_on.then(|| Content {
        first: start,
        last: without_final_stop(para, start, end - 1),
    })
}

fn without_final_stop(para: &Para, first: usize, last: usize) -> usize {
    if last > first && sentence_final(&para.tokens[last]) {
        last - 1
    } else {
        last
    }
}

/// The clause from `k`: to the sentence end (past sentence ends inside
/// quotation marks), a semicolon or dash, or a comma before "but",
/// "although", "while", a cue ("adding") or another attribution.
fn forward_content(para: &Para, k: usize, starts: &[usize]) -> Option<Content> {
    let first = para.tokens.get(k)?;
    if !(first.kind == TokKind::Word || first.is_mark()) || para.is_word(k, &["of"]) {
        return None;
    }
    let mut last = k;
    let mut j = k;
    let mut quoted = false;
    // "said that while he opposed Trump, he backed Cruz": the first comma
    // after a fronted subordinate clause leads on to the main clause.
    let mut fronted = para.is_word(k, FRONTED_SUBORDINATORS);
    while j < para.tokens.len()
        && j - k < MAX_CONTENT_TOKENS
        && (quoted || para.same_sentence(k, j))
    {
        let comma = para.tokens[j].is_punct(',');
        if !(fronted && comma) && ends_content(para, j, starts) {
            break;
        }
        fronted &= !comma;
        quoted = match para.tokens[j].kind {
            TokKind::Double(Dir::Open) => true,
            TokKind::Double(Dir::Close) => false,
            TokKind::Double(Dir::Either) => !quoted,
            _ => quoted,
        };
        last = j;
        j += 1;
    }
    // `had "failed completely," but added`: the punctuation and the mark
    // that close a quote opened inside the content belong to it.
    let closes = |i: usize| para.tokens.get(i).is_some_and(|t| t.is_double());
    if quoted && j > k && closes(j + 1) && matches!(para.tokens[j].kind, TokKind::Punct(_)) {
        last = j + 1;
    }
    (j > k).then(|| Content {
        first: k,
        last: without_final_stop(para, k, last),
    })
}

fn ends_content(para: &Para, j: usize, starts: &[usize]) -> bool {
    let token = &para.tokens[j];
    if matches!(token.kind, TokKind::Punct(';' | '—')) {
        return true;
    }
    let clause_joint = token.is_punct(',') || para.is_word(j, &["and", "but"]);
    if !clause_joint {
        return false;
    }
    let mut next = j + 1;
    if para.tokens.get(next).is_some_and(Token::is_double) {
        next += 1;
    }
    if next >= para.tokens.len() {
        return false;
    }
    let conjunction = para.is_word(next, &["and"]) || para.is_word(next, CONTENT_ENDS);
    // "watched the museum rise and thought of the days", "was elated but
    // feared the military": a verb of thought joined by "and" or "but"
    // goes on the content rather than starting an attribution of its own.
    let joined_thought = para.is_word(j, &["and", "but"])
        && para
            .cue_at(next)
            .is_some_and(|c| c.kind == CueKind::Thought);
    if joined_thought {
        return false;
    }
    let attribution = starts.binary_search(&next).is_ok()
        || (conjunction && starts.binary_search(&(next + 1)).is_ok());
    let comma = token.is_punct(',');
    attribution || (comma && para.tokens[next].kind == TokKind::Word && para.cue_at(next).is_some())
}

/// From the sentence start to the comma before the attribution starting
/// at `first`, unless the sentence is a quote of its own.
fn backward_content(para: &Para, first: usize) -> Option<Content> {
    let before = first.checked_sub(1)?;
    // `was "dead on arrival," he said`: the comma sits inside the mark.
    let inside =
        before > 0 && para.tokens[before].is_mark() && para.tokens[before - 1].is_punct(',');
    let (comma, last) = if inside {
        (before - 1, before)
    } else {
        (before, before.checked_sub(1)?)
    };
    if !para.tokens[comma].is_punct(',') {
        return None;
    }
    let start = para.sentence_first(comma);
    let quoted = para.tokens[last].is_mark() && para.tokens[start].is_mark();
    (start <= last && !quoted).then_some(Content { first: start, last })
}
