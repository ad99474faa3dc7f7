//! VADER's text handling with Python's semantics: white space as
//! `str.split()` sees it, punctuation stripping as `str.strip(string.
//! punctuation)`, `str.isupper()` and `str.lower()`. ASCII text, the usual
//! case, is handled on bytes.

/// Python's `str.isspace()`: Rust's white space plus the ASCII
/// information separators U+001C..U+001F.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Calls `each` with the tokens of a text, each lower-cased into `lower`
/// and with its case: split on white space, leading and trailing ASCII
/// punctuation stripped unless that leaves two characters or fewer (so ":)"
/// and "no," stay as they are).
pub fn for_each_token(text: &str, lower: &mut Vec<u8>, mut each: impl FnMut(&[u8], Case)) {
    if text.is_ascii() {
        ascii_tokens(text.as_bytes(), lower, each);
    } else {
        for token in text.split(is_py_space).filter(|t| !t.is_empty()) {
            let case = fold_case(strip_punctuation(token), lower);
            each(lower, case);
        }
    }
}

/// Byte classes of ASCII, as bits: Python white space, punctuation, upper
/// and lower case letters, the apostrophe.
const SPACE: u8 = 1;
const PUNCT: u8 = 2;
const UPPER: u8 = 4;
const LOWER: u8 = 8;
const APOSTROPHE: u8 = 16;
const CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        class[b] = if matches!(c, b'\t'..=b'\r' | 0x1c..=0x20) {
            SPACE
        } else if c == b'\'' {
            PUNCT | APOSTROPHE
        } else if c.is_ascii_punctuation() {
            PUNCT
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_lowercase() {
            LOWER
        } else {
            0
        };
        b += 1;
    }
    class
};

fn class(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

/// `for_each_token` for ASCII text, one pass over each token. Its case
/// does not change with punctuation stripping, which cannot split "n't".
fn ascii_tokens(bytes: &[u8], lower: &mut Vec<u8>, mut each: impl FnMut(&[u8], Case)) {
    let n = bytes.len();
    let mut short = [0u8; 32];
    let mut at = 0;
    loop {
        while at < n && class(bytes[at]) & SPACE != 0 {
            at += 1;
        }
        if at == n {
            return;
        }
        let start = at;
        let mut seen = 0u8;
        while at < n {
            let c = class(bytes[at]);
            if c & SPACE != 0 {
                break;
            }
            seen |= c;
            at += 1;
        }
        let token = &bytes[start..at];
        let kept = if seen & PUNCT == 0 {
            token
        } else {
            strip_ascii_punctuation(token)
        };
        let folded: &[u8] = match short.get_mut(..kept.len()) {
            Some(buf) => {
                for (to, &from) in buf.iter_mut().zip(kept) {
                    *to = from.to_ascii_lowercase();
                }
                buf
            }
            None => {
                lower.clear();
                lower.extend(kept.iter().map(u8::to_ascii_lowercase));
                lower
            }
        };
        let case = Case {
            upper: seen & (UPPER | LOWER) == UPPER,
            nt: seen & APOSTROPHE != 0 && contains_nt(folded),
        };
        each(folded, case);
    }
}

fn strip_ascii_punctuation(token: &[u8]) -> &[u8] {
    let from = token.iter().position(|&b| class(b) & PUNCT == 0);
    let to = token.iter().rposition(|&b| class(b) & PUNCT == 0);
    match (from, to) {
        (Some(from), Some(to)) if to - from >= 2 => &token[from..=to],
        _ => token,
    }
}

fn strip_punctuation(token: &str) -> &str {
    let stripped = token.trim_matches(|c: char| c.is_ascii_punctuation());
    if stripped.chars().nth(2).is_none() {
        token
    } else {
        stripped
    }
}

/// What VADER asks of a token's case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Case {
    /// Python's `str.isupper()`: some cased character, none lower case or
    /// title case.
    pub upper: bool,
    /// The lower-cased token contains "n't" (straight apostrophe only).
    pub nt: bool,
}

/// Writes Python's `str.lower()` of a non-ASCII token into `lower` and
/// tells its case.
fn fold_case(token: &str, lower: &mut Vec<u8>) -> Case {
    lower.clear();
    lower.extend_from_slice(token.to_lowercase().as_bytes());
    Case {
        upper: is_upper_unicode(token),
        nt: contains_nt(lower),
    }
}

fn contains_nt(lower: &[u8]) -> bool {
    lower.windows(3).any(|w| w == b"n't")
}

fn is_upper_unicode(token: &str) -> bool {
    let mut cased = false;
    for c in token.chars() {
        if c.is_lowercase() || is_titlecase(c) {
            return false;
        }
        cased |= c.is_uppercase();
    }
    cased
}

/// Unicode general category Lt.
fn is_titlecase(c: char) -> bool {
    matches!(c,
        '\u{1c5}' | '\u{1c8}' | '\u{1cb}' | '\u{1f2}'
        | '\u{1f88}'..='\u{1f8f}' | '\u{1f98}'..='\u{1f9f}' | '\u{1fa8}'..='\u{1faf}'
        | '\u{1fbc}' | '\u{1fcc}' | '\u{1ffc}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each token of `text` lower-cased, with its case.
    fn read(text: &str) -> Vec<(String, Case)> {
        let mut lower = Vec::new();
        let mut got = Vec::new();
        for_each_token(text, &mut lower, |t, case| {
            got.push((String::from_utf8(t.to_vec()).unwrap(), case))
        });
        got
    }

    #[test]
    fn tokenizing() {
        let cases: &[(&str, &[&str])] = &[
            ("Hello, world!", &["hello", "world"]),
            (
                "no, it's fine :) ok.",
                &["no,", "it's", "fine", ":)", "ok."],
            ),
            ("  (U.S.)  \"great\"--", &["u.s", "great"]),
            (
                "x ab!! !!! --- ab-- a.b.",
                &["x", "ab!!", "!!!", "---", "ab--", "a.b"],
            ),
            ("a\u{a0}b\u{1f}c\u{200b}d", &["a", "b", "c\u{200b}d"]),
            (
                "caf\u{e9}! \u{e9}t\u{e9}...",
                &["caf\u{e9}", "\u{e9}t\u{e9}"],
            ),
            ("\u{e9}!! ?!", &["\u{e9}!!", "?!"]),
            ("", &[]),
            (" \t\r\n", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<String> = read(text).into_iter().map(|(t, _)| t).collect();
            assert_eq!(got, *want, "{text:?}");
        }
    }

    #[test]
    fn case_like_python() {
        let cases = [
            ("GREAT", "great", true, false),
            ("U.S.", "u.s", true, false),
            ("A1", "a1", true, false),
            ("Great", "great", false, false),
            (":)", ":)", false, false),
            ("123", "123", false, false),
            ("ISN'T", "isn't", true, true),
            ("'isn't'", "isn't", false, true),
            ("don\u{2019}t", "don\u{2019}t", false, false),
            ("n'", "n'", false, false),
            ("\u{c9}T\u{c9}", "\u{e9}t\u{e9}", true, false),
            ("\u{1c5}X", "\u{1c6}x", false, false),
            (
                "\u{3a3}\u{391}\u{3a3}",
                "\u{3c3}\u{3b1}\u{3c2}",
                true,
                false,
            ),
        ];
        for (token, folded, upper, nt) in cases {
            assert_eq!(
                read(token),
                vec![(folded.to_string(), Case { upper, nt })],
                "{token:?}"
            );
        }
    }
}
