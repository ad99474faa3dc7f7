//! Lexicon regression: analyses one document under two lexicon sets (tone
//! entries and modifiers, and the target model), compares the tone of
//! every sentence and quote and the reading toward every target, and
//! attributes each change to the entries and modifiers that differ between
//! the two sets and acted in the unit (or around the target). No I/O:
//! `stance diff` writes the results.
//!
//! Attribution. An entry is responsible for a unit's change when it is
//! matched in the unit (under either set) and was added, removed or
//! re-weighted. A modifier (negator, booster, dampener, contrast word) is
//! responsible, as `modifier:<word>`, when it differs between the sets and
//! the rules it triggered in the unit differ. A change of categories alone
//! is listed among the lexicon changes but never blamed for a tone change:
//! it cannot move a tone.

use crate::aggregate::NEUTRAL_BAND;
use crate::engine::Engine;
use crate::lexicon::{Entry, Lexicon, Modifier};
use crate::pipeline::Counted;
use crate::types::{ActorIdx, Analysis, Class, Document, Span, Target, Tone, UnitKind};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};

/// The columns of `stance diff`'s reports.
pub const CHANGES: &[&str] = &[
    "article_id",
    "unit_kind",
    "unit_no",
    "text",
    "tone_before",
    "tone_after",
    "delta",
    "sign_flip",
    "terms_added",
    "terms_removed",
    "entries",
];
pub const TARGETS: &[&str] = &[
    "article_id",
    "unit_kind",
    "unit_no",
    "target_actor",
    "tone_before",
    "tone_after",
    "delta",
    "polarity_before",
    "polarity_after",
    "entries",
];
pub const SUMMARY: &[&str] = &[
    "entry",
    "change",
    "weight_before",
    "weight_after",
    "units_changed",
    "sign_flips",
];

/// How an entry or a modifier differs between the two sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Removed,
    /// A new weight; for a modifier, a new value or role.
    Reweighted,
    /// Same weight, other categories.
    Recategorised,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Reweighted => "reweighted",
            ChangeKind::Recategorised => "recategorised",
        }
    }
}

/// One difference between the two lexicon sets.
#[derive(Debug, Clone, PartialEq)]
pub struct LexiconChange {
    /// The entry's term, or `modifier:<word>`.
    pub label: String,
    pub kind: ChangeKind,
    /// Weight (a modifier's value) in the base set, if present there.
    pub weight_before: Option<f64>,
    pub weight_after: Option<f64>,
}

/// Every difference between two lexicon sets, by label.
#[derive(Debug, Clone, Default)]
pub struct LexiconDiff {
    pub changes: Vec<LexiconChange>,
    /// Term -> index into `changes`, for changes that can move a tone.
    entries: FxHashMap<String, usize>,
    /// Modifier word -> index into `changes`.
    modifiers: FxHashMap<String, usize>,
}

impl LexiconDiff {
    pub fn new(before: &Lexicon, after: &Lexicon) -> LexiconDiff {
        let mut diff = LexiconDiff::default();
        let entry_changes = changes_between(
            &effective_entries(before),
            &effective_entries(after),
            |e| e.weight,
            entry_change,
        );
        for (term, change) in entry_changes {
            if change.kind != ChangeKind::Recategorised {
                diff.entries.insert(term.to_string(), diff.changes.len());
            }
            diff.changes.push(change);
        }
        let modifier_changes = changes_between(
            &modifiers(before),
            &modifiers(after),
            |m| modifier_value(*m),
            |a, b| (a != b).then_some(ChangeKind::Reweighted),
        );
        for (word, mut change) in modifier_changes {
            change.label = format!("modifier:{word}");
            diff.modifiers.insert(word.to_string(), diff.changes.len());
            diff.changes.push(change);
        }
        diff
    }
}

/// The entry each term resolves to (a later duplicate replaces an earlier
/// one, as in matching).
fn effective_entries(lexicon: &Lexicon) -> BTreeMap<&str, &Entry> {
    lexicon
        .entries
        .iter()
        .map(|e| (e.term.as_str(), e))
        .collect()
}

fn modifiers(lexicon: &Lexicon) -> BTreeMap<&str, Modifier> {
    lexicon
        .modifiers
        .iter()
        .map(|(word, m)| (word.as_str(), *m))
        .collect()
}

fn modifier_value(m: Modifier) -> f64 {
    match m {
        Modifier::Negator(v)
        | Modifier::Intensifier(v)
        | Modifier::Contrast(v)
        | Modifier::Reverser(v) => v,
    }
}

fn entry_change(before: &&Entry, after: &&Entry) -> Option<ChangeKind> {
    if before.weight != after.weight {
        Some(ChangeKind::Reweighted)
    } else if before.categories != after.categories {
        Some(ChangeKind::Recategorised)
    } else {
        None
    }
}

/// The keys present in either map whose values differ, in key order, each
/// with its change (labelled by the key).
fn changes_between<'k, V>(
    before: &BTreeMap<&'k str, V>,
    after: &BTreeMap<&'k str, V>,
    weight: impl Fn(&V) -> f64,
    classify: impl Fn(&V, &V) -> Option<ChangeKind>,
) -> Vec<(&'k str, LexiconChange)> {
    let keys: BTreeSet<&str> = before.keys().chain(after.keys()).copied().collect();
    keys.into_iter()
        .filter_map(|key| {
            let (b, a) = (before.get(key), after.get(key));
            let kind = match (b, a) {
                (None, _) => ChangeKind::Added,
                (_, None) => ChangeKind::Removed,
                (Some(b), Some(a)) => classify(b, a)?,
            };
            let change = LexiconChange {
                label: key.to_string(),
                kind,
                weight_before: b.map(&weight),
                weight_after: a.map(&weight),
            };
            Some((key, change))
        })
        .collect()
}

/// A flip is a change of class between negative and positive (beyond the
/// neutral band); moving into or out of the band is not a flip.
pub fn sign_flip(before: f64, after: f64) -> bool {
    matches!(
        (
            Class::of(before, NEUTRAL_BAND),
            Class::of(after, NEUTRAL_BAND)
        ),
        (Class::Negative, Class::Positive) | (Class::Positive, Class::Negative)
    )
}

/// A unit whose tone moved by more than epsilon.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitChange {
    pub unit_kind: UnitKind,
    /// 1-based, as in sentences.csv and quotes.csv.
    pub unit_no: usize,
    pub text: String,
    pub tone_before: f64,
    pub tone_after: f64,
    /// Terms matched under the new set but not the base (and vice versa),
    /// counted with repetition, in text order.
    pub terms_added: Vec<String>,
    pub terms_removed: Vec<String>,
    /// Indices into `LexiconDiff::changes`, in text order.
    pub responsible: Vec<usize>,
}

impl UnitChange {
    pub fn delta(&self) -> f64 {
        self.tone_after - self.tone_before
    }

    pub fn sign_flip(&self) -> bool {
        sign_flip(self.tone_before, self.tone_after)
    }
}

/// A target whose reading moved: its polarity changed, or its tone by more
/// than epsilon.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetChange {
    pub unit_kind: UnitKind,
    pub unit_no: usize,
    pub target: ActorIdx,
    pub tone_before: f64,
    pub tone_after: f64,
    pub polarity_before: Class,
    pub polarity_after: Class,
    /// Indices into `LexiconDiff::changes` that acted in the rule-based
    /// tone toward the target, in text order.
    pub responsible: Vec<usize>,
}

/// The result for one document.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleDiff {
    pub article_id: String,
    pub sentences: usize,
    pub quotes: usize,
    pub changes: Vec<UnitChange>,
    pub targets: Vec<TargetChange>,
}

impl Counted for ArticleDiff {
    fn sentences(&self) -> usize {
        self.sentences
    }

    fn quotes(&self) -> usize {
        self.quotes
    }
}

/// Two engines that differ only in their tone lexicon and modifiers, and
/// the smallest change of tone that counts.
pub struct Comparison<'a> {
    pub before: &'a Engine,
    pub after: &'a Engine,
    pub diff: LexiconDiff,
    pub epsilon: f64,
}

impl<'a> Comparison<'a> {
    pub fn new(before: &'a Engine, after: &'a Engine, epsilon: f64) -> Comparison<'a> {
        Comparison {
            diff: LexiconDiff::new(&before.lexicon, &after.lexicon),
            before,
            after,
            epsilon,
        }
    }

    /// Analyses one document with both engines and compares.
    pub fn document(&self, doc: Document) -> ArticleDiff {
        let before = self.before.analyze(doc.clone());
        let after = self.after.analyze(doc);
        self.article(&before, &after)
    }

    /// Compares two analyses of the same document. Layout, sentences,
    /// quotes and actors do not depend on the tone lexicon or the target
    /// model, so units and their targets pair by index.
    pub fn article(&self, before: &Analysis, after: &Analysis) -> ArticleDiff {
        debug_assert_eq!(before.sentences.len(), after.sentences.len());
        debug_assert_eq!(before.quotes.len(), after.quotes.len());
        let sentences = before.sentences.iter().zip(&after.sentences);
        let sentence_units = sentences.map(|(b, a)| {
            let targets = (b.actors.as_slice(), a.actors.as_slice());
            (
                UnitKind::Sentence,
                b.sentence.span,
                ((&b.tone, &a.tone), targets),
            )
        });
        let quotes = before.quotes.iter().zip(&after.quotes);
        let quote_units = quotes.map(|(b, a)| {
            let targets = (b.targets.as_slice(), a.targets.as_slice());
            (UnitKind::Quote, b.quote.span, ((&b.tone, &a.tone), targets))
        });
        let text = before.doc.text.as_str();
        let mut changes = Vec::new();
        let mut targets = Vec::new();
        for (kind, no, span, ((b, a), pairs)) in
            number_units(sentence_units).chain(number_units(quote_units))
        {
            changes.extend(self.unit(kind, no, span.of(text), b, a));
            let pairs = pairs.0.iter().zip(pairs.1);
            targets.extend(pairs.filter_map(|(b, a)| self.target(kind, no, b, a)));
        }
        ArticleDiff {
            article_id: before.doc.id.clone(),
            sentences: before.sentences.len(),
            quotes: before.quotes.len(),
            changes,
            targets,
        }
    }

    fn target(
        &self,
        unit_kind: UnitKind,
        unit_no: usize,
        before: &Target,
        after: &Target,
    ) -> Option<TargetChange> {
        debug_assert_eq!(before.actor, after.actor);
        let (b, a) = (&before.leaning, &after.leaning);
        if b.class == a.class && (a.tone - b.tone).abs() <= self.epsilon {
            return None;
        }
        Some(TargetChange {
            unit_kind,
            unit_no,
            target: before.actor,
            tone_before: b.tone,
            tone_after: a.tone,
            polarity_before: b.class,
            polarity_after: a.class,
            responsible: self.responsible(&before.tone, &after.tone),
        })
    }

    fn unit(
        &self,
        unit_kind: UnitKind,
        unit_no: usize,
        text: &str,
        before: &Tone,
        after: &Tone,
    ) -> Option<UnitChange> {
        if (after.tone - before.tone).abs() <= self.epsilon {
            return None;
        }
        let terms_before = terms(before, &self.before.lexicon);
        let terms_after = terms(after, &self.after.lexicon);
        Some(UnitChange {
            unit_kind,
            unit_no,
            text: text.to_string(),
            tone_before: before.tone,
            tone_after: after.tone,
            terms_added: without(&terms_after, &terms_before),
            terms_removed: without(&terms_before, &terms_after),
            responsible: self.responsible(before, after),
        })
    }

    /// The changed entries and modifiers that acted in a unit, in text order.
    fn responsible(&self, before: &Tone, after: &Tone) -> Vec<usize> {
        let mut found: Vec<(usize, usize)> = Vec::new();
        for (tone, lexicon) in [(before, &self.before.lexicon), (after, &self.after.lexicon)] {
            for hit in &tone.hits {
                let term = &lexicon.entries[hit.entry as usize].term;
                if let Some(&i) = self.diff.entries.get(term) {
                    found.push((hit.span.start, i));
                }
                for rule in &hit.rules {
                    let Some(&i) = self.diff.modifiers.get(&rule.trigger) else {
                        continue;
                    };
                    if trace(before, &rule.trigger) != trace(after, &rule.trigger) {
                        found.push((hit.span.start, i));
                    }
                }
            }
        }
        found.sort_unstable();
        let mut seen = BTreeSet::new();
        found
            .into_iter()
            .filter_map(|(_, i)| seen.insert(i).then_some(i))
            .collect()
    }
}

/// Numbers units from 1 in order.
fn number_units<T>(
    units: impl Iterator<Item = (UnitKind, Span, T)>,
) -> impl Iterator<Item = (UnitKind, usize, Span, T)> {
    units
        .enumerate()
        .map(|(i, (kind, span, rest))| (kind, i + 1, span, rest))
}

fn terms(tone: &Tone, lexicon: &Lexicon) -> Vec<String> {
    tone.hits
        .iter()
        .map(|h| lexicon.entries[h.entry as usize].term.clone())
        .collect()
}

/// The items of `list` not in `other`, counted with repetition, in order.
fn without(list: &[String], other: &[String]) -> Vec<String> {
    let mut left: Vec<&String> = other.iter().collect();
    list.iter()
        .filter(|t| match left.iter().position(|o| o == t) {
            Some(k) => {
                left.swap_remove(k);
                false
            }
            None => true,
        })
        .cloned()
        .collect()
}

/// The rules a modifier word triggered in a unit, with their factors.
fn trace(tone: &Tone, word: &str) -> Vec<(&'static str, f64)> {
    tone.hits
        .iter()
        .flat_map(|h| h.rules.iter())
        .filter(|r| r.trigger == word)
        .map(|r| (r.rule, r.factor))
        .collect()
}

/// Units changed and sign flips attributed to one lexicon change.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChangeCount {
    pub units: u64,
    pub flips: u64,
}

/// The totals of a diff run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    /// Units compared, units changed, units whose tone flipped sign.
    pub units: u64,
    pub changed: u64,
    pub flips: u64,
    /// Targets whose reading moved, and those whose polarity changed.
    pub targets_changed: u64,
    pub polarity_changes: u64,
    /// Parallel to `LexiconDiff::changes`.
    pub per_change: Vec<ChangeCount>,
}

impl Tally {
    pub fn new(diff: &LexiconDiff) -> Tally {
        Tally {
            per_change: vec![ChangeCount::default(); diff.changes.len()],
            ..Tally::default()
        }
    }

    /// Folds one document in.
    pub fn add(&mut self, article: &ArticleDiff) {
        self.units += (article.sentences + article.quotes) as u64;
        for change in &article.changes {
            let flip = change.sign_flip();
            self.changed += 1;
            self.flips += u64::from(flip);
            for &i in &change.responsible {
                self.per_change[i].units += 1;
                self.per_change[i].flips += u64::from(flip);
            }
        }
        self.targets_changed += article.targets.len() as u64;
        self.polarity_changes += article
            .targets
            .iter()
            .filter(|t| t.polarity_before != t.polarity_after)
            .count() as u64;
    }

    /// Every lexicon change with its counts, most units changed first, then
    /// by label.
    pub fn ranked<'d>(&self, diff: &'d LexiconDiff) -> Vec<(&'d LexiconChange, ChangeCount)> {
        let mut list: Vec<_> = diff
            .changes
            .iter()
            .zip(self.per_change.iter().copied())
            .collect();
        list.sort_by(|a, b| {
            b.1.units
                .cmp(&a.1.units)
                .then_with(|| a.0.label.cmp(&b.0.label))
        });
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TONE: &str = "term,weight,categories\nhelpful,1.5,\nhopeful,1.8,hope\n\
        problem,-1.5,\nrock,0.5,\nsummit,0,\n";
    const MODS: &str = "term,role,value\nnot,negator,-0.74\nparticularly,booster,0.293\n\
        didn't,negator,-0.5\nbut,contrast,1.5\n";

    fn lexicon(tone: &str, mods: &str) -> Lexicon {
        Lexicon::from_csv(tone, mods, "t").unwrap().0
    }

    fn engine(tone: &str, mods: &str) -> Engine {
        Engine {
            lexicon: lexicon(tone, mods),
            ..Engine::embedded()
        }
    }

    fn labels(diff: &LexiconDiff) -> Vec<(String, &'static str)> {
        diff.changes
            .iter()
            .map(|c| (c.label.clone(), c.kind.as_str()))
            .collect()
    }

    #[test]
    fn lexicon_changes() {
        type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);
        let cases: &[Case] = &[
            (TONE, MODS, &[]),
            (
                "term,weight,categories\nhelpful,2,\nhopeful,1.8,hope;joy\nproblem,-1.5,\n\
                 summit,0,\nrock bottom,-2.5,\n",
                MODS,
                &[
                    ("helpful", "reweighted"),
                    ("hopeful", "recategorised"),
                    ("rock", "removed"),
                    ("rock bottom", "added"),
                ],
            ),
            (
                &format!("{TONE}helpful,1.5,\n"),
                "term,role,value\nnot,negator,-0.5\nparticularly,dampener,-0.2\n\
                 didn't,negator,-0.5\nvery,booster,0.293\n",
                &[
                    ("modifier:but", "removed"),
                    ("modifier:not", "reweighted"),
                    ("modifier:particularly", "reweighted"),
                    ("modifier:very", "added"),
                ],
            ),
            (&format!("{TONE}helpful,1,\nhelpful,1.5,\n"), MODS, &[]),
        ];
        let base = lexicon(TONE, MODS);
        for (tone, mods, want) in cases {
            let diff = LexiconDiff::new(&base, &lexicon(tone, mods));
            let want: Vec<(String, &str)> = want.iter().map(|(l, k)| (l.to_string(), *k)).collect();
            assert_eq!(labels(&diff), want, "{tone:?} {mods:?}");
        }
    }

    #[test]
    fn weights_of_changes() {
        let after = lexicon(
            "term,weight,categories\nhelpful,2,\nhopeful,1.8,hope\n",
            MODS,
        );
        let diff = LexiconDiff::new(&lexicon(TONE, MODS), &after);
        let helpful = &diff.changes[0];
        assert_eq!(
            (helpful.weight_before, helpful.weight_after),
            (Some(1.5), Some(2.0))
        );
        let problem = &diff.changes[1];
        assert_eq!(problem.label, "problem");
        assert_eq!(
            (problem.weight_before, problem.weight_after),
            (Some(-1.5), None)
        );
    }

    #[test]
    fn flips_by_the_neutral_band() {
        let cases = [
            (0.5, -0.5, true),
            (-0.06, 0.06, true),
            (0.5, 0.0, false),
            (0.04, -0.5, false),
            (-0.5, -0.1, false),
            (0.0, 0.0, false),
        ];
        for (before, after, want) in cases {
            assert_eq!(sign_flip(before, after), want, "{before} -> {after}");
        }
    }

    #[test]
    fn multiset_difference_in_order() {
        let s = |v: &[&str]| v.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        let cases: &[(&[&str], &[&str], &[&str])] = &[
            (&["a", "b", "a"], &["a"], &["b", "a"]),
            (&["a"], &["a", "a"], &[]),
            (&["rock bottom"], &["rock"], &["rock bottom"]),
            (&[], &["x"], &[]),
        ];
        for (list, other, want) in cases {
            assert_eq!(
                without(&s(list), &s(other)),
                s(want),
                "{list:?} - {other:?}"
            );
        }
    }

    const TEXT: &str = "We didn't find the summit particularly helpful. \
        The problem remains. Officials are hopeful but wary.";

    /// The changed units of TEXT as (unit_no, responsible labels).
    fn changed(tone: &str, mods: &str) -> Vec<(usize, Vec<String>)> {
        let (before, after) = (engine(TONE, MODS), engine(tone, mods));
        let comparison = Comparison::new(&before, &after, 0.001);
        let doc = Document::record("t", TEXT);
        let result = comparison.document(doc);
        assert_eq!(result.sentences, 3);
        result
            .changes
            .iter()
            .map(|c| {
                let labels = c
                    .responsible
                    .iter()
                    .map(|&i| comparison.diff.changes[i].label.clone());
                (c.unit_no, labels.collect())
            })
            .collect()
    }

    #[test]
    fn attributes_changes_to_entries_and_modifiers() {
        let v = |labels: &[&str]| labels.iter().map(|l| l.to_string()).collect::<Vec<_>>();
        type Case = (String, &'static str, Vec<(usize, Vec<String>)>);
        let cases: Vec<Case> = vec![
            (TONE.into(), MODS, vec![]),
            (TONE.replace("helpful,1.5", "helpful,2.5"), MODS, vec![(1, v(&["helpful"]))]),
            (TONE.replace("hopeful,1.8,hope", "hopeful,1.8,joy"), MODS, vec![]),
            (
                TONE.replace("summit,0", "summit,1"),
                MODS,
                vec![(1, v(&["summit"]))],
            ),
            (
                TONE.replace("problem,-1.5,\n", ""),
                MODS,
                vec![(2, v(&["problem"]))],
            ),
            (
                format!("{TONE}wary,-1.2,\n"),
                MODS,
                vec![(3, v(&["wary"]))],
            ),
            (
                TONE.into(),
                "term,role,value\nnot,negator,-0.74\nparticularly,booster,0.5\n\
                 didn't,negator,-0.5\nbut,contrast,1.5\n",
                vec![(1, v(&["modifier:particularly"]))],
            ),
            (
                TONE.into(),
                "term,role,value\nnot,negator,-0.74\nparticularly,booster,0.293\nbut,contrast,1.5\n",
                vec![],
            ),
        ];
        for (tone, mods, want) in cases {
            assert_eq!(changed(&tone, mods), want, "{tone:?} {mods:?}");
        }
    }

    #[test]
    fn quotes_are_compared_and_numbered_after_sentences() {
        use crate::types::{Quote, QuoteKind, ScoredQuote};
        let before = engine(TONE, MODS);
        let after = engine(&TONE.replace("helpful,1.5", "helpful,2.5"), MODS);
        let comparison = Comparison::new(&before, &after, 0.001);
        let analyse = |engine: &Engine| {
            let mut a = engine.analyze(Document::record("t", TEXT));
            let first = a.sentences[0].clone();
            a.quotes.push(ScoredQuote {
                quote: Quote {
                    kind: QuoteKind::Direct,
                    paragraph: 1,
                    span: first.sentence.span,
                    cue: None,
                    speaker_mention: None,
                    speaker: None,
                    about: None,
                },
                tone: first.tone,
                speaker_actor: None,
                targets: vec![],
                counted: true,
            });
            a
        };
        let result = comparison.article(&analyse(&before), &analyse(&after));
        let units: Vec<(UnitKind, usize)> = result
            .changes
            .iter()
            .map(|c| (c.unit_kind, c.unit_no))
            .collect();
        assert_eq!(units, [(UnitKind::Sentence, 1), (UnitKind::Quote, 1)]);
        assert_eq!(result.changes[1].text, result.changes[0].text);
        assert_eq!((result.sentences, result.quotes), (3, 1));
    }

    #[test]
    fn tally_counts_units_and_flips_per_change() {
        let diff = LexiconDiff::new(
            &lexicon(TONE, MODS),
            &lexicon(&TONE.replace("helpful,1.5", "helpful,-1.5"), MODS),
        );
        let unit = |tone_after: f64| UnitChange {
            unit_kind: UnitKind::Sentence,
            unit_no: 1,
            text: String::new(),
            tone_before: 0.3,
            tone_after,
            terms_added: vec![],
            terms_removed: vec![],
            responsible: vec![0],
        };
        let mut tally = Tally::new(&diff);
        tally.add(&ArticleDiff {
            article_id: "a".into(),
            sentences: 4,
            quotes: 1,
            changes: vec![unit(-0.3), unit(0.2)],
            targets: vec![],
        });
        assert_eq!((tally.units, tally.changed, tally.flips), (5, 2, 1));
        assert_eq!(tally.ranked(&diff)[0].1, ChangeCount { units: 2, flips: 1 });
    }
}
