//! Cue sites: a reporting cue outside quotation marks with the speaker
//! mention next to it ("the official said", "said Shinzo Abe, Japan's prime
//! minister", "according to a poll", "Smith, who ... , said").

use super::cues::{CueKind, CueMatch};
use super::marks::Piece;
use super::tokens::{Dir, Para, TokKind};
use super::words::{
    is_one_of, ADVERB, APPOSITION_STARTS, CLAUSE_OPENERS, CLAUSE_STARTS, DEFINITE_DETERMINERS,
    DETERMINER, INDEFINITE_DETERMINERS, INVERTING_CUES, LY_NOUNS, OBJECT_PRONOUN,
    PARENTHETICAL_STARTS, PASSIVE_AUXILIARIES, PREPOSITION, PRONOUN, PRONOUNS, QUESTION_CUES,
    QUESTION_OPENERS, RELATIVE_PRONOUNS, SENTENCE_OPENERS, SOURCE_NOUNS, TIME_OPENERS, TIME_WORD,
};
use super::{
    MAX_APPOSITION_TOKENS, MAX_BARE_MENTION_WORDS, MAX_COLON_SOURCE_WORDS, MAX_MENTION_TOKENS,
    MAX_PARENTHETICAL_TOKENS, MAX_SKIPPED_ADVERBS, MAX_SUBJECT_DISTANCE, MAX_SUBJECT_TOKENS,
};
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

/// A mention found before a cue: its first and last token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Mention {
    pub(super) first: usize,
    pub(super) last: usize,
}

enum Walk {
    Found(Mention),
    Elliptical,
    Nothing,
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

fn is_progressive(para: &Para, cue: usize) -> bool {
    para.word(cue).ends_with("ing")
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
        let m = forward_mention(para, cue.last + 1, !para.opens_sentence(first))?;
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
    (!pronoun || para.tokens[cue - 1].is_mark()) && ends
}

/// The mention of an elliptical cue: that of the previous cue in its
/// sentence, else the subject opening the sentence.
fn earlier_mention(para: &Para, cue: usize, sites: &[Site]) -> Option<Span> {
    let earlier = sites
        .last()
        .filter(|s| para.same_sentence(s.cue_first, cue))
        .and_then(|s| s.mention);
    earlier.or_else(|| {
        let m = clause_subject(para, cue)?;
        Some(para.range(m.first, m.last))
    })
}

/// The subject of the clause a participle or an elliptical cue hangs on:
/// the nearest mention before the cue that opens a clause and that a word
/// (its verb) follows ("At a rally on Sunday, Mrs. Clinton spoke of the
/// plan, saying").
fn clause_subject(para: &Para, cue: usize) -> Option<Mention> {
    let floor = para
        .sentence_first(cue)
        .max(cue.saturating_sub(MAX_SUBJECT_DISTANCE));
    (floor..cue).rev().find_map(|j| {
        let opens = j == floor || starts_clause(para, j - 1);
        if !opens || para.tokens[j].kind != TokKind::Word || para.is_word(j, SENTENCE_OPENERS) {
            return None;
        }
        let m = if para.has(j, PRONOUN) {
            Mention { first: j, last: j }
        } else {
            let m = forward_mention(para, j, false)?;
            Mention {
                first: m.first,
                last: subject_end(para, m),
            }
        };
        let verb = m.last + 1 < cue && para.tokens[m.last + 1].kind == TokKind::Word;
        (verb && valid_mention(para, m)).then_some(m)
    })
}

/// A long subject that opens the sentence of a cue followed by a clause
/// ("Some voters who have heard him speak over the years said he had
/// changed"): everything from the sentence start to the cue, if no mark,
/// colon, semicolon or other cue site lies in it.
fn subject_before(para: &Para, cue: usize, floor: usize) -> Option<Mention> {
    let clause = cue + 1;
    let follows = para.same_sentence(cue, clause)
        && (para.is_word(clause, CLAUSE_OPENERS)
            || para.has(clause, PRONOUN)
            || para.has(clause, DETERMINER)
            || para.word(clause).starts_with(char::is_uppercase));
    let mut first = para.sentence_first(cue);
    while first < cue && para.is_word(first, SENTENCE_OPENERS) {
        first += 1;
    }
    let end = skip_adverbials_back(para, cue, first);
    if !follows || floor > first || end <= first || end - first > MAX_SUBJECT_TOKENS {
        return None;
    }
    let plain = (first..end).all(|j| match para.tokens[j].kind {
        TokKind::Word => true,
        TokKind::Punct(c) => matches!(c, ',' | '(' | ')' | '-'),
        _ => false,
    });
    let m = Mention {
        first,
        last: end - 1,
    };
    (plain && para.tokens[end - 1].kind == TokKind::Word && valid_mention(para, m)).then_some(m)
}

/// The last token of the subject opening a clause, before the verb that
/// follows it: the first lowercase word (past a determiner and the word
/// after it) that an object or a preposition follows ("The mayor | left
/// the meeting", "Trump | attacked Clinton", "She | spoke for an hour").
fn subject_end(para: &Para, m: Mention) -> usize {
    let skip = if para.has(m.first, DETERMINER) { 2 } else { 1 };
    let verb = (m.first + skip..=m.last).find(|&j| {
        let lowercase = para.word(j).starts_with(char::is_lowercase);
        let object = para.tokens.get(j + 1).is_none_or(|t| {
            t.kind != TokKind::Word
                || para.has(j + 1, DETERMINER)
                || para.has(j + 1, PRONOUN)
                || para.has(j + 1, PREPOSITION)
                || para.word(j + 1).starts_with(char::is_uppercase)
        });
        lowercase && object && !para.has(j, PREPOSITION)
    });
    verb.map_or(m.last, |j| j - 1)
}

/// Where a mention before the cue at `cue` may start at the earliest: after
/// the last cue site of its sentence ("aides said | they expect"), unless
/// that one is a participle inside a description ("a delegate supporting
/// Cruz said").
fn mention_floor(para: &Para, cue: usize, sites: &[Site]) -> usize {
    let start = para.sentence_first(cue);
    sites
        .last()
        .filter(|s| s.cue_last >= start && !is_progressive(para, s.cue_first))
        .map_or(start, |s| s.cue_last + 1)
}

/// Walks back from the cue at `cue`, not past `floor`, over adverbs and
/// then the mention:
/// a noun phrase, with an apposition or a relative clause between commas
/// ("Smith, a spokesman for the campaign, said"; "Smith, who ..., said"),
/// or a parenthesis ("Cruz (R-Tex.) said").
fn walk_back(para: &Para, cue: usize, floor: usize) -> Walk {
    let mut end = skip_adverbials_back(para, cue, floor);
    if end == floor {
        return Walk::Nothing;
    }
    if let Some(open) = parenthetical_back(para, end - 1, floor) {
        end = open;
    }
    if end <= floor {
        return Walk::Nothing;
    }
    let before = end - 1;
    let comma_in_mark =
        before > floor && para.tokens[before].is_mark() && para.tokens[before - 1].is_punct(',');
    if comma_in_mark && is_progressive(para, cue) {
        return Walk::Elliptical;
    }
    let found = match para.tokens[before].kind {
        TokKind::Punct(',') if is_progressive(para, cue) => return Walk::Elliptical,
        TokKind::Punct(',' | '—' | '–') => apposition_back(para, before, floor),
        TokKind::Punct(')') => parenthesis_back(para, before, floor),
        TokKind::Word if para.has(before, PRONOUN) => Some(Mention {
            first: before,
            last: before,
        }),
        TokKind::Word => {
            let start = noun_phrase_back(para, end, floor);
            if start == end {
                return elliptical_or_relative(para, end, floor);
            }
            let m = Mention {
                first: start,
                last: before,
            };
            let m = coordinated(para, m, floor).unwrap_or(m);
            Some(named_before(para, m, floor).unwrap_or(m))
        }
        _ => None,
    };
    match found {
        Some(m) if starts_clause_at(para, m.first, floor) && valid_mention(para, m) => {
            Walk::Found(m)
        }
        _ => Walk::Nothing,
    }
}

/// "The leaders of Japan and South Korea": the mention with the noun
/// phrase "and" joins it to, when that one opens a clause.
fn coordinated(para: &Para, m: Mention, floor: usize) -> Option<Mention> {
    let and = m.first.checked_sub(1).filter(|&j| j > floor)?;
    if !para.is_word(and, &["and"]) {
        return None;
    }
    let start = noun_phrase_back(para, and, floor);
    let joined = Mention {
        first: start,
        last: m.last,
    };
    (start < and && starts_clause_at(para, start, floor) && valid_mention(para, joined))
        .then_some(joined)
}

/// ", for example," or ", in a statement," closed by the comma at
/// `comma`: the index of the comma that opens it.
fn parenthetical_back(para: &Para, comma: usize, floor: usize) -> Option<usize> {
    if !para.tokens[comma].is_punct(',') {
        return None;
    }
    let limit = comma
        .saturating_sub(MAX_PARENTHETICAL_TOKENS + 1)
        .max(floor);
    let open = (limit..comma)
        .rev()
        .find(|&j| para.tokens[j].kind != TokKind::Word)?;
    let opens = para.tokens[open].is_punct(',') && open + 1 < comma;
    (opens && para.is_word(open + 1, PARENTHETICAL_STARTS)).then_some(open)
}

/// A description set off after a name ("Brian Murphy, the chairman of the
/// county party,"): the mention from the name, when one opens a clause
/// right before the comma.
fn named_before(para: &Para, m: Mention, floor: usize) -> Option<Mention> {
    let comma = m.first.checked_sub(1).filter(|&c| c > floor)?;
    if !para.tokens[comma].is_punct(',') || !starts_apposition(para, m.first) {
        return None;
    }
    let start = noun_phrase_back(para, comma, floor);
    let named = start < comma
        && (start..comma).all(|j| para.word(j).starts_with(char::is_uppercase))
        && starts_clause_at(para, start, floor);
    named.then_some(Mention {
        first: start,
        last: m.last,
    })
}

/// Moves back from `cue` over adverbs, auxiliaries and time phrases
/// ("also said", "has repeatedly said", "on Tuesday said").
fn skip_adverbials_back(para: &Para, cue: usize, floor: usize) -> usize {
    let mut end = cue;
    let mut skipped = 0;
    while end > floor && skipped < MAX_SKIPPED_ADVERBS {
        let j = end - 1;
        if para.tokens[j].kind != TokKind::Word {
            break;
        }
        let auxiliary = is_progressive(para, cue) && para.is_word(j, PASSIVE_AUXILIARIES);
        if auxiliary || para.has(j, ADVERB) || is_manner_adverb(para.word(j)) {
            end = j;
        } else if j > floor && para.has(j, TIME_WORD) && para.is_word(j - 1, TIME_OPENERS) {
            end = j - 1;
        } else {
            break;
        }
        skipped += 1;
    }
    end
}

/// A lowercase word in -ly that is no noun ("playfully said").
pub(super) fn is_manner_adverb(word: &str) -> bool {
    word.len() > 4
        && word.ends_with("ly")
        && word.starts_with(char::is_lowercase)
        && !is_one_of(word, LY_NOUNS)
}

/// First token of the noun phrase ending before `end`: words that are not
/// stop words, and the prepositions of descriptions ("a professor at
/// Harvard", "Sanders of Vermont") when a name or a determiner follows
/// them.
fn noun_phrase_back(para: &Para, end: usize, floor: usize) -> usize {
    let mut start = end;
    while start > floor && end - start < MAX_MENTION_TOKENS {
        let j = start - 1;
        let word = para.tokens[j].kind == TokKind::Word;
        let inside = !para.is_stop_word(j)
            || joins_description(para, j, end)
            || joins_quantifier(para, j)
            || object_of_description(para, j);
        if !(word && inside) {
            break;
        }
        start = j;
    }
    while start < end && para.has(start, PREPOSITION) && !joins_quantifier(para, start) {
        start += 1;
    }
    start
}

/// "a source close to him": an object pronoun after a preposition inside a
/// description.
fn object_of_description(para: &Para, j: usize) -> bool {
    j > 0 && para.has(j, OBJECT_PRONOUN) && para.has(j - 1, PREPOSITION)
}

/// "at least half", "more than 60 percent": the stop word at `j` is part
/// of a quantifier.
fn joins_quantifier(para: &Para, j: usize) -> bool {
    (para.is_word(j, &["at"]) && para.is_word(j + 1, &["least", "most"]))
        || (j > 0 && para.is_word(j, &["than"]) && para.is_word(j - 1, &["more", "less", "fewer"]))
}

/// The preposition at `j` links a description to a name or a determined
/// noun phrase that follows it within the mention.
fn joins_description(para: &Para, j: usize, end: usize) -> bool {
    j + 1 < end.min(para.tokens.len())
        && para.has(j, PREPOSITION)
        && !para.has(j + 1, TIME_WORD)
        && (para.word(j + 1).starts_with(char::is_uppercase)
            || para.word(j + 1).starts_with(|c: char| c.is_ascii_digit())
            || para.has(j + 1, DETERMINER)
            || para.has(j + 1, OBJECT_PRONOUN)
            || is_possessive(para.word(j + 1)))
}

/// No noun phrase before the cue: an elliptical cue after "and", "but" or
/// "to" ("likely to say"),
/// or a relative pronoun after a comma ("Smith, who said").
fn elliptical_or_relative(para: &Para, end: usize, floor: usize) -> Walk {
    let j = end - 1;
    if para.is_word(j, &["and", "but", "to"]) {
        return Walk::Elliptical;
    }
    let relative = j > floor + 1 && para.is_word(j, RELATIVE_PRONOUNS);
    if !(relative && para.tokens[j - 1].is_punct(',')) {
        return Walk::Nothing;
    }
    let start = noun_phrase_back(para, j - 1, floor);
    let m = Mention {
        first: start,
        last: j,
    };
    if start < j - 1 && starts_clause_at(para, start, floor) && valid_antecedent(para, start, j - 2)
    {
        Walk::Found(m)
    } else {
        Walk::Nothing
    }
}

/// "Smith, a spokesman for the campaign, said": the noun phrase before an
/// apposition or a relative clause closed by the comma (or dash) at
/// `close`; several appositions may follow one another ("Ann Lee, 29, of
/// Leeds, said").
fn apposition_back(para: &Para, close: usize, floor: usize) -> Option<Mention> {
    let delimiter = para.tokens[close].kind;
    let limit = close.saturating_sub(MAX_APPOSITION_TOKENS).max(floor);
    let mut close_at = close;
    while close_at > limit {
        let open = (limit..close_at).rev().find(|&j| {
            let t = &para.tokens[j];
            t.kind == delimiter || t.is_mark() || matches!(t.kind, TokKind::Punct(';' | ':'))
        })?;
        let opens = para.tokens[open].kind == delimiter && open + 1 < close_at && open > floor;
        if !opens || !(starts_apposition(para, open + 1) || para.has(open + 1, PREPOSITION)) {
            return None;
        }
        if para.tokens[open - 1].is_punct(')') {
            let inner = parenthesis_back(para, open - 1, floor)?;
            return Some(Mention {
                first: inner.first,
                last: close - 1,
            });
        }
        // "of Huntsville, Ala.": a place after a preposition is part of an
        // apposition further left.
        let start = noun_phrase_back(para, open, floor);
        let placed = start > 0 && para.has(start - 1, PREPOSITION);
        if start < open && !placed && valid_antecedent(para, start, open - 1) {
            return Some(Mention {
                first: start,
                last: close - 1,
            });
        }
        close_at = open;
    }
    None
}

/// An apposition opens with a determiner, a possessive, a participle, a
/// name, a number, a relative pronoun or a title word.
fn starts_apposition(para: &Para, j: usize) -> bool {
    let word = para.word(j);
    para.tokens[j].kind == TokKind::Word
        && (para.has(j, DETERMINER)
            || para.is_word(j, RELATIVE_PRONOUNS)
            || para.is_word(j, APPOSITION_STARTS)
            || is_possessive(word)
            || is_participle(word)
            || word.starts_with(char::is_uppercase)
            || word.starts_with(|c: char| c.is_ascii_digit()))
}

/// A lowercase past participle ("taken", "conducted").
fn is_participle(word: &str) -> bool {
    word.starts_with(char::is_lowercase) && (word.ends_with("ed") || word.ends_with("en"))
}

/// "Cruz (R-Tex.) said": the noun phrase before a short parenthesis.
fn parenthesis_back(para: &Para, close: usize, floor: usize) -> Option<Mention> {
    let limit = close.saturating_sub(MAX_MENTION_TOKENS).max(floor);
    let open = (limit..close)
        .rev()
        .find(|&j| para.tokens[j].is_punct('('))?;
    let start = noun_phrase_back(para, open, floor);
    (start < open && valid_antecedent(para, start, open - 1)).then_some(Mention {
        first: start,
        last: close,
    })
}

/// A noun phrase before an apposition names someone: a name or a
/// description, not a pronoun, a number (an age) or a clause fragment.
fn valid_antecedent(para: &Para, first: usize, last: usize) -> bool {
    let m = Mention { first, last };
    let word = para.word(first);
    valid_mention(para, m) && !is_one_of(word, PRONOUNS) && word.starts_with(char::is_alphabetic)
}

/// The mention starting at `first` opens a clause: the sentence starts
/// there, or punctuation, a mark or a clause word sits before it.
fn starts_clause_at(para: &Para, first: usize, floor: usize) -> bool {
    first == floor || starts_clause(para, first - 1)
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

/// A pronoun alone, a description of two words or more, a phrase opening
/// with a name or a number, or a bare noun phrase: short, or opening with
/// a plural ("sources close to the campaign").
fn valid_mention(para: &Para, m: Mention) -> bool {
    let (a, b) = (m.first, m.last);
    let first = para.word(a);
    if is_one_of(first, PRONOUNS) {
        return a == b || para.tokens[a + 1].is_punct(',');
    }
    if is_one_of(first, INDEFINITE_DETERMINERS)
        || is_one_of(first, DEFINITE_DETERMINERS)
        || is_possessive(first)
    {
        return a < b;
    }
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    let opens_with_name = capital(first)
        || first.starts_with(|c: char| c.is_ascii_digit())
        || para.has(a, DETERMINER)
        || capital(para.word(b));
    let adverb = a == b && (first.ends_with("ly") || first.ends_with("ing"));
    let lone_determiner = a == b && para.has(a, DETERMINER) && !capital(first);
    if adverb || lone_determiner || (para.is_stop_word(a) && !joins_quantifier(para, a)) {
        return false;
    }
    let words = (a..=b)
        .filter(|&j| para.tokens[j].kind == TokKind::Word)
        .count();
    let plural = first.len() > 3 && first.ends_with('s') && !first.ends_with("ss");
    opens_with_name || words <= MAX_BARE_MENTION_WORDS || plural
}

pub(super) fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// A mention after a cue: "said Trump", "according to a senior official",
/// and with `apposition`, "said Chad Sweet, the campaign's chairman".
fn forward_mention(para: &Para, from: usize, apposition: bool) -> Option<Mention> {
    let m = forward_phrase(para, from)?;
    if !valid_mention(para, m) {
        return None;
    }
    if !apposition {
        return Some(m);
    }
    let comma = m.last + 1;
    let apposition = para.tokens.get(comma).is_some_and(|t| t.is_punct(','))
        && para.same_sentence(m.last, comma + 1)
        && (para.has(comma + 1, DETERMINER)
            || para.is_word(comma + 1, APPOSITION_STARTS)
            || is_possessive(para.word(comma + 1)));
    if !apposition {
        return Some(m);
    }
    let end = (comma + 1..para.tokens.len())
        .take(MAX_APPOSITION_TOKENS)
        .take_while(|&j| para.same_sentence(comma, j))
        .find(|&j| matches!(para.tokens[j].kind, TokKind::Punct(',' | '.' | ';')));
    Some(Mention {
        first: m.first,
        last: end.map_or(m.last, |e| e - 1),
    })
}

/// Words from `from` up to punctuation or a stop word, within one
/// sentence; the prepositions of descriptions are kept.
pub(super) fn forward_phrase(para: &Para, from: usize) -> Option<Mention> {
    let sent = para.tokens.get(from)?.sent;
    let mut end = from;
    while end < para.tokens.len()
        && end - from < MAX_MENTION_TOKENS
        && para.tokens[end].sent == sent
        && para.tokens[end].kind == TokKind::Word
        && (!para.is_stop_word(end) || (end > from && joins_description(para, end, end + 2)))
    {
        end += 1;
    }
    (end > from).then(|| Mention {
        first: from,
        last: end - 1,
    })
}
