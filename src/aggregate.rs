//! Aggregation: per-actor and per-dyad counts and sums, folded in article
//! order so that results do not depend on the thread count. Sums are kept
//! (not only means) so that partial results from shards merge exactly.

use crate::actors::ActorLexicon;
use crate::types::{ActorIdx, Analysis, Holder};
use std::collections::BTreeMap;

/// Tone above this is positive, below its negative is negative.
pub const NEUTRAL_BAND: f64 = 0.05;

/// Positive, neutral and negative counts of units.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Polarity {
    pub pos: u64,
    pub neg: u64,
    pub neutral: u64,
}

impl Polarity {
    fn add(&mut self, tone: f64) {
        if tone > NEUTRAL_BAND {
            self.pos += 1;
        } else if tone < -NEUTRAL_BAND {
            self.neg += 1;
        } else {
            self.neutral += 1;
        }
    }
}

/// Units and the sum of their tones.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ToneSum {
    pub units: u64,
    pub sum: f64,
}

impl ToneSum {
    fn add(&mut self, tone: f64) {
        self.units += 1;
        self.sum += tone;
    }

    pub fn mean(&self) -> f64 {
        if self.units == 0 {
            0.0
        } else {
            self.sum / self.units as f64
        }
    }
}

/// What the corpus says about and by one actor.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActorStats {
    pub mentions: u64,
    pub as_target: ToneSum,
    pub as_source: ToneSum,
    /// Polarity of the units in which the actor is a target.
    pub target_polarity: Polarity,
}

/// What one source says about one target.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DyadStats {
    pub tone: ToneSum,
    pub polarity: Polarity,
}

/// The running aggregates of a run.
#[derive(Debug, Clone, Default)]
pub struct Aggregates {
    pub actors: BTreeMap<ActorIdx, ActorStats>,
    /// Keyed by (source, target) as written in reports.
    pub dyads: BTreeMap<(String, String), DyadStats>,
}

/// How a stance holder is written in reports.
pub fn holder_name(holder: &Holder, actors: &ActorLexicon) -> String {
    match holder {
        Holder::Actor(a) => actors.get(*a).id.clone(),
        Holder::Outlet(name) => name.clone(),
        Holder::Unknown => String::new(),
    }
}

impl Aggregates {
    /// Folds one article in.
    pub fn add(&mut self, analysis: &Analysis, actors: &ActorLexicon) {
        for m in &analysis.mentions {
            self.actors.entry(m.actor).or_default().mentions += 1;
        }
        for row in &analysis.stance {
            let tone = row.tone.tone;
            let target = self.actors.entry(row.target).or_default();
            target.as_target.add(tone);
            target.target_polarity.add(tone);
            if let Holder::Actor(source) = row.source {
                self.actors.entry(source).or_default().as_source.add(tone);
            }
            if row.source == Holder::Unknown {
                continue;
            }
            let key = (
                holder_name(&row.source, actors),
                actors.get(row.target).id.clone(),
            );
            let dyad = self.dyads.entry(key).or_default();
            dyad.tone.add(tone);
            dyad.polarity.add(tone);
        }
    }

    /// The actors in report order (by id).
    pub fn actors_by_id<'a>(
        &'a self,
        actors: &'a ActorLexicon,
    ) -> Vec<(&'a crate::actors::Actor, &'a ActorStats)> {
        let mut list: Vec<_> = self
            .actors
            .iter()
            .map(|(idx, stats)| (actors.get(*idx), stats))
            .collect();
        list.sort_by(|a, b| a.0.id.cmp(&b.0.id));
        list
    }
}
