//! The target model: how the words around an actor mention lean toward
//! that actor. Owns `lexicons/target.csv` (rows `term,context,negative,
//! positive`), the cues a unit offers toward one target, and the three-way
//! reading they add up to.
//!
//! The cues of a target are the unit's words (context
//! `unit`), the tokens just before and just after each mention (`before`,
//! `after`, up to `WINDOW` tokens each), the mention itself left out; a
//! few computed facts (`feature`: the unit's own tone, lexicon matches on
//! either side, the target's position, quotation marks); and the
//! rule-based tone toward it (`rule` rows). Each cue adds its two
//! weights to the scores of "negative" and "positive"; "neutral" scores 0.
//! The class with the highest score wins, and the tone toward the target is
//! P(positive) - P(negative) under the softmax of the three scores. The
//! weights were fitted on NewsMTSC's train split (see lexicons/target.md);
//! `scripts/fit_target_model.py` refits them from `stance eval --task
//! target --features`.

use crate::error::{Error, Result};
use crate::lexicon::{csv_rows, LoadWarning};
use crate::tokenize::{TokenKind, Tokens};
use crate::types::{Class, Cue, CueContext, Hit, Leaning, Span, Tone};
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::Arc;

/// The built-in target model.
pub const DEFAULT_TARGET_MODEL: &str = include_str!("../lexicons/target.csv");

/// Tokens read on each side of a mention.
pub const WINDOW: usize = 5;

const HEADER: &[&str] = &["term", "context", "negative", "positive"];

/// The `rule` rows: weights on the rule-based tone toward the target.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct RuleWeights {
    bias: [f64; 2],
    tone: [f64; 2],
    tone_positive: [f64; 2],
    tone_negative: [f64; 2],
}

/// Term weights by context, and the rule weights.
#[derive(Debug, Clone, Default)]
pub struct TargetModel {
    terms: [FxHashMap<Arc<str>, [f64; 2]>; 4],
    rules: RuleWeights,
}

impl TargetModel {
    /// The built-in model.
    pub fn embedded() -> TargetModel {
        let (model, warnings) =
            TargetModel::from_csv(DEFAULT_TARGET_MODEL, "default").expect("embedded target model");
        debug_assert!(warnings.is_empty(), "{warnings:?}");
        model
    }

    /// Reads a target model CSV; malformed rows come back as warnings.
    pub fn from_csv(text: &str, origin: &str) -> Result<(TargetModel, Vec<LoadWarning>)> {
        let mut model = TargetModel::default();
        let mut warnings = Vec::new();
        for row in csv_rows(text, origin, HEADER)? {
            if let Err(w) = row.and_then(|(line, rec)| model.add_row(line, &rec)) {
                warnings.push(w);
            }
        }
        if model.terms.iter().all(|t| t.is_empty()) {
            return Err(Error::BadFile {
                origin: origin.to_string(),
                message: "the target model has no term rows".into(),
            });
        }
        Ok((model, warnings))
    }

    fn add_row(
        &mut self,
        line: u64,
        rec: &csv::StringRecord,
    ) -> std::result::Result<(), LoadWarning> {
        let warn = |message: String| LoadWarning { line, message };
        let term = rec.get(0).unwrap_or("").trim();
        if term.is_empty() {
            return Err(warn("empty term".into()));
        }
        let mut weights = [0.0; 2];
        for (slot, column) in weights.iter_mut().zip([2, 3]) {
            let text = rec.get(column).unwrap_or("").trim();
            *slot = text
                .parse()
                .ok()
                .filter(|w: &f64| w.is_finite())
                .ok_or_else(|| warn(format!("{} {text:?} is not a number", HEADER[column])))?;
        }
        let context = rec.get(1).unwrap_or("").trim();
        if context == "rule" {
            let slot = match term {
                "bias" => &mut self.rules.bias,
                "tone" => &mut self.rules.tone,
                "tone_positive" => &mut self.rules.tone_positive,
                "tone_negative" => &mut self.rules.tone_negative,
                other => return Err(warn(format!("unknown rule {other:?}"))),
            };
            *slot = weights;
            return Ok(());
        }
        let context = CueContext::parse(context).ok_or_else(|| {
            warn(format!(
                "unknown context {context:?} (expected unit, before, after, feature or rule)"
            ))
        })?;
        self.terms[context as usize].insert(term.to_lowercase().into(), weights);
        Ok(())
    }

    /// The reading toward the target of `site`, with its `KEPT_CUES`
    /// strongest cues.
    pub fn lean(&self, site: &CueSite) -> Leaning {
        // Each cue counts once: found cues are told apart by the address of
        // their key in the model, so no term is copied until the end.
        let mut found: Vec<FoundCue> = Vec::new();
        for_each_cue(site, |context, term| {
            if let Some((key, &weights)) = self.terms[context as usize].get_key_value(term) {
                found.push((context, key, weights));
            }
        });
        found.sort_unstable_by_key(|&(context, key, _)| (context, key.as_ptr()));
        found.dedup_by_key(|&mut (context, key, _)| (context, key.as_ptr()));
        let r = &self.rules;
        let tone = site.rule_tone;
        let mut scores = [0.0; 2];
        for (k, score) in scores.iter_mut().enumerate() {
            *score = r.bias[k]
                + r.tone[k] * tone
                + r.tone_positive[k] * tone.max(0.0)
                + r.tone_negative[k] * tone.min(0.0)
                + found.iter().map(|(_, _, w)| w[k]).sum::<f64>();
        }
        let strength = |w: &[f64; 2]| w[0].abs().max(w[1].abs());
        let strongest_first = |a: &FoundCue, b: &FoundCue| {
            let by_strength = strength(&b.2).total_cmp(&strength(&a.2));
            by_strength.then_with(|| (a.0, a.1).cmp(&(b.0, b.1)))
        };
        if found.len() > KEPT_CUES {
            found.select_nth_unstable_by(KEPT_CUES, strongest_first);
            found.truncate(KEPT_CUES);
        }
        found.sort_by(strongest_first);
        let cues = found
            .into_iter()
            .take(KEPT_CUES)
            .map(|(context, term, [negative, positive])| Cue {
                context,
                term: Arc::clone(term),
                negative,
                positive,
            })
            .collect();
        Leaning::from_scores(scores, cues)
    }
}

/// A cue found around a target: its context, the model's term, weights.
type FoundCue<'m> = (CueContext, &'m Arc<str>, [f64; 2]);

/// How many of a target's cues its reading keeps (strongest first).
pub const KEPT_CUES: usize = 10;

/// What the cues of one target are read from.
pub struct CueSite<'a> {
    pub text: &'a str,
    pub tokens: &'a Tokens,
    /// The unit and its tokens.
    pub unit: Span,
    pub unit_tokens: Range<usize>,
    /// The target's mentions inside the unit: byte spans, token ranges.
    pub mentions: Vec<Span>,
    pub mention_tokens: Vec<Range<usize>>,
    /// The unit's own tone, and the rule-based tone toward the target with
    /// the matches behind it.
    pub unit_tone: f64,
    pub rule_tone: f64,
    pub hits: &'a [Hit],
}

/// A unit tone beyond this is "positive"/"negative" for the `feature` cues;
/// beyond `STRONG_TONE`, also "strongly" so.
const TONE_BAND: f64 = 0.05;
const STRONG_TONE: f64 = 0.5;

/// Calls `visit` with every cue of a target: the unit's words outside the
/// mentions, then the tokens before and after each mention, then the
/// `feature` cues. A cue can come more than once.
pub fn for_each_cue(site: &CueSite, mut visit: impl FnMut(CueContext, &str)) {
    let tokens = site.tokens;
    // The mentions of one target follow one another without overlapping,
    // so the one that may hold token `i` is found by halving.
    let mentions = &site.mention_tokens;
    debug_assert!(mentions.windows(2).all(|w| w[0].end <= w[1].start));
    let inside = |i: usize| {
        let at = mentions.partition_point(|m| m.end <= i);
        mentions.get(at).is_some_and(|m| m.contains(&i))
    };
    for i in site.unit_tokens.clone() {
        if tokens.items[i].kind == TokenKind::Word && !inside(i) {
            visit(CueContext::Unit, tokens.norm(i));
        }
    }
    let unit = &site.unit_tokens;
    for m in &site.mention_tokens {
        let before = m.start.saturating_sub(WINDOW).max(unit.start)..m.start;
        let after = m.end..(m.end + WINDOW).min(unit.end);
        for (context, range) in [(CueContext::Before, before), (CueContext::After, after)] {
            for i in range {
                if tokens.items[i].kind != TokenKind::Break && !inside(i) {
                    visit(context, tokens.norm(i));
                }
            }
        }
    }
    for feature in features(site) {
        visit(CueContext::Feature, feature);
    }
}

/// The `feature` cues of a target, by name.
fn features(site: &CueSite) -> Vec<&'static str> {
    let mut found = Vec::new();
    let tone = site.unit_tone;
    let bands = [
        (tone > TONE_BAND, "unit tone positive"),
        (tone < -TONE_BAND, "unit tone negative"),
        (tone > STRONG_TONE, "unit tone strongly positive"),
        (tone < -STRONG_TONE, "unit tone strongly negative"),
    ];
    found.extend(bands.iter().filter(|(on, _)| *on).map(|(_, name)| *name));
    let first = site
        .mentions
        .iter()
        .map(|m| m.start)
        .min()
        .unwrap_or(site.unit.start);
    for hit in site.hits.iter().filter(|h| h.weight != 0.0) {
        found.push(match (hit.span.end <= first, hit.weight > 0.0) {
            (true, true) => "positive match before",
            (true, false) => "negative match before",
            (false, true) => "positive match after",
            (false, false) => "negative match after",
        });
    }
    let words_before = site
        .tokens
        .range_within(Span::new(site.unit.start, first))
        .filter(|&i| site.tokens.items[i].kind == TokenKind::Word)
        .count();
    found.push(match words_before {
        0 => "no word before",
        1 => "1 word before",
        2 => "2 words before",
        _ => "3 or more words before",
    });
    let unit_text = site.unit.of(site.text);
    if unit_text.contains(['"', '\u{201c}', '\u{201d}']) {
        found.push("quotation in unit");
    }
    if inside_quotation(&site.text[site.unit.start..first.max(site.unit.start)]) {
        found.push("inside quotation");
    }
    found
}

/// Whether the end of `before` lies inside a quotation: more opening than
/// closing curly marks, or an odd number of straight ones.
fn inside_quotation(before: &str) -> bool {
    let count = |mark: char| before.matches(mark).count();
    count('\u{201c}') > count('\u{201d}') || count('"') % 2 == 1
}

impl Leaning {
    /// The reading of negative and positive scores (neutral scores 0).
    pub fn from_scores([negative, positive]: [f64; 2], cues: Vec<Cue>) -> Leaning {
        let top = negative.max(positive).max(0.0);
        let e = [(negative - top).exp(), (-top).exp(), (positive - top).exp()];
        let total: f64 = e.iter().sum();
        let probabilities = e.map(|x| x / total);
        let class = if negative > positive && negative > 0.0 {
            Class::Negative
        } else if positive > 0.0 && positive >= negative {
            Class::Positive
        } else {
            Class::Neutral
        };
        Leaning {
            class,
            tone: probabilities[2] - probabilities[0],
            probabilities: Some(probabilities),
            cues,
        }
    }

    /// The reading without a target model: the rule-based tone, neutral
    /// within `band`.
    pub fn of_tone(tone: &Tone, band: f64) -> Leaning {
        Leaning {
            class: Class::of(tone.tone, band),
            tone: tone.tone,
            probabilities: None,
            cues: Vec::new(),
        }
    }
}

impl CueContext {
    pub const ALL: [CueContext; 4] = [
        CueContext::Unit,
        CueContext::Before,
        CueContext::After,
        CueContext::Feature,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CueContext::Unit => "unit",
            CueContext::Before => "before",
            CueContext::After => "after",
            CueContext::Feature => "feature",
        }
    }

    /// A cue as `context:term`, as stance.csv and `--features` write it.
    pub fn label(self, term: &str) -> String {
        format!("{}:{term}", self.as_str())
    }

    fn parse(name: &str) -> Option<CueContext> {
        CueContext::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    const MODEL: &str = "term,context,negative,positive\n\
        bias,rule,-1,-1\n\
        tone,rule,-2,2\n\
        criticized,before,2,-1\n\
        praised,before,-1,2\n\
        was,unit,1,0\n\
        ally,after,0,0.5\n\
        inside quotation,feature,-3,-3\n";

    fn model() -> TargetModel {
        TargetModel::from_csv(MODEL, "t").unwrap().0
    }

    /// Runs `f` on the site of the first `target` in `text` (one unit),
    /// with the given unit tone, rule-based tone and lexicon matches.
    fn with_site<T>(
        text: &str,
        target: &str,
        (unit_tone, rule_tone): (f64, f64),
        hits: &[Hit],
        f: impl FnOnce(&CueSite) -> T,
    ) -> T {
        let tokens = tokenize(text);
        let at = text.find(target).unwrap();
        let mention = Span::new(at, at + target.len());
        let site = CueSite {
            text,
            tokens: &tokens,
            unit: Span::new(0, text.len()),
            unit_tokens: 0..tokens.len(),
            mention_tokens: vec![tokens.range_overlapping(mention)],
            mentions: vec![mention],
            unit_tone,
            rule_tone,
            hits,
        };
        f(&site)
    }

    fn cues(text: &str, target: &str, tones: (f64, f64), hits: &[Hit]) -> Vec<String> {
        let mut seen = Vec::new();
        with_site(text, target, tones, hits, |site| {
            for_each_cue(site, |c, t| seen.push(c.label(t)))
        });
        seen
    }

    fn hit(text: &str, word: &str, weight: f64) -> Hit {
        let at = text.find(word).unwrap();
        Hit {
            entry: 0,
            span: Span::new(at, at + word.len()),
            base: weight,
            weight,
            rules: Vec::new(),
        }
    }

    #[test]
    fn cues_by_context() {
        let text = "Lawmakers criticized Seoul's drills, a close ally said.";
        let expected = [
            "unit:lawmakers",
            "unit:criticized",
            "unit:drills",
            "unit:a",
            "unit:close",
            "unit:ally",
            "unit:said",
            "before:lawmakers",
            "before:criticized",
            "after:drills",
            "after:,",
            "after:a",
            "after:close",
            "after:ally",
            "feature:2 words before",
        ];
        assert_eq!(cues(text, "Seoul", (0.0, 0.0), &[]), expected);
    }

    /// (text, target, unit tone, matches, expected feature cues)
    type FeatureCase<'a> = (&'a str, &'a str, f64, &'a [Hit], &'a [&'a str]);

    #[test]
    fn feature_cues() {
        let criticized = "Lawmakers criticized Seoul and praised Tokyo";
        let hits = [
            hit(criticized, "criticized", -2.0),
            hit(criticized, "praised", 2.0),
        ];
        let zero = [hit("Seoul met Tokyo", "met", 0.0)];
        let cases: &[FeatureCase] = &[
            ("Seoul met Tokyo", "Seoul", 0.0, &[], &["no word before"]),
            // A match of weight 0 (a category entry, or a negator's own
            // weight toward a target) is no match of either sign.
            ("Seoul met Tokyo", "Seoul", 0.0, &zero, &["no word before"]),
            (
                "Seoul met Tokyo",
                "Tokyo",
                0.3,
                &[],
                &["unit tone positive", "2 words before"],
            ),
            (
                "Seoul met Tokyo",
                "Tokyo",
                -0.7,
                &[],
                &[
                    "unit tone negative",
                    "unit tone strongly negative",
                    "2 words before",
                ],
            ),
            (
                criticized,
                "Seoul",
                0.0,
                &hits,
                &[
                    "negative match before",
                    "positive match after",
                    "2 words before",
                ],
            ),
            (
                "\u{201c}Seoul is wrong,\u{201d} Tokyo said.",
                "Seoul",
                0.0,
                &[],
                &["no word before", "quotation in unit", "inside quotation"],
            ),
            (
                "\u{201c}It is wrong,\u{201d} Tokyo said.",
                "Tokyo",
                0.0,
                &[],
                &["3 or more words before", "quotation in unit"],
            ),
            (
                "He said \"Seoul lied\"",
                "Seoul",
                0.0,
                &[],
                &["2 words before", "quotation in unit", "inside quotation"],
            ),
        ];
        for &(text, target, unit_tone, hits, expected) in cases {
            let found: Vec<String> = cues(text, target, (unit_tone, 0.0), hits)
                .into_iter()
                .filter_map(|c| c.strip_prefix("feature:").map(str::to_string))
                .collect();
            assert_eq!(found, expected, "{text:?} toward {target}");
        }
    }

    #[test]
    fn readings() {
        // (text, target, rule tone, expected class)
        let cases: &[(&str, &str, f64, Class)] = &[
            ("Lawmakers criticized Seoul", "Seoul", 0.0, Class::Negative),
            ("Lawmakers praised Seoul", "Seoul", 0.0, Class::Positive),
            ("Seoul was criticized", "Seoul", 0.0, Class::Neutral),
            ("Seoul met Tokyo", "Seoul", 0.0, Class::Neutral),
            ("Seoul met Tokyo", "Seoul", 0.8, Class::Positive),
            ("Seoul met Tokyo", "Seoul", -0.8, Class::Negative),
            (
                "They said \"Seoul met Tokyo\"",
                "Seoul",
                0.8,
                Class::Neutral,
            ),
        ];
        for &(text, target, tone, class) in cases {
            let l = with_site(text, target, (0.0, tone), &[], |site| model().lean(site));
            assert_eq!(l.class, class, "{text:?} toward {target}: {l:?}");
            if class != Class::Neutral {
                assert_eq!(l.tone > 0.0, class == Class::Positive, "{l:?}");
            }
        }
    }

    #[test]
    fn cue_counted_once_and_sorted() {
        let text = "Lawmakers criticized Seoul and criticized Tokyo";
        let l = with_site(text, "Seoul", (0.0, 0.0), &[], |site| model().lean(site));
        let terms: Vec<&str> = l.cues.iter().map(|c| &*c.term).collect();
        assert_eq!(terms, ["criticized"]);
        let probabilities = l.probabilities.unwrap();
        assert!((probabilities.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn bad_rows_are_warnings() {
        let text =
            "term,context,negative,positive\nx,unit,1,2\ny,middle,1,2\nz,unit,a,1\nfoo,rule,1,1\n";
        let (_, warnings) = TargetModel::from_csv(text, "t").unwrap();
        let lines: Vec<u64> = warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, [3, 4, 5]);
        assert!(
            TargetModel::from_csv("term,context,negative,positive\nbias,rule,1,1\n", "t").is_err()
        );
        assert!(TargetModel::from_csv("term,weight\nx,1\n", "t").is_err());
    }

    #[test]
    fn embedded_model_loads() {
        let model = TargetModel::embedded();
        assert!(model.terms[CueContext::Feature as usize].contains_key("inside quotation"));
        assert!(model.terms[CueContext::After as usize].contains_key("said"));
    }
}
