//! Stance: turns scored sentences and quotes into source -> target rows.
//! The source of a quote is its speaker's actor; of a narrated sentence, the
//! outlet. Targets are the actors a unit mentions (and what a quote is
//! "said of"), less the source's own side.

use crate::actors::ActorLexicon;
use crate::engine::Scoring;
use crate::lexicon::Match;
use crate::tokenize::Tokens;
use crate::tone::score;
use crate::types::{
    ActorIdx, ActorMention, Holder, QuoteKind, ScoredQuote, ScoredSentence, Span, StanceRow,
    Target, Tone, UnitKind,
};

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

/// What per-target tone is computed from: one article's tokens and matches.
pub struct ToneContext<'a> {
    pub text: &'a str,
    pub tokens: &'a Tokens,
    pub matches: &'a [Match],
    pub scoring: &'a Scoring,
}

impl ToneContext<'_> {
    /// The tone of a whole unit.
    pub fn unit(&self, unit: Span) -> Tone {
        match self.scoring {
            Scoring::Native { lexicon, rules } => {
                let range = self.tokens.range_within(unit);
                score(self.text, self.tokens, self.matches, range, lexicon, rules)
            }
            Scoring::Vader(vader) => vader.tone(unit.of(self.text)),
        }
    }

    /// The tone a unit expresses toward a target mentioned at `mentions`.
    /// This one function feeds stance.csv, the aggregates and
    /// `stance eval --task target`.
    pub fn toward(&self, unit: Span, mentions: &[Span]) -> Tone {
        let _ = mentions;
        self.unit(unit)
    }

    /// The targets of a unit with the tone toward each.
    pub fn targets(&self, unit: Span, found: Vec<(ActorIdx, Vec<Span>)>) -> Vec<Target> {
        found
            .into_iter()
            .map(|(actor, mentions)| Target {
                tone: self.toward(unit, &mentions),
                actor,
                mentions,
            })
            .collect()
    }
}

/// All stance rows of an article.
pub fn stance_rows(
    sentences: &[ScoredSentence],
    quotes: &[ScoredQuote],
    outlet: &Holder,
    actors: &ActorLexicon,
) -> Vec<StanceRow> {
    let mut rows = Vec::new();
    for (i, q) in quotes.iter().enumerate() {
        if counted_elsewhere(quotes, i) {
            continue;
        }
        let source = q.speaker_actor.map_or(Holder::Unknown, Holder::Actor);
        push_rows(
            &mut rows,
            UnitKind::Quote,
            i + 1,
            &source,
            &q.targets,
            actors,
        );
    }
    for (i, s) in sentences.iter().enumerate() {
        if s.quote.is_none() {
            push_rows(
                &mut rows,
                UnitKind::Sentence,
                i + 1,
                outlet,
                &s.actors,
                actors,
            );
        }
    }
    rows
}

/// A quote lying inside another quote of the same speaker (a partial quote
/// within reported speech) is already counted by the outer one; a headline
/// scare quote is the outlet's, counted with its sentence.
fn counted_elsewhere(quotes: &[ScoredQuote], i: usize) -> bool {
    let q = &quotes[i];
    q.quote.kind == QuoteKind::Scare
        || quotes.iter().enumerate().any(|(j, outer)| {
            j != i
                && outer.quote.span.contains(q.quote.span)
                && outer.quote.span != q.quote.span
                && outer.quote.speaker == q.quote.speaker
        })
}

fn push_rows(
    rows: &mut Vec<StanceRow>,
    unit_kind: UnitKind,
    unit_no: usize,
    source: &Holder,
    targets: &[Target],
    actors: &ActorLexicon,
) {
    let own_side = match source {
        Holder::Actor(a) => Some(actors.root(*a)),
        _ => None,
    };
    for target in targets {
        if Some(actors.root(target.actor)) == own_side {
            continue;
        }
        rows.push(StanceRow {
            unit_kind,
            unit_no,
            source: source.clone(),
            target: target.actor,
            tone: target.tone.clone(),
        });
    }
}
