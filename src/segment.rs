//! Sentence segmentation: owns the split of each laid-out paragraph
//! (headline included) into sentences with byte spans, trimmed of white
//! space (NBSP included).
//!
//! This is the hot path, so it works on bytes: `memchr` finds the marks
//! `.`, `!`, `?` and `…`, and only there is any decision taken. A run of
//! marks ends a sentence when it is followed, after optional closing
//! quotation marks or brackets (which stay with the sentence), by white space
//! and then an uppercase letter, a digit, or an opening quotation mark or
//! bracket. A lowercase word after the marks never starts a new sentence,
//! so `"... point," he said` and `..." he said` stay whole. On top of that:
//!
//! - `!` or `?` anywhere in the run (`?!`, `?.`) always breaks, as do four or
//!   more dots (AP style: a period and an ellipsis).
//! - An ellipsis (`...` or `…`) marks an omission inside a sentence, so it
//!   breaks only when a closing quotation mark or bracket follows it:
//!   `lost ... There are` stays one sentence, `over..." The talks` breaks.
//!   A spaced ellipsis `. . .` is treated the same way.
//! - A single `.` after a title or a word that comes before a name, date or
//!   number (`Mr.`, `Gen.`, `Aug.`, `e.g.`, `vs.`, `No. 3`) or after a single
//!   capital initial (`John F. Kennedy`) never breaks.
//! - A single `.` after an abbreviation that often ends a sentence (letter-dot
//!   sequences such as `U.S.`, `U.N.`, `p.m.`; `Inc.`, `Corp.`, `Jr.`, `etc.`,
//!   US state abbreviations) breaks only when the next word is a common
//!   sentence opener (`The`, `It`, `He`, `She`, `They`, `We`, `But`, `In`,
//!   `A`, `This`, ...): `allies of the U.S. The talks` breaks, `the U.S.
//!   Army` does not.
//!
//! A `.` followed by no white space (decimals, `U.S.-led`, web addresses)
//! never breaks.

use memchr::{memchr3_iter, memmem};

use crate::types::{Layout, Sentence, Span};

/// The Unicode ellipsis character.
const ELLIPSIS: &str = "\u{2026}";

/// Words longer than this (in bytes) are never abbreviations.
const MAX_ABBREVIATION_LEN: usize = 16;

/// Splits every paragraph of `layout` (headline included) into sentences.
pub fn split_sentences(text: &str, layout: &Layout) -> Vec<Sentence> {
    let ellipsis = memmem::Finder::new(ELLIPSIS);
    let mut sentences = Vec::new();
    for (paragraph, span) in layout.paragraphs.iter().enumerate() {
        if span.is_empty() {
            continue;
        }
        split_paragraph(text, *span, &ellipsis, |span| {
            sentences.push(Sentence { span, paragraph })
        });
    }
    sentences
}

/// How an abbreviation before a single `.` bears on a sentence break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abbreviation {
    /// Comes before a name, date or number: never ends a sentence.
    NeverFinal,
    /// Often ends a sentence: breaks only before a common sentence opener.
    OftenFinal,
}

/// Classifies `word`, the text before a `.` without the dot ("Mr", "U.S"),
/// given the character `next` that follows the dot and the white space.
pub fn abbreviation(word: &str, next: char) -> Option<Abbreviation> {
    if is_never_final(word) || is_initial(word) || (is_number_prefix(word) && next.is_ascii_digit())
    {
        Some(Abbreviation::NeverFinal)
    } else if is_often_final(word) || is_letter_dot_sequence(word) {
        Some(Abbreviation::OftenFinal)
    } else {
        None
    }
}

/// What a run of marks is, for the break decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// One `.`: may follow an abbreviation.
    Period,
    /// `...` or `…`: an omission.
    Ellipsis,
    /// `!`, `?`, or four or more dots.
    Strong,
}

/// Where a sentence ends and the next one starts, relative to the paragraph.
struct Break {
    end: usize,
    next: usize,
}

fn split_paragraph(text: &str, para: Span, ellipsis: &memmem::Finder, mut emit: impl FnMut(Span)) {
    let body = para.of(text);
    let mut start = 0;
    let mut resume = 0;
    for pos in mark_positions(body.as_bytes(), ellipsis) {
        if pos < resume {
            continue;
        }
        let (run_end, found) = examine_marks(body, pos);
        resume = run_end;
        if let Some(Break { end, next }) = found {
            emit_trimmed(body, para.start, start, end, &mut emit);
            start = next;
        }
    }
    emit_trimmed(body, para.start, start, body.len(), &mut emit);
}

/// Emits `body[start..end]`, trimmed, as a span of the article; nothing if empty.
fn emit_trimmed(body: &str, offset: usize, start: usize, end: usize, emit: &mut impl FnMut(Span)) {
    let piece = &body[start..end];
    let trimmed = piece.trim_start();
    let lead = piece.len() - trimmed.len();
    let trimmed = trimmed.trim_end();
    if !trimmed.is_empty() {
        let from = offset + start + lead;
        emit(Span::new(from, from + trimmed.len()));
    }
}

/// Positions of `.`, `!`, `?` and `…`, in order.
fn mark_positions<'b>(
    bytes: &'b [u8],
    ellipsis: &'b memmem::Finder,
) -> impl Iterator<Item = usize> + 'b {
    let mut marks = memchr3_iter(b'.', b'!', b'?', bytes).peekable();
    let mut ellipses = ellipsis.find_iter(bytes).peekable();
    std::iter::from_fn(move || match (marks.peek(), ellipses.peek()) {
        (Some(&m), Some(&e)) if e < m => ellipses.next(),
        (Some(_), _) => marks.next(),
        (None, _) => ellipses.next(),
    })
}

/// Looks at the run of marks starting at `pos`: returns where the run ends
/// and, if it ends a sentence, the break.
fn examine_marks(body: &str, pos: usize) -> (usize, Option<Break>) {
    let (run_end, mark) = scan_run(body.as_bytes(), pos);
    let close_end = skip_closers(body, run_end);
    let next = skip_whitespace(body, close_end);
    if next == close_end || next == body.len() || !starts_sentence(body, next) {
        return (run_end, None);
    }
    let closed = close_end > run_end;
    let breaks = match mark {
        Mark::Strong => true,
        Mark::Ellipsis => closed,
        Mark::Period => closed || period_ends_sentence(body, pos, next),
    };
    (
        run_end,
        breaks.then_some(Break {
            end: close_end,
            next,
        }),
    )
}

/// Reads the run of marks at `pos`: its end and its kind.
fn scan_run(bytes: &[u8], pos: usize) -> (usize, Mark) {
    let mut i = pos;
    let mut dots = 0;
    let mut strong = false;
    while i < bytes.len() {
        match bytes[i] {
            b'.' => dots += 1,
            b'!' | b'?' => strong = true,
            _ if bytes[i..].starts_with(ELLIPSIS.as_bytes()) => {
                dots += 3;
                i += ELLIPSIS.len();
                continue;
            }
            _ => break,
        }
        i += 1;
    }
    let mark = match (strong, dots) {
        (false, 1) => Mark::Period,
        (false, 3) => Mark::Ellipsis,
        _ => Mark::Strong,
    };
    (i, mark)
}

/// Skips closing quotation marks and brackets after the marks.
fn skip_closers(body: &str, mut i: usize) -> usize {
    loop {
        let rest = &body[i..];
        match rest.chars().next() {
            Some(c @ ('"' | '\'' | ')' | ']' | '\u{201d}' | '\u{2019}' | '\u{bb}')) => {
                i += c.len_utf8()
            }
            _ => return i,
        }
    }
}

fn skip_whitespace(body: &str, i: usize) -> usize {
    body[i..]
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map_or(body.len(), |(j, _)| i + j)
}

/// Whether the character at `i` can open a sentence.
fn starts_sentence(body: &str, i: usize) -> bool {
    body[i..].chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(
                c,
                '"' | '\'' | '(' | '[' | '\u{201c}' | '\u{2018}' | '\u{ab}'
            )
    })
}

/// Decides a single `.` at `dot`, given that the text at `next` can open a
/// sentence.
fn period_ends_sentence(body: &str, dot: usize, next: usize) -> bool {
    let Some(word) = word_before(body, dot) else {
        return true;
    };
    if word.is_empty() {
        // " . " inside a spaced ellipsis ". . ."
        return false;
    }
    let next_char = body[next..].chars().next().unwrap_or(' ');
    match abbreviation(word, next_char) {
        None => true,
        Some(Abbreviation::NeverFinal) => false,
        Some(Abbreviation::OftenFinal) => is_sentence_opener(word_at(body, next)),
    }
}

/// The word ending at `end`, without leading punctuation such as `"` or
/// `(`; `None` when it is too long to be an abbreviation.
fn word_before(body: &str, end: usize) -> Option<&str> {
    let head = &body[..end];
    let mut start = end;
    for (i, c) in head.char_indices().rev() {
        if c.is_whitespace() {
            break;
        }
        if end - i > MAX_ABBREVIATION_LEN {
            return None;
        }
        start = i;
    }
    Some(head[start..].trim_start_matches(|c: char| !c.is_alphanumeric()))
}

/// The ASCII word starting at `i` (empty if none).
fn word_at(body: &str, i: usize) -> &str {
    let rest = &body[i..];
    let len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let followed_by_letter = rest[len..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric);
    if followed_by_letter {
        ""
    } else {
        &rest[..len]
    }
}

/// A single capital letter: an initial, as in "John F. Kennedy".
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// Single letters joined by dots: "U.S", "D.C", "p.m" (the last dot is not
/// part of the word).
fn is_letter_dot_sequence(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            let mut chars = part.chars();
            chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
        })
}

fn is_never_final(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Messrs"
            | "Mme"
            | "Dr"
            | "Prof"
            | "Rev"
            | "Fr"
            | "Hon"
            | "Gen"
            | "Lt"
            | "Col"
            | "Maj"
            | "Capt"
            | "Cmdr"
            | "Adm"
            | "Brig"
            | "Sgt"
            | "Cpl"
            | "Pvt"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Pres"
            | "Amb"
            | "Supt"
            | "Det"
            | "Insp"
            | "St"
            | "Mt"
            | "Ft"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "vs"
            | "v"
            | "e.g"
            | "i.e"
            | "approx"
            | "cf"
            | "viz"
            | "ca"
    )
}

/// Words that are abbreviations only before a number: "No. 3", "Vol. 2".
fn is_number_prefix(word: &str) -> bool {
    matches!(word, "No" | "Nos" | "Art" | "Fig" | "Vol" | "Ch" | "pp")
}

fn is_often_final(word: &str) -> bool {
    matches!(
        word,
        "Inc"
            | "Corp"
            | "Co"
            | "Ltd"
            | "Bros"
            | "Jr"
            | "Sr"
            | "etc"
            | "al"
            | "Ave"
            | "Blvd"
            | "Rd"
            | "Ph.D"
            | "Ala"
            | "Ariz"
            | "Ark"
            | "Calif"
            | "Colo"
            | "Conn"
            | "Del"
            | "Fla"
            | "Ga"
            | "Ill"
            | "Ind"
            | "Kan"
            | "Ky"
            | "La"
            | "Md"
            | "Mass"
            | "Mich"
            | "Minn"
            | "Miss"
            | "Mo"
            | "Mont"
            | "Neb"
            | "Nev"
            | "Okla"
            | "Ore"
            | "Pa"
            | "Tenn"
            | "Tex"
            | "Va"
            | "Vt"
            | "Wash"
            | "Wis"
            | "Wyo"
    )
}

/// Common words that open a sentence in news copy.
fn is_sentence_opener(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "It"
            | "Its"
            | "He"
            | "His"
            | "She"
            | "Her"
            | "They"
            | "Their"
            | "We"
            | "Our"
            | "I"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "In"
            | "On"
            | "At"
            | "As"
            | "By"
            | "For"
            | "From"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "Since"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Some"
            | "Many"
            | "Most"
            | "Meanwhile"
            | "However"
            | "Still"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::read_layout;
    use crate::types::DocFormat;

    /// The sentences of `text` taken as one body paragraph.
    fn sentences(text: &str) -> Vec<&str> {
        let layout = Layout {
            paragraphs: vec![Span::new(0, 0), Span::new(0, text.len())],
            ..Layout::default()
        };
        split_sentences(text, &layout)
            .iter()
            .map(|s| s.span.of(text))
            .collect()
    }

    fn check(cases: &[(&str, &[&str])]) {
        for (text, expected) in cases {
            assert_eq!(sentences(text), *expected, "text: {text:?}");
        }
    }

    #[test]
    fn plain_breaks() {
        check(&[
            (
                "Talks resumed. Officials met.",
                &["Talks resumed.", "Officials met."],
            ),
            (
                "Was it over? Nobody knew! Then it rained.",
                &["Was it over?", "Nobody knew!", "Then it rained."],
            ),
            ("Really?! Yes.", &["Really?!", "Yes."]),
            (
                "Prices fell in 2019. 2020 was worse.",
                &["Prices fell in 2019.", "2020 was worse."],
            ),
            (
                "He left. (It was late.) She stayed.",
                &["He left.", "(It was late.)", "She stayed."],
            ),
            ("No end mark here", &["No end mark here"]),
            (
                "Talks ended. then resumed.",
                &["Talks ended. then resumed."],
            ),
            ("One line\nruns on. Next.", &["One line\nruns on.", "Next."]),
        ]);
    }

    #[test]
    fn titles_and_dates_never_break() {
        check(&[
            (
                "Mr. Smith met Gen. Lee on Aug. 28. They talked.",
                &["Mr. Smith met Gen. Lee on Aug. 28.", "They talked."],
            ),
            (
                "Sen. Jane Roe, Rep. John Doe and Gov. Ann Poe spoke. Dr. Ray did not.",
                &[
                    "Sen. Jane Roe, Rep. John Doe and Gov. Ann Poe spoke.",
                    "Dr. Ray did not.",
                ],
            ),
            (
                "Lt. Col. Ames and Capt. Wu met Prof. Kim in St. Louis.",
                &["Lt. Col. Ames and Capt. Wu met Prof. Kim in St. Louis."],
            ),
            (
                "The vote is set for Sept. 12, not Oct. 3.",
                &["The vote is set for Sept. 12, not Oct. 3."],
            ),
            (
                "It was Roe v. Wade again, or Smith vs. Jones.",
                &["It was Roe v. Wade again, or Smith vs. Jones."],
            ),
            (
                "Some allies, e.g. Japan, agreed. Others, i.e. Korea, did not.",
                &[
                    "Some allies, e.g. Japan, agreed.",
                    "Others, i.e. Korea, did not.",
                ],
            ),
            (
                "He ranked No. 3 in the poll. No. It was No. 4.",
                &["He ranked No. 3 in the poll.", "No.", "It was No. 4."],
            ),
        ]);
    }

    #[test]
    fn abbreviations_that_often_end_sentences() {
        check(&[
            (
                "Troops left the U.S. The talks resumed.",
                &["Troops left the U.S.", "The talks resumed."],
            ),
            (
                "The U.S. Army said so. It left.",
                &["The U.S. Army said so.", "It left."],
            ),
            (
                "The U.N. Security Council met at 3 p.m. Tuesday.",
                &["The U.N. Security Council met at 3 p.m. Tuesday."],
            ),
            (
                "They met at 3 p.m. It rained.",
                &["They met at 3 p.m.", "It rained."],
            ),
            (
                "He works for Acme Corp. The firm makes tools.",
                &["He works for Acme Corp.", "The firm makes tools."],
            ),
            (
                "Acme Inc. Chief Executive Jo Bell spoke.",
                &["Acme Inc. Chief Executive Jo Bell spoke."],
            ),
            (
                "They sell fruit, nuts, etc. But sales fell.",
                &["They sell fruit, nuts, etc.", "But sales fell."],
            ),
            (
                "He was born in Springfield, Ill. He left.",
                &["He was born in Springfield, Ill.", "He left."],
            ),
            (
                "Martin Luther King Jr. Day is a holiday.",
                &["Martin Luther King Jr. Day is a holiday."],
            ),
        ]);
    }

    #[test]
    fn initials_and_numbers() {
        check(&[
            (
                "John F. Kennedy spoke. J. R. Smith listened.",
                &["John F. Kennedy spoke.", "J. R. Smith listened."],
            ),
            (
                "Growth was 3.5 percent. Exports rose $1.2 billion.",
                &["Growth was 3.5 percent.", "Exports rose $1.2 billion."],
            ),
            (
                "Visit reuters.com for more. Or not.",
                &["Visit reuters.com for more.", "Or not."],
            ),
            ("The U.S.-led talks ended.", &["The U.S.-led talks ended."]),
        ]);
    }

    #[test]
    fn ellipsis_breaks_only_before_a_closing_mark() {
        check(&[
            (
                "It is not lost ... There are chances.",
                &["It is not lost ... There are chances."],
            ),
            (
                "It is not lost... There are chances.",
                &["It is not lost... There are chances."],
            ),
            (
                "It is not lost \u{2026} There are chances.",
                &["It is not lost \u{2026} There are chances."],
            ),
            (
                "It is not lost . . . There are chances.",
                &["It is not lost . . . There are chances."],
            ),
            (
                "\"We will see...\" Then he left.",
                &["\"We will see...\"", "Then he left."],
            ),
            (
                "\"We will see \u{2026}\" Then he left.",
                &["\"We will see \u{2026}\"", "Then he left."],
            ),
            (
                "\"We will see ...\" he said.",
                &["\"We will see ...\" he said."],
            ),
            (
                "He paused.... Then he left.",
                &["He paused....", "Then he left."],
            ),
        ]);
    }

    #[test]
    fn quotation_marks() {
        check(&[
            (
                "\"We have hit bottom,\" the envoy said. \"Both sides made their point.\"",
                &[
                    "\"We have hit bottom,\" the envoy said.",
                    "\"Both sides made their point.\"",
                ],
            ),
            (
                "He called it \"a point.\" Next came talks.",
                &["He called it \"a point.\"", "Next came talks."],
            ),
            (
                "\"Why now?\" she asked. \"Because.\"",
                &["\"Why now?\" she asked.", "\"Because.\""],
            ),
            ("\"Enough!\" he said.", &["\"Enough!\" he said."]),
            (
                "He said 'no.' Then he left.",
                &["He said 'no.'", "Then he left."],
            ),
            (
                "He said \u{201c}we are done.\u{201d} Talks ended.",
                &["He said \u{201c}we are done.\u{201d}", "Talks ended."],
            ),
            (
                "He said it was \u{2018}over.\u{2019} It was not.",
                &["He said it was \u{2018}over.\u{2019}", "It was not."],
            ),
            (
                "He left. \"It is over,\" she said.",
                &["He left.", "\"It is over,\" she said."],
            ),
            (
                "He found it \"unhelpful\". The talks went on.",
                &["He found it \"unhelpful\".", "The talks went on."],
            ),
            (
                "She works for \"Acme Inc.\" The firm grew.",
                &["She works for \"Acme Inc.\"", "The firm grew."],
            ),
        ]);
    }

    #[test]
    fn nbsp_is_white_space() {
        check(&[
            (
                "First point.\u{a0}Second point.\u{a0}\u{a0}",
                &["First point.", "Second point."],
            ),
            (
                "\u{a0}Mr.\u{a0}Lee left.\u{a0} It ended.",
                &["Mr.\u{a0}Lee left.", "It ended."],
            ),
            (
                "Hopeful.\"\u{a0}\u{a0}Next one.",
                &["Hopeful.\"", "Next one."],
            ),
        ]);
    }

    #[test]
    fn odd_text_does_not_panic() {
        check(&[
            (
                "Caf\u{e9} cr\u{e8}me. \u{dc}ber \u{1f389}! \u{c7}a va? \u{65e5}\u{672c}. Ok.",
                &[
                    "Caf\u{e9} cr\u{e8}me.",
                    "\u{dc}ber \u{1f389}!",
                    "\u{c7}a va? \u{65e5}\u{672c}.",
                    "Ok.",
                ],
            ),
            ("...!?. .", &["...!?. ."]),
            (
                "\u{2026}\u{2026}. A \u{2026} \u{2026}",
                &["\u{2026}\u{2026}.", "A \u{2026} \u{2026}"],
            ),
            (". A", &[". A"]),
            ("", &[]),
            (" \u{a0} ", &[]),
        ]);
    }

    #[test]
    fn long_paragraph_without_an_end() {
        let text = "word and \u{e9}l\u{e8}ve ".repeat(70_000);
        assert!(text.len() > 1_000_000);
        assert_eq!(sentences(&text), [text.trim_end()]);
        let dots = "a.".repeat(600_000);
        assert_eq!(sentences(&dots), [dots.as_str()]);
    }

    #[test]
    fn headline_is_split_and_empty_spans_skipped() {
        let text = "Allies agree. Talks go on\n\nBody one. Body two.";
        let layout = Layout {
            paragraphs: vec![
                Span::new(0, 25),
                Span::new(27, 27),
                Span::new(27, text.len()),
            ],
            ..Layout::default()
        };
        let found: Vec<(usize, &str)> = split_sentences(text, &layout)
            .iter()
            .map(|s| (s.paragraph, s.span.of(text)))
            .collect();
        assert_eq!(
            found,
            [
                (0, "Allies agree."),
                (0, "Talks go on"),
                (2, "Body one."),
                (2, "Body two.")
            ]
        );
    }

    #[test]
    fn abbreviation_classes() {
        assert_eq!(abbreviation("Mr", 'S'), Some(Abbreviation::NeverFinal));
        assert_eq!(abbreviation("F", 'K'), Some(Abbreviation::NeverFinal));
        assert_eq!(abbreviation("No", '3'), Some(Abbreviation::NeverFinal));
        assert_eq!(abbreviation("No", 'I'), None);
        assert_eq!(abbreviation("U.S", 'T'), Some(Abbreviation::OftenFinal));
        assert_eq!(abbreviation("Corp", 'T'), Some(Abbreviation::OftenFinal));
        assert_eq!(abbreviation("talks", 'T'), None);
    }

    #[test]
    fn wire_story_sentences() {
        let text = "Share\n\nEnvoy sees 'real chance' for talks\n\nSept. 3, 2021 - 14:05 By Reuters\n\n\
            BERLIN (Reuters)\u{a0}-- The U.S. envoy said on Friday that talks with Gen. Ames could resume. \
            \"We are not there yet,\" he said. \"Both sides know it.\"\u{a0}\n\n\
            He spoke in Berlin ... There was no deal. (Reuters)";
        let layout = read_layout(text, DocFormat::PlainText);
        let found: Vec<&str> = split_sentences(text, &layout)
            .iter()
            .map(|s| s.span.of(text))
            .collect();
        assert_eq!(
            found,
            [
                "Envoy sees 'real chance' for talks",
                "The U.S. envoy said on Friday that talks with Gen. Ames could resume.",
                "\"We are not there yet,\" he said.",
                "\"Both sides know it.\"",
                "He spoke in Berlin ... There was no deal.",
            ]
        );
    }

    /// Every sentence is non-empty, trimmed, inside its paragraph, and after
    /// the one before it.
    fn assert_well_formed(text: &str, format: DocFormat) {
        let layout = read_layout(text, format);
        let mut previous_end = 0;
        for sentence in split_sentences(text, &layout) {
            let piece = sentence.span.of(text);
            assert!(!piece.is_empty() && piece.trim() == piece, "{piece:?}");
            assert!(layout.paragraphs[sentence.paragraph].contains(sentence.span));
            assert!(sentence.span.start >= previous_end);
            previous_end = sentence.span.end;
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_split_without_panic(text in "\\PC*") {
            assert_well_formed(&text, DocFormat::PlainText);
            assert_well_formed(&text, DocFormat::Record);
        }

        #[test]
        fn wire_like_text_is_split_without_panic(
            text in "([A-Z][a-z]{0,3}|[A-Z]{2,6}|[0-9]|[.!?\"'()\u{2026}\u{201c}\u{201d}\u{2014}-]|[ \u{a0}\n\r]){0,80}",
        ) {
            assert_well_formed(&text, DocFormat::PlainText);
            assert_well_formed(&text, DocFormat::Record);
        }
    }
}
