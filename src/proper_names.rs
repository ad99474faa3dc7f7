//! Proper names in the tone stage: a tone word that is part of a person's
//! name ("Hope Hicks", "Josh Earnest") or of the name of a body, prize or
//! law ("Amnesty International", "the Affordable Care Act") is no
//! judgement. The engine drops such one-word matches before the rules.

use crate::actors::{self, PersonNames};
use crate::lexicon::{Lexicon, Match};
use crate::tokenize::{TokenKind, Tokens};

/// Whether a lexicon match is part of a person's or a body's name.
pub fn in_a_name(
    text: &str,
    tokens: &Tokens,
    m: &Match,
    lexicon: &Lexicon,
    names: &dyn PersonNames,
) -> bool {
    in_a_persons_name(text, tokens, m, lexicon, names) || in_a_bodys_name(text, tokens, m, lexicon)
}

/// Capitalised words, beside `actors::is_name_noun`, that end the name of
/// a body, a prize or a law ("Peace Corps", "Freedom Caucus", "Nobel Peace
/// Prize", "Affordable Care Act").
const NAME_ENDS: &[&str] = &[
    "Act",
    "Award",
    "Caucus",
    "College",
    "Committee",
    "Corps",
    "Council",
    "Movement",
    "Party",
    "Prize",
    "Project",
    "Watch",
];

/// Whether a capitalised one-word tone match begins, with up to two more
/// capitalised words, a name that ends in a noun of a body, prize or law
/// ("Amnesty International", "Liberty University", "Affordable Care
/// Act"), where the capitals end; a title-case headline runs on ("New War
/// Unless International Force Is Sent"). A name is no judgement. A negator stays ("No Wall Street
/// executive").
fn in_a_bodys_name(text: &str, tokens: &Tokens, m: &Match, lexicon: &Lexicon) -> bool {
    let capitalised = |i: usize| {
        tokens
            .items
            .get(i)
            .filter(|t| t.kind == TokenKind::Word && !t.all_caps)
            .map(|t| t.span.of(text))
            .filter(|w| w.starts_with(char::is_uppercase))
    };
    m.first == m.last
        && capitalised(m.first).is_some()
        && lexicon.modifier(tokens.norm(m.first)).is_none()
        && (m.first + 1..=m.first + 3)
            .map_while(|i| capitalised(i).map(|w| (i, w)))
            .take_while(|(_, w)| !TITLE_CASE_GRAMMAR.contains(w))
            .any(|(i, w)| {
                (actors::is_name_noun(w) || NAME_ENDS.contains(&w)) && capitalised(i + 1).is_none()
            })
}

/// Grammar words that a title-case headline capitalises ("Fight Over Wall
/// Street"); a name of a body does not run through them.
const TITLE_CASE_GRAMMAR: &[&str] = &[
    "A", "An", "And", "As", "At", "By", "For", "From", "In", "Is", "Of", "On", "Over", "The",
    "Their", "To", "With",
];

/// Whether a one-word tone match is part of a person's name: written as a
/// given name before another capitalised word ("Rob Portman", "Hope
/// Hicks"), or as a capitalised word right after a given name ("Mia
/// Love"; not a negator, as in the headline "Hillary Can't Hide"). A name
/// is no judgement.
fn in_a_persons_name(
    text: &str,
    tokens: &Tokens,
    m: &Match,
    lexicon: &Lexicon,
    names: &dyn PersonNames,
) -> bool {
    let word = |i: usize| {
        tokens
            .items
            .get(i)
            .filter(|t| t.kind == TokenKind::Word && !t.all_caps)
            .map(|t| t.span.of(text))
    };
    let capitalised = |i: usize| word(i).is_some_and(|w| w.starts_with(char::is_uppercase));
    let given = |i: usize| word(i).is_some_and(|w| names.is_given_name(w));
    m.first == m.last
        && capitalised(m.first)
        && ((given(m.first) && capitalised(m.first + 1))
            || (m.first.checked_sub(1).is_some_and(given)
                && lexicon.modifier(tokens.norm(m.first)).is_none()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::Cues;
    use crate::tokenize::tokenize;

    #[test]
    fn tone_words_in_names() {
        let (lexicon, cues) = (Lexicon::embedded(), Cues::embedded());
        // (text, the matched word, whether it is part of a name)
        let cases: &[(&str, &str, bool)] = &[
            ("Sen. Rob Portman spoke", "Rob", true),
            ("Hope Hicks spoke", "Hope", true),
            ("Press Secretary Josh Earnest spoke", "Earnest", true),
            ("Hope is fading", "Hope", false),
            ("We hope so", "hope", false),
            ("Hillary Can't Hide", "Can't", false),
            ("Amnesty International issued a report", "Amnesty", true),
            ("the Affordable Care Act passed", "Affordable", true),
            ("New War Unless International Force Is Sent", "War", false),
            ("Fight Over Wall Street", "Fight", false),
            ("No Wall Street executive", "No", false),
            ("Peace is near", "Peace", false),
        ];
        for &(text, word, want) in cases {
            let tokens = tokenize(text);
            let mut matches = Vec::new();
            lexicon.find(&tokens, &mut matches);
            let m = matches
                .iter()
                .find(|m| tokens.items[m.first].span.of(text) == word)
                .unwrap_or_else(|| panic!("{word} not matched in {text:?}"));
            assert_eq!(in_a_name(text, &tokens, m, &lexicon, &cues), want, "{text}");
        }
    }
}
