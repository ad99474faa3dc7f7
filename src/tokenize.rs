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

/// Tokenizes `span` of `text`, appending to `out`.
pub fn tokenize_into(text: &str, span: Span, out: &mut Tokens) {
    let slice = span.of(text);
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let start = span.start + i;
        if !is_word_char(c) {
            push_token(
                out,
                text,
                TokenKind::Punct,
                Span::new(start, start + c.len_utf8()),
            );
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if is_word_char(d) {
                end = j + d.len_utf8();
                chars.next();
            } else if is_joiner(d) && joins_word(slice, j + d.len_utf8(), d) {
                chars.next();
                end = j + d.len_utf8();
            } else {
                break;
            }
        }
        push_token(
            out,
            text,
            TokenKind::Word,
            Span::new(start, span.start + end),
        );
    }
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
    let mut letters = 0usize;
    let mut upper = 0usize;
    for c in raw.chars() {
        if c.is_uppercase() {
            upper += 1;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
        if c == '\u{2019}' {
            out.norm_text.push('\'');
        } else if c.is_ascii() {
            out.norm_text.push(c.to_ascii_lowercase());
        } else {
            out.norm_text.extend(c.to_lowercase());
        }
    }
    out.items.push(Token {
        kind,
        span,
        norm_start,
        norm_end: out.norm_text.len() as u32,
        all_caps: letters >= 2 && upper == letters,
    });
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
