//! Aggregation: counts and sums per actor, per dyad, per named speaker and
//! per named speaker and target, folded in article order. Tones are summed
//! in fixed point, as the 4-decimal numbers stance.csv shows, so the sums
//! are exact integers: they do not depend on the thread count or the order
//! of addition, they are exactly the sums of stance.csv's tone column, and
//! partial results from shards merge exactly (`stance merge`).

use crate::actors::ActorLexicon;
use crate::lexicon::Lexicon;
use crate::stance;
use crate::types::{ActorIdx, Analysis, Class, Gender, Holder, Layout, Leaning, Tone};
use chrono::Datelike;
use std::collections::{BTreeMap, BTreeSet};

/// A tone above this is positive, below its negative is negative (where
/// no target model decides).
pub const NEUTRAL_BAND: f64 = 0.05;

/// Positive, neutral and negative counts of units.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Polarity {
    pub pos: u64,
    pub neg: u64,
    pub neutral: u64,
}

impl Polarity {
    /// Folds in another partial count.
    pub fn merge(&mut self, other: Polarity) {
        self.pos += other.pos;
        self.neg += other.neg;
        self.neutral += other.neutral;
    }

    fn add(&mut self, class: Class) {
        match class {
            Class::Positive => self.pos += 1,
            Class::Negative => self.neg += 1,
            Class::Neutral => self.neutral += 1,
        }
    }
}

/// Units and the sum of their tones, in ten-thousandths.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ToneSum {
    pub units: u64,
    pub sum: i64,
}

impl ToneSum {
    fn add(&mut self, tone: f64) {
        self.units += 1;
        self.sum += fixed4(tone);
    }

    /// Folds in another partial sum.
    pub fn merge(&mut self, other: ToneSum) {
        self.units += other.units;
        self.sum += other.sum;
    }

    pub fn mean(&self) -> f64 {
        if self.units == 0 {
            0.0
        } else {
            self.sum as f64 / 1e4 / self.units as f64
        }
    }
}

/// A tone in ten-thousandths, as the reports write it.
pub fn fixed4(x: f64) -> i64 {
    (x * 10_000.0).round() as i64
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

impl ActorStats {
    /// Folds in another partial result (of another shard).
    pub fn merge(&mut self, other: &ActorStats) {
        self.mentions += other.mentions;
        self.as_target.merge(other.as_target);
        self.as_source.merge(other.as_source);
        self.target_polarity.merge(other.target_polarity);
    }
}

/// The tones of the units in which a source speaks about a target.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ToneToward {
    pub tone: ToneSum,
    pub polarity: Polarity,
}

impl ToneToward {
    fn add(&mut self, leaning: &Leaning) {
        self.add_unit(leaning.tone, leaning.class);
    }

    fn add_unit(&mut self, tone: f64, class: Class) {
        self.tone.add(tone);
        self.polarity.add(class);
    }

    /// Folds in another partial result (of another shard).
    pub fn merge(&mut self, other: &ToneToward) {
        self.tone.merge(other.tone);
        self.polarity.merge(other.polarity);
    }
}

/// What one source says about one target.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DyadStats {
    pub toward: ToneToward,
    /// Units per lexicon category that bears on the target in them.
    pub categories: BTreeMap<String, u64>,
}

impl DyadStats {
    /// Folds in another partial result (of another shard).
    pub fn merge(&mut self, other: &DyadStats) {
        self.toward.merge(&other.toward);
        for (category, units) in &other.categories {
            *self.categories.entry(category.clone()).or_default() += units;
        }
    }
}

/// What one named speaker says across the corpus: the quotes whose
/// speaker has this name and actor (as quotes.csv writes them).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpeakerStats {
    /// The tone of the speaker's quotes, one unit per quote.
    pub quotes: ToneToward,
    pub articles: u64,
    /// Quotes whose speaker's mentions show each gender.
    pub female: u64,
    pub male: u64,
}

impl SpeakerStats {
    /// Folds in another partial result (of another shard).
    pub fn merge(&mut self, other: &SpeakerStats) {
        self.quotes.merge(&other.quotes);
        self.articles += other.articles;
        self.female += other.female;
        self.male += other.male;
    }
}

/// The calendar period an aggregate row covers (`--by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    Week,
    Month,
}

impl Period {
    /// The period of an ISO date: "2019-08-28", ISO week "2019-W35", or
    /// "2019-08". An article without a readable date gets "".
    pub fn of(self, date: &str) -> String {
        let Ok(day) = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d") else {
            return String::new();
        };
        match self {
            Period::Day => day.format("%Y-%m-%d").to_string(),
            Period::Week => {
                let week = day.iso_week();
                format!("{}-W{:02}", week.year(), week.week())
            }
            Period::Month => day.format("%Y-%m").to_string(),
        }
    }
}

/// What aggregate rows are split by (`--by`): a calendar period of the
/// article dates, the article's outlet, both, or nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Splits {
    pub period: Option<Period>,
    pub outlet: bool,
}

/// The columns splits add to the aggregate reports, last, in this order.
pub const SPLIT_COLUMNS: [&str; 2] = ["period", "outlet"];

/// Joins the values of two splits in a row's key; the reports write each
/// in its own column.
pub const SPLIT_SEPARATOR: char = '\u{1f}';

impl Splits {
    /// The columns the splits add to the aggregate reports.
    pub fn columns(self) -> Vec<&'static str> {
        let period = self.period.map(|_| SPLIT_COLUMNS[0]);
        let outlet = self.outlet.then_some(SPLIT_COLUMNS[1]);
        period.into_iter().chain(outlet).collect()
    }

    /// The split an article falls in: its period ("" without a readable
    /// date) and its outlet ("" when unknown), joined by
    /// `SPLIT_SEPARATOR`; "" without splits.
    fn of(self, layout: &Layout) -> String {
        let period = self
            .period
            .map(|p| layout.date.as_deref().map(|d| p.of(d)).unwrap_or_default());
        let outlet = self.outlet.then(|| {
            let outlet = layout.outlet.as_deref().unwrap_or_default();
            outlet.replace(SPLIT_SEPARATOR, " ")
        });
        let values: Vec<String> = period.into_iter().chain(outlet).collect();
        values.join(&SPLIT_SEPARATOR.to_string())
    }
}

/// How units are grouped into aggregate rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Grouping {
    pub splits: Splits,
    /// Fold persons and institutions into their country or organisation.
    pub rollup: bool,
}

/// The running aggregates of a run, in report order: actors by (id,
/// split), dyads by (source, target, split), named speakers by (name,
/// actor, split), and what they say about each target by (name, actor,
/// target, split); the split is the period or outlet of `--by`, empty
/// without it.
#[derive(Debug, Clone, Default)]
pub struct Aggregates {
    pub grouping: Grouping,
    pub actors: BTreeMap<(String, String), (ActorIdx, ActorStats)>,
    pub dyads: BTreeMap<DyadKey, DyadStats>,
    pub speakers: BTreeMap<SpeakerKey, SpeakerStats>,
    pub speaker_targets: BTreeMap<SpeakerTargetKey, ToneToward>,
}

/// A speakers.csv row's key: the speaker's name, their actor (empty when
/// unknown) and the split.
pub type SpeakerKey = (String, String, String);

/// A speaker_targets.csv row's key: the speaker's name and actor, the
/// target and the split.
pub type SpeakerTargetKey = (String, String, String, String);

/// A dyad row's key: source, target and split (period or outlet; empty
/// without `--by`).
pub type DyadKey = (String, String, String);

/// The categories of the lexicon entries that bear on a target in its own
/// clause (a match in another clause, reweighed by the `clause` rule, does
/// not count): "criticism" and "threat" in "X criticized Y and threatened
/// sanctions". Unique and sorted.
pub fn categories_toward<'l>(tone: &Tone, lexicon: &'l Lexicon) -> Vec<&'l str> {
    let mut found: Vec<&str> = tone
        .hits
        .iter()
        .filter(|h| !h.rules.iter().any(|r| r.rule == "clause"))
        .flat_map(|h| lexicon.entries[h.entry as usize].categories.iter())
        .map(String::as_str)
        .collect();
    found.sort_unstable();
    found.dedup();
    found
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
    pub fn new(grouping: Grouping) -> Aggregates {
        Aggregates {
            grouping,
            ..Aggregates::default()
        }
    }

    /// Folds one article in.
    pub fn add(&mut self, analysis: &Analysis, actors: &ActorLexicon, lexicon: &Lexicon) {
        let date = analysis.layout.date.as_deref();
        let split = self.grouping.splits.of(&analysis.layout);
        for m in &analysis.mentions {
            self.actor(m.actor, &split, date, actors).mentions += 1;
        }
        self.add_speakers(analysis, actors, &split);
        self.add_speaker_targets(analysis, actors, &split);
        for row in &analysis.stance {
            let tone = row.leaning.tone;
            let target = self.actor(row.target, &split, date, actors);
            target.as_target.add(tone);
            target.target_polarity.add(row.leaning.class);
            let source = match row.source {
                Holder::Actor(a) => {
                    self.actor(a, &split, date, actors).as_source.add(tone);
                    Holder::Actor(self.group(a, date, actors))
                }
                Holder::Unknown => continue,
                ref outlet => outlet.clone(),
            };
            let key = (
                holder_name(&source, actors),
                actors.get(self.group(row.target, date, actors)).id.clone(),
                split.clone(),
            );
            let dyad = self.dyads.entry(key).or_default();
            dyad.toward.add(&row.leaning);
            for category in categories_toward(&row.tone, lexicon) {
                *dyad.categories.entry(category.to_string()).or_default() += 1;
            }
        }
    }

    /// Folds in the article's quotes of named speakers. The actor is the
    /// speaker's own, never rolled up, so that the rows count exactly the
    /// rows of quotes.csv with that speaker_name and speaker_actor.
    fn add_speakers(&mut self, analysis: &Analysis, actors: &ActorLexicon, split: &str) {
        let mut seen = BTreeSet::new();
        for q in &analysis.quotes {
            let Some(speaker) = q.quote.speaker.map(|s| &analysis.speakers[s]) else {
                continue;
            };
            let Some(name) = &speaker.name else {
                continue;
            };
            let actor = q.speaker_actor.map(|a| actors.get(a).id.clone());
            let key = (name.clone(), actor.unwrap_or_default(), split.to_string());
            let stats = self.speakers.entry(key.clone()).or_default();
            let shown = fixed4(q.tone.tone) as f64 / 1e4;
            stats
                .quotes
                .add_unit(q.tone.tone, Class::of(shown, NEUTRAL_BAND));
            match speaker.gender {
                Some(Gender::Female) => stats.female += 1,
                Some(Gender::Male) => stats.male += 1,
                None => {}
            }
            if seen.insert(key) {
                stats.articles += 1;
            }
        }
    }

    /// Folds in what the article's named speakers say about each target
    /// (`stance::speaker_targets`), the target rolled up as in dyads.csv.
    fn add_speaker_targets(&mut self, analysis: &Analysis, actors: &ActorLexicon, split: &str) {
        let date = analysis.layout.date.as_deref();
        for (quote, target) in stance::speaker_targets(&analysis.quotes, (actors, date)) {
            let speaker = quote.quote.speaker.map(|s| &analysis.speakers[s]);
            let Some(name) = speaker.and_then(|s| s.name.as_ref()) else {
                continue;
            };
            let key = (
                name.clone(),
                quote
                    .speaker_actor
                    .map(|a| actors.get(a).id.clone())
                    .unwrap_or_default(),
                actors
                    .get(self.group(target.actor, date, actors))
                    .id
                    .clone(),
                split.to_string(),
            );
            self.speaker_targets
                .entry(key)
                .or_default()
                .add(&target.leaning);
        }
    }

    /// The actor an aggregate row is about, after any rollup (a person
    /// folds into their country only while in office on the article date).
    fn group(&self, actor: ActorIdx, date: Option<&str>, actors: &ActorLexicon) -> ActorIdx {
        if self.grouping.rollup {
            actors.root_on(actor, date)
        } else {
            actor
        }
    }

    fn actor(
        &mut self,
        actor: ActorIdx,
        split: &str,
        date: Option<&str>,
        actors: &ActorLexicon,
    ) -> &mut ActorStats {
        let actor = self.group(actor, date, actors);
        let key = (actors.get(actor).id.clone(), split.to_string());
        &mut self
            .actors
            .entry(key)
            .or_insert_with(|| (actor, ActorStats::default()))
            .1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        let cases = [
            ("2019-08-28", Period::Day, "2019-08-28"),
            ("2019-08-28", Period::Week, "2019-W35"),
            ("2021-01-01", Period::Week, "2020-W53"),
            ("2019-08-28", Period::Month, "2019-08"),
            ("Aug 28", Period::Month, ""),
        ];
        for (date, period, want) in cases {
            assert_eq!(period.of(date), want, "{date} {period:?}");
        }
    }
}
