//! Cue sites: a reporting cue outside quotation marks with the speaker
//! mention next to it ("the official said", "said Shinzo Abe, Japan's prime
//! minister", "according to a poll", "Smith, who ... , said").

use super::cues::{CueKind, CueMatch};
use super::marks::Piece;
use super::mentions::{
    clause_subject, forward_mention, forward_phrase, is_possessive, is_progressive, subject_before,
    walk_back, Mention, Walk,
};
use super::tokens::{Dir, Para, TokKind};
use super::words::{
    is_one_of, DETERMINER, FEMALE, INVERTING_CUES, MALE, NAME_PARTICLE, OBJECT_PRONOUN,
    PASSIVE_AUXILIARIES, PREPOSITION, PRONOUN, PRONOUNS, QUESTION_CUES, QUESTION_OPENERS,
    RELATIVE_PRONOUNS, SOURCE_NOUNS, TITLE,
};
use super::{MAX_APPOSITION_TOKENS, MAX_COLON_SOURCE_WORDS, MAX_MENTION_TOKENS};
use crate::types::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// "the official said": mention before the cue.
    Before,
    /// "said the official", "according to the official".
    After,
    /// "but added", ", saying": no mention of its own; it borrows the
    /// mention of an earlier cue in the sentence or the sentence's subject.
    Elliptical,
    /// "Poll: Trump leads", "Q: What now?": a paragraph opening with its
    /// source and a colon; the content is the rest of the paragraph.
    Colon,
    /// "The race appears close": an impersonal cue whose subject opens the
    /// content; no speaker.
    Impersonal,
    /// "Asked whether he would run, Smith said no": a question opening the
    /// sentence, up to the comma; no speaker.
    Question,
}

#[derive(Debug, Clone)]
pub(super) struct Site {
    pub(super) cue: Span,
    pub(super) cue_first: usize,
    pub(super) cue_last: usize,
    /// First and last token of the attribution (mention and cue).
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) mention: Option<Span>,
    pub(super) form: Form,
    pub(super) kind: CueKind,
    /// The clause opens with "as" ("as the report noted, ..."): the content
    /// is the clause after it.
    pub(super) as_clause: bool,
    pub(super) about: Option<Span>,
    pub(super) used: bool,
}

/// Finds the cues of a paragraph outside its quotes, with their mentions.
/// In the headline only speech cues count: a thought cue there is most
/// often the writer's framing ("US hopes ties can recover").
pub(super) fn find_sites(para: &Para, pieces: &[Piece]) -> Vec<Site> {
    let mut sites: Vec<Site> = colon_site(para).into_iter().collect();
    let mut i = sites.first().map_or(0, |s| s.cue_last + 1);
    while i < para.tokens.len() {
        let token = &para.tokens[i];
        let skip = token.kind != TokKind::Word || inside_quote(pieces, token.span.start);
        let found = if skip {
            None
        } else {
            para.cue_at(i)
                .filter(|cue| para.index > 0 || cue.kind == CueKind::Speech)
                .filter(|cue| !cue.noun || object_follows(para, cue.last + 1))
                .filter(|_| !inside_name(para, i))
        };
        if found.is_none() && !skip {
            if let Some(site) = nominal_site(para, i) {
                i = site.last + 1;
                sites.push(site);
                continue;
            }
        }
        match found {
            Some(cue) if !is_passive(para, i, cue.last) => {
                if let Some(site) = site_at(para, i, cue, &sites) {
                    // A cue inside this site's mention is part of the
                    // description ("a delegate supporting Cruz, said").
                    while sites.last().is_some_and(|s| s.cue_first >= site.first) {
                        sites.pop();
                    }
                    sites.push(site);
                }
                i = cue.last + 1;
            }
            _ => i += 1,
        }
    }
    sites
}

/// "In a poll taken last week, 60 percent backed the plan.": a sentence
/// opening with "In" and a source noun before a comma, when no cue of its
/// own follows. The source is the phrase after "In"; the content follows
/// the comma.
fn nominal_site(para: &Para, i: usize) -> Option<Site> {
    let opens = i == para.sentence_first(i) && para.is_word(i, &["in"]);
    if !opens {
        return None;
    }
    let end = para.sentence_end(i);
    let comma = (i + 1..end)
        .take(MAX_MENTION_TOKENS + 1)
        .find(|&j| para.tokens[j].kind != TokKind::Word)?;
    let sourced = (i + 1..comma).any(|j| para.is_word(j, SOURCE_NOUNS));
    let own_cue = (comma..end).any(|j| para.cue_at(j).is_some());
    if !para.tokens[comma].is_punct(',') || comma == i + 1 || !sourced || own_cue {
        return None;
    }
    Some(Site {
        cue: para.tokens[i].span,
        cue_first: i,
        cue_last: i,
        first: i,
        last: comma - 1,
        mention: Some(para.range(i + 1, comma - 1)),
        form: Form::After,
        kind: CueKind::Speech,
        as_clause: false,
        about: None,
        used: false,
    })
}

/// "Poll: Trump leads": a few capitalised words and a colon open the
/// paragraph.
fn colon_site(para: &Para) -> Option<Site> {
    let colon = para
        .tokens
        .iter()
        .take(MAX_COLON_SOURCE_WORDS + 1)
        .position(|t| t.kind != TokKind::Word)?;
    let named = (0..colon)
        .all(|j| para.word(j).starts_with(char::is_uppercase) || para.has(j, PREPOSITION));
    let follows = para.tokens.get(colon + 1).is_some();
    if colon == 0 || !para.tokens[colon].is_punct(':') || !named || !follows {
        return None;
    }
    Some(Site {
        cue: para.tokens[colon].span,
        cue_first: colon,
        cue_last: colon,
        first: 0,
        last: colon - 1,
        mention: Some(para.range(0, colon - 1)),
        form: Form::Colon,
        kind: CueKind::Speech,
        as_clause: false,
        about: None,
        used: false,
    })
}

/// A capitalised cue word inside a sentence of the body is part of a name
/// ("The Tonight Show").
fn inside_name(para: &Para, i: usize) -> bool {
    let opens = i == para.sentence_first(i) || para.tokens[i - 1].is_mark();
    para.index > 0 && !opens && para.word(i).starts_with(char::is_uppercase)
}

/// A clause or an object opens at token `k`: "that", "to", a determiner,
/// a pronoun, a name, a number or a quotation mark.
fn object_follows(para: &Para, k: usize) -> bool {
    para.tokens.get(k).is_some_and(|t| {
        let word = para.word(k);
        t.is_mark()
            || para.is_word(k, &["that", "to"])
            || para.has(k, DETERMINER)
            || para.has(k, PRONOUN)
            || para.has(k, OBJECT_PRONOUN)
            || (t.kind == TokKind::Word
                && (word.starts_with(char::is_uppercase)
                    || word.starts_with(|c: char| c.is_ascii_digit())))
    })
}

fn inside_quote(pieces: &[Piece], pos: usize) -> bool {
    let k = pieces.partition_point(|p| p.quote.span.end <= pos);
    pieces[k..]
        .iter()
        .take(2)
        .any(|p| p.quote.span.start <= pos && pos < p.quote.span.end)
}

/// "was told", "claimed by": not a report of speech by a mention ("was
/// saying" is).
fn is_passive(para: &Para, first: usize, last: usize) -> bool {
    let before = first > 0 && para.is_word(first - 1, PASSIVE_AUXILIARIES);
    (before && !is_progressive(para, first)) || para.is_word(last + 1, &["by"])
}

fn site_at(para: &Para, first: usize, cue: CueMatch, sites: &[Site]) -> Option<Site> {
    let mut site = Site {
        cue: para.range(first, cue.last),
        cue_first: first,
        cue_last: cue.last,
        first,
        last: cue.last,
        mention: None,
        form: Form::Before,
        kind: cue.kind,
        as_clause: false,
        about: None,
        used: false,
    };
    if cue.kind == CueKind::Impersonal {
        return impersonal_site(para, site);
    }
    if opens_question(para, first) {
        site.form = Form::Question;
        return Some(site);
    }
    let inverted = !cue.source_follows && inverts(para, first);
    if cue.source_follows || inverted {
        // "According to ..." opening a sentence names its source up to the
        // comma, whatever its shape.
        let m = match cue.source_follows && para.opens_sentence(first) {
            true => source_to_comma(para, forward_phrase(para, cue.last + 1)?),
            false => forward_mention(para, cue.last + 1, !para.opens_sentence(first))?,
        };
        site.mention = Some(para.range(m.first, m.last));
        site.form = Form::After;
        site.last = m.last;
    } else {
        let floor = mention_floor(para, first, sites);
        let walk = match walk_back(para, first, floor) {
            Walk::Nothing => subject_before(para, first, floor).map_or(Walk::Nothing, Walk::Found),
            walk => walk,
        };
        match walk {
            Walk::Found(m) => {
                site.mention = Some(para.range(m.first, m.last));
                site.first = m.first;
                site.as_clause = m.first > 0
                    && para.is_word(m.first - 1, &["as"])
                    && para.same_sentence(m.first - 1, first);
            }
            Walk::Elliptical => {
                site.mention = earlier_mention(para, first, sites);
                site.form = Form::Elliptical;
            }
            Walk::Nothing => return None,
        }
    }
    if para.is_word(site.last + 1, &["of"]) {
        site.about = forward_phrase(para, site.last + 2).map(|m| para.range(m.first, m.last));
    }
    Some(site)
}

/// "According to early results of the exit poll conducted by Edison
/// Research for the AP, Clinton led": a source opening the sentence runs
/// to its comma, however long.
fn source_to_comma(para: &Para, m: Mention) -> Mention {
    let comma = (m.last + 1..para.tokens.len())
        .take_while(|&j| j - m.first < MAX_APPOSITION_TOKENS && para.same_sentence(m.first, j))
        .find(|&j| para.tokens[j].is_punct(','));
    comma.map_or(m, |c| Mention {
        first: m.first,
        last: c - 1,
    })
}

/// "Asked whether ...", "When asked about ...": a participle of asking
/// opens the sentence.
fn opens_question(para: &Para, cue: usize) -> bool {
    let first = para.sentence_first(cue);
    let opener = cue == first + 1 && para.is_word(first, QUESTION_OPENERS);
    para.is_word(cue, QUESTION_CUES) && (cue == first || opener)
}

/// "The race appears close", "She is expected to win": the subject opens
/// the content and nobody is named; a preposition after the cue ("appeared
/// on television") means it is no cue.
fn impersonal_site(para: &Para, mut site: Site) -> Option<Site> {
    let next = site.cue_last + 1;
    let complement = para
        .tokens
        .get(next)
        .is_some_and(|t| t.kind == TokKind::Word)
        && para.same_sentence(site.cue_last, next)
        && (para.is_word(next, &["to"])
            || !(para.is_stop_word(next) || para.has(next, PREPOSITION)));
    if !complement {
        return None;
    }
    let floor = para.sentence_first(site.cue_first);
    site.first = match walk_back(para, site.cue_first, floor) {
        Walk::Found(m) => m.first,
        _ => site.cue_first,
    };
    site.form = Form::Impersonal;
    Some(site)
}

/// The cue at `i` opens an inverted attribution: right after a closing
/// mark (`"...," said X`) or, for the verbs that invert, after a comma
/// (`..., said X.`).
fn inverts(para: &Para, i: usize) -> bool {
    let mut j = i;
    while j > 0 && para.tokens[j - 1].is_punct(',') {
        j -= 1;
    }
    let after_quote = j > 0
        && matches!(
            para.tokens[j - 1].kind,
            TokKind::Double(Dir::Close | Dir::Either)
        );
    let after_comma = j < i && para.same_sentence(j, i) && para.is_word(i, INVERTING_CUES);
    (after_quote || after_comma) && inverted_mention_follows(para, i)
}

/// A named or described speaker follows the cue, and then the sentence
/// ends or goes on after a comma: "said Trump.", "said the official, who".
fn inverted_mention_follows(para: &Para, cue: usize) -> bool {
    let Some(m) = forward_mention(para, cue + 1, false) else {
        return false;
    };
    let pronoun = m.first == m.last && is_one_of(para.word(m.first), PRONOUNS);
    let next = para.tokens.get(m.last + 1);
    let ends = next.is_none_or(|t| {
        t.sent != para.tokens[m.last].sent
            || matches!(t.kind, TokKind::Punct('.' | ',' | '!' | '?' | ';'))
            || t.is_mark()
    });
    (!pronoun || para.tokens[cue - 1].is_mark()) && ends && !name_then_verb(para, m)
}

/// A name followed by a word that neither continues it nor opens a
/// description, and no name after that ("Obama lied" in "Marco Rubio,
/// R-Fla., said Obama lied."): a clause, not an inverted speaker, unlike
/// "said Clinton spokesman Brian Fallon" or "said Labour's transport
/// spokesman" (a title after a possessive; "said Obama's policies failed"
/// is a clause).
fn name_then_verb(para: &Para, m: Mention) -> bool {
    let capital = |j: usize| para.word(j).starts_with(char::is_uppercase);
    let Some(after_name) = (m.first..=m.last).find(|&j| !capital(j)) else {
        return false;
    };
    let role = (after_name..=m.last).any(|j| para.has(j, TITLE | MALE | FEMALE));
    let described = is_possessive(para.word(after_name - 1)) && role;
    let continued = para.has(after_name, PREPOSITION | NAME_PARTICLE)
        || para.is_stop_word(after_name)
        || (after_name..=m.last).any(capital);
    capital(m.first) && !described && !continued
}

/// The mention of an elliptical cue: that of the previous cue in its
/// sentence, or of the cue whose content that one opens ("He said Berlin
/// hoped to avoid a war, adding": He), else the subject opening the
/// sentence.
fn earlier_mention(para: &Para, cue: usize, sites: &[Site]) -> Option<Span> {
    let mut in_sentence = sites
        .iter()
        .rev()
        .take_while(|s| para.same_sentence(s.cue_first, cue));
    let mut earlier = in_sentence.next();
    for outer in in_sentence {
        match earlier {
            Some(inner) if opens_content_of(para, inner, outer) => earlier = Some(outer),
            _ => break,
        }
    }
    let earlier = earlier.and_then(|s| s.mention);
    earlier.or_else(|| {
        let m = clause_subject(para, cue)?;
        Some(para.range(m.first, m.last))
    })
}

/// Whether the site `inner` starts right after the cue of `outer`, or its
/// "that": inside the content `outer` reports ("said Berlin hoped").
fn opens_content_of(para: &Para, inner: &Site, outer: &Site) -> bool {
    let after = outer.cue_last + 1;
    inner.first == after || (inner.first == after + 1 && para.is_word(after, &["that"]))
}

/// Where a mention before the cue at `cue` may start at the earliest: after
/// the last cue site of its sentence ("aides said | they expect"), unless
/// that one is a participle inside a description ("a delegate supporting
/// Cruz said") or a relative clause's ("Zimmerman, who identifies as
/// Hispanic, told").
fn mention_floor(para: &Para, cue: usize, sites: &[Site]) -> usize {
    let start = para.sentence_first(cue);
    let relative = |s: &Site| {
        s.mention.is_some_and(|m| {
            is_one_of(
                m.of(para.text).rsplit(' ').next().unwrap_or(""),
                RELATIVE_PRONOUNS,
            )
        })
    };
    sites
        .last()
        .filter(|s| s.cue_last >= start && !is_progressive(para, s.cue_first) && !relative(s))
        .map_or(start, |s| s.cue_last + 1)
}
