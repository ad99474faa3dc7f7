//! Tone rules: turns lexicon matches into a tone with a trace. Negation
//! and reversal ("reduce poverty"; both in a window before the term, stopped
//! by punctuation), boosters and dampeners, ALL-CAPS emphasis, contrast
//! ("but": what follows weighs more), exclamation marks, and the dilution
//! of a unit's valence by its length. Every change to a weight is recorded as a
//! `RuleApplied`, which is what `stance explain` prints.

use crate::lexicon::{Lexicon, Match, Modifier};
use crate::tokenize::{TokenKind, Tokens};
use crate::types::{Hit, RuleApplied, Span, Tone, UnitRules};
use std::ops::Range;

/// Tunable constants of the rules.
#[derive(Debug, Clone, PartialEq)]
pub struct Rules {
    /// How many words before a term a negator reaches.
    pub negation_window: usize,
    /// How many words before a term a booster reaches.
    pub booster_window: usize,
    /// Booster effect by distance 1, 2, 3...
    pub booster_decay: [f64; 3],
    pub caps_emphasis: f64,
    pub exclamation: f64,
    /// The normalisation constant: tone = x / sqrt(x^2 + alpha).
    pub alpha: f64,
    /// Units up to this many words count fully; the valence sum of a
    /// longer unit is diluted by its extra words: x * sqrt(reference / words).
    pub length_reference: f64,
}

impl Default for Rules {
    fn default() -> Rules {
        Rules {
            negation_window: 6,
            booster_window: 3,
            booster_decay: [1.0, 0.95, 0.9],
            caps_emphasis: 0.733,
            exclamation: 0.292,
            alpha: 15.0,
            length_reference: 6.0,
        }
    }
}

/// How much the valence sum of a unit of `words` words counts: fully up to
/// the reference length, half for a unit four times as long.
pub fn length_factor(words: usize, rules: &Rules) -> f64 {
    let words = words as f64;
    (rules.length_reference / words.max(rules.length_reference)).sqrt()
}

impl Rules {
    /// The settings a modifier list may change, by field name.
    pub const SETTINGS: &[&str] = &[
        "negation_window",
        "booster_window",
        "caps_emphasis",
        "exclamation",
        "alpha",
        "length_reference",
    ];

    /// Sets the field `name` (one of `SETTINGS`) to `value`.
    pub fn set(&mut self, name: &str, value: f64) -> std::result::Result<(), String> {
        let window = || {
            (value >= 0.0 && value.fract() == 0.0 && value <= 50.0)
                .then_some(value as usize)
                .ok_or_else(|| {
                    format!("{name} must be a whole number of words (0-50), not {value}")
                })
        };
        match name {
            "negation_window" => self.negation_window = window()?,
            "booster_window" => self.booster_window = window()?,
            "caps_emphasis" => self.caps_emphasis = value,
            "exclamation" => self.exclamation = value,
            "alpha" if value > 0.0 => self.alpha = value,
            "alpha" => return Err(format!("alpha must be above 0, not {value}")),
            "length_reference" if value > 0.0 => self.length_reference = value,
            "length_reference" => {
                return Err(format!("length_reference must be above 0, not {value}"))
            }
            _ => {
                return Err(format!(
                    "unknown setting {name:?} (known: {})",
                    Rules::SETTINGS.join(", ")
                ))
            }
        }
        Ok(())
    }
}

/// Normalises a raw valence sum into [-1, 1].
pub fn normalise(x: f64, alpha: f64) -> f64 {
    (x / (x * x + alpha).sqrt()).clamp(-1.0, 1.0)
}

/// Scores the tokens in `range` of an article, given all its matches
/// (sorted by position).
pub fn score(
    text: &str,
    tokens: &Tokens,
    matches: &[Match],
    range: Range<usize>,
    lexicon: &Lexicon,
    rules: &Rules,
) -> Tone {
    let from = matches.partition_point(|m| m.first < range.start);
    let to = matches.partition_point(|m| m.last < range.end);
    let mut negation_floor = range.start;
    let unit = &matches[from..to.max(from)];
    let mut hits: Vec<Hit> = unit
        .iter()
        .map(|m| {
            let hit = weigh(
                tokens,
                m,
                unit,
                (range.start, negation_floor),
                lexicon,
                rules,
            );
            if hit.base != 0.0 && !is_shifter_match(tokens, m, lexicon) {
                negation_floor = m.last + 1;
            }
            hit
        })
        .collect();
    apply_contrast(tokens, &mut hits, range.clone(), lexicon);
    let mut tone = Tone {
        hits,
        unit: unit_rules(text, tokens, range, rules),
        ..Tone::default()
    };
    retotal(&mut tone, rules.alpha);
    tone
}

/// Recomputes a tone's total, pos and neg from its hits (after a caller
/// re-weighted them) and its unit rules: the valence sum, pushed away from
/// zero by exclamation marks and diluted by length, normalised.
pub fn retotal(tone: &mut Tone, alpha: f64) {
    let mut x: f64 = tone.hits.iter().map(|h| h.weight).sum();
    if x != 0.0 {
        x += x.signum() * tone.unit.exclamation;
    }
    tone.tone = normalise(x * tone.unit.length_factor, alpha);
    tone.pos = tone.hits.iter().map(|h| h.weight.max(0.0)).sum();
    tone.neg = tone.hits.iter().map(|h| (-h.weight).max(0.0)).sum();
}

/// Weighs one match of the unit's matches `unit`. Boosters reach back to
/// `floor` (the unit start); a negator or reverser acts only on the first
/// weighted match after it, so it must lie after the previous one
/// (`negation_floor`), and not inside a phrase entry, which reads its
/// words together ("not only", "no doubt"). A weight-0 entry (a category
/// without polarity) only reports its categories: no rule touches it and
/// it does not stop a negator.
fn weigh(
    tokens: &Tokens,
    m: &Match,
    unit: &[Match],
    (floor, negation_floor): (usize, usize),
    lexicon: &Lexicon,
    rules: &Rules,
) -> Hit {
    let entry = &lexicon.entries[m.entry as usize];
    let span = Span::new(
        tokens.items[m.first].span.start,
        tokens.items[m.last].span.end,
    );
    let mut hit = Hit {
        entry: m.entry,
        span,
        base: entry.weight,
        weight: entry.weight,
        rules: Vec::new(),
    };
    if hit.base == 0.0 {
        return hit;
    }
    if (m.first..=m.last).all(|i| tokens.items[i].all_caps) {
        let add = hit.weight.signum() * rules.caps_emphasis;
        let w = hit.weight + add;
        apply(&mut hit, "caps", tokens.norm(m.first), w);
    }
    for (distance, i) in words_before(tokens, m.first, floor, rules.booster_window) {
        if let Some(Modifier::Intensifier(v)) = lexicon.modifier(tokens.norm(i)) {
            let add = hit.weight.signum() * v * rules.booster_decay[distance.min(3) - 1];
            let rule = if v >= 0.0 { "booster" } else { "dampener" };
            let w = hit.weight + add;
            apply(&mut hit, rule, tokens.norm(i), w);
        }
    }
    for (_, i) in words_before(tokens, m.first, negation_floor, rules.negation_window) {
        if in_phrase(unit, i) {
            continue;
        }
        if let Some((rule, factor)) = shifter(lexicon, tokens.norm(i), hit.weight) {
            let w = hit.weight * factor;
            apply(&mut hit, rule, tokens.norm(i), w);
        }
    }
    hit
}

fn apply(hit: &mut Hit, rule: &'static str, trigger: &str, weight: f64) {
    let factor = if hit.weight == 0.0 {
        1.0
    } else {
        weight / hit.weight
    };
    hit.rules.push(RuleApplied {
        rule,
        trigger: trigger.to_string(),
        factor,
    });
    hit.weight = weight;
}

/// The factor of a "n't" form that is not listed itself: the modifier list's
/// `n't` row, else this.
const CONTRACTED_NEGATION: f64 = -0.5;

/// How a word before a term shifts the term's `weight`: a listed negator or
/// any "n't" form negates; a reverser turns a negative term around.
fn shifter(lexicon: &Lexicon, word: &str, weight: f64) -> Option<(&'static str, f64)> {
    match lexicon.modifier(word) {
        Some(Modifier::Reverser(f)) if weight < 0.0 => Some(("reversal", f)),
        _ => negation_factor(lexicon, word).map(|f| ("negation", f)),
    }
}

/// The factor by which `word` negates, if it is a negator: listed as one,
/// or any "n't" form, which takes the factor listed for "n't".
fn negation_factor(lexicon: &Lexicon, word: &str) -> Option<f64> {
    match lexicon.modifier(word) {
        Some(Modifier::Negator(f)) => Some(f),
        _ if word.ends_with("n't") => match lexicon.modifier("n't") {
            Some(Modifier::Negator(f)) => Some(f),
            _ => Some(CONTRACTED_NEGATION),
        },
        _ => None,
    }
}

/// Whether token `i` lies inside a match of several words (`unit` is
/// sorted by position and its matches do not overlap).
fn in_phrase(unit: &[Match], i: usize) -> bool {
    let at = unit.partition_point(|m| m.last < i);
    unit.get(at)
        .is_some_and(|m| m.first <= i && m.first < m.last)
}

/// Whether a match is a single negator or reverser word ("not", "didn't",
/// "prevent") that the lexicon also weighs: its own weight counts, and it
/// still acts on the next weighted term. The default lexicon weighs its
/// negators; AFINN, for one, weighs "prevent".
fn is_shifter_match(tokens: &Tokens, m: &Match, lexicon: &Lexicon) -> bool {
    let word = tokens.norm(m.first);
    m.first == m.last
        && (is_negator(lexicon, word)
            || matches!(lexicon.modifier(word), Some(Modifier::Reverser(_))))
}

/// Whether `word` is a negator: listed as one, or any "n't" form.
pub fn is_negator(lexicon: &Lexicon, word: &str) -> bool {
    negation_factor(lexicon, word).is_some()
}

/// The word tokens before `at`, nearest first, with their distance in
/// words, stopping at punctuation, a contrast word or `floor`.
fn words_before(
    tokens: &Tokens,
    at: usize,
    floor: usize,
    window: usize,
) -> impl Iterator<Item = (usize, usize)> + '_ {
    (floor..at)
        .rev()
        .take_while(move |&i| tokens.items[i].kind == TokenKind::Word)
        .take(window)
        .enumerate()
        .map(|(k, i)| (k + 1, i))
}

/// The first contrast word of the unit weighs what follows by its factor
/// and what precedes by `2 - factor`.
fn apply_contrast(tokens: &Tokens, hits: &mut [Hit], range: Range<usize>, lexicon: &Lexicon) {
    let found = range
        .clone()
        .find_map(|i| match lexicon.modifier(tokens.norm(i)) {
            Some(Modifier::Contrast(f)) if tokens.items[i].kind == TokenKind::Word => Some((i, f)),
            _ => None,
        });
    let Some((at, factor)) = found else { return };
    let word = tokens.norm(at).to_string();
    let pivot = tokens.items[at].span.start;
    for hit in hits.iter_mut().filter(|h| h.base != 0.0) {
        let f = if hit.span.start > pivot {
            factor
        } else {
            2.0 - factor
        };
        let w = hit.weight * f;
        apply(hit, "contrast", &word, w);
    }
}

/// The unit's words and exclamation marks (up to four count), in one pass.
fn unit_rules(text: &str, tokens: &Tokens, range: Range<usize>, rules: &Rules) -> UnitRules {
    let (mut words, mut marks) = (0, 0);
    for token in &tokens.items[range] {
        match token.kind {
            TokenKind::Word => words += 1,
            TokenKind::Punct if token.span.of(text) == "!" => marks += 1,
            _ => {}
        }
    }
    UnitRules {
        exclamation: marks.min(4) as f64 * rules.exclamation,
        words,
        length_factor: length_factor(words, rules),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    const TONE: &str = "term,weight,categories\nhelpful,1.5,\nhopeful,1.8,hope\n\
        problem,-1.5,\nhelp,1.0,\nresolve,1.2,\nrock bottom,-2.5,crisis\nlost,-1.3,\ngood,1.9,\nbad,-2.5,\n\
        war,-2.8,\npoverty,-2.2,\naid,1.6,\npolicy,0,policy\n";
    const MODS: &str = "term,role,value\nnot,negator,-0.74\nno,negator,-0.74\n\
        never,negator,-0.74\nparticularly,booster,0.293\nvery,booster,0.293\n\
        slightly,dampener,-0.293\nbut,contrast,1.5\ncompletely,booster,0.293\n\
        reduce,reverser,-0.5\nprevent,reverser,-0.5\n";

    fn tone_of(text: &str) -> Tone {
        let (lex, _) = Lexicon::from_csv(TONE, MODS, "t").unwrap();
        let tokens = tokenize(text);
        let mut m = Vec::new();
        lex.find(&tokens, &mut m);
        score(text, &tokens, &m, 0..tokens.len(), &lex, &Rules::default())
    }

    fn rules_of(text: &str) -> Vec<&'static str> {
        tone_of(text)
            .hits
            .iter()
            .flat_map(|h| h.rules.iter().map(|r| r.rule))
            .collect()
    }

    #[test]
    fn signs() {
        let cases: &[(&str, f64)] = &[
            ("We didn't find that exercise particularly helpful", -1.0),
            ("We didn\u{2019}t find it helpful", -1.0),
            ("I'm hopeful both sides have made their point.", 1.0),
            ("It is not completely lost", 1.0),
            ("That is no problem", 1.0),
            ("It does not help resolve the problem", -1.0),
            ("We have reached rock bottom", -1.0),
            ("It was good, but the result was bad", -1.0),
            ("It was bad, but the result was good", 1.0),
            ("Nothing here at all", 0.0),
            ("The plan would reduce poverty", 1.0),
            ("Talks may prevent a new war", 1.0),
            ("They failed to reduce aid", 1.0),
            ("The deal did not prevent war", -1.0),
            ("Prevent. War", -1.0),
        ];
        for (text, sign) in cases {
            let t = tone_of(text);
            assert_eq!(t.tone.signum() * sign.abs(), *sign, "{text:?}: {t:?}");
        }
    }

    #[test]
    fn rules_recorded() {
        let cases: &[(&str, &[&str])] = &[
            ("not particularly helpful", &["booster", "negation"]),
            ("slightly helpful", &["dampener"]),
            ("HELPFUL and fine", &["caps"]),
            ("not, helpful", &[]),
            ("good but bad", &["contrast", "contrast"]),
            ("reduce poverty", &["reversal"]),
            ("reduce aid", &[]),
            ("reduce aid and poverty", &[]),
            ("did not prevent war", &["reversal", "negation"]),
        ];
        for (text, want) in cases {
            assert_eq!(rules_of(text), *want, "{text:?}");
        }
    }

    #[test]
    fn reversal_halves_and_flips_a_negative_term() {
        let cases: &[(&str, f64)] = &[
            ("reduce poverty", 1.1),
            ("prevent a war", 1.4),
            ("reduce aid", 1.6),
            ("did not prevent war", -1.036),
        ];
        for (text, weight) in cases {
            let t = tone_of(text);
            assert!((t.hits[0].weight - weight).abs() < 1e-9, "{text:?}: {t:?}");
        }
    }

    #[test]
    fn long_units_are_diluted() {
        let rules = Rules::default();
        let cases: &[(usize, f64)] = &[(0, 1.0), (4, 1.0), (6, 1.0), (24, 0.5), (54, 1.0 / 3.0)];
        for (words, factor) in cases {
            assert!(
                (length_factor(*words, &rules) - factor).abs() < 1e-12,
                "{words}"
            );
        }
        let padding = " and the delegations met in the capital on the first day".repeat(2);
        let short = tone_of("It was a good result");
        assert!((short.tone - normalise(1.9, 15.0)).abs() < 1e-12);
        let long = tone_of(&format!("It was a good result{padding}"));
        assert!(
            short.tone > long.tone && long.tone > 0.0,
            "{short:?} {long:?}"
        );
        assert_eq!((short.pos, long.pos), (1.9, 1.9));
    }

    #[test]
    fn contracted_negation_takes_the_listed_factor() {
        let with_row = format!("{MODS}n't,negator,-0.9\n");
        let (lex, _) = Lexicon::from_csv(TONE, &with_row, "t").unwrap();
        let text = "It shouldn't be good";
        let tokens = tokenize(text);
        let mut m = Vec::new();
        lex.find(&tokens, &mut m);
        let t = score(text, &tokens, &m, 0..tokens.len(), &lex, &Rules::default());
        assert_eq!(t.hits[0].rules[0].factor, -0.9);
        assert_eq!(tone_of(text).hits[0].rules[0].factor, CONTRACTED_NEGATION);
    }

    /// Asserts the weights of each text's matches after the rules.
    fn assert_weights(lex: &Lexicon, cases: &[(&str, &[f64])]) {
        for (text, weights) in cases {
            let tokens = tokenize(text);
            let mut m = Vec::new();
            lex.find(&tokens, &mut m);
            let t = score(text, &tokens, &m, 0..tokens.len(), lex, &Rules::default());
            let got: Vec<f64> = t.hits.iter().map(|h| h.weight).collect();
            assert_eq!(got.len(), weights.len(), "{text:?}: {got:?}");
            for (g, w) in got.iter().zip(weights.iter()) {
                assert!((g - w).abs() < 1e-9, "{text:?}: {got:?}");
            }
        }
    }

    /// A negator or reverser that the lexicon also weighs (the default
    /// lists "not" at -1, AFINN "prevent" at -1) adds its own weight and
    /// still acts on the next weighted term, but only that one.
    #[test]
    fn a_weighted_shifter_counts_and_still_acts() {
        let tone = format!("{TONE}not,-1,negation\nn't,-1,negation\nprevent,-1,\n");
        let (lex, _) = Lexicon::from_csv(&tone, MODS, "t").unwrap();
        let cases: &[(&str, &[f64])] = &[
            ("not good", &[-1.0, -0.74 * 1.9]),
            ("not very good", &[-1.0, -0.74 * (1.9 + 0.293)]),
            ("not good or bad", &[-1.0, -0.74 * 1.9, -2.5]),
            ("not", &[-1.0]),
            ("good, not", &[1.9, -1.0]),
            ("prevent war", &[-1.0, -0.5 * -2.8]),
            ("prevent aid", &[-1.0, 1.6]),
        ];
        assert_weights(&lex, cases);
    }

    /// A phrase entry reads its words together: the negator of "not only"
    /// negates nothing, whatever the phrase weighs.
    #[test]
    fn a_negator_inside_a_phrase_negates_nothing() {
        let tone = format!("{TONE}not only,0,\nnot,-1,negation\nno doubt,1,\n");
        let (lex, _) = Lexicon::from_csv(&tone, MODS, "t").unwrap();
        let cases: &[(&str, &[f64])] = &[
            ("not only good", &[0.0, 1.9]),
            ("not good", &[-1.0, -0.74 * 1.9]),
            ("no doubt good", &[1.0, 1.9]),
            ("not only not good", &[0.0, -1.0, -0.74 * 1.9]),
        ];
        assert_weights(&lex, cases);
    }

    #[test]
    fn booster_strengthens_and_exclamation_adds() {
        assert!(tone_of("very good").tone > tone_of("good").tone);
        assert!(tone_of("good!").tone > tone_of("good").tone);
        assert!(tone_of("bad!").tone < tone_of("bad").tone);
        let t = tone_of("good and bad");
        assert!((t.pos - 1.9).abs() < 1e-9 && (t.neg - 2.5).abs() < 1e-9);
    }

    #[test]
    fn weight_zero_entries_add_nothing_and_let_negation_through() {
        let same: &[(&str, &str)] = &[
            ("the weather", "the policy!"),
            ("no good", "no policy good"),
            ("very good", "very good policy"),
            ("good", "good POLICY"),
            ("good but bad", "good but bad policy"),
        ];
        for (a, b) in same {
            let (ta, tb) = (tone_of(a), tone_of(b));
            assert_eq!(ta.tone, tb.tone, "{a:?} vs {b:?}");
            let zero = tb
                .hits
                .iter()
                .find(|h| h.base == 0.0)
                .expect("policy matched");
            assert!(zero.rules.is_empty(), "{b:?}: {:?}", zero.rules);
        }
    }

    #[test]
    fn settings_by_name() {
        let mut r = Rules::default();
        r.set("negation_window", 2.0).unwrap();
        r.set("alpha", 10.0).unwrap();
        assert_eq!((r.negation_window, r.alpha), (2, 10.0));
        for (name, value) in [("negation_window", 1.5), ("alpha", 0.0), ("nope", 1.0)] {
            assert!(r.set(name, value).is_err(), "{name}");
        }
    }
}
