//! Speaker mentions: the noun phrase next to a cue that names who speaks,
//! walked back from the cue over adverbs, appositions, relative clauses and
//! parentheses ("Sen. Tom Hale (R-Ohio), a member of the panel, said"), or
//! read forward after it ("said Smith, a spokesman"), and the subject a
//! participle or a long clause hangs on.

use super::tokens::{Para, TokKind};
use super::words::{
    is_one_of, ADVERB, APPOSITION_STARTS, APPROXIMATORS, CLAUSE_OPENERS, CLAUSE_STARTS,
    DEFINITE_DETERMINERS, DETERMINER, FRACTIONS, GROUP, INDEFINITE_DETERMINERS, LY_NOUNS,
    NUMBER_WORDS, OBJECT_PRONOUN, PARENTHETICAL_STARTS, PASSIVE_AUXILIARIES, PREPOSITION, PRONOUN,
    PRONOUNS, RELATIVE_PRONOUNS, SENTENCE_OPENERS, TIME_OPENERS, TIME_WORD, TITLE,
};
use super::{
    MAX_APPOSITION_TOKENS, MAX_BARE_MENTION_WORDS, MAX_MENTION_TOKENS, MAX_PARENTHETICAL_TOKENS,
    MAX_SKIPPED_ADVERBS, MAX_SUBJECT_DISTANCE, MAX_SUBJECT_TOKENS,
};

/// A mention found before a cue: its first and last token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Mention {
    pub(super) first: usize,
    pub(super) last: usize,
}

pub(super) enum Walk {
    Found(Mention),
    Elliptical,
    Nothing,
}

pub(super) fn is_progressive(para: &Para, cue: usize) -> bool {
    para.word(cue).ends_with("ing")
}

/// The subject of the clause a participle or an elliptical cue hangs on:
/// the nearest mention before the cue that opens a clause and that a word
/// (its verb) follows ("At a rally on Sunday, Mrs. Clinton spoke of the
/// plan, saying").
pub(super) fn clause_subject(para: &Para, cue: usize) -> Option<Mention> {
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
pub(super) fn subject_before(para: &Para, cue: usize, floor: usize) -> Option<Mention> {
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
pub(super) fn subject_end(para: &Para, m: Mention) -> usize {
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

/// Walks back from the cue at `cue`, not past `floor`, over adverbs and
/// then the mention:
/// a noun phrase, with an apposition or a relative clause between commas
/// ("Smith, a spokesman for the campaign, said"; "Smith, who ..., said"),
/// or a parenthesis ("Cruz (R-Tex.) said").
pub(super) fn walk_back(para: &Para, cue: usize, floor: usize) -> Walk {
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
    // A subject pronoun needs no clause start before it: "On Tuesday he
    // said".
    let pronoun = |m: Mention| m.first == m.last && para.has(m.first, PRONOUN);
    match found {
        Some(m)
            if (starts_clause_at(para, m.first, floor) || names_what(para, m) || pronoun(m))
                && valid_mention(para, m) =>
        {
            Walk::Found(m)
        }
        _ => Walk::Nothing,
    }
}

/// "condemning what they called an invasion": a pronoun after "what" is
/// the source of the cue that follows it.
fn names_what(para: &Para, m: Mention) -> bool {
    m.first == m.last
        && m.first > 0
        && para.has(m.first, PRONOUN)
        && para.is_word(m.first - 1, &["what"])
}

/// "The leaders of Japan and South Korea": the mention with the noun
/// phrase "and" joins it to, when that one opens a clause.
pub(super) fn coordinated(para: &Para, m: Mention, floor: usize) -> Option<Mention> {
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
pub(super) fn parenthetical_back(para: &Para, comma: usize, floor: usize) -> Option<usize> {
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
pub(super) fn named_before(para: &Para, m: Mention, floor: usize) -> Option<Mention> {
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
pub(super) fn skip_adverbials_back(para: &Para, cue: usize, floor: usize) -> usize {
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
pub(super) fn noun_phrase_back(para: &Para, end: usize, floor: usize) -> usize {
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
pub(super) fn object_of_description(para: &Para, j: usize) -> bool {
    j > 0 && para.has(j, OBJECT_PRONOUN) && para.has(j - 1, PREPOSITION)
}

/// "at least half", "more than 60 percent": the stop word at `j` is part
/// of a quantifier.
pub(super) fn joins_quantifier(para: &Para, j: usize) -> bool {
    (para.is_word(j, &["at"]) && para.is_word(j + 1, &["least", "most"]))
        || (j > 0 && para.is_word(j, &["than"]) && para.is_word(j - 1, &["more", "less", "fewer"]))
        || (para.is_word(j, APPROXIMATORS) && quantity_follows(para, j + 1))
}

/// A quantity opens at `k`: a number, another approximator before one
/// ("just over 40"), or a fraction ("over a quarter").
fn quantity_follows(para: &Para, k: usize) -> bool {
    let fraction = para.is_word(k, &["a"]) && para.is_word(k + 1, FRACTIONS);
    is_number(para, k)
        || fraction
        || (para.is_word(k, APPROXIMATORS) && quantity_follows(para, k + 1))
}

/// Token `k` is a number, in digits or words ("40", "four", "two-thirds").
fn is_number(para: &Para, k: usize) -> bool {
    let word = para.tokens.get(k).map(|_| para.word(k)).unwrap_or("");
    let head = word.split('-').next().unwrap_or("");
    word.starts_with(|c: char| c.is_ascii_digit()) || is_one_of(head, NUMBER_WORDS)
}

/// The preposition at `j` links a description to a name or a determined
/// noun phrase that follows it within the mention.
pub(super) fn joins_description(para: &Para, j: usize, end: usize) -> bool {
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
pub(super) fn elliptical_or_relative(para: &Para, end: usize, floor: usize) -> Walk {
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
        first: named_antecedent(para, start, j - 1),
        last: j,
    };
    if start < j - 1 && starts_clause_at(para, start, floor) && valid_antecedent(para, start, j - 2)
    {
        Walk::Found(m)
    } else {
        Walk::Nothing
    }
}

/// The antecedent of a relative pronoun in the phrase `start..end`: the
/// name the phrase ends with when the words before it describe no person
/// ("dealing a blow to President Joe Biden, who ..." is Biden's clause;
/// "a spokesman for Senator Lee, who ..." stays whole), else `start`.
fn named_antecedent(para: &Para, start: usize, end: usize) -> usize {
    let capitalised = |j: usize| para.word(j).starts_with(char::is_uppercase);
    let name = (start..end).rev().take_while(|&j| capitalised(j)).last();
    let Some(name) = name.filter(|&n| n > start && end - n >= 2) else {
        return start;
    };
    let describes_a_person = (start..name).any(|j| para.has(j, TITLE | GROUP));
    let all_capitalised = (start..name).all(|j| capitalised(j) || para.has(j, DETERMINER));
    if describes_a_person || all_capitalised {
        start
    } else {
        name
    }
}

/// "Smith, a spokesman for the campaign, said": the noun phrase before an
/// apposition or a relative clause closed by the comma (or dash) at
/// `close`; several appositions may follow one another ("Ann Lee, 29, of
/// Leeds, said").
pub(super) fn apposition_back(para: &Para, close: usize, floor: usize) -> Option<Mention> {
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
pub(super) fn starts_apposition(para: &Para, j: usize) -> bool {
    let word = para.word(j);
    para.tokens[j].kind == TokKind::Word
        && (para.has(j, DETERMINER)
            || para.is_word(j, RELATIVE_PRONOUNS)
            || para.is_word(j, APPOSITION_STARTS)
            || is_possessive(word)
            || is_participle(word)
            || word.starts_with(char::is_uppercase)
            || word.starts_with(|c: char| c.is_ascii_digit())
            || role_after_modifiers(para, j))
}

/// A role noun after at most two modifiers ("national director",
/// "longtime political adviser").
fn role_after_modifiers(para: &Para, j: usize) -> bool {
    (j + 1..j + 4)
        .take_while(|&k| para.tokens.get(k).is_some_and(|t| t.kind == TokKind::Word))
        .any(|k| para.is_word(k, APPOSITION_STARTS))
}

/// A lowercase past participle ("taken", "conducted").
pub(super) fn is_participle(word: &str) -> bool {
    word.starts_with(char::is_lowercase) && (word.ends_with("ed") || word.ends_with("en"))
}

/// "Cruz (R-Tex.) said": the noun phrase before a short parenthesis.
pub(super) fn parenthesis_back(para: &Para, close: usize, floor: usize) -> Option<Mention> {
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
pub(super) fn valid_antecedent(para: &Para, first: usize, last: usize) -> bool {
    let m = Mention { first, last };
    let word = para.word(first);
    valid_mention(para, m) && !is_one_of(word, PRONOUNS) && word.starts_with(char::is_alphabetic)
}

/// The mention starting at `first` opens a clause: the sentence starts
/// there, or punctuation, a mark or a clause word sits before it.
pub(super) fn starts_clause_at(para: &Para, first: usize, floor: usize) -> bool {
    first == floor || starts_clause(para, first - 1)
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

/// A pronoun alone, a description of two words or more, a phrase opening
/// with a name or a number, or a bare noun phrase: short, or opening with
/// a plural ("sources close to the campaign").
pub(super) fn valid_mention(para: &Para, m: Mention) -> bool {
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
    // "Clearly", "Speaking" alone; "Kelly", "King" and "Manning" are names.
    let adverb = a == b && !capital(first) && (first.ends_with("ly") || first.ends_with("ing"));
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
    strip_possessive(word).len() < word.len()
}

/// `word` without a closing possessive ("Abe's" is "Abe", "Sanders'" is
/// "Sanders").
pub(super) fn strip_possessive(word: &str) -> &str {
    let plural = || {
        let bare = word.strip_suffix('\'').or_else(|| word.strip_suffix('’'))?;
        bare.ends_with('s').then_some(bare)
    };
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(plural)
        .unwrap_or(word)
}

/// A mention after a cue: "said Trump", "according to a senior official",
/// and with `apposition`, "said Chad Sweet, the campaign's chairman".
pub(super) fn forward_mention(para: &Para, from: usize, apposition: bool) -> Option<Mention> {
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
            || is_possessive(para.word(comma + 1))
            || name_ends_sentence(para, comma + 1));
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

/// A name of a few capitalised words from `from` to the sentence's end
/// ("said the party's spokesman, Sarah Hughes.").
fn name_ends_sentence(para: &Para, from: usize) -> bool {
    let end = (from..para.tokens.len())
        .take(MAX_NAME_WORDS + 1)
        .find(|&j| para.tokens[j].kind != TokKind::Word);
    let ends = end.is_none_or(|e| para.tokens[e].is_punct('.') || !para.same_sentence(from, e));
    let words = end.unwrap_or(para.tokens.len()) - from;
    (1..=MAX_NAME_WORDS).contains(&words)
        && ends
        && (from..from + words)
            .all(|j| para.word(j).starts_with(char::is_uppercase) && !para.has(j, TIME_WORD))
}

/// Longest name after an apposition's comma.
const MAX_NAME_WORDS: usize = 4;

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
