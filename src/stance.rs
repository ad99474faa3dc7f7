//! Stance: turns scored sentences and quotes into source -> target rows.
//! The source of a quote is its speaker's actor; of a narrated sentence, the
//! outlet. Targets are the actors a unit mentions (and what a quote is
//! "said of"), less the source's own side.

use crate::actors::ActorLexicon;
use crate::aggregate::NEUTRAL_BAND;
use crate::lexicon::{Lexicon, Match, Modifier};
use crate::target_model::{for_each_cue, CueSite, TargetModel};
use crate::tokenize::{TokenKind, Tokens};
use crate::tone::{is_negator, retotal, score, Rules};
use crate::types::{
    ActorIdx, ActorMention, Hit, Holder, Leaning, QuoteKind, RuleApplied, ScoredQuote,
    ScoredSentence, Span, StanceRow, Target, Tone, UnitKind,
};
use crate::vader::VaderScorer;
use std::cell::OnceCell;

/// The actors mentioned inside `span` with their mention spans, in order of
/// first mention, leaving out mentions inside `except`.
pub fn actors_in(
    mentions: &[ActorMention],
    span: Span,
    except: Option<Span>,
) -> Vec<(ActorIdx, Vec<Span>)> {
    let first = mentions.partition_point(|m| m.span.start < span.start);
    let mut found: Vec<(ActorIdx, Vec<Span>)> = Vec::new();
    for m in mentions[first..]
        .iter()
        .take_while(|m| m.span.end <= span.end)
    {
        if except.is_some_and(|e| e.contains(m.span)) {
            continue;
        }
        match found.iter_mut().find(|(a, _)| *a == m.actor) {
            Some((_, spans)) => spans.push(m.span),
            None => found.push((m.actor, vec![m.span])),
        }
    }
    found
}

/// Each clause boundary (punctuation) between a term and the target weighs
/// the term by this. Chosen on NewsMTSC train (0.5 gave the best macro-F1 of
/// 0.3, 0.5, 0.7, 1.0; distance in words, once clauses are counted, did not
/// help).
pub const CLAUSE_DECAY: f64 = 0.5;
/// A contrast word ("but", "while") between a term and the target weighs
/// the term by this: the two sides of a contrast are about different things.
pub const CONTRAST_DECAY: f64 = 0.25;

/// What per-target tone is computed from: one article's tokens and matches.
pub struct ToneContext<'a> {
    pub text: &'a str,
    pub tokens: &'a Tokens,
    pub matches: &'a [Match],
    pub lexicon: &'a Lexicon,
    pub rules: &'a Rules,
    /// VADER-exact mode: a unit's tone is VADER's compound of its text.
    pub vader: Option<&'a VaderScorer>,
    /// Reads the cues around a target; without it (or in VADER mode) the
    /// reading is the rule-based tone.
    pub model: Option<&'a TargetModel>,
    /// The clause boundaries of `tokens`, found on first use.
    pub boundaries: OnceCell<Boundaries>,
}

/// The tokens of an article that separate clauses (`boundary_factor`
/// below 1), in order, so that the separation of a term from a target is
/// read from the boundaries between them, not from every token.
#[derive(Debug, Default)]
pub struct Boundaries {
    /// Token index and factor of each boundary.
    at: Vec<(usize, f64)>,
    /// Contrast words among the first k boundaries, for each k.
    contrasts_before: Vec<u32>,
}

/// Below this, a term no longer bears on a target at all (some forty
/// clause boundaries apart); the product stops there.
const NEGLIGIBLE_FACTOR: f64 = 1e-12;

impl ToneContext<'_> {
    /// The tone of a whole unit.
    pub fn unit(&self, unit: Span) -> Tone {
        if let Some(vader) = self.vader {
            return vader.tone(unit.of(self.text));
        }
        let range = self.tokens.range_within(unit);
        score(
            self.text,
            self.tokens,
            self.matches,
            range,
            self.lexicon,
            self.rules,
        )
    }

    /// How a unit leans toward a target mentioned at `mentions`: the
    /// rule-based tone toward it (`toward_scored`) read with the cues
    /// around it by the target model. This one function feeds stance.csv,
    /// the aggregates and `stance eval --task target`.
    pub fn toward(&self, unit: Span, mentions: &[Span]) -> (Tone, Leaning) {
        let unit_tone = self.unit(unit);
        let tone = self.toward_scored(unit_tone.clone(), unit, mentions);
        let leaning = self.leaning(&unit_tone, &tone, unit, mentions);
        (tone, leaning)
    }

    /// The target model's reading of the rule-based tone `toward` and the
    /// cues around the target; the rule-based tone alone without a model
    /// (or in VADER mode).
    fn leaning(&self, unit_tone: &Tone, toward: &Tone, unit: Span, mentions: &[Span]) -> Leaning {
        match self.model.filter(|_| self.vader.is_none()) {
            Some(model) => model.lean(&self.site(unit_tone, toward, unit, mentions)),
            None => Leaning::of_tone(toward, NEUTRAL_BAND),
        }
    }

    /// What the target model reads: the unit, the target's mentions in
    /// it, the unit's tone and the rule-based tone toward the target.
    fn site<'s>(
        &'s self,
        unit_tone: &Tone,
        tone: &'s Tone,
        unit: Span,
        mentions: &[Span],
    ) -> CueSite<'s> {
        let mentions: Vec<Span> = mentions
            .iter()
            .copied()
            .filter(|m| unit.contains(*m))
            .collect();
        CueSite {
            text: self.text,
            tokens: self.tokens,
            unit,
            unit_tokens: self.tokens.range_within(unit),
            mention_tokens: mentions
                .iter()
                .map(|&m| self.tokens.range_overlapping(m))
                .collect(),
            mentions,
            unit_tone: unit_tone.tone,
            rule_tone: tone.tone,
            hits: &tone.hits,
        }
    }

    /// Every cue of a target as `context:term` (the target model's input,
    /// for refitting it), after the rule-based tone toward it.
    pub fn cues(&self, unit: Span, mentions: &[Span]) -> (f64, Vec<String>) {
        let unit_tone = self.unit(unit);
        let tone = self.toward_scored(unit_tone.clone(), unit, mentions);
        let mut cues = Vec::new();
        for_each_cue(
            &self.site(&unit_tone, &tone, unit, mentions),
            |context, term| cues.push(context.label(term)),
        );
        cues.sort();
        cues.dedup();
        (tone.tone, cues)
    }

    /// The rule-based tone a unit expresses toward a target mentioned at
    /// `mentions`. A term counts fully in the target's own clause; each
    /// clause boundary between them (punctuation, a contrast word)
    /// multiplies it by `CLAUSE_DECAY`, so "praised Tokyo's restraint but
    /// said Seoul's drills exacerbated the problem" leans positive toward
    /// Japan and negative toward South Korea. A target named outside the
    /// unit ("said of the South Korean drills") takes the unit's whole tone.
    /// A negator's own weight ("not" is an entry of the default lexicon)
    /// counts in the unit's tone only: "no documents were deemed relevant"
    /// says nothing against the State Department. `tone` is the unit's own
    /// tone, so a unit with several targets is scored once.
    fn toward_scored(&self, mut tone: Tone, unit: Span, mentions: &[Span]) -> Tone {
        let inside: Vec<Span> = mentions
            .iter()
            .copied()
            .filter(|m| unit.contains(*m))
            .collect();
        let mut changed = false;
        for hit in &mut tone.hits {
            let term = &self.lexicon.entries[hit.entry as usize].term;
            if hit.base != 0.0 && is_negator(self.lexicon, term) {
                reweigh(
                    hit,
                    "negator",
                    "a negation weighs on its unit, not on a target",
                    0.0,
                );
                changed = true;
                continue;
            }
            let Some((factor, crossed_contrast)) = self.nearest_separation(hit.span, &inside)
            else {
                continue;
            };
            let contrast = hit
                .rules
                .iter()
                .find(|r| r.rule == "contrast")
                .map(|r| r.factor);
            if let (false, Some(c)) = (crossed_contrast, contrast) {
                reweigh(
                    hit,
                    "target-side",
                    "same side of the contrast as the target",
                    1.0 / c,
                );
                changed = true;
            }
            if factor < 1.0 {
                reweigh(
                    hit,
                    "clause",
                    "clause boundaries between term and target",
                    factor,
                );
                changed = true;
            }
        }
        if changed {
            retotal(&mut tone, self.rules.alpha);
        }
        tone
    }

    /// The separation of a term from the closest of a target's mentions
    /// (`mentions` in text order): the last one starting at or before the
    /// term or the first after it, as one further away on the same side is
    /// separated by at least the same boundaries. Of two as close, the later.
    fn nearest_separation(&self, term: Span, mentions: &[Span]) -> Option<(f64, bool)> {
        let after = mentions.partition_point(|m| m.start <= term.start);
        let before = after
            .checked_sub(1)
            .map(|i| self.separation(term, mentions[i]));
        let after = mentions.get(after).map(|&m| self.separation(term, m));
        match (before, after) {
            (Some(b), Some(a)) => Some(if a.0 >= b.0 { a } else { b }),
            (b, a) => a.or(b),
        }
    }

    /// How much a term at `a` bears on a target at `b`: the product of the
    /// clause boundaries between them (1 in the same clause), and whether a
    /// contrast word lies between them.
    fn separation(&self, a: Span, b: Span) -> (f64, bool) {
        let gap = Span::new(a.end.min(b.end), a.start.max(b.start).max(a.end.min(b.end)));
        let tokens = self.tokens.range_within(gap);
        let boundaries = self.boundaries.get_or_init(|| self.find_boundaries());
        let first = boundaries.at.partition_point(|&(i, _)| i < tokens.start);
        let last = boundaries.at.partition_point(|&(i, _)| i < tokens.end);
        let crossed = boundaries.contrasts_before[last] > boundaries.contrasts_before[first];
        let mut factor = 1.0;
        for &(_, f) in &boundaries.at[first..last] {
            factor *= f;
            if factor < NEGLIGIBLE_FACTOR {
                break;
            }
        }
        (factor, crossed)
    }

    fn find_boundaries(&self) -> Boundaries {
        let mut found = Boundaries {
            contrasts_before: vec![0],
            ..Boundaries::default()
        };
        for i in 0..self.tokens.len() {
            let factor = self.boundary_factor(i);
            if factor < 1.0 {
                found.at.push((i, factor));
                let contrasts = found.contrasts_before.last().copied().unwrap_or(0);
                found
                    .contrasts_before
                    .push(contrasts + u32::from(factor == CONTRAST_DECAY));
            }
        }
        found
    }

    /// A contrast word separates clauses more than punctuation does.
    fn boundary_factor(&self, i: usize) -> f64 {
        let token = &self.tokens.items[i];
        let punctuation = matches!(
            token.span.of(self.text),
            "," | ";" | ":" | "(" | ")" | "\u{2014}" | "\u{2013}" | "\"" | "\u{201c}" | "\u{201d}"
        );
        let contrast = token.kind == TokenKind::Word
            && matches!(
                self.lexicon.modifier(self.tokens.norm(i)),
                Some(Modifier::Contrast(_))
            );
        if contrast {
            CONTRAST_DECAY
        } else if punctuation || token.kind == TokenKind::Break {
            CLAUSE_DECAY
        } else {
            1.0
        }
    }

    /// The span over which a quote's targets are read: its content and its
    /// cue ("condemned" in "Critics condemned North Korea": the judgement is
    /// in the cue), when the cue lies in the same paragraph; else the
    /// content alone.
    pub fn with_cue(&self, content: Span, cue: Option<Span>) -> Span {
        let Some(cue) = cue else {
            return content;
        };
        let reach = Span::new(content.start.min(cue.start), content.end.max(cue.end));
        let crosses_paragraph = self
            .tokens
            .range_within(reach)
            .any(|i| self.tokens.items[i].kind == TokenKind::Break);
        if crosses_paragraph || self.vader.is_some() {
            content
        } else {
            reach
        }
    }

    /// The targets of a unit (whose own tone is `tone`) with the tone
    /// toward each.
    pub fn targets(
        &self,
        tone: &Tone,
        unit: Span,
        found: Vec<(ActorIdx, Vec<Span>)>,
    ) -> Vec<Target> {
        found
            .into_iter()
            .map(|(actor, mentions)| {
                let toward = self.toward_scored(tone.clone(), unit, &mentions);
                Target {
                    leaning: self.leaning(tone, &toward, unit, &mentions),
                    tone: toward,
                    actor,
                    mentions,
                }
            })
            .collect()
    }
}

fn reweigh(hit: &mut Hit, rule: &'static str, trigger: &str, factor: f64) {
    hit.rules.push(RuleApplied {
        rule,
        trigger: trigger.into(),
        factor,
    });
    hit.weight *= factor;
}

/// Which targets of a source stance rows leave out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sides {
    /// The source's own side (the same top-level country or organisation):
    /// what one side says about the other (the default).
    Others,
    /// Only the source itself and the actors above it (its party, its
    /// country): domestic politics too ("Schumer accused Republicans").
    Own,
}

/// All stance rows of an article; `actors` and the article's date tell
/// each actor's side.
pub fn stance_rows(
    sentences: &[ScoredSentence],
    quotes: &[ScoredQuote],
    outlet: &Holder,
    actors: (&ActorLexicon, Option<&str>),
    sides: Sides,
) -> Vec<StanceRow> {
    let mut rows = Vec::new();
    let mut push = |unit_kind, unit_no, source: &Holder, targets: &[Target]| {
        for target in targets
            .iter()
            .filter(|t| !leaves_out(source, t.actor, actors, sides))
        {
            rows.push(StanceRow {
                unit_kind,
                unit_no,
                source: source.clone(),
                target: target.actor,
                tone: target.tone.clone(),
                leaning: target.leaning.clone(),
            });
        }
    };
    for (i, q) in counted_quotes(quotes) {
        push(UnitKind::Quote, i + 1, &speaker_holder(q), &q.targets);
    }
    for (i, s) in sentences.iter().enumerate() {
        if s.quote.is_none() {
            push(UnitKind::Sentence, i + 1, outlet, &s.actors);
        }
    }
    rows
}

/// Sets `counted` on the quotes that hold stance: not those inside another
/// quote of the same speaker (`nested_quotes`), nor scare quotes.
pub fn mark_counted(quotes: &mut [ScoredQuote]) {
    let nested = nested_quotes(quotes);
    for (q, nested) in quotes.iter_mut().zip(nested) {
        q.counted = !nested && q.quote.kind != QuoteKind::Scare;
    }
}

/// The counted quotes (`mark_counted`), with their index.
fn counted_quotes(quotes: &[ScoredQuote]) -> impl Iterator<Item = (usize, &ScoredQuote)> {
    quotes.iter().enumerate().filter(|(_, q)| q.counted)
}

fn speaker_holder(quote: &ScoredQuote) -> Holder {
    quote.speaker_actor.map_or(Holder::Unknown, Holder::Actor)
}

/// The targets of the counted quotes (`counted_quotes`), for
/// speaker_targets.csv: with their quote, leaving out only the speaker's
/// own actor and those above it (as `Sides::Own` does, whatever the
/// run's sides), so that what a person says about others of their side
/// counts too (a US senator about the US president).
pub fn speaker_targets<'q>(
    quotes: &'q [ScoredQuote],
    actors: (&'q ActorLexicon, Option<&'q str>),
) -> impl Iterator<Item = (&'q ScoredQuote, &'q Target)> {
    counted_quotes(quotes).flat_map(move |(_, q)| {
        let source = speaker_holder(q);
        q.targets
            .iter()
            .filter(move |t| !leaves_out(&source, t.actor, actors, Sides::Own))
            .map(move |t| (q, t))
    })
}

/// Whether `target` is left out of the source's rows: on its own side
/// (`Sides::Others`), or the source itself or above it (`Sides::Own`).
fn leaves_out(
    source: &Holder,
    target: ActorIdx,
    (actors, date): (&ActorLexicon, Option<&str>),
    sides: Sides,
) -> bool {
    let Holder::Actor(source) = *source else {
        return false;
    };
    match sides {
        Sides::Others => actors.root_on(source, date) == actors.root_on(target, date),
        Sides::Own => actors.chain_on(source, date).any(|a| a == target),
    }
}

/// Which quotes lie strictly inside another quote of the same speaker (a
/// partial quote within reported speech): the outer one already counts
/// them. (A headline scare quote is the outlet's, counted with its
/// sentence.) One pass in order of start, keeping per speaker the quote
/// that reaches furthest, so articles with many quotes stay linear.
fn nested_quotes(quotes: &[ScoredQuote]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..quotes.len()).collect();
    order.sort_by_key(|&i| {
        let span = quotes[i].quote.span;
        (span.start, std::cmp::Reverse(span.end))
    });
    let mut reach: rustc_hash::FxHashMap<Option<usize>, Span> = Default::default();
    let mut nested = vec![false; quotes.len()];
    for i in order {
        let span = quotes[i].quote.span;
        let furthest = reach.entry(quotes[i].quote.speaker).or_insert(span);
        nested[i] =
            furthest.end > span.end || (furthest.end == span.end && furthest.start < span.start);
        if span.end > furthest.end {
            *furthest = span;
        }
    }
    nested
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    const TONE: &str = "term,weight,categories\npraised,2,praise\nrestraint,1,\n\
        exacerbated,-2,\nproblem,-1.5,\nreckless,-2,\nwelcome,1.5,\nnot,-1,negation\n";
    const MODS: &str = "term,role,value\nbut,contrast,1.5\nnot,negator,-0.74\n";

    /// The tone toward the first occurrence of `target` in `text`.
    fn toward(text: &str, target: &str) -> f64 {
        let (lexicon, _) = Lexicon::from_csv(TONE, MODS, "t").unwrap();
        let tokens = tokenize(text);
        let mut matches = Vec::new();
        lexicon.find(&tokens, &mut matches);
        let rules = Rules::default();
        let context = ToneContext {
            text,
            tokens: &tokens,
            matches: &matches,
            lexicon: &lexicon,
            rules: &rules,
            vader: None,
            model: None,
            boundaries: OnceCell::new(),
        };
        let at = text.find(target).unwrap();
        let unit = Span::new(0, text.len());
        context
            .toward(unit, &[Span::new(at, at + target.len())])
            .0
            .tone
    }

    #[test]
    fn clause_rule() {
        let praised = "The official praised Tokyo's restraint but said Seoul's drills exacerbated the problem";
        let possessive = "Seoul's reckless drills, Tokyo said, were a problem";
        // (text, target, expected sign)
        let cases: &[(&str, &str, f64)] = &[
            (praised, "Tokyo", 1.0),
            (praised, "Seoul", -1.0),
            (possessive, "Seoul", -1.0),
            ("Japan welcomed the talks", "Japan", 0.0),
            ("Japan said the talks were a problem", "Japan", -1.0),
            // A negator's own weight stays in the unit's tone ...
            ("Japan did not attend", "Japan", 0.0),
            // ... and it still negates the term after it.
            ("Japan did not welcome the talks", "Japan", -1.0),
        ];
        for (text, target, sign) in cases {
            let t = toward(text, target);
            let got = if t.abs() < 0.05 { 0.0 } else { t.signum() };
            assert_eq!(got, *sign, "{target} in {text:?}: {t}");
        }
    }

    #[test]
    fn nearer_clause_weighs_more() {
        let text = "Seoul acted recklessly, Tokyo said, and welcome moves followed";
        assert!(toward(text, "Tokyo") > toward(text, "Seoul"));
        let same = "Tokyo and Seoul welcome the problem";
        assert_eq!(toward(same, "Tokyo"), toward(same, "Seoul"));
    }
}
