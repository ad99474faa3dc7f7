//! Proper names in the tone stage: a tone word that is part of a person's
//! name ("Hope Hicks", "Josh Earnest") or of the name of a body, prize or
//! law ("Amnesty International", "the Affordable Care Act") is no
//! judgement. The engine drops such one-word matches before the rules.

use crate::actors::{self, PersonNames};
use crate::lexicon::{Lexicon, Match};
use crate::tokenize::{TokenKind, Tokens};

/// Whether a lexicon match is part of a person's or a body's name: one
/// capitalised word, not a modifier ("No Wall Street executive", the
/// headline "Hillary Can't Hide"), in either kind of name.
pub fn in_a_name(
    text: &str,
    tokens: &Tokens,
    m: &Match,
    lexicon: &Lexicon,
    names: &dyn PersonNames,
) -> bool {
    let words = Words { text, tokens };
    m.first == m.last
        && words.capitalised(m.first).is_some()
        && lexicon.modifier(tokens.norm(m.first)).is_none()
        && (in_a_persons_name(&words, m.first, names) || begins_a_bodys_name(&words, m.first))
}

/// The word tokens of a text, as the name tests read them.
struct Words<'a> {
    text: &'a str,
    tokens: &'a Tokens,
}

impl<'a> Words<'a> {
    /// Token `i` if it is a capitalised word, not written in capitals
    /// throughout.
    fn capitalised(&self, i: usize) -> Option<&'a str> {
        self.tokens
            .items
            .get(i)
            .filter(|t| t.kind == TokenKind::Word && !t.all_caps)
            .map(|t| t.span.of(self.text))
            .filter(|w| w.starts_with(char::is_uppercase))
    }
}

/// Whether the word at `at` is part of a person's name: a given name
/// before another capitalised word ("Rob Portman", "Hope Hicks"), or a
/// capitalised word right after a given name ("Josh Earnest", "Mia Love").
fn in_a_persons_name(words: &Words, at: usize, names: &dyn PersonNames) -> bool {
    let given = |i: usize| words.capitalised(i).is_some_and(|w| names.is_given_name(w));
    (given(at) && words.capitalised(at + 1).is_some()) || at.checked_sub(1).is_some_and(given)
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

/// Whether the word at `at` begins, with up to two more capitalised
/// words, a name that ends in a noun of a body, prize or law ("Amnesty
/// International", "Liberty University", "Affordable Care Act"), where
/// the capitals end: a title-case headline runs on ("New War Unless
/// International Force Is Sent").
fn begins_a_bodys_name(words: &Words, at: usize) -> bool {
    (at + 1..=at + 3)
        .map_while(|i| words.capitalised(i).map(|w| (i, w)))
        .take_while(|(_, w)| !TITLE_CASE_GRAMMAR.contains(w))
        .any(|(i, w)| {
            (actors::is_name_noun(w) || NAME_ENDS.contains(&w))
                && words.capitalised(i + 1).is_none()
        })
}

/// Grammar words that a title-case headline capitalises ("Fight Over Wall
/// Street"); a name of a body does not run through them.
const TITLE_CASE_GRAMMAR: &[&str] = &[
    "A", "An", "And", "As", "At", "By", "For", "From", "In", "Is", "Of", "On", "Over", "The",
    "Their", "To", "With",
];

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
