//! Stance: turns scored sentences and quotes into source -> target rows.
//! The source of a quote is its speaker's actor; of a narrated sentence, the
//! outlet. Targets are the actors a unit mentions (and what a quote is
//! "said of"), less the source's own side.

use crate::actors::ActorLexicon;
use crate::types::{
    ActorIdx, ActorMention, Holder, QuoteKind, ScoredQuote, ScoredSentence, Span, StanceRow, Tone,
    UnitKind,
};

/// The actors mentioned inside `span`, in order, without repeats, leaving
/// out mentions inside `except`.
pub fn actors_in(mentions: &[ActorMention], span: Span, except: Option<Span>) -> Vec<ActorIdx> {
    let first = mentions.partition_point(|m| m.span.start < span.start);
    let mut found = Vec::new();
    for m in mentions[first..]
        .iter()
        .take_while(|m| m.span.end <= span.end)
    {
        if except.is_some_and(|e| e.contains(m.span)) || found.contains(&m.actor) {
            continue;
        }
        found.push(m.actor);
    }
    found
}

/// The tone a unit expresses toward one of its targets.
pub fn tone_toward(unit: &Tone) -> Tone {
    unit.clone()
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
            &q.tone,
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
                &s.tone,
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
    targets: &[ActorIdx],
    tone: &Tone,
    actors: &ActorLexicon,
) {
    let own_side = match source {
        Holder::Actor(a) => Some(actors.root(*a)),
        _ => None,
    };
    for &target in targets {
        if Some(actors.root(target)) == own_side {
            continue;
        }
        rows.push(StanceRow {
            unit_kind,
            unit_no,
            source: source.clone(),
            target,
            tone: tone_toward(tone),
        });
    }
}
