//! Tests of the quotes stage: table-driven attribution patterns, speaker
//! resolution, paragraph conventions and property tests on mark soup.

use super::*;
use crate::article::read_layout;
use crate::segment::split_sentences;
use crate::types::{Attribution, DocFormat, QuoteKind, Span};
use proptest::prelude::*;

/// (kind, content, speaker id or "-") of one expected quote.
type Expected = (&'static str, &'static str, &'static str);
/// (case name, article text, expected quotes in text order).
type Case = (&'static str, &'static str, &'static [Expected]);

/// Body-only article: every blank-line block is a paragraph from 1.
fn run(text: &str) -> Attribution {
    let layout = read_layout(text, DocFormat::Record);
    let sentences = split_sentences(text, &layout);
    attribute(text, &layout, &sentences, &Cues::embedded())
}

/// Article whose first line is its headline (paragraph 0).
fn run_with_headline(text: &str) -> Attribution {
    let (headline, _) = text.split_once("\n\n").unwrap_or((text, ""));
    let mut layout = read_layout(text, DocFormat::Record);
    layout.paragraphs.remove(1);
    layout.paragraphs[0] = Span::new(0, headline.len());
    let sentences = split_sentences(text, &layout);
    attribute(text, &layout, &sentences, &Cues::embedded())
}

/// (kind, content, speaker id or "-") for every quote, in text order.
fn summary(text: &str, a: &Attribution) -> Vec<(String, String, String)> {
    a.quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.map_or("-", |s| a.speakers[s].id.as_str());
            (
                q.kind.to_string(),
                q.span.of(text).to_string(),
                speaker.to_string(),
            )
        })
        .collect()
}

fn check(name: &str, text: &str, a: &Attribution, expected: &[Expected]) {
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(k, s, p)| (k.to_string(), s.to_string(), p.to_string()))
        .collect();
    assert_eq!(summary(text, a), expected, "case {name}: {text:?}");
}

#[test]
fn attribution_patterns() {
    let cases: &[Case] = &[
        (
            "quote then mention then cue",
            "\"We will not back down,\" the minister said. ",
            &[("direct", "We will not back down,", "minister-1")],
        ),
        (
            "quote then cue then name with title",
            "\"We will not back down,\" said Japanese Prime Minister Shinzo Abe.",
            &[("direct", "We will not back down,", "abe-1")],
        ),
        (
            "a cue that is mostly a noun, before that",
            "The Tax Foundation estimates that the plan would cost billions.",
            &[("indirect", "the plan would cost billions", "foundation-1")],
        ),
        (
            "a thought verb after and goes on the content",
            "He said he had watched the museum rise and thought of the days when he lived there.",
            &[(
                "indirect",
                "he had watched the museum rise and thought of the days when he lived there",
                "he-1",
            )],
        ),
        (
            "a thought verb after but goes on the content",
            "Mary Lee said she was elated but feared the military.",
            &[("indirect", "she was elated but feared the military", "lee-1")],
        ),
        (
            "a thought verb after and goes on an infinitive content",
            "Officials urged the administration to call out Russia and consider new sanctions.",
            &[(
                "indirect",
                "the administration to call out Russia and consider new sanctions",
                "officials-1",
            )],
        ),
        (
            "a plural possessive in the apposition",
            "Tad Devine, Sanders' senior media adviser, said Republicans are wrong.",
            &[("indirect", "Republicans are wrong", "devine-1")],
        ),
        (
            "an apposition opening with modifiers of a role",
            "Joe Hale, national director of the league, said that he was tired.",
            &[("indirect", "he was tired", "hale-1")],
        ),
        (
            "a percentage as the subject",
            "In the poll, 42% say the plan is fair.",
            &[("indirect", "the plan is fair", "42-1")],
        ),
        (
            "a subject pronoun after a time phrase",
            "On Tuesday night he said the plan posed a threat.",
            &[("indirect", "the plan posed a threat", "he-1")],
        ),
        (
            "surnames in -ly and -ing are names, not adverbs",
            "King said the plan was fair. Kelly said it was not.",
            &[
                ("indirect", "the plan was fair", "king-1"),
                ("indirect", "it was not", "kelly-1"),
            ],
        ),
        (
            "an approximate number as the subject",
            "About 40 percent said they were angry.",
            &[("indirect", "they were angry", "percent-1")],
        ),
        (
            "a fronted subordinate clause in the content",
            "Joe Hale said that while he opposed the plan, he was supporting it now.",
            &[(
                "indirect",
                "while he opposed the plan, he was supporting it now",
                "hale-1",
            )],
        ),
        (
            "quote without comma",
            "\"Go home\" she said.",
            &[("direct", "Go home", "she-1")],
        ),
        (
            "cue and colon before the quote",
            "The minister said: \"We will not back down.\"",
            &[("direct", "We will not back down.", "minister-1")],
        ),
        (
            "cue right before a sentence quote",
            "The minister said \"We will not back down.\"",
            &[("direct", "We will not back down.", "minister-1")],
        ),
        (
            "partial quote after a cue",
            "The minister said \"we will see.\"",
            &[("partial", "we will see.", "minister-1")],
        ),
        (
            "a partial quote that words follow is part of reported speech",
            "The minister said \"zero\" voters would come.",
            &[("indirect", "\"zero\" voters would come", "minister-1")],
        ),
        (
            "a partial quote that words precede is part of reported speech",
            "The plan was \"dead on arrival,\" the minister said.",
            &[("indirect", "The plan was \"dead on arrival,\"", "minister-1")],
        ),
        (
            "a participle after the comma of a quote",
            "\"We won,\" the coach said on \"Sports Hour,\" adding, \"The fans deserved it.\"",
            &[
                ("direct", "We won,", "coach-1"),
                ("scare", "Sports Hour,", "-"),
                ("direct", "The fans deserved it.", "coach-1"),
            ],
        ),
        (
            "an inverted cue after a partial quote",
            "The plan was \"dead on arrival,\" said Ruth Mills.",
            &[("indirect", "The plan was \"dead on arrival,\"", "mills-1")],
        ),
        (
            "an impersonal cue takes its subject into the content",
            "The race appears close in Ohio. The senator is expected to win the primary.",
            &[
                ("thought", "The race appears close in Ohio", "-"),
                ("thought", "The senator is expected to win the primary", "-"),
            ],
        ),
        (
            "an impersonal cue before a preposition is none",
            "The senator appeared on television with her family.",
            &[],
        ),
        (
            "a thought cue",
            "Most voters believe the economy is getting worse.",
            &[("thought", "the economy is getting worse", "voters-1")],
        ),
        (
            "an intention",
            "The governor wants to cut the sales tax.",
            &[("thought", "to cut the sales tax", "governor-1")],
        ),
        (
            "an object that ends the sentence is what was told",
            "The union told a different story.",
            &[("indirect", "a different story", "union-1")],
        ),
        (
            "a cue that is mostly a noun needs an object",
            "The call came late. Critics call him a liar.",
            &[("indirect", "him a liar", "critics-1")],
        ),
        (
            "an adverbial and a participle after a sentence-final cue",
            "The plan is \"a disaster,\" Ruth Mills said on Tuesday in Leeds, noting that costs had doubled.",
            &[
                ("indirect", "The plan is \"a disaster,\"", "mills-1"),
                ("indirect", "costs had doubled", "mills-1"),
            ],
        ),
        (
            "reported speech goes on past but unless an attribution follows",
            "The mayor said the plan was costly, but the city would pay. He said it would work, but critics said it would fail.",
            &[
                ("indirect", "the plan was costly, but the city would pay", "mayor-1"),
                ("indirect", "it would work", "mayor-1"),
                ("indirect", "it would fail", "critics-1"),
            ],
        ),
        (
            "a short quote at the end of reported speech does not carry it",
            "The mayor called the new stadium plan \"a folly.\"",
            &[("indirect", "the new stadium plan \"a folly.\"", "mayor-1")],
        ),
        (
            "a capitalised cue word inside a sentence belongs to a name",
            "The mayor was a guest on The Tonight Show Starring the host.",
            &[],
        ),
        (
            "only verbs of saying invert after a comma",
            "A new poll, taken last week, shows Ruth Mills with a lead.",
            &[("indirect", "Ruth Mills with a lead", "poll-1")],
        ),
        (
            "a question opening the sentence",
            "Asked whether he would run again, the mayor said no.",
            &[
                ("indirect", "whether he would run again", "-"),
                ("indirect", "no", "mayor-1"),
            ],
        ),
        (
            "according to after an opening phrase",
            "In addition, according to the ministry, the port will close in May.",
            &[("indirect", "the port will close in May", "ministry-1")],
        ),
        (
            "according to with a long source",
            "According to early results of polls taken for the Daily Star and two networks, turnout was high. According to early results of the exit poll conducted by Edison Research for the network, Clinton led.",
            &[
                ("indirect", "turnout was high", "results-1"),
                ("indirect", "Clinton led", "results-1"),
            ],
        ),
        (
            "a sentence opening with a source in a phrase",
            "In a poll taken last week, turnout was high among young voters. In a statement, the mayor said she was pleased.",
            &[
                ("indirect", "turnout was high among young voters", "poll-1"),
                ("indirect", "she was pleased", "mayor-1"),
            ],
        ),
        (
            "a stray comma before that",
            "He added, that the port would reopen.",
            &[("indirect", "the port would reopen", "he-1")],
        ),
        (
            "naming and titles",
            "The campaign released an ad titled \"Our Town.\"",
            &[("direct", "Our Town.", "campaign-1")],
        ),
        (
            "manner adverbs and about-phrases after the cue of a quote",
            "\"Fine,\" the mayor said simply. \"Ready,\" the clerk said about the count.",
            &[("direct", "Fine,", "mayor-1"), ("direct", "Ready,", "clerk-1")],
        ),
        (
            "a to-phrase inside an adverbial is no content",
            "His support moved to Cruz, Hale said during his speech to the delegates.",
            &[("indirect", "His support moved to Cruz", "hale-1")],
        ),
        (
            "a cue followed by a clause does not attribute the quote before it",
            "Asked if the plan was \"fair,\" most voters said no.",
            &[
                ("indirect", "if the plan was \"fair,\"", "-"),
                ("indirect", "no", "voters-1"),
            ],
        ),
        (
            "short unattributed quoted words are marks of distance",
            "The senator signed the \"deal\" at length. Her \"hard-nosed, careful and patient plan for reform\" was praised.",
            &[("scare", "deal", "-"), ("partial", "hard-nosed, careful and patient plan for reform", "-")],
        ),
        (
            "quotes on two lines of one paragraph are not joined",
            "He called it \"a deal.\"\n\"We won,\" the envoy said.",
            &[("indirect", "it \"a deal.\"", "he-1"), ("direct", "We won,", "envoy-1")],
        ),
        (
            "according to, first",
            "According to the ministry, the talks will resume in May.",
            &[("indirect", "the talks will resume in May", "ministry-1")],
        ),
        (
            "according to, last",
            "The talks will resume in May, according to a government spokesman.",
            &[("indirect", "The talks will resume in May", "spokesman-1")],
        ),
        (
            "two reported clauses",
            "He said there was blame on both sides, although he stressed the role of the navy.",
            &[
                ("indirect", "there was blame on both sides", "he-1"),
                ("indirect", "the role of the navy", "he-1"),
            ],
        ),
        (
            "reported speech with that",
            "The envoy said that the talks had stalled, but refused to say why.",
            &[
                ("indirect", "the talks had stalled", "envoy-1"),
                ("indirect", "to say why", "envoy-1"),
            ],
        ),
        (
            "told with an object",
            "The envoy told reporters the talks had stalled.",
            &[("indirect", "the talks had stalled", "envoy-1")],
        ),
        (
            "content then sentence-final cue",
            "The deal is dead but talks continue, a senior official said on Tuesday.",
            &[("indirect", "The deal is dead but talks continue", "official-1")],
        ),
        (
            "partial then elliptical cue with colon",
            "The minister said the plan had \"failed completely,\" but added: \"We will try again.\"",
            &[
                ("indirect", "the plan had \"failed completely,\"", "minister-1"),
                ("direct", "We will try again.", "minister-1"),
            ],
        ),
        (
            "a partial quote inside reported speech is part of it",
            "The official said both leaders had made \"unhelpful\" choices in the dispute.",
            &[(
                "indirect",
                "both leaders had made \"unhelpful\" choices in the dispute",
                "official-1",
            )],
        ),
        (
            "reported speech in a subordinate clause",
            "The talks collapsed when Seoul announced it would leave the pact.",
            &[("indirect", "it would leave the pact", "seoul-1")],
        ),
        (
            "the passive is not speech",
            "The island is also claimed by Japan. The envoy was told to wait.",
            &[],
        ),
        (
            "apostrophes are not marks",
            "The minister's aides said they didn't expect the '90s rules to change.",
            &[("indirect", "they didn't expect the '90s rules to change", "aides-1")],
        ),
        (
            "curly marks",
            "“We are ready,” the envoy said. “Talks can start.”",
            &[("direct", "We are ready,” the envoy said. “Talks can start.", "envoy-1")],
        ),
        (
            "mixed curly and straight marks",
            "“We are ready,\" the envoy said.",
            &[("direct", "We are ready,", "envoy-1")],
        ),
        (
            "nested single quotes stay inside",
            "\"He called it 'unfair,' and left,\" the envoy said.",
            &[("direct", "He called it 'unfair,' and left,", "envoy-1")],
        ),
        (
            "two apostrophes as a double mark",
            "''We will not back down,'' the minister said.",
            &[("direct", "We will not back down,", "minister-1")],
        ),
        (
            "three apostrophes close a single and a double mark",
            "''He called it 'unfair,''' the envoy said.",
            &[("direct", "He called it 'unfair,'", "envoy-1")],
        ),
        (
            "guillemets",
            "«We are ready,» the envoy said.",
            &[("direct", "We are ready,", "envoy-1")],
        ),
        (
            "a quote of a quote is no reported speech",
            "The envoy said: \"They said no.\"",
            &[("direct", "They said no.", "envoy-1")],
        ),
    ];
    for (name, text, expected) in cases {
        check(name, text, &run(text), expected);
    }
}

/// What the object of a cue reads as. PolNeAR annotates the object of an
/// evaluating cue as the content of an attribution ("criticized [the
/// president's foreign policy]"), so it is read as one; the addressee of a
/// "told"-like cue is never what was told.
#[test]
fn the_object_of_a_cue() {
    let cases: &[Case] = &[
        (
            "an evaluating cue's object is its content",
            "Critics condemned North Korea.",
            &[("indirect", "North Korea", "critics-1")],
        ),
        (
            "a praised decision",
            "The senator praised the decision.",
            &[("indirect", "the decision", "senator-1")],
        ),
        (
            "an accusation with its charge",
            "The minister accused Seoul of breaking its word.",
            &[("indirect", "Seoul of breaking its word", "minister-1")],
        ),
        (
            "a supported plan is a thought",
            "The senator supports the plan.",
            &[("thought", "the plan", "senator-1")],
        ),
        (
            "a tale that was told",
            "The network told a slightly different tale.",
            &[("indirect", "a slightly different tale", "network-1")],
        ),
        (
            "told with an infinitive",
            "The envoy told Smith to leave.",
            &[("indirect", "Smith to leave", "envoy-1")],
        ),
        (
            "told reporters and nothing else",
            "The minister told reporters.",
            &[],
        ),
        (
            "content, then told a newspaper",
            "The talks had stalled, a spokesman told The Daily Courier.",
            &[("indirect", "The talks had stalled", "spokesman-1")],
        ),
        (
            "content, then told reporters on a day",
            "The talks had stalled, the envoy told reporters on Tuesday.",
            &[("indirect", "The talks had stalled", "envoy-1")],
        ),
        (
            "content, then told a pronoun",
            "Her husband was free, the president told her.",
            &[("indirect", "Her husband was free", "president-1")],
        ),
    ];
    for (name, text, expected) in cases {
        check(name, text, &run(text), expected);
    }
}

#[test]
fn speaker_mentions() {
    // (case, article, content of the first quote, its speaker mention)
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "name with an apposition",
            "\"We are ready,\" Anna Berg, a spokeswoman for the ministry, said.",
            "We are ready,",
            "Anna Berg, a spokeswoman for the ministry",
        ),
        (
            "name with a parenthesis and an apposition",
            "Sen. Tom Hale (R-Ohio), a member of the panel, said the bill was dead.",
            "the bill was dead",
            "Sen. Tom Hale (R-Ohio), a member of the panel",
        ),
        (
            "relative clause after a name",
            "The mayor, who faces a recall vote, said the budget was balanced.",
            "the budget was balanced",
            "The mayor, who faces a recall vote",
        ),
        (
            "relative pronoun of a name at the end of a clause",
            "Republicans blocked the bill, dealing a blow to President Joe Biden, who said it was a sad day.",
            "it was a sad day",
            "President Joe Biden, who",
        ),
        (
            "what a pronoun called",
            "Officials said the move was illegal, citing what they called a breach of the treaty.",
            "the move was illegal",
            "Officials",
        ),
        (
            "relative pronoun of a description naming a person",
            "A spokesman for Senator Tom Lee, who chairs the panel, said it was over.",
            "it was over",
            "A spokesman for Senator Tom Lee, who chairs the panel",
        ),
        (
            "a parenthetical between mention and cue",
            "Ruth Mills, for example, said the plan would fail.",
            "the plan would fail",
            "Ruth Mills",
        ),
        (
            "name before a description",
            "Taxes will rise, Ruth Mills, the party's treasurer, warned.",
            "Taxes will rise",
            "Ruth Mills, the party's treasurer",
        ),
        (
            "description with a preposition and a name",
            "A professor at Leeds University said the data were flawed.",
            "the data were flawed",
            "A professor at Leeds University",
        ),
        (
            "bare plural with a description",
            "Sources close to the campaign say the nominee will withdraw.",
            "the nominee will withdraw",
            "Sources close to the campaign",
        ),
        (
            "quantifier",
            "At least half of the voters say the plan is fair.",
            "the plan is fair",
            "At least half of the voters",
        ),
        (
            "time phrase between mention and cue",
            "The governor on Monday said the roads would reopen.",
            "the roads would reopen",
            "The governor",
        ),
        (
            "progressive with an auxiliary",
            "Officials have been saying the port is safe.",
            "the port is safe",
            "Officials",
        ),
        (
            "inverted cue after a comma",
            "The plan is dead, said Ruth Mills, the party's treasurer.",
            "The plan is dead",
            "Ruth Mills, the party's treasurer",
        ),
        (
            "a name and a verb after the cue are a clause, not an inverted speaker",
            "Marco Rubio, R-Fla., said Obama lied.",
            "Obama lied",
            "Marco Rubio, R-Fla.",
        ),
        (
            "a possessive and a title after the cue, and a name apposed",
            "\"This is a disgrace,\" said Labour's transport spokesman, Sarah Hughes.",
            "This is a disgrace,",
            "Labour's transport spokesman, Sarah Hughes",
        ),
        (
            "an approximate fraction with a number apposed",
            "Just over a quarter, 26 percent, say they will vote for someone else.",
            "they will vote for someone else",
            "Just over a quarter, 26 percent",
        ),
        (
            "a plural speaker inverted after a comma",
            "The plan will fail, say analysts at the bank.",
            "The plan will fail",
            "analysts at the bank",
        ),
        (
            "a cue inside a relative clause leaves the subject to the main cue",
            "Ruth Mills, who identifies as a moderate, told the Daily Courier that the plan was dead.",
            "the plan was dead",
            "Ruth Mills, who identifies as a moderate",
        ),
        (
            "participle borrows the sentence subject",
            "The mayor left the meeting early, saying the vote was rigged.",
            "the vote was rigged",
            "The mayor",
        ),
        (
            "a long subject with a relative clause",
            "Some voters who heard the mayor speak last year said he had changed.",
            "he had changed",
            "Some voters who heard the mayor speak",
        ),
        (
            "an object pronoun inside a description",
            "The vote will be close, a source close to him said.",
            "The vote will be close",
            "a source close to him",
        ),
        (
            "an attribution followed by a participle",
            "The talks will resume on Friday, the envoy said, adding that nothing was agreed.",
            "The talks will resume on Friday",
            "the envoy",
        ),
        (
            "an attribution inside the content goes on with a subordinate clause",
            "The mayor is leaning toward the plan, he said, because it is cheaper.",
            "The mayor is leaning toward the plan, he said, because it is cheaper",
            "he",
        ),
        (
            "a participle borrows the subject after an opening phrase",
            "At a rally in Leeds on Sunday, the mayor spoke for an hour, saying it would pay off.",
            "it would pay off",
            "the mayor",
        ),
        (
            "a lowercase title before a name",
            "\"We will win,\" said former mayor Ruth Mills.",
            "We will win,",
            "former mayor Ruth Mills",
        ),
        (
            "an addressee with a determiner",
            "\"We will win,\" the mayor told a crowd in Leeds.",
            "We will win,",
            "the mayor",
        ),
        (
            "a manner adverb between mention and cue",
            "The rivals playfully mocked each other on stage.",
            "each other on stage",
            "The rivals",
        ),
        (
            "coordinated names",
            "The leaders of Norway and Chile pledged on Tuesday to cut tariffs.",
            "to cut tariffs",
            "The leaders of Norway and Chile",
        ),
        (
            "several appositions",
            "Ann Lee, 29, of Leeds, Yorks., says the plan is fair.",
            "the plan is fair",
            "Ann Lee, 29, of Leeds, Yorks.",
        ),
        (
            "an apposition between dashes",
            "Tom Hale — a teacher from Leeds — says the plan is fair.",
            "the plan is fair",
            "Tom Hale — a teacher from Leeds",
        ),
        (
            "a cue inside a description is part of it",
            "A delegate supporting the mayor said the count was fair.",
            "the count was fair",
            "A delegate supporting the mayor",
        ),
    ];
    for (name, text, content, mention) in cases {
        let a = run(text);
        let quote = a
            .quotes
            .first()
            .unwrap_or_else(|| panic!("case {name}: no quote"));
        assert_eq!(quote.span.of(text), *content, "case {name}");
        let found = quote.speaker_mention.map(|m| m.of(text));
        assert_eq!(found, Some(*mention), "case {name}");
    }
}

#[test]
fn a_quote_continues_the_attribution_before_it_in_its_paragraph() {
    let text = "\"We won,\" the coach said. The crowd cheered. \"The fans deserved it.\"";
    let a = run(text);
    let mentions: Vec<Option<&str>> = a
        .quotes
        .iter()
        .map(|q| q.speaker_mention.map(|m| m.of(text)))
        .collect();
    assert_eq!(mentions, [Some("the coach"), Some("the coach")]);
    assert_eq!(a.quotes[1].cue.map(|c| c.of(text)), Some("said"));
}

#[test]
fn cue_span_mention_and_about() {
    let text = "\"The drills were unhelpful,\" the official said of the naval exercises on Sunday.";
    let a = run(text);
    let quote = &a.quotes[0];
    assert_eq!(quote.cue.map(|s| s.of(text)), Some("said"));
    assert_eq!(
        quote.speaker_mention.map(|s| s.of(text)),
        Some("the official")
    );
    assert_eq!(quote.about.map(|s| s.of(text)), Some("the naval exercises"));
    assert_eq!(a.quotes.len(), 1, "no reported speech from \"said of\"");
}

#[test]
fn paragraphs_and_continuation() {
    let cases: &[Case] = &[
        (
            "unattributed quotes continue the previous speaker",
            "\"We are ready,\" the envoy said. \"We have waited long enough.\"\n\n\"The next step is theirs.\"",
            &[
                ("direct", "We are ready,\" the envoy said. \"We have waited long enough.", "envoy-1"),
                ("direct", "The next step is theirs.", "envoy-1"),
            ],
        ),
        (
            "no continuation over a paragraph without quotes",
            "\"We are ready,\" the envoy said.\n\nTalks resume on Monday.\n\n\"Nothing is agreed.\"",
            &[("direct", "We are ready,", "envoy-1"), ("direct", "Nothing is agreed.", "-")],
        ),
        (
            "stray closing mark does not pair with the next paragraph",
            "\"We are ready,\" the envoy said.\n\nThe problem is the timing. It is too late.\"\n\n\"We will wait,\" he said.",
            &[
                ("direct", "We are ready,", "envoy-1"),
                ("unbalanced", "The problem is the timing. It is too late.", "envoy-1"),
                ("direct", "We will wait,", "envoy-1"),
            ],
        ),
        (
            "multi-paragraph quote, speaker first",
            "The envoy said: \"We are ready to talk.\n\n\"But we will not wait forever.\"",
            &[
                ("direct", "We are ready to talk.", "envoy-1"),
                ("direct", "But we will not wait forever.", "envoy-1"),
            ],
        ),
        (
            "multi-paragraph quote, speaker last",
            "Talks resumed on Monday.\n\n\"We are ready to talk.\n\n\"But we will not wait forever,\" the envoy said.",
            &[
                ("direct", "We are ready to talk.", "envoy-1"),
                ("direct", "But we will not wait forever,", "envoy-1"),
            ],
        ),
        (
            "open quote without a continuation is unbalanced",
            "The envoy said: \"We are ready to talk.\n\nTalks resume on Monday.",
            &[("unbalanced", "We are ready to talk.", "envoy-1")],
        ),
        (
            "closing mark at a paragraph start",
            "The envoy spoke.\n\n\" We are ready.",
            &[("unbalanced", "We are ready.", "-")],
        ),
    ];
    for (name, text, expected) in cases {
        check(name, text, &run(text), expected);
    }
}

#[test]
fn multi_paragraph_pieces_share_one_chain() {
    let text = "\"One.\n\n\"Two.\n\n\"Three,\" the envoy said.";
    let a = run(text);
    let paragraphs: Vec<usize> = a.quotes.iter().map(|q| q.paragraph).collect();
    assert_eq!(paragraphs, [1, 2, 3]);
    assert!(a.quotes.iter().all(|q| q.speaker == Some(0)));
}

#[test]
fn headline_quotes() {
    let cases: &[Case] = &[
        (
            "single scare quotes",
            "Japan's 'unfair' demands anger Seoul\n\nTalks resume on Monday.",
            &[("scare", "unfair", "-")],
        ),
        (
            "short double quotes",
            "Minister's plan \"a mistake\"\n\nTalks resume on Monday.",
            &[("scare", "a mistake", "-")],
        ),
        (
            "reported speech in a headline takes in its scare quotes",
            "Japan rejects 'unfair' demands\n\nTalks resume on Monday.",
            &[("indirect", "'unfair' demands", "japan-1")],
        ),
        (
            "a headline opening with its source and a colon",
            "Poll: Voters back the plan by a wide margin\n\nTalks resume on Monday.",
            &[(
                "indirect",
                "Voters back the plan by a wide margin",
                "poll-1",
            )],
        ),
        (
            "a headline source with a quote after the colon",
            "Minister: 'We Will Not Back Down'\n\nTalks resume on Monday.",
            &[("direct", "We Will Not Back Down", "minister-1")],
        ),
        (
            "thought cues in a headline are the writer's framing",
            "US hopes ties can recover from 'rock bottom'\n\nTalks resume on Monday.",
            &[("scare", "rock bottom", "-")],
        ),
        (
            "possessive is no mark",
            "Japan's leaders' talks stall\n\nTalks resume on Monday.",
            &[],
        ),
    ];
    for (name, text, expected) in cases {
        check(name, text, &run_with_headline(text), expected);
    }
}

/// A body without double marks whose single marks close after a sentence's
/// punctuation quotes in single marks (the British tabloid style); other
/// bodies keep single marks as apostrophes and scare quotes.
#[test]
fn single_marks_quote_the_body_in_the_british_style() {
    let cases: &[(&str, &str, &[Expected])] = &[
        (
            "single marks in the body",
            "Minister under fire over 'shambolic' plan\n\n'This is a disgrace,' said Sarah \
             Hughes. 'The minister must apologise.'\n\nThe passengers' group said: \
             'Commuters have suffered enough.'",
            &[
                ("scare", "shambolic", "-"),
                // One quote, its attribution inside, as with double marks.
                (
                    "direct",
                    "This is a disgrace,' said Sarah Hughes. 'The minister must apologise.",
                    "hughes-1",
                ),
                ("direct", "Commuters have suffered enough.", "group-1"),
            ],
        ),
        (
            "single marks inside double ones",
            "Talks stall\n\n\"It was 'unfair' and wrong,\" Tom Hale said.",
            &[("direct", "It was 'unfair' and wrong,", "hale-1")],
        ),
        (
            "apostrophes only",
            "Talks stall\n\nThe '90s were good, and the voters' choice was clear.",
            &[],
        ),
    ];
    for (name, text, expected) in cases {
        check(name, text, &run_with_headline(text), expected);
    }
}

#[test]
fn speaker_resolution() {
    let text = "\"We will win,\" said Donald Trump.\n\n\
                \"They will lose,\" Trump said.\n\n\
                \"I disagree,\" Hillary Clinton said.\n\n\
                \"It is over,\" Mrs. Clinton said.\n\n\
                \"No,\" a senior State Department official said.\n\n\
                \"Yes,\" the official said.\n\n\
                \"Maybe,\" another official said.\n\n\
                \"Fine,\" she said.";
    let a = run(text);
    let ids: Vec<&str> = a
        .quotes
        .iter()
        .map(|q| a.speakers[q.speaker.unwrap()].id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "trump-1",
            "trump-1",
            "clinton-1",
            "clinton-1",
            "official-1",
            "official-1",
            "official-2",
            "official-2"
        ]
    );
    let descriptions: Vec<&str> = a.speakers.iter().map(|s| s.description.as_str()).collect();
    assert_eq!(
        descriptions,
        [
            "Donald Trump",
            "Hillary Clinton",
            "a senior State Department official",
            "another official"
        ]
    );
    assert_eq!(
        a.speakers[2].first_mention.of(text),
        "a senior State Department official"
    );
}

#[test]
fn speaker_resolution_cases() {
    // (case, article, speaker id of each quote in text order)
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "a pronoun skips a speaker of the other gender",
            "\"We won,\" Ruth Mills said.\n\n\"They lost,\" Tom Hale said.\n\n\"It was close,\" she said.",
            &["mills-1", "hale-1", "mills-1"],
        ),
        (
            "a pronoun no recent speaker fits is someone new",
            "\"We won,\" Tom Hale said.\n\n\"It was close,\" she said.",
            &["hale-1", "she-1"],
        ),
        (
            "a participle after reported speech goes with its speaker, not the reported subject",
            "Tom Hale said Berlin hoped to avoid a war, adding: \"Nobody wins.\"",
            &["hale-1", "hale-1"],
        ),
        (
            "a sentence-opening pronoun goes to the person the sentence before names",
            "\"We won,\" Ruth Mills said.\n\nThe German chancellor, Olaf Scholz, was more cautious. He said the talks had failed.",
            &["mills-1", "scholz-1"],
        ),
        (
            "unless the pronoun comes before that name there, or no person is named",
            "\"We won,\" Tom Hale said.\n\nThen he met Governor Bill Lee. He said the talks had failed.\n\nWall Street rallied. He said the plan would work.",
            &["hale-1", "hale-1", "hale-1"],
        ),
        (
            "but to the subject when the sentence opens with a person's surname alone",
            "\"We won,\" Ruth Mills said.\n\nTom Hale arrived.\n\nHale brought in Bill Lee as manager. He said the team was ready.\n\nOfficials met Governor Bill Lee. He said the talks had failed.",
            &["mills-1", "hale-1", "lee-1"],
        ),
        (
            "a surname alone takes the gender of the full name the article writes",
            "Tom Ebeling arrived late.\n\n\"We won,\" Ebeling said.\n\n\"It was close,\" she said.",
            &["ebeling-1", "she-1"],
        ),
        (
            "a title gives the gender",
            "\"We won,\" Mrs. Mills said.\n\n\"They lost,\" Mr. Hale said.\n\n\"Not so,\" she said.\n\n\"So,\" he said.",
            &["mills-1", "hale-1", "mills-1", "hale-1"],
        ),
        (
            "titles and descriptions before a name",
            "\"We won,\" said campaign chairman Paul Kemp.\n\n\"We lost,\" Kemp said.\n\n\"Again,\" the chairman said.",
            &["kemp-1", "kemp-1", "kemp-1"],
        ),
        (
            "they goes back to a group, it to a body",
            "Officials said the port was safe. Tom Hale said it was not. The report found the port was unsafe. They said the report was wrong. It also found rust.",
            &["officials-1", "hale-1", "report-1", "officials-1", "report-1"],
        ),
        (
            "an indefinite description starts a new speaker, a definite one continues",
            "\"Yes,\" a senior official said.\n\n\"No,\" another official said.\n\n\"Maybe,\" the official said.",
            &["official-1", "official-2", "official-2"],
        ),
        (
            "a person outside the actor lexicon gets an id of their own",
            "\"Fine,\" said Zebulon Quarrington, a farmer.",
            &["quarrington-1"],
        ),
        (
            "a proxy's description does not name the speaker",
            "\"No,\" a spokesman for Ruth Mills said.\n\n\"Yes,\" Ruth Mills said.\n\nAides to Tom Hale said he would run. Hale said he would not.",
            &["spokesman-1", "mills-1", "aides-1", "hale-1"],
        ),
        (
            "a coordination is a group, not its last name",
            "Ruth Mills and Tom Hale said the plan would fail. \"No,\" Hale said. \"We agree,\" they said.",
            &["group-1", "hale-1", "group-1"],
        ),
        (
            "given names keep namesakes apart",
            "\"Go,\" Bill Hale said.\n\n\"Stay,\" Ann Hale said.\n\n\"Wait,\" Bill Hale said.",
            &["hale-1", "hale-2", "hale-1"],
        ),
    ];
    for (name, text, expected) in cases {
        let a = run(text);
        let ids: Vec<&str> = a
            .quotes
            .iter()
            .map(|q| q.speaker.map_or("-", |s| a.speakers[s].id.as_str()))
            .collect();
        assert_eq!(ids, *expected, "case {name}: {text:?}");
    }
}

#[test]
fn speaker_gender_from_names_titles_and_pronouns() {
    use crate::types::Gender;
    let cases: &[(&str, Option<Gender>)] = &[
        (
            "\"We will not back down,\" said Maria Lopez.",
            Some(Gender::Female),
        ),
        ("\"Talks resumed,\" Mrs. Okafor said.", Some(Gender::Female)),
        (
            "\"Talks resumed,\" a ministry spokesman said.",
            Some(Gender::Male),
        ),
        (
            "A senior official briefed reporters. \"It was useful,\" he said.",
            Some(Gender::Male),
        ),
        ("\"Talks resumed,\" the official said.", None),
        ("\"Talks resumed,\" the ministry said.", None),
        ("\"Talks resumed,\" said Jordan Mills.", None),
        ("\"Talks resumed,\" said Chad Mills.", Some(Gender::Male)),
        // "she" is not Trump, whose full name the article writes: someone
        // new, a woman.
        (
            "Donald Trump spoke. Trump said the plan was good. \"No,\" she said.",
            Some(Gender::Female),
        ),
    ];
    for &(text, want) in cases {
        let a = run(text);
        let speaker = a.quotes.iter().rev().find_map(|q| q.speaker);
        let gender = speaker.and_then(|s| a.speakers[s].gender);
        assert_eq!(gender, want, "{text:?}: {:?}", a.speakers);
    }
}

/// A speaker's name: the person's name of their fullest named mention,
/// titles left out; none for descriptions, bodies and places.
#[test]
fn speaker_names() {
    let cases: &[(&str, Option<&str>)] = &[
        (
            "\"Talks resumed,\" said Japanese Prime Minister Shinzo Abe.",
            Some("Shinzo Abe"),
        ),
        ("\"Talks resumed,\" Mr. Trump said.", Some("Trump")),
        (
            "Donald J. Trump spoke in Ohio. \"We will win,\" Mr. Trump said.",
            Some("Donald J. Trump"),
        ),
        (
            "They met Peter Gorka. \"No,\" Gorka said.",
            Some("Peter Gorka"),
        ),
        (
            "Sen. Rand Paul spoke. \"No,\" Paul said.",
            Some("Rand Paul"),
        ),
        (
            "Gov.\u{a0}John Kasich spoke. \"No,\" Kasich said.",
            Some("John Kasich"),
        ),
        (
            "Bill Clinton and Hillary Clinton arrived. \"We won,\" Mrs. Clinton said.",
            Some("Hillary Clinton"),
        ),
        (
            "Bill Clinton and Hillary Clinton arrived. \"We won,\" Clinton said.",
            None,
        ),
        (
            "Tom Hale of the Justice Department spoke. \"No,\" the Justice Department said.",
            None,
        ),
        (
            "\"Talks resumed,\" said billionaire investor Mark Cuban.",
            Some("Mark Cuban"),
        ),
        (
            "Democrat Hillary Clinton said talks had resumed.",
            Some("Hillary Clinton"),
        ),
        (
            "\"Talks resumed,\" said House Speaker Paul Ryan.",
            Some("Paul Ryan"),
        ),
        (
            "\"This is a time of cooperation,\" Rear Admiral Guan Youfei told reporters.",
            Some("Guan Youfei"),
        ),
        (
            "\"It is spreading,\" said J.M. Berger, a fellow with the program.",
            Some("J.M. Berger"),
        ),
        ("\"Steel is back,\" U.S. Steel said.", None),
        ("\"Orders are up,\" General Electric said.", None),
        (
            "Melba Acosta runs the bank. \"We are done,\" Ms. Acosta said.",
            Some("Melba Acosta"),
        ),
        // A middle name no list knows, and two spellings of one name.
        (
            "Jim Yong Kim spoke. \"No,\" Mr. Kim said.",
            Some("Jim Yong Kim"),
        ),
        (
            "Hillary Rodham Clinton spoke. Hillary Clinton left. \"We won,\" Mrs. Clinton said.",
            Some("Hillary Rodham Clinton"),
        ),
        (
            "\"He voted twice for the dealers,\" said New York City Public Advocate Trish James.",
            Some("Trish James"),
        ),
        (
            "Maria Lopez, a spokeswoman, said the talks had resumed. \"We are glad,\" Lopez added.",
            Some("Maria Lopez"),
        ),
        (
            "\"Talks resumed,\" Lopez said. \"We are glad,\" added Maria Lopez.",
            Some("Maria Lopez"),
        ),
        ("\"Talks resumed,\" the official said.", None),
        ("\"Talks resumed,\" China said.", None),
        ("\"Talks resumed,\" said The White House.", None),
        ("Sen. John Cornyn of Texas said talks resumed.", None),
        ("\"Talks resumed,\" the Justice Department said.", None),
        ("\"Talks resumed,\" said the Tax Policy Center.", None),
        ("\"Talks resumed,\" said NATO chief Mark RUTTE.", None),
        ("A lawyer for Tom Hale said the case was weak.", None),
        (
            "Democratic candidates Hillary Clinton and Bernie Sanders said the debate was fair.",
            None,
        ),
        ("Ruth Mills and Tom Hale said the plan would fail.", None),
        (
            "Japanese journalist and author Hiro Aida said the plan would fail.",
            Some("Hiro Aida"),
        ),
        ("Sources close to Ruth Mills said she would run.", None),
        (
            "\"Talks resumed,\" said Secretary of State John Kerry.",
            Some("John Kerry"),
        ),
        // A possessive before the name is an employer or a place.
        (
            "\"Talks resumed,\" MSNBC's Chris Matthews said.",
            Some("Chris Matthews"),
        ),
        (
            "\"Talks resumed,\" said North Carolina\u{2019}s Ada Fisher.",
            Some("Ada Fisher"),
        ),
        ("\"Talks resumed,\" said Media Center's Bozell.", None),
        // Capitalised roles before a given name are no part of the name.
        (
            "\"Talks resumed,\" said Maricopa County Recorder Helen Purcell.",
            Some("Helen Purcell"),
        ),
        (
            "\"Talks resumed,\" said Chicago Alderman Jason C. Ervin.",
            Some("Jason C. Ervin"),
        ),
        // One word before a listed given name may be a given name too.
        (
            "\"Talks resumed,\" said Billie Jean King.",
            Some("Billie Jean King"),
        ),
        // A name apposed to a description is the speaker's.
        (
            "\"Talks resumed,\" said the party's spokesman, Sarah Hughes.",
            Some("Sarah Hughes"),
        ),
        // Bodies and title-case headlines are no names.
        ("\"Talks resumed,\" said the Associated Press.", None),
        ("\"Talks resumed,\" said Marsh Landing Country Club.", None),
        (
            "Carly Fiorina Endorses Ted Cruz said the race was over.",
            None,
        ),
        (
            "Trump Addresses Munich Attack: \u{2018}This Cannot Continue.\u{2019}",
            None,
        ),
        // A capitalised description inside the run ends before the name,
        // even when the given name is not listed.
        (
            "Senate Intelligence Ranking Democrat Dianne Feinstein said the emails were old.",
            Some("Dianne Feinstein"),
        ),
        (
            "Committee Republican Ona Tarvek said the emails were old.",
            Some("Ona Tarvek"),
        ),
        // Groups are no names.
        ("\"We need change,\" Church Shooting Survivors said.", None),
        // Places and times are no names.
        ("\"Talks resumed,\" New Hampshire said.", None),
        ("\"Talks resumed,\" Last Monday said.", None),
    ];
    for &(text, want) in cases {
        let a = run(text);
        let speaker = a.quotes.iter().rev().find_map(|q| q.speaker);
        let name = speaker.and_then(|s| a.speakers[s].name.as_deref());
        assert_eq!(name, want, "{text:?}: {:?}", a.speakers);
    }
    // A headline's name gives way to the body's, even a shorter one.
    let name_of_first = |text: &str| {
        let a = run_with_headline(text);
        let speaker = a.quotes.first().and_then(|q| q.speaker);
        speaker.and_then(|s| a.speakers[s].name.clone())
    };
    assert_eq!(
        name_of_first(
            "McCain Challenger Kelli Ward Says Trump Is Right\n\nKelli Ward said the senator had failed."
        ),
        Some("Kelli Ward".to_string())
    );
}

#[test]
fn a_description_leaves_out_a_relative_clause() {
    let text = "Norway, whose ships sail to Chile, urged caution.";
    let a = run(text);
    assert_eq!(
        a.quotes[0].speaker_mention.map(|m| m.of(text)),
        Some("Norway, whose ships sail to Chile")
    );
    assert_eq!(a.speakers[0].description, "Norway");
}

#[test]
fn definite_description_picks_the_matching_head() {
    let text = "\"Go,\" a Kremlin spokesman said.\n\n\
                \"Stay,\" a White House official said.\n\n\
                \"Wait,\" the spokesman said.";
    let a = run(text);
    let ids: Vec<&str> = a
        .quotes
        .iter()
        .map(|q| a.speakers[q.speaker.unwrap()].id.as_str())
        .collect();
    assert_eq!(ids, ["spokesman-1", "official-1", "spokesman-1"]);
}

#[test]
fn cues_from_text() {
    let cues = Cues::from_text("# verbs\nquipped\nin the words of X\n").unwrap();
    let text = "In the words of one diplomat, the talks were a circus. \"Fine,\" he quipped.";
    let layout = read_layout(text, DocFormat::Record);
    let a = attribute(text, &layout, &split_sentences(text, &layout), &cues);
    let kinds: Vec<QuoteKind> = a.quotes.iter().map(|q| q.kind).collect();
    assert_eq!(kinds, [QuoteKind::Indirect, QuoteKind::Direct]);
    assert_eq!(a.quotes[0].span.of(text), "the talks were a circus");
    assert!(Cues::from_text("# nothing\n").is_err());
    assert!(Cues::from_text("said!\n").is_err());
}

#[test]
fn degenerate_inputs() {
    for text in [
        "",
        "\"",
        "\"\"",
        "“”",
        "\"\n\n\"",
        "'''",
        "”\n\n“",
        ":\"",
        "\" said he\"",
    ] {
        let a = run(text);
        for q in &a.quotes {
            assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        }
    }
}

#[test]
fn long_quote() {
    let body = "word ".repeat(20_000);
    let text = format!("\"{}\" he said.", body.trim_end());
    let a = run(&text);
    assert_eq!(a.quotes.len(), 1);
    assert_eq!(a.quotes[0].span.len(), body.trim_end().len());
    assert_eq!(a.speakers[0].id, "he-1");
}

#[test]
fn article_that_is_one_long_quote() {
    let text = "\"Step one. ".to_string() + &"\n\n\"More words here. ".repeat(50);
    let a = run(&text);
    assert_eq!(a.quotes.len(), 51);
    assert!(a.quotes[..50].iter().all(|q| q.kind == QuoteKind::Direct));
    assert_eq!(a.quotes[50].kind, QuoteKind::Unbalanced);
}

fn soup() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\"",
        "“",
        "”",
        "'",
        "‘",
        "’",
        "«",
        "»",
        "a",
        "Bo",
        " ",
        "\n",
        "\n\n",
        ". ",
        ",",
        ":",
        " said ",
        " he ",
        "the official",
        "according to",
        "é",
        "\u{a0}",
        "that ",
        "(",
        ")",
        "''",
        "'''",
        " believes ",
        " seems ",
        "Asked ",
        "Poll: ",
        ", who ",
        ", adding ",
        " is expected to ",
        "—",
        "Mrs. Bo",
        " she ",
        " them ",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn soup_never_breaks_the_invariants(text in soup()) {
        let layout = read_layout(&text, DocFormat::Record);
        let a = attribute(&text, &layout, &split_sentences(&text, &layout), &Cues::embedded());
        let mut direct: Vec<Span> =
            a.quotes.iter().filter(|q| q.kind == QuoteKind::Direct).map(|q| q.span).collect();
        direct.sort_unstable();
        for pair in direct.windows(2) {
            prop_assert!(!pair[0].overlaps(pair[1]), "overlapping direct quotes {:?}", pair);
        }
        for q in &a.quotes {
            let paragraph = layout.paragraphs[q.paragraph];
            prop_assert!(paragraph.contains(q.span), "{:?} outside its paragraph", q);
            for span in [Some(q.span), q.cue, q.speaker_mention, q.about].into_iter().flatten() {
                prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            }
            prop_assert!(q.speaker.is_none_or(|s| s < a.speakers.len()));
            let reported = matches!(q.kind, QuoteKind::Indirect | QuoteKind::Thought);
            prop_assert!(!reported || q.cue.is_some(), "{:?} without a cue", q);
            prop_assert!(!q.span.is_empty(), "empty {:?}", q);
        }
    }
}
