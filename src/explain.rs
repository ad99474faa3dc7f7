//! Explanations of a score: what `stance explain` shows of one analysed
//! text. Per sentence: its tokens, the lexicon entries matched (term, base
//! weight, categories, lexicon line), every rule applied to each (trigger
//! word and factor), the tone, and the actors it mentions with the tone
//! toward each; then the quotes with their speaker and targets. The struct
//! serialises with serde (`--json`); `Display` writes the text form.

use crate::actors::ActorLexicon;
use crate::aggregate::categories_toward;
use crate::engine::Engine;
use crate::lexicon::Lexicon;
use crate::report::{number, CharOffsets};
use crate::tokenize::{tokenize_into, Tokens};
use crate::types::{Analysis, Gender, Leaning, ScoredQuote, ScoredSentence, Span, Target, Tone};
use crate::vader::VaderScorer;
use serde::Serialize;
use std::fmt;

/// The explanation of one text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// Mean tone of the body sentences.
    pub tone: f64,
    pub sentences: Vec<SentenceExplanation>,
    pub quotes: Vec<QuoteExplanation>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceExplanation {
    /// 1-based, as in sentences.csv.
    pub sentence_no: usize,
    pub paragraph: usize,
    /// Character offsets into the text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub tokens: Vec<String>,
    pub tone: ToneExplanation,
    /// In VADER-exact mode, how VADER scored the sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vader: Option<VaderExplanation>,
    /// The quote (1-based) whose speaker this sentence carries.
    pub quote_no: Option<usize>,
    /// The actors mentioned, with the tone toward each.
    pub actors: Vec<TargetExplanation>,
}

/// A tone with the matches and rules behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ToneExplanation {
    pub tone: f64,
    pub pos: f64,
    pub neg: f64,
    /// Categories of the matched entries, unique and sorted.
    pub categories: Vec<String>,
    pub matches: Vec<MatchExplanation>,
    /// Added to the size of the valence sum for exclamation marks.
    pub exclamation: f64,
    /// Word tokens of the unit, and the factor its length puts on the
    /// valence sum (1 up to the reference length).
    pub words: usize,
    pub length_factor: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchExplanation {
    /// The words matched, as written in the text.
    pub text: String,
    /// The lexicon entry.
    pub term: String,
    pub base: f64,
    /// The weight after the rules.
    pub weight: f64,
    pub categories: Vec<String>,
    /// Line of the entry in its lexicon file.
    pub line: u64,
    pub rules: Vec<RuleExplanation>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleExplanation {
    pub rule: &'static str,
    pub trigger: String,
    pub factor: f64,
}

/// An actor a unit speaks about and the tone toward it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetExplanation {
    pub actor_id: String,
    pub name: String,
    /// The mentions, as written.
    pub mentions: Vec<String>,
    /// The rule-based tone toward the target.
    pub tone: ToneExplanation,
    /// The categories bearing on it in its own clause, as
    /// dyad_categories.csv counts them.
    pub categories: Vec<String>,
    /// The reading toward it: what stance.csv and the aggregates use.
    pub leaning: LeaningExplanation,
}

/// The target model's reading toward a target and its strongest cues.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeaningExplanation {
    pub polarity: &'static str,
    pub tone: f64,
    /// P(negative), P(neutral), P(positive); absent without a target model.
    pub probabilities: Option<[f64; 3]>,
    pub cues: Vec<CueExplanation>,
}

/// A cue of the target model: where it stands and what it adds to the
/// scores of negative and positive.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CueExplanation {
    pub context: &'static str,
    pub term: String,
    pub negative: f64,
    pub positive: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteExplanation {
    /// 1-based, as in quotes.csv.
    pub quote_no: usize,
    pub kind: &'static str,
    pub text: String,
    pub cue: Option<String>,
    pub speaker_mention: Option<String>,
    /// The resolved description and the speaker's id within the text.
    pub speaker: Option<String>,
    pub speaker_id: Option<String>,
    pub speaker_actor: Option<String>,
    /// "female" or "male" when the speaker's mentions show it.
    pub speaker_gender: Option<&'static str>,
    /// The person's name, titles left out, when a mention names one.
    pub speaker_name: Option<String>,
    pub tone: ToneExplanation,
    /// In VADER-exact mode, how VADER scored the quote.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vader: Option<VaderExplanation>,
    pub targets: Vec<TargetExplanation>,
}

/// How VADER-exact mode scored a unit: each rated word with the rules
/// that changed its valence, and the punctuation emphasis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VaderExplanation {
    pub words: Vec<VaderWordExplanation>,
    pub emphasis: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VaderWordExplanation {
    /// As VADER looks it up: lower case, punctuation stripped.
    pub word: String,
    /// Its valence in the lexicon, and after the rules.
    pub base: f64,
    pub valence: f64,
    pub rules: Vec<VaderRuleExplanation>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VaderRuleExplanation {
    pub rule: &'static str,
    /// The word's valence after the rule.
    pub valence: f64,
}

impl Explanation {
    pub fn new(analysis: &Analysis, engine: &Engine) -> Explanation {
        let builder = Builder {
            a: analysis,
            lexicon: &engine.lexicon,
            actors: &engine.actors,
            vader: engine.vader.as_ref(),
            offsets: CharOffsets::new(&analysis.doc.text),
        };
        Explanation {
            tone: analysis.tone,
            sentences: analysis
                .sentences
                .iter()
                .enumerate()
                .map(|(i, s)| builder.sentence(i, s))
                .collect(),
            quotes: analysis
                .quotes
                .iter()
                .enumerate()
                .map(|(i, q)| builder.quote(i, q))
                .collect(),
        }
    }
}

/// Builds the parts of an explanation of one analysis.
struct Builder<'a> {
    a: &'a Analysis,
    lexicon: &'a Lexicon,
    actors: &'a ActorLexicon,
    vader: Option<&'a VaderScorer>,
    offsets: CharOffsets<'a>,
}

impl Builder<'_> {
    fn text(&self, span: Span) -> String {
        span.of(&self.a.doc.text).to_string()
    }

    /// VADER's reading of a unit, in VADER-exact mode.
    fn vader(&self, span: Span) -> Option<VaderExplanation> {
        let trace = self.vader?.trace(span.of(&self.a.doc.text));
        let words = trace.words.into_iter().map(|w| VaderWordExplanation {
            word: w.word,
            base: w.base,
            valence: w.valence,
            rules: w
                .steps
                .into_iter()
                .map(|(rule, valence)| VaderRuleExplanation { rule, valence })
                .collect(),
        });
        Some(VaderExplanation {
            words: words.collect(),
            emphasis: trace.emphasis,
        })
    }

    fn sentence(&self, i: usize, s: &ScoredSentence) -> SentenceExplanation {
        let span = s.sentence.span;
        let mut tokens = Tokens::default();
        tokenize_into(&self.a.doc.text, span, &mut tokens);
        SentenceExplanation {
            sentence_no: i + 1,
            paragraph: s.sentence.paragraph,
            start: self.offsets.at(span.start),
            end: self.offsets.at(span.end),
            text: self.text(span),
            tokens: tokens.items.iter().map(|t| self.text(t.span)).collect(),
            tone: self.tone(&s.tone),
            vader: self.vader(span),
            quote_no: s.quote.map(|q| q + 1),
            actors: self.targets(&s.actors),
        }
    }

    fn quote(&self, i: usize, q: &ScoredQuote) -> QuoteExplanation {
        let speaker = q.quote.speaker.map(|s| &self.a.speakers[s]);
        QuoteExplanation {
            quote_no: i + 1,
            kind: q.quote.kind.as_str(),
            text: self.text(q.quote.span),
            cue: q.quote.cue.map(|c| self.text(c)),
            speaker_mention: q.quote.speaker_mention.map(|m| self.text(m)),
            speaker: speaker.map(|s| s.description.clone()),
            speaker_id: speaker.map(|s| s.id.clone()),
            speaker_actor: q.speaker_actor.map(|a| self.actors.get(a).id.clone()),
            speaker_gender: speaker.and_then(|s| s.gender).map(Gender::as_str),
            speaker_name: speaker.and_then(|s| s.name.clone()),
            tone: self.tone(&q.tone),
            vader: self.vader(q.quote.span),
            targets: self.targets(&q.targets),
        }
    }

    fn targets(&self, targets: &[Target]) -> Vec<TargetExplanation> {
        targets
            .iter()
            .map(|t| {
                let actor = self.actors.get(t.actor);
                TargetExplanation {
                    actor_id: actor.id.clone(),
                    name: actor.name.clone(),
                    mentions: t.mentions.iter().map(|&m| self.text(m)).collect(),
                    tone: self.tone(&t.tone),
                    categories: categories_toward(&t.tone, self.lexicon)
                        .into_iter()
                        .map(str::to_string)
                        .collect(),
                    leaning: leaning(&t.leaning),
                }
            })
            .collect()
    }

    fn tone(&self, tone: &Tone) -> ToneExplanation {
        let matches: Vec<MatchExplanation> = tone
            .hits
            .iter()
            .map(|h| {
                let entry = &self.lexicon.entries[h.entry as usize];
                MatchExplanation {
                    text: self.text(h.span),
                    term: entry.term.clone(),
                    base: h.base,
                    weight: h.weight,
                    categories: entry.categories.clone(),
                    line: entry.line,
                    rules: h
                        .rules
                        .iter()
                        .map(|r| RuleExplanation {
                            rule: r.rule,
                            trigger: r.trigger.clone(),
                            factor: r.factor,
                        })
                        .collect(),
                }
            })
            .collect();
        let mut categories: Vec<String> = matches
            .iter()
            .flat_map(|m| m.categories.iter().cloned())
            .collect();
        categories.sort_unstable();
        categories.dedup();
        ToneExplanation {
            tone: tone.tone,
            pos: tone.pos,
            neg: tone.neg,
            categories,
            matches,
            exclamation: tone.unit.exclamation,
            words: tone.unit.words,
            length_factor: tone.unit.length_factor,
        }
    }
}

/// A list for the text form: `;`-joined, or `-` when empty.
fn list(items: &[String]) -> String {
    if items.is_empty() {
        "-".into()
    } else {
        items.join("; ")
    }
}

impl fmt::Display for ToneExplanation {
    /// The tone line, then one line per match with its rules below it,
    /// each line starting with the formatter's width in spaces.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pad = " ".repeat(f.width().unwrap_or(0));
        writeln!(
            f,
            "{pad}tone {}  (pos {}, neg {}; categories: {})",
            number(self.tone),
            number(self.pos),
            number(self.neg),
            list(&self.categories)
        )?;
        if self.exclamation != 0.0 && !self.matches.is_empty() {
            writeln!(
                f,
                "{pad}  exclamation marks: valence sum +{} in size",
                number(self.exclamation)
            )?;
        }
        if self.length_factor != 1.0 && !self.matches.is_empty() {
            writeln!(
                f,
                "{pad}  length: {} words, valence sum x{}",
                self.words,
                number(self.length_factor)
            )?;
        }
        for m in &self.matches {
            writeln!(
                f,
                "{pad}  {:?} = entry {:?} (lexicon line {}), base {} -> {}; categories: {}",
                m.text,
                m.term,
                m.line,
                number(m.base),
                number(m.weight),
                list(&m.categories)
            )?;
            for r in &m.rules {
                writeln!(
                    f,
                    "{pad}      {} {:?} x{}",
                    r.rule,
                    r.trigger,
                    number(r.factor)
                )?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for TargetExplanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "    toward {} ({}), mentioned as {}:",
            self.actor_id,
            self.name,
            list(&self.mentions)
        )?;
        writeln!(f, "      rule-based tone:")?;
        write!(f, "{:6}", self.tone)?;
        writeln!(
            f,
            "      categories in the target's clause: {}",
            list(&self.categories)
        )?;
        write!(f, "{}", self.leaning)
    }
}

impl fmt::Display for LeaningExplanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some([neg, neu, pos]) = self.probabilities else {
            return writeln!(f, "      polarity {} (no target model)", self.polarity);
        };
        writeln!(
            f,
            "      target model: polarity {}, tone {} (P negative {}, neutral {}, positive {})",
            self.polarity,
            number(self.tone),
            number(neg),
            number(neu),
            number(pos)
        )?;
        for c in &self.cues {
            writeln!(
                f,
                "        {}:{} negative {:+.4} positive {:+.4}",
                c.context, c.term, c.negative, c.positive
            )?;
        }
        Ok(())
    }
}

fn leaning(l: &Leaning) -> LeaningExplanation {
    LeaningExplanation {
        polarity: l.class.as_str(),
        tone: l.tone,
        probabilities: l.probabilities,
        cues: l
            .cues
            .iter()
            .map(|c| CueExplanation {
                context: c.context.as_str(),
                term: c.term.to_string(),
                negative: c.negative,
                positive: c.positive,
            })
            .collect(),
    }
}

impl fmt::Display for SentenceExplanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "sentence {} (paragraph {}, chars {}..{}): {}",
            self.sentence_no, self.paragraph, self.start, self.end, self.text
        )?;
        writeln!(f, "  tokens: {}", self.tokens.join(" | "))?;
        write!(f, "{:2}", self.tone)?;
        if let Some(v) = &self.vader {
            write!(f, "{v}")?;
        }
        if let Some(q) = self.quote_no {
            writeln!(f, "  carries quote {q}")?;
        }
        write_targets(f, "actors", &self.actors)
    }
}

impl fmt::Display for QuoteExplanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let none = || "-".to_string();
        writeln!(f, "quote {} ({}): {}", self.quote_no, self.kind, self.text)?;
        writeln!(
            f,
            "  cue: {}; speaker mention: {}; speaker: {} [{}]; actor: {}",
            self.cue.clone().unwrap_or_else(none),
            self.speaker_mention.clone().unwrap_or_else(none),
            self.speaker.clone().unwrap_or_else(none),
            self.speaker_id.clone().unwrap_or_else(none),
            self.speaker_actor.clone().unwrap_or_else(none)
        )?;
        if let Some(name) = &self.speaker_name {
            writeln!(f, "  speaker name: {name}")?;
        }
        if let Some(gender) = self.speaker_gender {
            writeln!(f, "  speaker gender: {gender}")?;
        }
        write!(f, "{:2}", self.tone)?;
        if let Some(v) = &self.vader {
            write!(f, "{v}")?;
        }
        write_targets(f, "targets", &self.targets)
    }
}

impl fmt::Display for VaderExplanation {
    /// Each rated word with its rules below it, then the emphasis.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for w in &self.words {
            writeln!(
                f,
                "    {:?} = VADER lexicon {} -> {}",
                w.word,
                number(w.base),
                number(w.valence)
            )?;
            for r in &w.rules {
                writeln!(f, "        {} -> {}", r.rule, number(r.valence))?;
            }
        }
        if self.emphasis != 0.0 {
            writeln!(
                f,
                "    punctuation emphasis: valence sum +{} in size",
                number(self.emphasis)
            )?;
        }
        Ok(())
    }
}

fn write_targets(
    f: &mut fmt::Formatter<'_>,
    what: &str,
    targets: &[TargetExplanation],
) -> fmt::Result {
    if targets.is_empty() {
        return writeln!(f, "  {what}: none");
    }
    writeln!(f, "  {what}:")?;
    for t in targets {
        write!(f, "{t}")?;
    }
    Ok(())
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for s in &self.sentences {
            writeln!(f, "{s}")?;
        }
        for q in &self.quotes {
            writeln!(f, "{q}")?;
        }
        writeln!(
            f,
            "text tone (mean of the sentences): {}",
            number(self.tone)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tone::normalise;
    use crate::types::Document;

    fn explain(text: &str) -> Explanation {
        let engine = Engine::embedded();
        let analysis = engine.analyze(Document::record("t", text));
        Explanation::new(&analysis, &engine)
    }

    /// Matched text and its rules as "rule:trigger".
    type MatchRules = Vec<(String, Vec<String>)>;

    /// The matches and rules of the first sentence.
    fn rules(e: &Explanation) -> MatchRules {
        e.sentences[0]
            .tone
            .matches
            .iter()
            .map(|m| {
                let rules = m.rules.iter().map(|r| format!("{}:{}", r.rule, r.trigger));
                (m.text.clone(), rules.collect())
            })
            .collect()
    }

    #[test]
    fn matches_and_rules_per_sentence() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let cases: Vec<(&str, MatchRules)> = vec![
            (
                "\"We didn't find that exercise particularly helpful,\" the official said.",
                vec![
                    ("didn't".into(), vec![]),
                    (
                        "helpful".into(),
                        s(&["booster:particularly", "negation:didn't"]),
                    ),
                ],
            ),
            ("The meeting took place on Monday.", vec![]),
            (
                "The plan is HOPEFUL.",
                vec![("HOPEFUL".into(), s(&["caps:hopeful"]))],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(rules(&explain(text)), want, "{text:?}");
        }
    }

    #[test]
    fn tokens_entry_details_and_tone() {
        let e = explain("We didn't find that exercise particularly helpful.");
        let s = &e.sentences[0];
        assert_eq!(s.tokens[..3], ["We", "didn't", "find"]);
        assert_eq!(s.tokens.last().unwrap(), ".");
        let negator = &s.tone.matches[0];
        assert_eq!((negator.term.as_str(), negator.base), ("didn't", -1.0));
        assert_eq!(negator.categories, ["negation"]);
        let m = &s.tone.matches[1];
        assert_eq!((m.term.as_str(), m.base), ("helpful", 1.6));
        assert!(m.line > 1);
        assert!(m.weight < 0.0 && s.tone.tone < 0.0);
        assert_eq!((s.start, s.end), (0, 50));
    }

    #[test]
    fn tone_toward_each_actor() {
        let e = explain("Japan praised the constructive talks, while North Korea condemned them.");
        let actors: Vec<&str> = e.sentences[0]
            .actors
            .iter()
            .map(|t| t.actor_id.as_str())
            .collect();
        assert_eq!(actors, ["JPN", "PRK"]);
        for target in &e.sentences[0].actors {
            assert!(!target.tone.matches.is_empty());
        }
        let text = e.to_string();
        assert!(
            text.contains("toward JPN (Japan), mentioned as Japan:"),
            "{text}"
        );
        assert!(text.contains("toward PRK"), "{text}");
    }

    #[test]
    fn quotes_show_kind_speaker_and_targets() {
        use crate::types::{Quote, QuoteKind, ScoredQuote, Speaker};
        let engine = Engine::embedded();
        let text = "\"Japan's plan is not helpful,\" the official said.";
        let mut analysis = engine.analyze(Document::record("t", text));
        let span = |part: &str| {
            let start = text.find(part).unwrap();
            Span::new(start, start + part.len())
        };
        analysis.speakers.push(Speaker {
            id: "official-1".into(),
            description: "the official".into(),
            first_mention: span("the official"),
            gender: None,
            name: None,
        });
        let sentence = analysis.sentences[0].clone();
        analysis.quotes.push(ScoredQuote {
            quote: Quote {
                kind: QuoteKind::Direct,
                paragraph: 1,
                span: span("Japan's plan is not helpful,"),
                cue: Some(span("said")),
                speaker_mention: Some(span("the official")),
                speaker: Some(0),
                about: None,
            },
            tone: sentence.tone.clone(),
            speaker_actor: None,
            targets: sentence.actors.clone(),
            counted: true,
        });
        let e = Explanation::new(&analysis, &engine);
        let q = &e.quotes[0];
        assert_eq!((q.quote_no, q.kind), (1, "direct"));
        assert_eq!(q.speaker_id.as_deref(), Some("official-1"));
        assert_eq!(q.targets[0].actor_id, "JPN");
        let shown = e.to_string();
        for want in [
            "quote 1 (direct): Japan's plan is not helpful,",
            "cue: said; speaker mention: the official; speaker: the official [official-1]; actor: -",
            "  targets:\n    toward JPN (Japan), mentioned as Japan",
            "negation \"not\"",
        ] {
            assert!(shown.contains(want), "{want:?} in\n{shown}");
        }
    }

    /// The rules on a unit's valence sum are shown, so the tone can be
    /// recomputed from the trace, and the tone toward a target keeps them.
    #[test]
    fn exclamation_and_length_are_shown_and_reach_the_target() {
        let e = explain("The plan is good!");
        let tone = &e.sentences[0].tone;
        assert_eq!(
            (tone.exclamation, tone.words, tone.length_factor),
            (0.292, 4, 1.0)
        );
        let x = tone.matches[0].weight + tone.exclamation;
        assert!((tone.tone - normalise(x, 15.0)).abs() < 1e-12);
        assert!(e
            .to_string()
            .contains("exclamation marks: valence sum +0.2920 in size"));

        let long = "Officials said on Tuesday that the detailed proposal from China, \
            sent last week to the committee, was unacceptable.";
        let e = explain(long);
        let s = &e.sentences[0];
        assert_eq!(s.tone.words, 18);
        let target = &s.actors[0].tone;
        assert_eq!(target.matches[0].rules[0].rule, "clause");
        assert_eq!(target.length_factor, s.tone.length_factor);
        let x = target.matches[0].weight * target.length_factor;
        assert!((target.tone - normalise(x, 15.0)).abs() < 1e-12);
        assert!(e
            .to_string()
            .contains("length: 18 words, valence sum x0.5774"));
        assert!(!explain("The meeting took place.")
            .to_string()
            .contains("length"));
    }

    #[test]
    fn text_form_shows_rules_and_json_round_trips_fields() {
        let e = explain("We didn't find that exercise particularly helpful.");
        let text = e.to_string();
        for want in [
            "\"didn't\" = entry \"didn't\"",
            "\"helpful\" = entry \"helpful\"",
            "booster \"particularly\" x",
            "negation \"didn't\" x-0.5000",
            "actors: none",
        ] {
            assert!(text.contains(want), "{want:?} in\n{text}");
        }
        let json: serde_json::Value = serde_json::to_value(&e).unwrap();
        let rules = &json["sentences"][0]["tone"]["matches"][1]["rules"];
        assert_eq!(rules[1]["rule"], "negation");
        assert_eq!(rules[1]["trigger"], "didn't");
    }
}
