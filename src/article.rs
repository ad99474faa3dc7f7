//! Article layout: owns the step from an article's text to its [`Layout`]:
//! paragraph spans, headline, date, outlet, dateline, and page furniture
//! set aside.
//!
//! Paragraphs are blocks separated by blank lines (a blank line may hold
//! spaces, tabs or NBSP; `\n` and `\r\n` both end a line; several blank lines
//! make one break). A text with no blank line at all has one paragraph per
//! non-empty line. Every span is trimmed of white space, NBSP included.
//!
//! Plain text: furniture lines ("Send to", "Share | Print", "Advertisement",
//! "Reporting by ...; Editing by ...") are dropped from the edges of every
//! block (usually they are blocks of their own). Until the body starts, date lines ("Aug. 28, 2019 - 09:58 By Reuters",
//! "28 August 2019", "2019-08-28", "Published: Wed Aug 28, 2019"), bylines
//! ("By Jane Doe, Reuters") and bare outlet lines ("Associated Press") are
//! read as metadata. The first block left is the headline (paragraph 0),
//! unless it opens with a dateline, in which case the article has none.
//! The first body paragraph loses its dateline ("SEOUL, Aug 28 (Reuters) -
//! "), and the last loses trailing credits ("(Reuters)", "(Reporting by
//! ...)").
//!
//! Records (JSONL/CSV): the text is body only, so paragraph 0 is an empty
//! span and only a dateline is read from the text.

use memchr::memchr_iter;

use crate::types::{DocFormat, Layout, Span};

/// Datelines end with their dash within this many bytes of the paragraph start.
const MAX_DATELINE_LEN: usize = 100;

/// Longest city name, and longest text between city and outlet, in a dateline.
const MAX_DATELINE_PART_LEN: usize = 40;

/// Known news agencies: how they are written, and the name reported.
const OUTLETS: &[(&str, &str)] = &[
    ("Reuters", "Reuters"),
    ("AP", "AP"),
    ("Associated Press", "AP"),
    ("The Associated Press", "AP"),
    ("AFP", "AFP"),
    ("Agence France-Presse", "AFP"),
    ("Bloomberg", "Bloomberg"),
    ("dpa", "dpa"),
    ("Xinhua", "Xinhua"),
    ("Kyodo", "Kyodo"),
    ("Yonhap", "Yonhap"),
    ("UPI", "UPI"),
];

/// Whole furniture lines (compared word by word, ignoring case).
const FURNITURE_PHRASES: &[&str] = &[
    "send to",
    "email this",
    "email this article",
    "share this",
    "share this article",
    "read more",
    "related coverage",
    "skip to main content",
    "click here",
    "follow us",
];

/// Words that make a furniture line when a line has nothing else.
const FURNITURE_WORDS: &[&str] = &[
    "share",
    "print",
    "email",
    "e-mail",
    "tweet",
    "save",
    "comment",
    "comments",
    "advertisement",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "reddit",
];

/// How credit lines start ("Reporting by Jane Doe; Editing by John Roe").
const CREDIT_PREFIXES: &[&str] = &[
    "reporting by",
    "additional reporting by",
    "editing by",
    "writing by",
    "compiled by",
    "our standards:",
];

/// Lays out `text`. Plain-text articles get their metadata read from the
/// text; records (JSONL/CSV) have no headline in the text, so paragraph 0 is
/// an empty span and every block is body.
pub fn read_layout(text: &str, format: DocFormat) -> Layout {
    let blocks = blocks(text);
    let mut layout = Layout::default();
    let (headline, mut body) = match format {
        DocFormat::PlainText => plain_parts(text, &blocks, &mut layout),
        DocFormat::Record => (None, blocks.iter().map(|lines| block_span(lines)).collect()),
    };
    strip_dateline(text, &mut body, &mut layout);
    if format == DocFormat::PlainText {
        strip_trailing_credits(text, &mut body, &mut layout);
    }
    body.retain(|span| !span.is_empty());
    layout.title = headline.map(|span| collapse_whitespace(span.of(text)));
    layout.paragraphs = std::iter::once(headline.unwrap_or_default())
        .chain(body)
        .collect();
    layout
}

/// The blank-line separated blocks of `text`, each as its non-blank lines
/// (trimmed). With no blank line at all, each line is a block.
fn blocks(text: &str) -> Vec<Vec<Span>> {
    let mut blocks = Vec::new();
    let mut current = Vec::new();
    let mut start = 0;
    for end in memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        let line = trim_span(text, Span::new(start, end));
        if !line.is_empty() {
            current.push(line);
        } else if !current.is_empty() {
            blocks.push(std::mem::take(&mut current));
        }
        start = end + 1;
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    if blocks.len() == 1 {
        return blocks
            .remove(0)
            .into_iter()
            .map(|line| vec![line])
            .collect();
    }
    blocks
}

fn block_span(lines: &[Span]) -> Span {
    Span::new(lines[0].start, lines[lines.len() - 1].end)
}

fn trim_span(text: &str, span: Span) -> Span {
    let piece = span.of(text);
    let rest = piece.trim_start();
    let start = span.start + piece.len() - rest.len();
    Span::new(start, start + rest.trim_end().len())
}

/// Splits a plain-text article into headline and body paragraphs, reading
/// metadata into `layout` on the way.
fn plain_parts(text: &str, blocks: &[Vec<Span>], layout: &mut Layout) -> (Option<Span>, Vec<Span>) {
    let mut headline = None;
    let mut body = Vec::new();
    for lines in blocks {
        let in_header = body.is_empty();
        let Some(span) = kept_lines(text, lines, in_header, layout) else {
            continue;
        };
        if in_header && headline.is_none() && !opens_with_agency_dateline(span.of(text)) {
            headline = Some(span);
        } else {
            body.push(span);
        }
    }
    (headline, body)
}

/// The span of `lines` once furniture lines, and in the header metadata
/// lines, are set aside from both ends; `None` if nothing is left.
fn kept_lines(text: &str, lines: &[Span], in_header: bool, layout: &mut Layout) -> Option<Span> {
    let mut set_aside = |line: &Span| {
        let line = line.of(text);
        is_furniture(line) || (in_header && read_metadata(line, layout))
    };
    let first = lines.iter().position(|line| !set_aside(line))?;
    let last = lines.iter().rposition(|line| !set_aside(line))?;
    Some(Span::new(lines[first].start, lines[last].end))
}

/// Furniture lines other than credits are short; longer lines are text.
/// (Checking this first keeps layout cheap on long paragraphs.)
const MAX_FURNITURE_LEN: usize = 80;

/// Whether `line` is page furniture or a credit line.
pub fn is_furniture(line: &str) -> bool {
    let line = line.trim_start_matches('(');
    is_credit(line) || line.len() <= MAX_FURNITURE_LEN && is_furniture_line(line)
}

fn is_furniture_line(line: &str) -> bool {
    let words: Vec<&str> = tokens(line).map(|(_, word)| word).collect();
    let phrase_matches = |phrase: &&str| {
        let mut parts = phrase.split(' ');
        words.len() == phrase.split(' ').count()
            && words
                .iter()
                .all(|w| parts.next().is_some_and(|p| w.eq_ignore_ascii_case(p)))
    };
    FURNITURE_PHRASES.iter().any(phrase_matches)
        || words
            .iter()
            .all(|word| FURNITURE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)))
}

fn is_credit(text: &str) -> bool {
    CREDIT_PREFIXES
        .iter()
        .any(|prefix| starts_with_ignore_case(text, prefix))
}

/// Whether the words of `line` are those of `phrase` (single spaces), ignoring case.
fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// The words of a line with their byte offsets; white space, commas and
/// `|` separate them.
fn tokens(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let is_separator = |c: char| c.is_whitespace() || matches!(c, ',' | '|' | '\u{b7}');
    let mut pos = 0;
    std::iter::from_fn(move || {
        let start = pos + line[pos..].find(|c| !is_separator(c))?;
        let len = line[start..]
            .find(is_separator)
            .unwrap_or(line.len() - start);
        pos = start + len;
        Some((start, &line[start..pos]))
    })
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads a date line, byline or outlet line into `layout` (fields already
/// set are kept); returns whether `line` was one.
fn read_metadata(line: &str, layout: &mut Layout) -> bool {
    let (date, outlet) = if let Some((date, outlet)) = parse_date_line(line) {
        (Some(date), outlet)
    } else if let Some(outlet) = parse_byline(line) {
        (None, outlet)
    } else if let Some(outlet) = outlet_name(line) {
        (None, Some(outlet))
    } else {
        return false;
    };
    if layout.date.is_none() {
        layout.date = date;
    }
    if let Some(outlet) = outlet {
        set_outlet(layout, outlet);
    }
    true
}

fn set_outlet(layout: &mut Layout, name: &str) {
    if layout.outlet.is_none() {
        layout.outlet = Some(outlet_name(name).unwrap_or(name).to_string());
    }
}

/// The reported name of a known outlet.
fn outlet_name(name: &str) -> Option<&'static str> {
    let name = name.trim();
    OUTLETS
        .iter()
        .find(|(written, _)| written.eq_ignore_ascii_case(name))
        .map(|(_, reported)| *reported)
}

/// A byline "By Jane Doe", "By Jane Doe, Reuters", "By Reuters Staff":
/// `Some(outlet)` when `line` is one.
fn parse_byline(line: &str) -> Option<Option<&'static str>> {
    let rest = line
        .get(2..)
        .filter(|_| starts_with_ignore_case(line, "by"))?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = rest.trim();
    let capitalised = rest.chars().next().is_some_and(char::is_uppercase);
    if !capitalised || rest.ends_with('.') || rest.split_whitespace().count() > 12 {
        return None;
    }
    let last = rest.rsplit(',').next().unwrap_or(rest).trim();
    Some(outlet_name(last).or_else(|| last.strip_suffix(" Staff").and_then(outlet_name)))
}

/// A date line, optionally followed by a byline or an outlet: the ISO date
/// and the outlet.
fn parse_date_line(line: &str) -> Option<(String, Option<&'static str>)> {
    let mut date = DateParts::default();
    let mut rest = None;
    for (at, token) in tokens(line) {
        if !date.take(token) {
            rest = Some(&line[at..]);
            break;
        }
    }
    let iso = date.iso()?;
    let outlet = match rest {
        None => None,
        Some(rest) => parse_byline(rest).or_else(|| outlet_name(rest).map(Some))?,
    };
    Some((iso, outlet))
}

/// The ISO date (YYYY-MM-DD) of a record's date field, in the forms news
/// data comes in: ISO 8601 ("2019-08-28", "2019-08-28T09:58:00Z"),
/// "2019/08/28", compact "20190828" and GDELT's "20190828095800", RFC 2822
/// ("Wed, 28 Aug 2019 09:58:00 +0000"), written dates ("Aug. 28, 2019",
/// "28 August 2019", "Wednesday, August 28, 2019 9:58 AM EDT") and numeric
/// day and month in either order when only one reading is a date
/// ("28/08/2019", "08/28/2019", "28.08.2019"; not "08/09/2019"). None when
/// the field is none of these or not a real day.
pub fn read_date(field: &str) -> Option<String> {
    let field = field.trim();
    let (year, month, day) = compact_date(field)
        .or_else(|| numeric_date(field))
        .or_else(|| {
            let mut date = DateParts::default();
            tokens(field)
                .all(|(_, token)| is_zone_offset(token) || date.take(token))
                .then_some(date)
                .and_then(|d| Some((d.year?, d.month?, d.day?)))
        })?;
    chrono::NaiveDate::from_ymd_opt(year as i32, month, day)
        .map(|d| d.format("%Y-%m-%d").to_string())
}

/// "20190828", "20190828095800".
fn compact_date(field: &str) -> Option<(u32, u32, u32)> {
    let digits = matches!(field.len(), 8 | 14) && field.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| {
        let part = |r: std::ops::Range<usize>| field[r].parse().unwrap_or(0);
        (part(0..4), part(4..6), part(6..8))
    })
}

/// "28/08/2019", "08/28/2019", "28.08.2019": day and month in the order
/// that makes a date; None when both orders do. "28-Aug-2019" names its
/// month.
fn numeric_date(field: &str) -> Option<(u32, u32, u32)> {
    let parts: Vec<&str> = field.split(['/', '.', '-']).collect();
    let [a, b, year] = parts[..] else {
        return None;
    };
    if year.len() != 4 || a.len() > 2 {
        return None;
    }
    if let Some(month) = month_number(b) {
        return Some((year.parse().ok()?, month, a.parse().ok()?));
    }
    if b.len() > 2 {
        return None;
    }
    let (a, b, year): (u32, u32, u32) = (a.parse().ok()?, b.parse().ok()?, year.parse().ok()?);
    match (a <= 12, b <= 12) {
        (true, true) if a != b => None,
        (_, true) => Some((year, b, a)),
        (true, false) => Some((year, a, b)),
        (false, false) => None,
    }
}

/// "+0000", "-05:00", "Z": a time zone offset after a time.
fn is_zone_offset(token: &str) -> bool {
    let digits: String = token
        .strip_prefix(['+', '-'])
        .unwrap_or("")
        .chars()
        .filter(|&c| c != ':')
        .collect();
    token == "Z" || (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
}

/// The parts of a date gathered from the tokens of a date line.
#[derive(Debug, Default)]
struct DateParts {
    year: Option<u32>,
    month: Option<u32>,
    day: Option<u32>,
}

impl DateParts {
    /// Takes one token; false if it has no place in a date line.
    fn take(&mut self, token: &str) -> bool {
        let word = token.trim_end_matches('.');
        if is_label(token) || is_time(token) || is_date_filler(word) {
            return true;
        }
        if let Some(month) = month_number(word) {
            return fill(&mut self.month, month);
        }
        if let Some((year, month, day)) = iso_date(token) {
            return fill(&mut self.year, year)
                && fill(&mut self.month, month)
                && fill(&mut self.day, day);
        }
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        match (digits.len(), digits.parse::<u32>()) {
            (4, Ok(year)) if (1900..=2100).contains(&year) => fill(&mut self.year, year),
            (1 | 2, Ok(day)) if (1..=31).contains(&day) => fill(&mut self.day, day),
            _ => false,
        }
    }

    fn iso(&self) -> Option<String> {
        Some(format!(
            "{:04}-{:02}-{:02}",
            self.year?, self.month?, self.day?
        ))
    }
}

/// Sets `slot` to `value` if it is empty; false if it was already set.
fn fill(slot: &mut Option<u32>, value: u32) -> bool {
    slot.replace(value).is_none()
}

/// "Published:", "Updated:".
fn is_label(token: &str) -> bool {
    token
        .strip_suffix(':')
        .is_some_and(|word| !word.is_empty() && word.chars().all(char::is_alphabetic))
}

/// "09:58", "9:58am", "14:05:30".
fn is_time(token: &str) -> bool {
    let lower = token.to_ascii_lowercase();
    let clock = ["am", "pm", "a.m.", "p.m."]
        .iter()
        .find_map(|suffix| lower.strip_suffix(suffix))
        .unwrap_or(&lower);
    clock.contains(':')
        && clock.starts_with(|c: char| c.is_ascii_digit())
        && clock.chars().all(|c| c.is_ascii_digit() || c == ':')
}

/// Weekdays, dashes, a.m./p.m. and time zones: allowed in a date line.
fn is_date_filler(word: &str) -> bool {
    const FILLERS: &[&str] = &[
        "-",
        "--",
        "\u{2013}",
        "\u{2014}",
        "/",
        "am",
        "pm",
        "a.m",
        "p.m",
        "mon",
        "monday",
        "tue",
        "tues",
        "tuesday",
        "wed",
        "wednesday",
        "thu",
        "thur",
        "thurs",
        "thursday",
        "fri",
        "friday",
        "sat",
        "saturday",
        "sun",
        "sunday",
        "gmt",
        "utc",
        "bst",
        "cet",
        "cest",
        "et",
        "edt",
        "est",
        "cdt",
        "cst",
        "pt",
        "pdt",
        "pst",
        "jst",
        "kst",
        "hkt",
        "sgt",
        "ist",
        "aest",
        "aedt",
    ];
    FILLERS
        .iter()
        .any(|filler| filler.eq_ignore_ascii_case(word))
}

/// The month names, lower case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_number(word: &str) -> Option<u32> {
    let word = word.to_ascii_lowercase();
    let abbreviated = word.len() == 3 || word == "sept";
    MONTHS
        .iter()
        .position(|name| *name == word || (abbreviated && name.starts_with(word.as_str())))
        .map(|i| i as u32 + 1)
}

/// "2019-08-28", "2019/08/28", "2019-08-28T09:58:00Z".
fn iso_date(token: &str) -> Option<(u32, u32, u32)> {
    let date = token.get(..10)?;
    let tail_ok = token.len() == 10 || token[10..].starts_with('T');
    let bytes = date.as_bytes();
    let separated = bytes[4] == bytes[7] && matches!(bytes[4], b'-' | b'/');
    if !tail_ok || !separated {
        return None;
    }
    let year = date[..4].parse().ok()?;
    let month = date[5..7].parse().ok().filter(|m| (1..=12).contains(m))?;
    let day = date[8..10].parse().ok().filter(|d| (1..=31).contains(d))?;
    Some((year, month, day))
}

/// A dateline at the start of a paragraph.
#[derive(Debug, PartialEq)]
struct Dateline<'t> {
    city: &'t str,
    outlet: Option<&'t str>,
    /// Where the paragraph text starts after the dateline and its dash.
    body_offset: usize,
}

/// Whether `block` opens with a dateline naming an outlet, as a first body
/// paragraph does; a headline such as "EXCLUSIVE - ..." does not.
fn opens_with_agency_dateline(block: &str) -> bool {
    parse_dateline(block).is_some_and(|dateline| dateline.outlet.is_some())
}

/// "WASHINGTON (Reuters) -- ", "SEOUL, Aug 28 (Reuters) - ", "LONDON (AP) — ",
/// "WASHINGTON — ": an all-capital city, optional words after a comma, an
/// optional outlet in brackets, and a dash with white space after it.
fn parse_dateline(para: &str) -> Option<Dateline<'_>> {
    let (dash_start, dash_end) = find_dateline_dash(para)?;
    let (place, outlet) = split_outlet(para[..dash_start].trim_end())?;
    let city = place.split(',').next().unwrap_or(place).trim();
    if !is_dateline_city(city) || place.len() - city.len() > MAX_DATELINE_PART_LEN {
        return None;
    }
    let after = &para[dash_end..];
    let body_offset = para.len() - after.trim_start().len();
    Some(Dateline {
        city,
        outlet,
        body_offset,
    })
}

/// The first dash run near the start of `para` that follows white space or
/// `)` and is followed by white space.
fn find_dateline_dash(para: &str) -> Option<(usize, usize)> {
    let mut prev = None;
    let mut chars = para
        .char_indices()
        .take_while(|(i, _)| *i <= MAX_DATELINE_LEN)
        .peekable();
    while let Some((i, c)) = chars.next() {
        let after_gap = prev.is_some_and(|p: char| p.is_whitespace() || p == ')');
        prev = Some(c);
        if !is_dash(c) || !after_gap {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some((j, d)) = chars.next_if(|(_, d)| is_dash(*d)) {
            end = j + d.len_utf8();
        }
        let rest = &para[end..];
        if rest.is_empty() || rest.starts_with(char::is_whitespace) {
            return Some((i, end));
        }
    }
    None
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2013}' | '\u{2014}')
}

/// Splits "SEOUL, Aug 28 (Reuters)" into the place and the outlet.
fn split_outlet(head: &str) -> Option<(&str, Option<&str>)> {
    let Some(inner) = head.strip_suffix(')') else {
        return Some((head, None));
    };
    let open = inner.rfind('(')?;
    let outlet = inner[open + 1..].trim();
    if outlet.is_empty() || outlet.len() > MAX_DATELINE_PART_LEN {
        return None;
    }
    Some((inner[..open].trim_end(), Some(outlet)))
}

/// "WASHINGTON", "RIO DE JANEIRO", "WILKES-BARRE", "SÃO PAULO".
fn is_dateline_city(city: &str) -> bool {
    let allowed = |c: char| {
        c.is_uppercase() || c.is_whitespace() || matches!(c, '.' | '-' | '\'' | '\u{2019}')
    };
    city.len() <= MAX_DATELINE_PART_LEN
        && city.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && city.chars().all(allowed)
}

/// Cuts the dateline off the first body paragraph.
fn strip_dateline(text: &str, body: &mut [Span], layout: &mut Layout) {
    let Some(first) = body.first_mut() else {
        return;
    };
    let Some(dateline) = parse_dateline(first.of(text)) else {
        return;
    };
    layout.dateline = Some(dateline.city.to_string());
    if let Some(outlet) = dateline.outlet {
        set_outlet(layout, outlet);
    }
    first.start += dateline.body_offset;
}

/// Cuts "(Reuters)", "(AP)" or "(Reporting by ...)" off the end of the last
/// paragraph, dropping it if nothing is left.
fn strip_trailing_credits(text: &str, body: &mut Vec<Span>, layout: &mut Layout) {
    while let Some(last) = body.last_mut() {
        let para = last.of(text);
        let Some(inner) = para.strip_suffix(')') else {
            return;
        };
        let Some(open) = inner.rfind('(') else {
            return;
        };
        let credit = &inner[open + 1..];
        match outlet_name(credit) {
            Some(outlet) => set_outlet(layout, outlet),
            None if is_credit(credit) => {}
            None => return,
        }
        last.end = last.start + para[..open].trim_end().len();
        if last.is_empty() {
            body.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph_texts<'t>(text: &'t str, layout: &Layout) -> Vec<&'t str> {
        layout.paragraphs.iter().map(|span| span.of(text)).collect()
    }

    fn plain(text: &str) -> (Layout, Vec<&str>) {
        let layout = read_layout(text, DocFormat::PlainText);
        let texts = paragraph_texts(text, &layout);
        (layout, texts)
    }

    #[test]
    fn blank_lines_of_every_kind_separate_paragraphs() {
        let cases: &[(&str, &[&str])] = &[
            ("Head\n\nOne.\n\nTwo.", &["Head", "One.", "Two."]),
            (
                "Head\r\n\r\nOne.\r\n \t\u{a0}\r\nTwo.\r\n",
                &["Head", "One.", "Two."],
            ),
            (
                "Head\n\n\n\n\u{a0}One.\u{a0}\u{a0}\n\n\nTwo.",
                &["Head", "One.", "Two."],
            ),
            (
                "Head\n\nOne line\nwraps here.\n\nTwo.",
                &["Head", "One line\nwraps here.", "Two."],
            ),
            ("Head\nOne.\nTwo.", &["Head", "One.", "Two."]),
        ];
        for (text, expected) in cases {
            assert_eq!(plain(text).1, *expected, "text: {text:?}");
        }
    }

    #[test]
    fn furniture_is_set_aside() {
        let furniture = [
            "Send to",
            "Share",
            "Print",
            "Email this",
            "Advertisement",
            "Share | Print | Email",
            "Reporting by Jane Doe; Editing by John Roe",
            "(Additional reporting by Ann Poe in Seoul)",
        ];
        for line in furniture {
            let text =
                format!("{line}\n\nHeadline here\n\nBody one.\n\n{line}\n\nBody two.\n\n{line}");
            assert_eq!(
                plain(&text).1,
                ["Headline here", "Body one.", "Body two."],
                "line: {line:?}"
            );
        }
        let text = "Send to\nHeadline here\n\nBody one.\nReporting by Jane Doe";
        assert_eq!(plain(text).1, ["Headline here", "Body one."]);
    }

    #[test]
    fn record_date_fields() {
        let cases: &[(&str, Option<&str>)] = &[
            ("2019-08-28", Some("2019-08-28")),
            ("2019-08-28T09:58:00Z", Some("2019-08-28")),
            ("2019-08-28 09:58", Some("2019-08-28")),
            ("2019/08/28", Some("2019-08-28")),
            ("20190828", Some("2019-08-28")),
            ("20190828095800", Some("2019-08-28")),
            ("Wed, 28 Aug 2019 09:58:00 +0000", Some("2019-08-28")),
            ("Wed, 28 Aug 2019 09:58:00 GMT", Some("2019-08-28")),
            ("Aug. 28, 2019", Some("2019-08-28")),
            ("28 August 2019", Some("2019-08-28")),
            ("Wednesday, August 28, 2019 9:58 AM EDT", Some("2019-08-28")),
            ("28/08/2019", Some("2019-08-28")),
            ("08/28/2019", Some("2019-08-28")),
            ("28.08.2019", Some("2019-08-28")),
            ("28-Aug-2019", Some("2019-08-28")),
            ("28-AUG-2019", Some("2019-08-28")),
            ("31-Feb-2019", None),
            ("05/05/2019", Some("2019-05-05")),
            ("08/09/2019", None),
            ("2019-02-30", None),
            ("20191328", None),
            ("1566986280", None),
            ("yesterday", None),
            ("August 2019", None),
            ("Aug 28, 2019 by Reuters", None),
            ("", None),
        ];
        for &(field, want) in cases {
            assert_eq!(read_date(field).as_deref(), want, "{field:?}");
        }
    }

    #[test]
    fn date_lines_and_bylines() {
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            (
                "Aug. 28, 2019 - 09:58 By Reuters",
                Some("2019-08-28"),
                Some("Reuters"),
            ),
            ("August 28, 2019", Some("2019-08-28"), None),
            ("28 August 2019", Some("2019-08-28"), None),
            ("2019-08-28", Some("2019-08-28"), None),
            ("Published: Wed Aug 28, 2019", Some("2019-08-28"), None),
            ("Wed Sept. 4, 2019 7:58am EDT", Some("2019-09-04"), None),
            ("March 3rd, 2021 | 14:05 GMT", Some("2021-03-03"), None),
            (
                "May 1, 2020 Associated Press",
                Some("2020-05-01"),
                Some("AP"),
            ),
            ("By Jane Doe", None, None),
            ("By Jane Doe, Reuters", None, Some("Reuters")),
            ("By Reuters Staff", None, Some("Reuters")),
            ("Associated Press", None, Some("AP")),
        ];
        for (line, date, outlet) in cases {
            let text = format!("Allies meet in Bonn\n\n{line}\n\nThe allies met.");
            let (layout, texts) = plain(&text);
            assert_eq!(
                texts,
                ["Allies meet in Bonn", "The allies met."],
                "line: {line:?}"
            );
            assert_eq!(layout.date.as_deref(), *date, "line: {line:?}");
            assert_eq!(layout.outlet.as_deref(), *outlet, "line: {line:?}");
        }
    }

    #[test]
    fn metadata_is_read_only_before_the_body() {
        let text = "Send to\nAllies meet in Bonn\nBy Jane Doe, Reuters\nAugust 28, 2019\n\n\
            The allies met.\n\nAugust 29, 2019\n\nBy Ann Poe";
        let (layout, texts) = plain(text);
        assert_eq!(
            texts,
            [
                "Allies meet in Bonn",
                "The allies met.",
                "August 29, 2019",
                "By Ann Poe"
            ]
        );
        assert_eq!(layout.date.as_deref(), Some("2019-08-28"));
        assert_eq!(layout.outlet.as_deref(), Some("Reuters"));
    }

    #[test]
    fn headlines_are_not_metadata() {
        let headlines = [
            "May Day marches draw crowds in 2019",
            "By the numbers: Japan",
            "Reuters poll shows gloom",
        ];
        for headline in headlines {
            let text = format!("{headline}\n\nThe allies met.");
            let (layout, texts) = plain(&text);
            assert_eq!(texts, [headline, "The allies met."]);
            assert_eq!(layout.title.as_deref(), Some(headline));
            assert_eq!((layout.date, layout.outlet), (None, None));
        }
    }

    #[test]
    fn datelines_are_cut_from_the_first_paragraph() {
        let cases: &[(&str, &str, &str)] = &[
            ("WASHINGTON (Reuters) -- The talks", "WASHINGTON", "Reuters"),
            (
                "WASHINGTON (Reuters)\u{a0}-- The talks",
                "WASHINGTON",
                "Reuters",
            ),
            ("SEOUL, Aug 28 (Reuters) - The talks", "SEOUL", "Reuters"),
            ("LONDON (AP) \u{2014} The talks", "LONDON", "AP"),
            ("PARIS (AFP) - The talks", "PARIS", "AFP"),
            (
                "RIO DE JANEIRO (Reuters) - The talks",
                "RIO DE JANEIRO",
                "Reuters",
            ),
            (
                "S\u{c3}O PAULO (Reuters) \u{2013} The talks",
                "S\u{c3}O PAULO",
                "Reuters",
            ),
            (
                "WILKES-BARRE, Pa. (AP) \u{2014} The talks",
                "WILKES-BARRE",
                "AP",
            ),
            ("TOKYO (Kyodo News) - The talks", "TOKYO", "Kyodo News"),
        ];
        for (para, city, outlet) in cases {
            let text = format!("Talks go on\n\n{para} went on.\n\nMore.");
            let (layout, texts) = plain(&text);
            assert_eq!(
                texts,
                ["Talks go on", "The talks went on.", "More."],
                "para: {para:?}"
            );
            assert_eq!(layout.dateline.as_deref(), Some(*city));
            assert_eq!(layout.outlet.as_deref(), Some(*outlet));
        }
        let text = "Talks go on\n\nSEOUL (Reuters) -\n\nThe talks went on.";
        assert_eq!(plain(text).1, ["Talks go on", "The talks went on."]);
        assert_eq!(plain(text).0.dateline.as_deref(), Some("SEOUL"));
        let text = "Talks go on\n\nWASHINGTON \u{2014} The talks went on.";
        assert_eq!(plain(text).0.dateline.as_deref(), Some("WASHINGTON"));
        assert_eq!(plain(text).0.outlet, None);
    }

    #[test]
    fn dashes_in_prose_are_not_datelines() {
        let paras = [
            "U.S. stocks fell - again - on Friday.",
            "The talks - held on Friday - ended.",
            "A - B talks ended.",
            "WEST-EAST talks ended - for now.",
        ];
        for para in paras {
            let text = format!("Talks go on\n\n{para}");
            let (layout, texts) = plain(&text);
            assert_eq!(texts[1], para);
            assert_eq!(layout.dateline, None, "para: {para:?}");
        }
    }

    #[test]
    fn article_without_headline_starts_with_dateline() {
        let text = "SEOUL (Reuters) - The talks ended.\n\nMore.";
        let (layout, texts) = plain(text);
        assert_eq!(texts, ["", "The talks ended.", "More."]);
        assert_eq!(layout.title, None);
        let text = "EXCLUSIVE - Allies weigh new talks\n\nSEOUL (Reuters) - The talks ended.";
        assert_eq!(
            plain(text).1,
            ["EXCLUSIVE - Allies weigh new talks", "The talks ended."]
        );
    }

    #[test]
    fn trailing_credits_are_cut() {
        let cases: &[(&str, &[&str], Option<&str>)] = &[
            (
                "Head\n\nIt ended, he said. (Reuters)",
                &["Head", "It ended, he said."],
                Some("Reuters"),
            ),
            (
                "Head\n\nIt ended.\u{a0}(AP)\u{a0}",
                &["Head", "It ended."],
                Some("AP"),
            ),
            (
                "Head\n\nIt ended.\n\n(Reuters)",
                &["Head", "It ended."],
                Some("Reuters"),
            ),
            (
                "Head\n\nIt ended. (Reporting by Jane Doe; Editing by John Roe)",
                &["Head", "It ended."],
                None,
            ),
            (
                "Head\n\nIt ended (for now)",
                &["Head", "It ended (for now)"],
                None,
            ),
        ];
        for (text, expected, outlet) in cases {
            let (layout, texts) = plain(text);
            assert_eq!(texts, *expected, "text: {text:?}");
            assert_eq!(layout.outlet.as_deref(), *outlet);
        }
    }

    #[test]
    fn empty_text_has_only_an_empty_headline() {
        for text in ["", "   ", "\n\n\u{a0}\r\n\t\n"] {
            for format in [DocFormat::PlainText, DocFormat::Record] {
                let layout = read_layout(text, format);
                assert_eq!(layout.paragraphs, [Span::new(0, 0)], "text: {text:?}");
                assert_eq!(layout.title, None);
            }
        }
        assert_eq!(
            read_layout("Share\n\nPrint", DocFormat::PlainText).paragraphs,
            [Span::new(0, 0)]
        );
    }

    #[test]
    fn records_are_body_only() {
        let text = "SEOUL, Aug 28 (Reuters) - The talks ended.\n\nAugust 28, 2019\n\nShare";
        let layout = read_layout(text, DocFormat::Record);
        assert_eq!(
            paragraph_texts(text, &layout),
            ["", "The talks ended.", "August 28, 2019", "Share"]
        );
        assert_eq!(layout.paragraphs[0], Span::new(0, 0));
        assert_eq!(
            (layout.dateline.as_deref(), layout.outlet.as_deref()),
            (Some("SEOUL"), Some("Reuters"))
        );
        assert_eq!((layout.title, layout.date), (None, None));

        let text = "One.\r\nTwo.\n\u{a0}\nThree.";
        let layout = read_layout(text, DocFormat::Record);
        assert_eq!(
            paragraph_texts(text, &layout),
            ["", "One.\r\nTwo.", "Three."]
        );
        let text = "One.\nTwo.\n\nThree.\n";
        assert_eq!(
            paragraph_texts(text, &read_layout(text, DocFormat::Record)),
            ["", "One.\nTwo.", "Three."]
        );
        let text = "\nOne.\r\nTwo.\n   \nThree.\n";
        assert_eq!(
            paragraph_texts(text, &read_layout(text, DocFormat::Record)).len(),
            3
        );
        let text = "One.\r\nTwo.\nThree.\n";
        assert_eq!(
            paragraph_texts(text, &read_layout(text, DocFormat::Record)),
            ["", "One.", "Two.", "Three."]
        );
    }

    #[test]
    fn wire_story_layout() {
        let text = "Send to\n\nEnvoy sees 'real chance' for Bonn talks\n\nSept. 3, 2021 - 14:05 By Reuters\n\n\
            BERLIN (Reuters)\u{a0}-- Germany and France hope their row over farm aid is over, a senior \
            official said on Friday.\n\n\
            Speaking to reporters, the official said both capitals had made \"unhelpful\" moves.\n\n\
            \"We are not there yet,\" the official said. \"Both sides know it.\"\u{a0}\u{a0}\n\n\
            \"Talks will go on.\"\u{a0}\n\n\n\
            The official asked not to be named. A second official said Paris was keen. (Reuters)";
        let (layout, texts) = plain(text);
        assert_eq!(
            layout.title.as_deref(),
            Some("Envoy sees 'real chance' for Bonn talks")
        );
        assert_eq!(layout.date.as_deref(), Some("2021-09-03"));
        assert_eq!(layout.outlet.as_deref(), Some("Reuters"));
        assert_eq!(layout.dateline.as_deref(), Some("BERLIN"));
        assert_eq!(texts.len(), 6);
        assert_eq!(texts[0], "Envoy sees 'real chance' for Bonn talks");
        assert!(texts[1].starts_with("Germany and France hope"));
        assert!(texts[2].starts_with("Speaking to reporters"));
        assert_eq!(
            texts[3],
            "\"We are not there yet,\" the official said. \"Both sides know it.\""
        );
        assert_eq!(texts[4], "\"Talks will go on.\"");
        assert_eq!(
            texts[5],
            "The official asked not to be named. A second official said Paris was keen."
        );
        let sentences = crate::segment::split_sentences(text, &layout);
        assert_eq!(sentences.len(), 8);
        assert_eq!(sentences.iter().filter(|s| s.paragraph == 0).count(), 1);
    }
}
