//! Tokens of a paragraph: words, punctuation and quotation marks, numbered
//! by sentence, and the paragraph view the other submodules read them through.

use super::cues::{CueMatch, Cues};
use super::words::{is_one_of, ABBREVIATIONS, STOP};
use crate::types::Span;

/// Which way a quotation mark faces, as far as its glyph and context tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dir {
    Open,
    Close,
    Either,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TokKind {
    Word,
    Punct(char),
    /// A double quotation mark: straight, curly or guillemet.
    Double(Dir),
    /// A single quotation mark that is not an apostrophe.
    Single(Dir),
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Token {
    pub(super) span: Span,
    pub(super) kind: TokKind,
    /// Sentence number within the paragraph.
    pub(super) sent: usize,
    /// Word classes (`words::STOP`, ...) of a word token.
    pub(super) class: u32,
}

impl Token {
    pub(super) fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }

    #[inline(always)]
    pub(super) fn is_word(&self, text: &str, list: &[&str]) -> bool {
        self.kind == TokKind::Word && is_one_of(self.span.of(text), list)
    }

    pub(super) fn is_double(&self) -> bool {
        matches!(self.kind, TokKind::Double(_))
    }

    pub(super) fn is_mark(&self) -> bool {
        matches!(self.kind, TokKind::Double(_) | TokKind::Single(_))
    }
}

pub(super) fn char_at(s: &str, pos: usize) -> Option<char> {
    match s.as_bytes().get(pos) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s[pos..].chars().next(),
        None => None,
    }
}

/// Splits the paragraph `para` into words, punctuation and quotation marks.
pub(super) fn tokenize(text: &str, para: Span, out: &mut Vec<Token>) {
    out.clear();
    let s = para.of(text);
    let mut pos = 0;
    let mut single_open = false;
    while let Some(c) = char_at(s, pos) {
        let len = c.len_utf8();
        if c.is_whitespace() {
            pos += len;
            continue;
        }
        let (end, kind) = if c.is_alphanumeric() || is_elision(s, pos, c) {
            let end = word_end(s, pos);
            let end = end
                + plural_possessive_at(s, end)
                    .filter(|_| !single_open)
                    .unwrap_or(0);
            (end, TokKind::Word)
        } else {
            let (mark_len, kind) = mark_kind(s, pos, c).unwrap_or((len, TokKind::Punct(c)));
            (pos + mark_len, kind)
        };
        match kind {
            TokKind::Single(Dir::Open) => single_open = true,
            TokKind::Single(_) => single_open = false,
            _ => {}
        }
        out.push(Token {
            span: Span::new(para.start + pos, para.start + end),
            kind,
            sent: 0,
            class: 0,
        });
        pos = end;
    }
}

/// The length of the apostrophe of a plural possessive at `end`, the end
/// of a word in "s" ("Sanders' adviser", "the voters' choice"), when no
/// single quotation mark is open before it (then it closes that quote).
fn plural_possessive_at(s: &str, end: usize) -> Option<usize> {
    let apostrophe = char_at(s, end).filter(|&c| matches!(c, '\'' | '’'))?;
    let after = char_at(s, end + apostrophe.len_utf8());
    let plural = s[..end].ends_with('s');
    (plural && after.is_some_and(char::is_whitespace)).then_some(apostrophe.len_utf8())
}

/// An apostrophe opening an elided number ('90s) starts a word.
pub(super) fn is_elision(s: &str, pos: usize, c: char) -> bool {
    matches!(c, '\'' | '‘' | '’')
        && char_at(s, pos + c.len_utf8()).is_some_and(|n| n.is_ascii_digit())
}

/// End of the word starting at `start`: letters and digits, joined by
/// apostrophes and hyphens between them (didn't, Jae-in), with the periods of
/// initials and title abbreviations (U.S., Mrs.) and the sign of a
/// percentage (42%).
pub(super) fn word_end(s: &str, start: usize) -> usize {
    let first = char_at(s, start).map_or(1, char::len_utf8);
    let mut end = start + first;
    let mut segment = start;
    while let Some(c) = char_at(s, end) {
        let len = c.len_utf8();
        let joins = if c.is_alphanumeric() {
            true
        } else if c == '.' {
            is_abbreviation(&s[segment..end], &s[start..end])
        } else if c == '%' {
            s[..end].ends_with(|d: char| d.is_ascii_digit())
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

pub(super) fn is_abbreviation(segment: &str, word: &str) -> bool {
    let initial = segment.len() == 1 && segment.as_bytes()[0].is_ascii_uppercase();
    initial || ABBREVIATIONS.contains(&word)
}

/// The quotation mark at `pos` and its length in bytes. Two apostrophes
/// are a double mark (''Yes,'' as some archives print it); of three, the
/// single mark comes first at a closing position (,''' he said) and last at
/// an opening one.
pub(super) fn mark_kind(s: &str, pos: usize, c: char) -> Option<(usize, TokKind)> {
    if s[pos..].starts_with("''") {
        let closing = s[..pos]
            .chars()
            .next_back()
            .is_some_and(|p| !p.is_whitespace());
        if !(closing && s[pos..].starts_with("'''")) {
            return Some((2, TokKind::Double(context_dir(s, pos, 2))));
        }
    }
    let kind = match c {
        '"' => TokKind::Double(context_dir(s, pos, 1)),
        '“' | '„' | '«' => TokKind::Double(Dir::Open),
        '”' | '»' => TokKind::Double(Dir::Close),
        '\'' => TokKind::Single(context_dir(s, pos, 1)),
        '‘' => TokKind::Single(Dir::Open),
        '’' => TokKind::Single(Dir::Close),
        _ => return None,
    };
    Some((c.len_utf8(), kind))
}

/// Direction of a straight mark: after a gap it opens, before a gap it closes.
pub(super) fn context_dir(s: &str, pos: usize, len: usize) -> Dir {
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

/// Numbers the sentences of a paragraph's tokens from 0: a new sentence
/// starts at each given sentence start, and also after ". " (or `."`)
/// before a capital or a quotation mark, which covers gaps in the
/// segmenter. `firsts` receives the first token of every sentence.
pub(super) fn assign_sentences(
    text: &str,
    starts: &[usize],
    tokens: &mut [Token],
    firsts: &mut Vec<usize>,
) {
    firsts.clear();
    let Some(first) = tokens.first() else {
        return;
    };
    let mut given = starts.partition_point(|&s| s <= first.span.start);
    for i in 0..tokens.len() {
        let mut new = i == 0 || local_break(text, tokens, i);
        while given < starts.len() && starts[given] <= tokens[i].span.start {
            given += 1;
            new = true;
        }
        if new {
            firsts.push(i);
        }
        tokens[i].sent = firsts.len() - 1;
    }
}

pub(super) fn local_break(text: &str, tokens: &[Token], i: usize) -> bool {
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

/// Longest opening phrase before an attribution that opens its sentence
/// ("In addition, according to").
const MAX_OPENING_TOKENS: usize = 4;
/// Longest word looked up in the word classes and the cues.
const MAX_LOOKUP_BYTES: usize = 48;

/// Gives every word token its classes and records the cue starting at
/// each token, looking each word up once.
pub(super) fn annotate(
    text: &str,
    tokens: &mut [Token],
    cues: &Cues,
    matches: &mut Vec<Option<CueMatch>>,
) {
    matches.clear();
    let mut buffer = [0u8; MAX_LOOKUP_BYTES];
    for i in 0..tokens.len() {
        let word = tokens[i].span.of(text);
        let lookup = tokens[i].kind == TokKind::Word && word.len() <= MAX_LOOKUP_BYTES;
        if !lookup {
            matches.push(None);
            continue;
        }
        let bytes = word.as_bytes();
        let lower: &[u8] = if bytes.iter().any(u8::is_ascii_uppercase) {
            let lower = &mut buffer[..bytes.len()];
            lower.copy_from_slice(bytes);
            lower.make_ascii_lowercase();
            lower
        } else {
            bytes
        };
        let (class, cue) = cues.lookup(lower, text, tokens, i);
        tokens[i].class = class;
        matches.push(cue);
    }
}

/// One paragraph being read: its text, index and tokens.
pub(super) struct Para<'a> {
    pub(super) text: &'a str,
    pub(super) index: usize,
    pub(super) span: Span,
    pub(super) tokens: &'a [Token],
    /// The first token of each sentence, by sentence number.
    pub(super) sentences: &'a [usize],
    /// The cue starting at each token.
    pub(super) cues: &'a [Option<CueMatch>],
}

impl Para<'_> {
    pub(super) fn word(&self, i: usize) -> &str {
        self.tokens[i].span.of(self.text)
    }

    /// Inlined always: `forward_content` calls it for every token of a
    /// content, and when the compiler stopped inlining it the long-sentence
    /// bench lost a quarter of its speed (7.4 -> 5.5 MiB/s).
    #[inline(always)]
    pub(super) fn is_word(&self, i: usize, list: &[&str]) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.is_word(self.text, list))
    }

    /// Token `i` is a word of one of the `classes`.
    pub(super) fn has(&self, i: usize, classes: u32) -> bool {
        self.tokens.get(i).is_some_and(|t| t.class & classes != 0)
    }

    /// The cue starting at token `i`.
    pub(super) fn cue_at(&self, i: usize) -> Option<CueMatch> {
        self.cues.get(i).copied().flatten()
    }

    /// A stop word, but not an acronym spelt like one ("US", "IT").
    pub(super) fn is_stop_word(&self, i: usize) -> bool {
        let word = self.word(i);
        let acronym = word.len() > 1 && word.bytes().all(|b| b.is_ascii_uppercase());
        !acronym && self.has(i, STOP)
    }

    /// The span from the start of token `a` to the end of token `b`.
    pub(super) fn range(&self, a: usize, b: usize) -> Span {
        Span::new(self.tokens[a].span.start, self.tokens[b].span.end)
    }

    /// The first token of the sentence of token `i`.
    pub(super) fn sentence_first(&self, i: usize) -> usize {
        self.sentences[self.tokens[i].sent]
    }

    /// Token `i` opens its sentence, or follows only a short opening phrase
    /// and a comma ("In addition, according to ...").
    pub(super) fn opens_sentence(&self, i: usize) -> bool {
        let first = self.sentence_first(i);
        i == first
            || (i - first <= MAX_OPENING_TOKENS
                && self.tokens[i - 1].is_punct(',')
                && (first..i - 1).all(|j| self.tokens[j].kind == TokKind::Word))
    }

    /// One past the last token of the sentence of token `i`.
    pub(super) fn sentence_end(&self, i: usize) -> usize {
        self.sentences
            .get(self.tokens[i].sent + 1)
            .copied()
            .unwrap_or(self.tokens.len())
    }

    pub(super) fn same_sentence(&self, a: usize, b: usize) -> bool {
        b < self.tokens.len() && self.tokens[a].sent == self.tokens[b].sent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens of a paragraph as written.
    fn pieces(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|t| t.span.of(text)).collect()
    }

    #[test]
    fn possessive_apostrophes_and_percent_signs_stay_on_their_word() {
        let cases: &[(&str, &[&str])] = &[
            ("Sanders' adviser", &["Sanders'", "adviser"]),
            ("the voters’ choice", &["the", "voters’", "choice"]),
            (
                "it was 'a list of errors' and",
                &["it", "was", "'", "a", "list", "of", "errors", "'", "and"],
            ),
            ("'Yes,' he says", &["'", "Yes", ",", "'", "he", "says"]),
            ("the '90s", &["the", "'90s"]),
            ("42% say", &["42%", "say"]),
            ("rose 5 %.", &["rose", "5", "%", "."]),
        ];
        for (text, want) in cases {
            assert_eq!(pieces(text), *want, "{text:?}");
        }
    }
}
