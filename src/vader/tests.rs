//! Each VADER rule on sentences of our own, against values computed with
//! vaderSentiment 3.3.2 itself: `SentimentIntensityAnalyzer(lexicon_file=
//! LEXICON, emoji_lexicon=EMOJI).polarity_scores(text)` with the two files
//! below written out (pip install vaderSentiment==3.3.2, Python 3.11).
//! The comment above a row gives the arithmetic behind it.

use super::*;

/// A tiny VADER-format lexicon (values of our choosing).
const LEXICON: &str = "good\t1.9\t0.7\t[2, 2, 1]\nbad\t-2.5\ngreat\t3.0\nfine\t1.5\n\
hopeful\t1.8\nproblem\t-1.7\nhelpful\t1.6\ncompelling\t1.5\ndoubt\t-1.5\nheart\t2.2\n\
die\t-2.9\ndeath\t-2.9\nkiss\t1.8\nass\t-2.5\nshit\t-2.6\nbomb\t-2.2\nstop\t-1.2\nno\t-1.2\n\
kind\t2.4\nyeah\t1.2\nright\t0.6\ngrinning\t1.4\n:)\t2.0\n:D\t2.3\n";
const EMOJI: &str = "\u{1f600}\tgrinning face\n";

fn scorer() -> VaderScorer {
    let (lexicon, warnings) = VaderLexicon::from_tsv(LEXICON, "test").unwrap();
    assert!(warnings.is_empty());
    let (emoji, warnings) = EmojiTable::from_tsv(EMOJI);
    assert!(warnings.is_empty());
    VaderScorer::new(&lexicon, emoji)
}

#[test]
fn every_rule_as_vader_sentiment_scores_it() {
    // (rule, text, compound, pos, neu, neg)
    #[rustfmt::skip]
    let cases: &[(&str, &str, f64, f64, f64, f64)] = &[
            // 1.9 / sqrt(1.9^2 + 15) = 0.4404; pos = 2.9 / (2.9 + 3 neutral words)
            ("plain", "The talks were good.", 0.4404, 0.492, 0.508, 0.0),
            ("plain-neutral", "The talks ended on Tuesday.", 0.0, 0.0, 1.0, 0.0),
            ("plain-empty", "", 0.0, 0.0, 0.0, 0.0),
            ("plain-blank", "   ", 0.0, 0.0, 0.0, 0.0),
            ("two-words", "good bad", -0.1531, 0.453, 0.0, 0.547),
            // some but not all tokens upper case: 1.9 + 0.733 = 2.633 -> 0.5622
            ("caps-differential", "The talks were GOOD.", 0.5622, 0.548, 0.452, 0.0),
            // all tokens upper case: no emphasis
            ("caps-all", "THE TALKS WERE GOOD", 0.4404, 0.492, 0.508, 0.0),
            // VADER looks up ":d", never the key ":D"
            ("caps-upper-key-never-matches", "What a day :D", 0.0, 0.0, 1.0, 0.0),
            // ":)" stripped would be empty, so it stays
            ("emoticon-kept-by-strip-rule", "Talks resume :)", 0.4588, 0.6, 0.4, 0.0),
            // 1.9 + 0.293 = 2.193 -> 0.4927
            ("booster", "The talks were very good.", 0.4927, 0.444, 0.556, 0.0),
            // -2.5 - 0.293 = -2.793
            ("booster-negative", "The talks were very bad.", -0.5849, 0.0, 0.513, 0.487),
            // 1.9 - 0.293 = 1.607
            ("dampener", "The talks were slightly good.", 0.3832, 0.395, 0.605, 0.0),
            // caps booster: 1.9 + 0.293 + 0.733
            ("booster-caps", "The talks were VERY good.", 0.6028, 0.495, 0.505, 0.0),
            // 1.9 + 0.293 * 0.95
            ("booster-distance-2", "The talks were very much good", 0.4902, 0.389, 0.611, 0.0),
            // "very," is stripped to "very": distance 1
            ("booster-stripped-comma", "The talks were very, good.", 0.4927, 0.444, 0.556, 0.0),
            // 1.9 + 0.293 + 0.293 * 0.9
            ("booster-distance-3", "The talks were extremely much more good", 0.5356, 0.366, 0.634, 0.0),
            // "so" is a booster, which scores 0 itself
            ("booster-itself-scores-zero", "It was so so.", 0.0, 0.0, 1.0, 0.0),
            // the second "good" skips the first (a lexicon word) and gets 0.293 * 0.95 from "very"
            ("booster-two-words", "It was very good good", 0.7485, 0.68, 0.32, 0.0),
            // 1.9 * -0.74 = -1.406 -> -0.3412
            ("negation", "The talks were not good.", -0.3412, 0.0, 0.624, 0.376),
            // any token containing "n't" negates
            ("negation-nt", "The talks weren't good.", -0.3412, 0.0, 0.555, 0.445),
            // the curly apostrophe is not detected
            ("negation-curly-nt-ignored", "The talks weren\u{2019}t good.", 0.4404, 0.492, 0.508, 0.0),
            // "not" three tokens before
            ("negation-distance-3", "It was not at all good", -0.3412, 0.0, 0.675, 0.325),
            // "not" four tokens before: no effect
            ("negation-too-far", "It was not at all a good year", 0.4404, 0.293, 0.707, 0.0),
            // 1.9 * -0.74 * -0.74 = 1.0404
            ("negation-stacks", "It was not never good", 0.2594, 0.338, 0.662, 0.0),
            ("negation-each", "Not good, not bad", -0.5824, 0.0, 0.295, 0.705),
            // "no" before a lexicon word scores 0 and negates it: -1.7 * -0.74 = 1.258
            ("no-before-lexicon-word", "There is no problem here.", 0.3089, 0.361, 0.639, 0.0),
            // "no" two before: -1.7 * -0.74; "no" itself -1.2 (next word not in the lexicon)
            ("no-two-before", "There is no real problem here.", 0.015, 0.267, 0.473, 0.26),
            // "no X or Y": Y negated
            ("no-three-before-with-or", "no talks or problem", 0.015, 0.35, 0.31, 0.341),
            // without "or"/"nor": not negated
            ("no-three-before-without-or", "no talks and problem", -0.5994, 0.0, 0.29, 0.71),
            // "No." keeps its period (3 characters stripped would be 2): not the lexicon word "no"
            ("no-alone", "No.", 0.0, 0.0, 1.0, 0.0),
            // "No," is not "no": "problem" keeps -1.7
            ("no-comma-kept", "No, problem solved", -0.4019, 0.0, 0.426, 0.574),
            // "NO" scores 0, then caps emphasis counts 0 as negative: -0.733; 1.258 - 0.733
            ("no-caps-quirk", "NO problem at all", 0.1343, 0.377, 0.334, 0.289),
            // distance 3 slip: "so" right before the word multiplies by 1.25: (1.9 + 0.293) * 1.25
            ("never-so", "It has never been so good", 0.5777, 0.428, 0.572, 0.0),
            // "never so good": (1.9 + 0.293) * 1.25 at distance 2, and * 1.25 again by the slip at distance 3
            ("never-so-adjacent", "It was never so good", 0.6626, 0.525, 0.475, 0.0),
            // "never this good": 1.9 * 1.25 * 1.25
            ("never-this", "It was never this good", 0.6084, 0.498, 0.502, 0.0),
            // "doubt" (-1.5) negated by "without": 1.11; good 1.9
            ("without-doubt", "Without a doubt, a good plan", 0.6136, 0.556, 0.444, 0.0),
            // "without doubt good": good left at 1.9; "doubt" negated by "without": 1.11
            ("without-doubt-adjacent", "It is without doubt good", 0.6136, 0.625, 0.375, 0.0),
            // "least" negates: 1.6 * -0.74
            ("least", "It was the least helpful answer", -0.2924, 0.0, 0.696, 0.304),
            // "at least" does not negate (the port defect)
            ("at-least", "At least it is helpful", 0.3818, 0.394, 0.606, 0.0),
            // "at least helpful": unchanged
            ("at-least-adjacent", "It was at least helpful", 0.3818, 0.394, 0.606, 0.0),
            // "very least" does not negate; "very" is two before: 1.6 + 0.293 * 0.95
            ("very-least", "It was the very least helpful answer", 0.4364, 0.324, 0.676, 0.0),
            // "least" as the first token negates
            ("least-first", "least helpful of all", -0.2924, 0.0, 0.579, 0.421),
            // "kind of" before the word: 1.9 - 0.293
            ("kind-of", "The plan was kind of good.", 0.3832, 0.343, 0.657, 0.0),
            // "kind" followed by "of" scores 0
            ("kind-of-lexicon-word-scores-zero", "It was kind of a plan", 0.0, 0.0, 1.0, 0.0),
            // "kind" is a lexicon word (2.4)
            ("kind-alone", "She was kind", 0.5267, 0.63, 0.37, 0.0),
            // as "kind of"
            ("sort-of", "The plan was sort of good.", 0.3832, 0.343, 0.657, 0.0),
            // as "kind of"
            ("just-enough", "The plan was just enough good", 0.3832, 0.343, 0.657, 0.0),
            // "also" is not the booster "so" (the port defect)
            ("also-is-not-so", "The plan is also good", 0.4404, 0.42, 0.58, 0.0),
            // (1.9 + 0.293) * 1.25 by the distance-3 slip
            ("so-right-before-at-distance-3", "Everyone said it was so good", 0.5777, 0.428, 0.572, 0.0),
            // 3.0 * 1.25 by the distance-3 slip
            ("this-right-before-at-distance-3", "I think we have this great deal", 0.6956, 0.442, 0.558, 0.0),
            // "the bomb" from the fourth token on: 3
            ("idiom-the-bomb", "That new album is the bomb", 0.6124, 0.444, 0.556, 0.0),
            // before the fourth token: -2.2 stays
            ("idiom-the-bomb-too-early", "the bomb", -0.4939, 0.0, 0.238, 0.762),
            // "bad ass" from the fourth token on: both "bad" (ass after it) and "ass" (bad before it) become 1.5
            ("idiom-bad-ass", "On the other hand, that is quite bad ass", 0.6124, 0.417, 0.583, 0.0),
            // "yeah right": both "yeah" and "right" become -2
            ("idiom-yeah-right", "Oh sure he said yeah right", -0.7184, 0.0, 0.4, 0.6),
            // "kiss of death": -1.5 for "death"
            ("idiom-kiss-of-death", "For the plan it was the kiss of death", -0.6124, 0.0, 0.583, 0.417),
            // "beating heart": 3.5
            ("idiom-beating-heart", "The city has a beating heart", 0.6705, 0.474, 0.526, 0.0),
            // "bus stop": 0
            ("idiom-bus-stop", "We waited at the bus stop", 0.0, 0.0, 1.0, 0.0),
            // before "but" x0.5, after x1.5: 0.95 - 3.75
            ("but", "The food was good but the service was bad.", -0.5859, 0.142, 0.511, 0.347),
            // only the first "but" counts
            ("but-first-only", "good but bad but good", 0.0129, 0.462, 0.159, 0.378),
            // great 3.0 -> 1.5; then "fine" (1.5) is found by value at index 0 and halved again: 0.75 + 1.5 (not 1.5 + 2.25)
            ("but-by-value-quirk", "great but fine", 0.5023, 0.81, 0.19, 0.0),
            // "But" lower-cased
            ("but-capital", "Good. But bad", -0.5859, 0.253, 0.13, 0.617),
            // 1.9 + 0.292
            ("punct-exclamation", "The talks were good!", 0.4926, 0.516, 0.484, 0.0),
            // at most 4 marks: 1.9 + 4 * 0.292
            ("punct-exclamation-cap", "The talks were good!!!!!!", 0.6209, 0.576, 0.424, 0.0),
            // away from zero: -2.5 - 2 * 0.292
            ("punct-exclamation-negative", "The talks were bad!!", -0.6229, 0.0, 0.423, 0.577),
            // a single "?" adds nothing (the port defect)
            ("punct-single-question", "The talks were good?", 0.4404, 0.492, 0.508, 0.0),
            // 1.9 + 2 * 0.18
            ("punct-two-questions", "The talks were good??", 0.504, 0.521, 0.479, 0.0),
            // -2.5 - 3 * 0.18
            ("punct-three-questions", "The talks were bad???", -0.6174, 0.0, 0.426, 0.574),
            // 1.9 + 0.96
            ("punct-many-questions", "The talks were good?????", 0.594, 0.563, 0.437, 0.0),
            // one token "Good": 1.9 + 2 * 0.292 + 2 * 0.18
            ("punct-mixed", "Good?!?!", 0.5919, 1.0, 0.0, 0.0),
            // no lexicon word: no bonus, neutral (the port defect)
            ("punct-neutral-text", "The talks ended!!!", 0.0, 0.0, 1.0, 0.0),
            // no lexicon word: neutral
            ("punct-neutral-question", "Did the talks end??", 0.0, 0.0, 1.0, 0.0),
            // valences summing to 0 get no bonus; pos and neg tie, so neither gets it
            ("punct-zero-sum", "fine doubt!!!", 0.0, 0.5, 0.0, 0.5),
            // the emoji becomes " grinning face"; "grinning" is 1.4
            ("emoji", "We met today \u{1f600}", 0.34, 0.375, 0.625, 0.0),
            // description glued to the next word: "grinning facetoday"
            ("emoji-glued", "We met\u{1f600}today", 0.34, 0.444, 0.556, 0.0),
    ];
    let scorer = scorer();
    for &(rule, text, compound, pos, neu, neg) in cases {
        let want = Scores {
            neg,
            neu,
            pos,
            compound,
        };
        assert_eq!(scorer.polarity_scores(text), want, "{rule}: {text:?}");
    }
}

#[test]
fn tone_is_the_compound_with_masses_after_the_rules() {
    let tone = scorer().tone("The food was good but the service was bad!");
    // good 1.9 * 0.5 = 0.95; bad -2.5 * 1.5 = -3.75; the "!" counts in the
    // compound only: 0.95 - 3.75 - 0.292 = -3.092 -> -0.6239 (vaderSentiment's).
    assert_eq!(tone.tone, -0.6239);
    assert!(
        (tone.pos - 0.95).abs() < 1e-12 && (tone.neg - 3.75).abs() < 1e-12,
        "{tone:?}"
    );
    assert!(tone.hits.is_empty());
}

#[test]
fn rounding_matches_python() {
    let cases = [
        (0.12345, 4, 0.1235),
        (0.03125, 4, 0.0312),
        (0.00015, 4, 0.0001),
        (-0.44045, 4, -0.4405),
        (0.5005, 3, 0.5),
        (0.0625, 3, 0.062),
        (1.0, 3, 1.0),
    ];
    for (x, digits, want) in cases {
        assert_eq!(py_round(x, digits), want, "round({x}, {digits})");
    }
}

#[test]
fn same_scores_on_every_thread() {
    let scorer = scorer();
    let text = "The talks were NOT good but hopeful!!";
    let here = scorer.polarity_scores(text);
    let there = std::thread::scope(|s| s.spawn(|| scorer.polarity_scores(text)).join().unwrap());
    assert_eq!(here, there);
}

/// The trace of a text names each rule that changed a word's valence,
/// ends at the valence the score uses, and gives the same compound.
#[test]
fn trace_shows_the_rules_and_the_same_compound() {
    let scorer = scorer();
    let texts = [
        "We didn't find it very helpful!",
        "The talks were GOOD, but the deal was bad.",
        "There is no doubt the plan is a problem",
        "The talks ended on Tuesday.",
    ];
    for text in texts {
        let trace = scorer.trace(text);
        assert_eq!(
            trace.compound,
            scorer.polarity_scores(text).compound,
            "{text}"
        );
        for w in &trace.words {
            let last = w.steps.last().map_or(w.base, |&(_, v)| v);
            assert_eq!(last, w.valence, "{text}: {w:?}");
        }
    }
    let rules = |text: &str| -> Vec<(String, Vec<&str>)> {
        let trace = scorer.trace(text);
        let words = trace.words.iter();
        words
            .map(|w| (w.word.clone(), w.steps.iter().map(|&(r, _)| r).collect()))
            .collect()
    };
    assert_eq!(
        rules("We didn't find it helpful!"),
        [("helpful".to_string(), vec!["negation check"])]
    );
    // VADER's negation reaches three tokens back: here it misses.
    assert_eq!(
        rules("We didn't find it very helpful!"),
        [("helpful".to_string(), vec!["booster"])]
    );
    assert_eq!(
        rules("The talks were GOOD, but the deal was bad."),
        [
            ("good".to_string(), vec!["caps", "but"]),
            ("bad".to_string(), vec!["but"])
        ]
    );
    assert_eq!(scorer.trace("We won!").emphasis, 0.292);
    assert!(scorer.trace("The talks ended on Tuesday.").words.is_empty());
}
