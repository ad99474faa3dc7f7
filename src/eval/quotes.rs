//! Quote evaluation: matches predicted quotes to gold attribution contents
//! one-to-one by character coverage and tallies precision, recall, F1 and
//! speaker accuracy. All spans here are character (code point) ranges.
//!
//! - Coverage is measured on the gold content's letters and digits (all its
//!   characters when it has none), so quotation marks, punctuation and
//!   spacing conventions do not count. A prediction may match a gold content
//!   when it covers at least the threshold share of those characters.
//! - The matching is a maximum one-to-one matching (augmenting paths), each
//!   gold content trying the predictions that cover most of it first.
//! - Direct quotes: a gold content is direct when every fragment of it lies
//!   fully inside quotation marks; predicted kinds direct, partial and
//!   unbalanced count as direct, indirect does not. Scare quotes are not
//!   claimed to be speech and are left out of every figure.

use super::metrics::{f1, ratio};
use crate::types::QuoteKind;
use std::ops::Range;

/// A character range `[start, end)`.
pub type CharSpan = Range<usize>;

/// The coverage thresholds reported, with their metric-name suffixes.
pub const THRESHOLDS: [(&str, f64); 2] = [("50", 0.5), ("80", 0.8)];

/// A gold attribution, in character offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldQuote {
    /// The attribution's id in the annotation file ("E3").
    pub id: String,
    /// 1-based line of the attribution in the annotation file.
    pub line: u64,
    /// Content fragments, in file order (discontinuous content has several).
    pub content: Vec<CharSpan>,
    /// Source fragments; empty when the attribution has no source.
    pub source: Vec<CharSpan>,
}

/// A predicted quote, in character offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PredictedQuote {
    pub kind: QuoteKind,
    pub span: CharSpan,
    pub speaker: Option<CharSpan>,
}

/// Punctuation allowed between a content's end and its closing mark.
const TRAILING_PUNCTUATION: &[char] = &[',', '.', ';', ':', '!', '?', '\u{2026}'];

/// Predicted kinds that count as direct (quoted) speech.
pub fn is_direct_kind(kind: QuoteKind) -> bool {
    matches!(
        kind,
        QuoteKind::Direct | QuoteKind::Partial | QuoteKind::Unbalanced
    )
}

/// Whether every fragment of a gold content lies fully inside quotation
/// marks: it opens with an opening mark (or follows one across white space)
/// and ends with a closing mark (or precedes one across white space and
/// ,.;:!?...). Curly marks and guillemets say which side they are on; a
/// straight `"` opens before a word and closes after one.
pub fn is_direct(chars: &[char], content: &[CharSpan]) -> bool {
    !content.is_empty() && content.iter().all(|f| fragment_is_quoted(chars, f))
}

fn fragment_is_quoted(chars: &[char], fragment: &CharSpan) -> bool {
    let visible = |i: &usize| !chars[*i].is_whitespace();
    let Some(first) = fragment.clone().find(visible) else {
        return false;
    };
    let last = fragment.clone().rev().find(visible).unwrap_or(first);
    let opens = (first < last && is_opening(chars, first))
        || (0..fragment.start)
            .rev()
            .find(visible)
            .is_some_and(|i| is_opening(chars, i));
    let past_punctuation = |i: &usize| !TRAILING_PUNCTUATION.contains(&chars[*i]);
    let closes = (first..=last)
        .rev()
        .find(past_punctuation)
        .is_some_and(|i| i > first && is_closing(chars, i))
        || (fragment.end..chars.len())
            .find(|i| visible(i) && past_punctuation(i))
            .is_some_and(|i| is_closing(chars, i));
    opens && closes
}

fn is_opening(chars: &[char], i: usize) -> bool {
    match chars[i] {
        '\u{201c}' | '\u{201e}' | '\u{ab}' | '\u{2018}' => true,
        '"' => {
            let word_follows = chars.get(i + 1).is_some_and(|c| !c.is_whitespace());
            let space_before = i == 0
                || chars[i - 1].is_whitespace()
                || "([{\u{2014}\u{2013}-".contains(chars[i - 1]);
            word_follows && space_before
        }
        _ => false,
    }
}

fn is_closing(chars: &[char], i: usize) -> bool {
    match chars[i] {
        '\u{201d}' | '\u{bb}' | '\u{2019}' => true,
        '"' => i > 0 && !chars[i - 1].is_whitespace(),
        _ => false,
    }
}

/// The positions coverage is measured on: the content's letters and digits,
/// or all its characters when it has none. Sorted, without duplicates.
pub fn scored_positions(chars: &[char], content: &[CharSpan]) -> Vec<usize> {
    let mut all: Vec<usize> = content.iter().flat_map(|f| f.clone()).collect();
    all.sort_unstable();
    all.dedup();
    let alphanumeric: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&i| chars[i].is_alphanumeric())
        .collect();
    if alphanumeric.is_empty() {
        all
    } else {
        alphanumeric
    }
}

/// The share of `positions` inside `span`.
pub fn coverage(positions: &[usize], span: &CharSpan) -> f64 {
    let inside = positions.partition_point(|&p| p < span.end)
        - positions.partition_point(|&p| p < span.start);
    ratio(inside as u64, positions.len() as u64)
}

/// Matches gold contents (given by their scored positions) to predicted
/// spans one-to-one: a pair may match when the span covers at least
/// `threshold` of the gold's positions. Returns, for each gold, the index
/// of its predicted span. The matching has maximum size; each gold tries
/// the spans covering most of it first.
pub fn match_spans(
    gold: &[Vec<usize>],
    predicted: &[CharSpan],
    threshold: f64,
) -> Vec<Option<usize>> {
    let candidates: Vec<Vec<usize>> = gold
        .iter()
        .map(|positions| {
            let mut found: Vec<(usize, f64)> = predicted
                .iter()
                .enumerate()
                .map(|(p, span)| (p, coverage(positions, span)))
                .filter(|&(_, c)| c >= threshold)
                .collect();
            found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            found.into_iter().map(|(p, _)| p).collect()
        })
        .collect();
    let mut owner: Vec<Option<usize>> = vec![None; predicted.len()];
    for g in 0..gold.len() {
        let mut seen = vec![false; predicted.len()];
        augment(g, &candidates, &mut owner, &mut seen);
    }
    let mut matched = vec![None; gold.len()];
    for (p, g) in owner.iter().enumerate() {
        if let Some(g) = *g {
            matched[g] = Some(p);
        }
    }
    matched
}

/// Kuhn's augmenting path from gold `g`; true when `g` got a partner.
fn augment(
    g: usize,
    candidates: &[Vec<usize>],
    owner: &mut [Option<usize>],
    seen: &mut [bool],
) -> bool {
    for &p in &candidates[g] {
        if seen[p] {
            continue;
        }
        seen[p] = true;
        if owner[p].is_none_or(|other| augment(other, candidates, owner, seen)) {
            owner[p] = Some(g);
            return true;
        }
    }
    false
}

/// Gold, predicted and matched counts of one comparison.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub gold: u64,
    pub predicted: u64,
    pub matched: u64,
}

impl Tally {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }

    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }

    fn add(&mut self, other: &Tally) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.matched += other.matched;
    }
}

/// The counts of a quote evaluation, per threshold (in `THRESHOLDS` order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteTallies {
    pub content: [Tally; 2],
    pub direct: [Tally; 2],
    /// Matched attributions (at 50%) whose gold has a source.
    pub speaker_gold: u64,
    /// Of those, how many have a predicted speaker mention overlapping it.
    pub speaker_correct: u64,
}

impl QuoteTallies {
    pub fn add(&mut self, other: &QuoteTallies) {
        for (mine, theirs) in self.content.iter_mut().zip(&other.content) {
            mine.add(theirs);
        }
        for (mine, theirs) in self.direct.iter_mut().zip(&other.direct) {
            mine.add(theirs);
        }
        self.speaker_gold += other.speaker_gold;
        self.speaker_correct += other.speaker_correct;
    }
}

/// The evaluation of one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleScore {
    pub tallies: QuoteTallies,
    /// For each predicted quote, the gold attribution it matched at 50%.
    pub gold_of_predicted: Vec<Option<usize>>,
}

/// Compares one article's predicted quotes with its gold attributions.
pub fn score_article(
    chars: &[char],
    gold: &[GoldQuote],
    predicted: &[PredictedQuote],
) -> ArticleScore {
    let positions: Vec<Vec<usize>> = gold
        .iter()
        .map(|g| scored_positions(chars, &g.content))
        .collect();
    let speech: Vec<usize> = (0..predicted.len())
        .filter(|&p| predicted[p].kind != QuoteKind::Scare)
        .collect();
    let direct_gold: Vec<usize> = (0..gold.len())
        .filter(|&g| is_direct(chars, &gold[g].content))
        .collect();
    let direct_predicted: Vec<usize> = speech
        .iter()
        .copied()
        .filter(|&p| is_direct_kind(predicted[p].kind))
        .collect();
    let all_gold: Vec<usize> = (0..gold.len()).collect();
    let mut tallies = QuoteTallies::default();
    let mut gold_of_predicted = vec![None; predicted.len()];
    for (t, &(_, threshold)) in THRESHOLDS.iter().enumerate() {
        let (tally, pairs) = compare(&positions, &all_gold, predicted, &speech, threshold);
        tallies.content[t] = tally;
        tallies.direct[t] = compare(
            &positions,
            &direct_gold,
            predicted,
            &direct_predicted,
            threshold,
        )
        .0;
        if t == 0 {
            for &(g, p) in &pairs {
                gold_of_predicted[p] = Some(g);
                if !gold[g].source.is_empty() {
                    tallies.speaker_gold += 1;
                    let speaker = predicted[p].speaker.as_ref();
                    let right =
                        speaker.is_some_and(|s| gold[g].source.iter().any(|f| overlaps(f, s)));
                    tallies.speaker_correct += u64::from(right);
                }
            }
        }
    }
    ArticleScore {
        tallies,
        gold_of_predicted,
    }
}

/// Matches the chosen gold and predicted subsets; the pairs are (gold,
/// predicted) indices into the full lists.
fn compare(
    positions: &[Vec<usize>],
    gold: &[usize],
    predicted: &[PredictedQuote],
    chosen: &[usize],
    threshold: f64,
) -> (Tally, Vec<(usize, usize)>) {
    let gold_positions: Vec<Vec<usize>> = gold.iter().map(|&g| positions[g].clone()).collect();
    let spans: Vec<CharSpan> = chosen.iter().map(|&p| predicted[p].span.clone()).collect();
    let pairs: Vec<(usize, usize)> = match_spans(&gold_positions, &spans, threshold)
        .into_iter()
        .enumerate()
        .filter_map(|(g, p)| Some((gold[g], chosen[p?])))
        .collect();
    let tally = Tally {
        gold: gold.len() as u64,
        predicted: chosen.len() as u64,
        matched: pairs.len() as u64,
    };
    (tally, pairs)
}

fn overlaps(a: &CharSpan, b: &CharSpan) -> bool {
    a.start < b.end && b.start < a.end
}

#[cfg(test)]
// Character spans are ranges: a list of one span is meant.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    /// The character range of the first occurrence of `part` in `text`.
    fn find(text: &str, part: &str) -> CharSpan {
        let byte = text.find(part).unwrap();
        let start = text[..byte].chars().count();
        start..start + part.chars().count()
    }

    #[test]
    fn direct_gold_contents() {
        let text = "\u{201c}We will win,\u{201d} she said. He said the plan was \u{201c}a disaster\u{201d} for all. \"Never,\" he added, \"again.\"";
        let cases: Vec<(Vec<&str>, bool)> = vec![
            (vec!["\u{201c}We will win,\u{201d}"], true),
            (vec!["We will win"], true),
            (
                vec!["the plan was \u{201c}a disaster\u{201d} for all"],
                false,
            ),
            (vec!["a disaster"], true),
            (vec!["\"Never,\"", "\"again.\""], true),
            (vec!["\"Never,\"", "he added"], false),
            (vec![], false),
        ];
        let c = chars(text);
        for (parts, want) in cases {
            let spans: Vec<CharSpan> = parts.iter().map(|p| find(text, p)).collect();
            assert_eq!(is_direct(&c, &spans), want, "{parts:?}");
        }
    }

    #[test]
    fn coverage_counts_letters_and_digits_only() {
        let text = "\u{201c}No, 2 times.\u{201d}";
        let c = chars(text);
        let positions = scored_positions(&c, &[0..text.chars().count()]);
        assert_eq!(positions, vec![1, 2, 5, 7, 8, 9, 10, 11]);
        let cases = [(0..14, 1.0), (1..3, 0.25), (5..12, 0.75), (12..14, 0.0)];
        for (span, want) in cases {
            assert_eq!(coverage(&positions, &span), want, "{span:?}");
        }
        assert_eq!(
            scored_positions(&chars("\u{2014} !"), &[0..3]),
            vec![0, 1, 2]
        );
    }

    #[test]
    fn maximum_matching_beats_greedy() {
        // Gold A (0..10) is covered by p0 (90%) and p1 (60%); gold B (10..20)
        // only by p0 (70% of it, since p0 runs 1..17). Greedy by coverage
        // pairs A-p0 and leaves B alone; the maximum matching is A-p1, B-p0.
        let gold = vec![(0..10).collect::<Vec<_>>(), (10..20).collect()];
        let predicted = vec![1..17, 4..10];
        assert_eq!(coverage(&gold[0], &predicted[0]), 0.9);
        assert_eq!(coverage(&gold[1], &predicted[0]), 0.7);
        assert_eq!(match_spans(&gold, &predicted, 0.5), vec![Some(1), Some(0)]);
        // At 80% only A-p0 is possible.
        assert_eq!(match_spans(&gold, &predicted, 0.8), vec![Some(0), None]);
    }

    #[test]
    fn matching_is_one_to_one() {
        let gold = vec![(0..10).collect::<Vec<_>>(), (0..10).collect()];
        assert_eq!(match_spans(&gold, &[0..10], 0.5), vec![Some(0), None]);
        assert_eq!(match_spans(&gold, &[], 0.5), vec![None, None]);
        assert_eq!(match_spans(&[], &[0..10], 0.5), Vec::<Option<usize>>::new());
    }

    fn gold(id: &str, content: CharSpan, source: Option<CharSpan>) -> GoldQuote {
        GoldQuote {
            id: id.into(),
            line: 1,
            content: vec![content],
            source: source.into_iter().collect(),
        }
    }

    fn predicted(kind: QuoteKind, span: CharSpan, speaker: Option<CharSpan>) -> PredictedQuote {
        PredictedQuote {
            kind,
            span,
            speaker,
        }
    }

    #[test]
    fn one_article_by_hand() {
        let text = "\u{201c}Taxes will rise next year,\u{201d} the minister said. \
                    Officials said the deal was close. Critics call it a \u{2018}farce\u{2019}.";
        let c = chars(text);
        let direct = find(text, "\u{201c}Taxes will rise next year,\u{201d}");
        let minister = find(text, "the minister");
        let indirect = find(text, "the deal was close");
        let officials = find(text, "Officials");
        let golds = vec![
            gold("E1", direct.clone(), Some(minister.clone())),
            gold("E2", indirect.clone(), Some(officials.clone())),
        ];
        let taxes = find(text, "Taxes will rise next year");
        let deal = find(text, "deal was close");
        let preds = vec![
            // Matches E1; its speaker mention is "minister", inside the gold source.
            predicted(
                QuoteKind::Direct,
                taxes.clone(),
                Some(find(text, "minister")),
            ),
            // Covers 12 of E2's 15 letters (80%): matches, speaker wrong.
            predicted(QuoteKind::Indirect, deal, Some(find(text, "Critics"))),
            // A scare quote: not counted.
            predicted(QuoteKind::Scare, find(text, "farce"), None),
        ];
        let score = score_article(&c, &golds, &preds);
        let t = &score.tallies;
        let both = Tally {
            gold: 2,
            predicted: 2,
            matched: 2,
        };
        assert_eq!(t.content, [both, both]);
        let one = Tally {
            gold: 1,
            predicted: 1,
            matched: 1,
        };
        assert_eq!(t.direct, [one, one]);
        assert_eq!((t.speaker_gold, t.speaker_correct), (2, 1));
        assert_eq!(score.gold_of_predicted, vec![Some(0), Some(1), None]);
    }

    #[test]
    fn short_prediction_matches_at_50_not_80() {
        let text = "He said that the economy would grow strongly.";
        let c = chars(text);
        let golds = vec![gold(
            "E1",
            find(text, "the economy would grow strongly"),
            None,
        )];
        // "the economy would" covers 15 of 27 letters (56%).
        let preds = vec![predicted(
            QuoteKind::Indirect,
            find(text, "the economy would"),
            None,
        )];
        let t = score_article(&c, &golds, &preds).tallies;
        assert_eq!(t.content[0].matched, 1);
        assert_eq!(t.content[1].matched, 0);
        assert_eq!(t.direct[0], Tally::default());
        assert_eq!((t.speaker_gold, t.speaker_correct), (0, 0));
    }

    #[test]
    fn tally_ratios() {
        let t = Tally {
            gold: 4,
            predicted: 2,
            matched: 1,
        };
        assert_eq!((t.precision(), t.recall()), (0.5, 0.25));
        assert!((t.f1() - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(Tally::default().f1(), 0.0);
    }
}
