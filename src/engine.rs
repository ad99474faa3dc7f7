//! The engine: the loaded resources (tone lexicon, rules or VADER's
//! scorer, actors, cues) and `analyze`, which runs every stage on one
//! document.

use crate::actors::{self, without_initials, ActorLexicon, PersonNames};
use crate::lexicon::{Lexicon, Match};
use crate::quotes::Cues;
use crate::stance::{actors_in, mark_counted, stance_rows, Sides, ToneContext};
use crate::target_model::TargetModel;
use crate::tokenize::{tokenize_into, TokenKind, Tokens};
use crate::tone::Rules;
use crate::types::{
    ActorIdx, ActorMention, Analysis, Attribution, DocFormat, Document, Holder, Layout, Leaning,
    ScoredQuote, ScoredSentence, Sentence, Span, Speaker, Tone,
};
use crate::vader::VaderScorer;
use crate::{affiliation, article, proper_names, quotes, segment};
use std::collections::BTreeMap;

/// Everything needed to analyse documents; shared read-only across threads.
#[derive(Debug, Clone)]
pub struct Engine {
    pub lexicon: Lexicon,
    pub rules: Rules,
    /// VADER-exact mode (`--rules vader`): when set, the tone of every unit
    /// (sentence, quote, target) is vaderSentiment's compound of the
    /// unit's text, and `lexicon` and `rules` are not used for tone.
    pub vader: Option<VaderScorer>,
    pub actors: ActorLexicon,
    pub cues: Cues,
    /// Reads the cues around each target (`None`: the rule-based tone).
    pub target_model: Option<TargetModel>,
    /// Which targets of a source stance.csv leaves out.
    pub sides: Sides,
}

impl Engine {
    /// The engine on the built-in lexicons.
    pub fn embedded() -> Engine {
        Engine {
            lexicon: Lexicon::embedded(),
            rules: Rules::default(),
            vader: None,
            actors: ActorLexicon::embedded(),
            cues: Cues::embedded(),
            target_model: Some(TargetModel::embedded()),
            sides: Sides::Others,
        }
    }

    /// Runs every stage on one document.
    pub fn analyze(&self, doc: Document) -> Analysis {
        let text = doc.text.as_str();
        let layout = self.layout(&doc);
        let sentences = segment::split_sentences(text, &layout);
        let mut attribution = quotes::attribute(text, &layout, &sentences, &self.cues);
        let speaker_actors: Vec<Option<ActorIdx>> = attribution
            .speakers
            .iter_mut()
            .map(|s| self.speaker_actor(s, &layout))
            .collect();
        let mentions = self.mentions(text, &layout);
        let (tokens, matches) = self.match_terms(text, &layout);
        let scorer = UnitScorer {
            tone: self.tone_context(text, &tokens, &matches),
        };
        let quotes = scorer.quotes(&attribution, &mentions, &speaker_actors);
        let sentences = scorer.sentences(&sentences, &quotes, &mentions);
        let outlet = layout
            .outlet
            .clone()
            .map_or(Holder::Unknown, Holder::Outlet);
        let date = layout.date.as_deref();
        let stance = stance_rows(
            &sentences,
            &quotes,
            &outlet,
            (&self.actors, date),
            self.sides,
        );
        let tone = article_tone(&sentences);
        let words = tokens
            .items
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count();
        let categories = self.category_counts(&matches);
        Analysis {
            layout,
            sentences,
            quotes,
            speakers: attribution.speakers,
            mentions,
            stance,
            tone,
            words,
            categories,
            doc,
        }
    }

    /// How many matches each category of the lexicon has in an article: a
    /// LIWC-style count, whatever the weights (topic words of weight 0
    /// count) and the rules acting on them.
    fn category_counts(&self, matches: &[Match]) -> Vec<(String, usize)> {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for m in matches {
            for c in &self.lexicon.entries[m.entry as usize].categories {
                *counts.entry(c.as_str()).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .map(|(c, n)| (c.to_string(), n))
            .collect()
    }

    fn layout(&self, doc: &Document) -> Layout {
        let mut layout = article::read_layout(&doc.text, doc.format);
        if doc.format == DocFormat::Record {
            layout.title = doc.title.clone();
            layout.date = doc.date.clone();
        }
        if doc.outlet.is_some() {
            layout.outlet = doc.outlet.clone();
        }
        layout
    }

    fn tone_context<'a>(
        &'a self,
        text: &'a str,
        tokens: &'a Tokens,
        matches: &'a [Match],
    ) -> ToneContext<'a> {
        ToneContext {
            text,
            tokens,
            matches,
            lexicon: &self.lexicon,
            rules: &self.rules,
            vader: self.vader.as_ref(),
            model: self.target_model.as_ref(),
            boundaries: Default::default(),
        }
    }

    /// The tone of a short text scored as one unit, without layout or
    /// sentence splitting (`stance tone`).
    pub fn tone_of_text(&self, text: &str) -> Tone {
        let whole = Span::new(0, text.len());
        let layout = Layout {
            paragraphs: vec![whole],
            ..Layout::default()
        };
        let (tokens, matches) = self.match_terms(text, &layout);
        self.tone_context(text, &tokens, &matches).unit(whole)
    }

    /// The tone toward a target span of a short text (a sentence of a gold
    /// set), computed exactly as for stance.csv: the text is read as a
    /// record and the target's sentence is the unit.
    pub fn tone_toward_span(&self, text: &str, target: Span) -> (Tone, Leaning) {
        self.with_target_unit(text, target, |context, unit| {
            context.toward(unit, &[target])
        })
    }

    /// The target model's input for a target span of a short text: the
    /// rule-based tone toward it and its cues (`stance eval --features`).
    pub fn target_cues(&self, text: &str, target: Span) -> (f64, Vec<String>) {
        self.with_target_unit(text, target, |context, unit| context.cues(unit, &[target]))
    }

    /// Runs `f` on the tone context of `text` and the sentence holding
    /// `target` (the whole text when no sentence holds it).
    fn with_target_unit<T>(
        &self,
        text: &str,
        target: Span,
        f: impl FnOnce(&ToneContext, Span) -> T,
    ) -> T {
        let layout = article::read_layout(text, DocFormat::Record);
        let sentences = segment::split_sentences(text, &layout);
        let (tokens, matches) = self.match_terms(text, &layout);
        let context = self.tone_context(text, &tokens, &matches);
        let unit = sentences
            .iter()
            .map(|s| s.span)
            .find(|s| s.contains(target))
            .unwrap_or(Span::new(0, text.len()));
        f(&context, unit)
    }

    /// Actor mentions in text order, references back ("both sides", "the
    /// bloc") included as mentions of the actors they stand for.
    fn mentions(&self, text: &str, layout: &Layout) -> Vec<ActorMention> {
        let mut out = Vec::new();
        let date = layout.date.as_deref();
        self.actors
            .find_in_document(text, &layout.paragraphs, (&self.cues, date), &mut out);
        let references = self.actors.references(text, &layout.paragraphs, &out);
        if !references.is_empty() {
            out.extend(references);
            out.sort_by_key(|m| m.span.start);
        }
        out
    }

    /// The tokens and lexicon matches of the paragraphs (none in VADER
    /// mode, which reads each unit's text itself).
    fn match_terms(&self, text: &str, layout: &Layout) -> (Tokens, Vec<Match>) {
        let mut tokens = Tokens::default();
        if self.vader.is_some() {
            return (tokens, Vec::new());
        }
        for &span in &layout.paragraphs {
            tokenize_into(text, span, &mut tokens);
            tokens.push_break(span.end);
        }
        let mut matches = Vec::new();
        self.lexicon.find(&tokens, &mut matches);
        matches.retain(|m| !proper_names::in_a_name(text, &tokens, m, &self.lexicon, &self.cues));
        (tokens, matches)
    }

    /// The actor a speaker stands for: the person actor the speaker's name
    /// is ("Yoko Kamikawa, Japan's foreign minister": JPN.KAMIKAWA), else
    /// the actor the description names at its end ("Japanese Prime
    /// Minister Shinzo Abe"), else the country or
    /// organisation of an affiliation ("a senior State Department official";
    /// with `Sides::Own`, the body itself, USA.STATE_DEPARTMENT),
    /// else, for a government body named without its country ("a foreign
    /// ministry spokesman"), the country of the dateline, as wire copy
    /// writes it ("BEIJING (Reuters) - ...").
    ///
    /// A name that is a person of the actor lexicon becomes that person's
    /// name as the lexicon writes it ("Donald J. Trump", "Trump": "Donald
    /// Trump"; with a middle initial the lexicon does not list, "Vladimir
    /// V. Putin": "Vladimir Putin"), so one person is one speaker across
    /// articles. A name that
    /// is a country or body ("South Korea", "Saudi Arabia") is no person's
    /// name: it is dropped from the speaker. An actor found inside the
    /// name, or written as one of its words, is not the speaker's
    /// ("Agence France-Presse"; "Bush" for Jeb Bush, "Biden" in "Hunter
    /// Biden"), and neither is what an expert studies ("a China expert").
    pub fn speaker_actor(&self, speaker: &mut Speaker, layout: &Layout) -> Option<ActorIdx> {
        let named = speaker.name.as_deref();
        let in_name = named
            .map(|name| self.actors.find_in(name, &self.cues, None))
            .unwrap_or_default();
        let name_len = named.map_or(0, str::len);
        let (whole, part): (Vec<_>, Vec<_>) =
            in_name.into_iter().partition(|m| m.span.len() == name_len);
        let person = match whole.first() {
            Some(m) => (self.actors.get(m.actor).kind == "person").then_some(m.actor),
            // "Vladimir V. Putin": a middle initial the lexicon does not list.
            None => named
                .map(without_initials)
                .filter(|plain| Some(plain.as_str()) != named)
                .and_then(|plain| self.actors.person_named(&plain, &self.cues)),
        };
        if let Some(person) = person {
            speaker.name = Some(self.actors.get(person).name.clone());
            return Some(person);
        }
        if !whole.is_empty() {
            // A country or body, not a person's name.
            speaker.name = None;
        }
        let (actor, alone) = self.description_actor(speaker, &part, layout)?;
        if alone && speaker.name.is_none() && self.actors.get(actor).kind == "person" {
            speaker.name = Some(self.actors.get(actor).name.clone());
        }
        Some(actor)
    }

    /// The actor a speaker's description names, the last one that is
    /// neither in their name (`in_name`), nor a field of study, nor another
    /// person the speaker does not speak for (`affiliation`), rolled up to
    /// its country or organisation when it does not end the description
    /// (with `Sides::Others`); else the dateline's country for a
    /// government body. With it, whether the description is that actor
    /// alone, after any titles ("Pelosi", "President Obama"), so that a
    /// person's name names the speaker.
    fn description_actor(
        &self,
        speaker: &Speaker,
        in_name: &[ActorMention],
        layout: &Layout,
    ) -> Option<(ActorIdx, bool)> {
        let description = speaker.description.as_str();
        let date = layout.date.as_deref();
        let d = description.trim_end_matches(['\'', '\u{2019}', 's']);
        let found = self.actors.find_in(description, &self.cues, date);
        let name_words: Vec<&str> = speaker.name.iter().flat_map(|n| n.split(' ')).collect();
        let ends_it = |m: &ActorMention| m.span.end >= d.trim_end().len();
        // Titles, or "the" before an office ("the French president": the
        // mention is not the person without the date).
        let by_office = |m: &ActorMention| {
            let undated = self
                .actors
                .find_in(m.span.of(description), &self.cues, None);
            undated.first().map(|u| u.actor) != Some(m.actor)
        };
        let alone = |m: &ActorMention| {
            ends_it(m)
                && description[..m.span.start]
                    .split_whitespace()
                    .all(|w| self.cues.is_title(w) || w.eq_ignore_ascii_case("the") && by_office(m))
        };
        // Another person counts only when the speaker speaks for them; an
        // unnamed speaker may be the person heading the description.
        let someone_else = |m: &ActorMention| {
            let is_the_speaker = || {
                alone(m)
                    || speaker.name.is_none()
                        && affiliation::is_subject(description, m.span, ends_it(m), &self.cues)
            };
            self.actors.get(m.actor).kind == "person"
                && !is_the_speaker()
                && !affiliation::speaks_for(description, m.span, &self.cues)
        };
        let skipped = |m: &&ActorMention| {
            in_name.iter().any(|p| p.actor == m.actor)
                || name_words.contains(&m.span.of(description))
                || actors::names_a_field_or_workplace(description, m.span)
                || someone_else(m)
        };
        let Some(last) = found.iter().rev().find(|m| !skipped(m)) else {
            return actors::names_a_government_body(description)
                .then(|| self.dateline_country(layout))
                .flatten()
                .map(|country| (country, false));
        };
        let names_the_speaker = ends_it(last);
        let alone = alone(last);
        if names_the_speaker || self.sides == Sides::Own {
            Some((last.actor, alone))
        } else {
            Some((self.actors.root_on(last.actor, date), false))
        }
    }

    /// The country of the article's dateline ("BEIJING" -> CHN), if the
    /// actor lexicon knows the place.
    fn dateline_country(&self, layout: &Layout) -> Option<ActorIdx> {
        let place = title_case(layout.dateline.as_deref()?);
        let found = self.actors.find_in(&place, &self.cues, None);
        let first = found.first()?;
        Some(self.actors.root_on(first.actor, layout.date.as_deref()))
    }
}

/// "NEW DELHI" -> "New Delhi": each word's first letter kept, the rest in
/// lower case.
fn title_case(place: &str) -> String {
    let mut out = String::with_capacity(place.len());
    let mut start = true;
    for c in place.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

/// The mean tone of the body sentences, the headline left out; of the
/// headline when there is no body (a plain-text file of one paragraph).
fn article_tone(sentences: &[ScoredSentence]) -> f64 {
    let mean = |tones: Vec<f64>| tones.iter().sum::<f64>() / tones.len().max(1) as f64;
    let body: Vec<f64> = sentences
        .iter()
        .filter(|s| s.sentence.paragraph > 0)
        .map(|s| s.tone.tone)
        .collect();
    if body.is_empty() {
        mean(sentences.iter().map(|s| s.tone.tone).collect())
    } else {
        mean(body)
    }
}

/// Scores the units of one article against its tokens and matches.
struct UnitScorer<'a> {
    tone: ToneContext<'a>,
}

impl UnitScorer<'_> {
    fn quotes(
        &self,
        attribution: &Attribution,
        mentions: &[ActorMention],
        speaker_actors: &[Option<ActorIdx>],
    ) -> Vec<ScoredQuote> {
        let mut quotes: Vec<ScoredQuote> = attribution
            .quotes
            .iter()
            .map(|q| {
                let mut found = actors_in(mentions, q.span, q.speaker_mention);
                if let Some(about) = q.about {
                    for (actor, spans) in actors_in(mentions, about, None) {
                        if !found.iter().any(|(a, _)| *a == actor) {
                            found.push((actor, spans));
                        }
                    }
                }
                let tone = self.tone.unit(q.span);
                let reach = self.tone.with_cue(q.span, q.cue);
                let targets = if found.is_empty() {
                    Vec::new()
                } else if reach == q.span {
                    self.tone.targets(&tone, q.span, found)
                } else {
                    self.tone.targets(&self.tone.unit(reach), reach, found)
                };
                ScoredQuote {
                    targets,
                    tone,
                    speaker_actor: q.speaker.and_then(|s| speaker_actors[s]),
                    quote: q.clone(),
                    counted: false,
                }
            })
            .collect();
        mark_counted(&mut quotes);
        quotes
    }

    fn sentences(
        &self,
        sentences: &[Sentence],
        quotes: &[ScoredQuote],
        mentions: &[ActorMention],
    ) -> Vec<ScoredSentence> {
        let carried = carried_quotes(sentences, quotes);
        sentences
            .iter()
            .zip(carried)
            .map(|(&sentence, quote)| {
                let tone = self.tone.unit(sentence.span);
                let found = actors_in(mentions, sentence.span, None);
                ScoredSentence {
                    actors: self.tone.targets(&tone, sentence.span, found),
                    tone,
                    quote,
                    sentence,
                }
            })
            .collect()
    }
}

/// For each sentence (in text order), the first quote with a speaker that
/// overlaps it: the sentence carries that quote. Each quote looks up the
/// sentences it spans, so a long article costs no sentences x quotes scan.
fn carried_quotes(sentences: &[Sentence], quotes: &[ScoredQuote]) -> Vec<Option<usize>> {
    let mut carried = vec![None; sentences.len()];
    for (i, q) in quotes.iter().enumerate() {
        if q.quote.speaker.is_none() {
            continue;
        }
        let span = q.quote.span;
        let first = sentences.partition_point(|s| s.span.end <= span.start);
        for (j, sentence) in sentences.iter().enumerate().skip(first) {
            if sentence.span.start >= span.end {
                break;
            }
            if sentence.span.overlaps(span) {
                carried[j].get_or_insert(i);
            }
        }
    }
    carried
}
