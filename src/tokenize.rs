//! Word tokenizer: splits a span of text into word and punctuation tokens
//! with byte offsets and a lower-cased form for lexicon lookup.
//!
//! A word is a run of alphanumeric characters joined by inner apostrophes
//! (straight or curly, normalised to `'`), hyphens and periods
//! ("didn't", "information-sharing", "U.S."). Other non-space characters
//! are single punctuation tokens. Works on bytes for ASCII and falls back
//! to `char` decoding only for non-ASCII input.

use crate::types::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Punct,
    /// A paragraph boundary: no phrase or rule reaches across it.
    Break,
}

/// One token. `norm` indexes into `Tokens::norm_text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
    norm_start: u32,
    norm_end: u32,
    /// Every cased letter is upper case and there are at least two letters.
    pub all_caps: bool,
}

/// The tokens of one text span, with their normalised forms in one buffer.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    pub items: Vec<Token>,
    norm_text: String,
}

impl Tokens {
    /// The lower-cased form of token `i` (curly apostrophes made straight).
    pub fn norm(&self, i: usize) -> &str {
        let t = &self.items[i];
        &self.norm_text[t.norm_start as usize..t.norm_end as usize]
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Appends a paragraph boundary at byte offset `at`.
    pub fn push_break(&mut self, at: usize) {
        let n = self.norm_text.len() as u32;
        self.items.push(Token {
            kind: TokenKind::Break,
            span: Span::new(at, at),
            norm_start: n,
            norm_end: n,
            all_caps: false,
        });
    }

    /// The range of tokens lying inside `span`.
    pub fn range_within(&self, span: Span) -> std::ops::Range<usize> {
        let first = self.items.partition_point(|t| t.span.start < span.start);
        let last = self.items.partition_point(|t| t.span.end <= span.end);
        first..last.max(first)
    }

    /// The range of tokens overlapping `span` ("Tokyo's" for "Tokyo").
    pub fn range_overlapping(&self, span: Span) -> std::ops::Range<usize> {
        let first = self.items.partition_point(|t| t.span.end <= span.start);
        let last = self.items.partition_point(|t| t.span.start < span.end);
        first..last.max(first)
    }

    /// Clears the tokens so the buffers can be reused.
    pub fn clear(&mut self) {
        self.items.clear();
        self.norm_text.clear();
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '.')
}

/// The character at byte `i` (which must be a char boundary).
fn char_at(text: &str, i: usize) -> char {
    let b = text.as_bytes()[i];
    if b < 128 {
        b as char
    } else {
        text[i..].chars().next().unwrap_or(' ')
    }
}

/// Tokenizes `span` of `text`, appending to `out`. ASCII bytes are
/// classified without decoding (this loop runs over every byte of the
/// corpus); other characters are decoded one at a time.
pub fn tokenize_into(text: &str, span: Span, out: &mut Tokens) {
    let slice = span.of(text);
    let mut i = 0;
    while i < slice.len() {
        let c = char_at(slice, i);
        let len = c.len_utf8();
        if c.is_whitespace() {
            i += len;
        } else if !is_word_char(c) {
            let at = Span::new(span.start + i, span.start + i + len);
            push_token(out, text, TokenKind::Punct, at);
            i += len;
        } else {
            let mut end = word_end(slice, i + len);
            if is_numero(&slice[i..end], &slice[end..]) {
                end += 1;
            }
            let at = Span::new(span.start + i, span.start + end);
            push_token(out, text, TokenKind::Word, at);
            i = end;
        }
    }
}

/// The end of the word whose first character ends at `from`.
fn word_end(slice: &str, from: usize) -> usize {
    let mut end = from;
    while end < slice.len() {
        let d = char_at(slice, end);
        let after = end + d.len_utf8();
        if is_word_char(d) || (is_joiner(d) && joins_word(slice, after, d)) {
            end = after;
        } else {
            break;
        }
    }
    end
}

/// "No." before a number is the abbreviation of "number" ("the No. 2
/// official", "No. 10 Downing Street"), one token "no.", not the negator.
fn is_numero(word: &str, rest: &str) -> bool {
    word.eq_ignore_ascii_case("no")
        && rest
            .strip_prefix('.')
            .map(|r| r.trim_start_matches(' '))
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

/// A joiner continues a word when a word character follows it; a period
/// also closes an abbreviation of single letters ("U.S.").
fn joins_word(slice: &str, after: usize, joiner: char) -> bool {
    match slice[after..].chars().next() {
        Some(c) if is_word_char(c) => true,
        _ => joiner == '.' && ends_letter_dot_run(&slice[..after]),
    }
}

/// True for text ending in a run like "U.S." or "p.m." (single letters
/// each followed by a period).
fn ends_letter_dot_run(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 4
        && b[b.len() - 1] == b'.'
        && b[b.len() - 2].is_ascii_alphabetic()
        && b[b.len() - 3] == b'.'
        && b[b.len() - 4].is_ascii_alphabetic()
        && (b.len() == 4 || !b[b.len() - 5].is_ascii_alphanumeric())
}

fn push_token(out: &mut Tokens, text: &str, kind: TokenKind, span: Span) {
    let raw = span.of(text);
    let norm_start = out.norm_text.len() as u32;
    let (letters, upper) = if raw.is_ascii() {
        push_ascii_lower(&mut out.norm_text, raw)
    } else {
        push_unicode_lower(&mut out.norm_text, raw)
    };
    out.items.push(Token {
        kind,
        span,
        norm_start,
        norm_end: out.norm_text.len() as u32,
        all_caps: letters >= 2 && upper == letters,
    });
}

/// Appends the lower-cased ASCII `raw`; returns (letters, upper-case letters).
fn push_ascii_lower(norm: &mut String, raw: &str) -> (usize, usize) {
    let letters = raw.bytes().filter(u8::is_ascii_alphabetic).count();
    let upper = raw.bytes().filter(u8::is_ascii_uppercase).count();
    norm.push_str(raw);
    let from = norm.len() - raw.len();
    norm[from..].make_ascii_lowercase();
    (letters, upper)
}

/// Appends the lower-cased `raw` with curly apostrophes made straight;
/// returns (letters, upper-case letters).
fn push_unicode_lower(norm: &mut String, raw: &str) -> (usize, usize) {
    let mut letters = 0;
    let mut upper = 0;
    for c in raw.chars() {
        upper += usize::from(c.is_uppercase());
        letters += usize::from(c.is_alphabetic());
        if c == '\u{2019}' {
            norm.push('\'');
        } else {
            norm.extend(c.to_lowercase());
        }
    }
    (letters, upper)
}

/// Tokenizes a whole string (convenience for tests and `explain`).
pub fn tokenize(text: &str) -> Tokens {
    let mut out = Tokens::default();
    tokenize_into(text, Span::new(0, text.len()), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        let t = tokenize(text);
        (0..t.len()).map(|i| t.norm(i).to_string()).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("We didn't agree.", &["we", "didn't", "agree", "."]),
            ("We didn\u{2019}t agree", &["we", "didn't", "agree"]),
            (
                "an information-sharing pact",
                &["an", "information-sharing", "pact"],
            ),
            ("the U.S. said", &["the", "u.s.", "said"]),
            ("allies of the U.S.", &["allies", "of", "the", "u.s."]),
            ("end. Next", &["end", ".", "next"]),
            ("Japan's move", &["japan's", "move"]),
            (
                "\"unhelpful\" choices",
                &["\"", "unhelpful", "\"", "choices"],
            ),
            ("rose 3.5 percent", &["rose", "3.5", "percent"]),
            ("a\u{a0}b", &["a", "b"]),
            ("Ősz über", &["ősz", "über"]),
            ("well -- no", &["well", "-", "-", "no"]),
            ("the No. 2 official", &["the", "no.", "2", "official"]),
            ("No.10", &["no.10"]),
            ("No. Not now", &["no", ".", "not", "now"]),
            ("said no. 3 were", &["said", "no.", "3", "were"]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(norms(text), *want, "{text:?}");
        }
    }

    #[test]
    fn spans_and_caps() {
        let text = "NOT good, US";
        let t = tokenize(text);
        assert_eq!(t.items[0].span.of(text), "NOT");
        assert!(t.items[0].all_caps);
        assert!(!t.items[1].all_caps);
        assert_eq!(t.items[2].kind, TokenKind::Punct);
        assert!(t.items[3].all_caps);
    }
}
