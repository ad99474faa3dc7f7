//! Affiliation: whether a person named in a speaker's description is the
//! one the speaker speaks for ("Trump campaign spokeswoman Hope Hicks", "a
//! spokesman for House Speaker Paul Ryan", "Mr. Trump's campaign
//! chairman") or only someone the description relates them to ("an early
//! supporter of Trump", "a Trump critic", "Donald Trump's fired campaign
//! manager", "a former adviser to President George W. Bush"), and whether
//! an unnamed speaker is the person their description names ("Senator
//! Marco Rubio has confronted"). Used by `Engine::speaker_actor`: only
//! those make another person the speaker's actor.

use crate::actors::PersonNames;
use crate::types::Span;

/// Nouns of someone who works for, or speaks for, a person: the person's
/// staff, campaign and counsel.
const AGENT_NOUNS: &[&str] = &[
    "administration",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "aide",
    "aides",
    "attorney",
    "attorneys",
    "campaign",
    "campaigns",
    "chairman",
    "chairwoman",
    "confidant",
    "confidante",
    "counsel",
    "counselor",
    "deputy",
    "director",
    "envoy",
    "lawyer",
    "lawyers",
    "manager",
    "official",
    "officials",
    "pollster",
    "representative",
    "secretary",
    "speechwriter",
    "spokesman",
    "spokesmen",
    "spokesperson",
    "spokeswoman",
    "spokeswomen",
    "staff",
    "staffer",
    "strategist",
    "strategists",
    "surrogate",
    "team",
];

/// Words that end a tie or turn it against the person: "former", "ex-",
/// "then-", "fired", "anti-Trump", "Never Trump".
const BROKEN_TIES: &[&str] = &[
    "anti",
    "erstwhile",
    "ex",
    "fired",
    "former",
    "never",
    "onetime",
    "ousted",
    "then",
];

/// Prepositions between an agent noun and the person ("a spokesman for",
/// "an adviser to").
const AGENT_PREPOSITIONS: &[&str] = &["for", "to"];

/// How many words an agent noun may stand from the person: "Trump senior
/// communications adviser", "a spokesman for House Speaker Paul Ryan".
const REACH: usize = 3;

/// Whether the person mentioned at `at` in `description` is the one the
/// speaker speaks for: an agent noun after the mention ("Trump's campaign
/// manager", "Trump senior adviser") or before it with "for" or "to" ("a
/// spokesman for House Speaker Paul Ryan"), and no broken tie between
/// them ("former", "fired", "anti-").
pub fn speaks_for(description: &str, at: Span, names: &impl PersonNames) -> bool {
    let before = &description[..at.start];
    // "former Trump campaign manager", "an anti-Trump campaign".
    let just_before = before.split_whitespace().rev().take(2);
    if just_before.flat_map(words).any(is_broken_tie) {
        return false;
    }
    agent_after(&description[at.end..]) || agent_before(before, names)
}

/// Words that may stand before a person besides titles and capitalised
/// words: "a spokesman for Democratic presidential candidate Hillary
/// Clinton", "Presumptive Republican nominee Donald Trump is".
const ROLE_WORDS: &[&str] = &[
    "candidate",
    "candidates",
    "front-runner",
    "frontrunner",
    "hopeful",
    "hopefuls",
    "leader",
    "nominee",
    "presidential",
    "presumptive",
    "the",
];

/// Words that make a person after them the object of a description, not
/// its subject ("graduates of Trump", "a reaction from Obama").
const PREPOSITIONS: &[&str] = &[
    "about", "against", "at", "by", "for", "from", "of", "on", "to", "under", "with",
];

/// Whether the person mentioned at `at` is the subject of the description
/// of an unnamed speaker, who is then that person: the person heads a
/// clause after titles, capitalised and role words only ("Senator Marco
/// Rubio has confronted", "NORTH CAROLINA, Trump", "Former Secretary of
/// State and Democratic presidential frontrunner Hillary Clinton"), or
/// ends the description (`ends`) with no preposition before it in its
/// clause ("A dejected Obama", but not "50 years of Trump's").
pub fn is_subject(description: &str, at: Span, ends: bool, names: &impl PersonNames) -> bool {
    let clause = description[..at.start]
        .rsplit([',', ';', ':'])
        .next()
        .unwrap_or("");
    let mut words = clause.split_whitespace();
    let heads = words
        .clone()
        .all(|w| is_title_like(w, names) || matches!(w, "and" | "of"));
    heads || ends && words.all(|w| !PREPOSITIONS.contains(&w))
}

/// "Trump's campaign manager", "Trump senior communications adviser".
fn agent_after(rest: &str) -> bool {
    let rest = ["'s", "\u{2019}s", "'", "\u{2019}"]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
    for word in rest.split_whitespace().take(REACH) {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if words(bare).any(is_broken_tie) || !bare.chars().all(is_word_char) {
            return false;
        }
        if is_agent(bare) {
            return true;
        }
        if bare.len() != word.len() {
            return false;
        }
    }
    false
}

/// "a spokesman for House Speaker Paul Ryan", "a close adviser to Trump".
fn agent_before(before: &str, names: &impl PersonNames) -> bool {
    let mut back = before.split_whitespace().rev();
    let mut titles = 0;
    let preposition = loop {
        let Some(word) = back.next() else {
            return false;
        };
        if words(word).any(is_broken_tie) {
            return false;
        }
        if !is_title_like(word, names) || titles == REACH {
            break word;
        }
        titles += 1;
    };
    if !AGENT_PREPOSITIONS.contains(&preposition) {
        return false;
    }
    match back.next() {
        Some(noun) if is_agent(noun) => back
            .take(REACH)
            .take_while(|w| !w.ends_with(','))
            .all(|w| !words(w).any(is_broken_tie)),
        _ => false,
    }
}

/// A title, a capitalised word or a role word ("Gov.", "House", "Speaker",
/// "presidential", "candidate").
fn is_title_like(word: &str, names: &impl PersonNames) -> bool {
    names.is_title(word) || word.starts_with(char::is_uppercase) || ROLE_WORDS.contains(&word)
}

/// The parts of a word split at hyphens and punctuation
/// ("then-President" -> "then", "President").
fn words(word: &str) -> impl Iterator<Item = &str> {
    word.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
}

fn is_broken_tie(word: &str) -> bool {
    BROKEN_TIES.iter().any(|t| t.eq_ignore_ascii_case(word))
}

fn is_agent(word: &str) -> bool {
    AGENT_NOUNS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Titles;

    impl PersonNames for Titles {
        fn is_given_name(&self, _: &str) -> bool {
            false
        }
        fn is_title(&self, word: &str) -> bool {
            matches!(word.trim_end_matches('.'), "Mr" | "Gov" | "President")
        }
    }

    /// The person is written in brackets: `[Trump]`.
    fn check(marked: &str) -> bool {
        let start = marked.find('[').unwrap();
        let end = marked.find(']').unwrap() - 1;
        let text = marked.replace(['[', ']'], "");
        speaks_for(&text, Span::new(start, end), &Titles)
    }

    #[test]
    fn agents_of_the_person_speak_for_them() {
        for marked in [
            "[Trump] campaign spokeswoman Hope Hicks",
            "Mr. [Trump]'s campaign chairman, Paul Manafort",
            "Corey Lewandowski, [Trump]\u{2019}s campaign manager",
            "[Trump] senior communications adviser Jason Miller",
            "Dog Andres, a spokesman for House Speaker [Paul Ryan]",
            "A spokesman for Democratic presidential candidate [Hillary Clinton]",
            "Senator Jeff Sessions, a close advisor to [Trump]",
            "Rex Early, who just signed on to [Trump]'s team last weekend",
            "Josh Earnest, President [Obama]'s press secretary",
            "Ben Rhodes, [Obama]'s deputy national security adviser",
        ] {
            assert!(check(marked), "{marked}");
        }
    }

    #[test]
    fn an_unnamed_speaker_is_the_person_heading_or_ending_the_description() {
        for (marked, subject) in [
            ("Senator [Marco Rubio] has confronted", true),
            ("NORTH CAROLINA, [Trump]", true),
            (
                "Perhaps not coincidentally, Mr. [Trump] has lately started",
                true,
            ),
            ("House Speaker [Paul Ryan] in a statement", true),
            ("A dejected [Obama]", true),
            (
                "Republican presidential candidate [Donald Trump] is spending",
                true,
            ),
            (
                "Former Secretary of State and Democratic front-runner [Hillary Clinton]",
                true,
            ),
            (
                "The son of billionaire candidate [Donald Trump] received",
                false,
            ),
            ("even [Obama]", true),
            ("many [Trump] supporters", false),
            ("Maybe 50 years of [Trump]", false),
            (
                "Senator Bob Corker, who has met privately with Mr. [Trump]",
                false,
            ),
        ] {
            let start = marked.find('[').unwrap();
            let text = marked.replace(['[', ']'], "");
            let at = Span::new(start, marked.find(']').unwrap() - 1);
            let ends = at.end == text.len();
            assert_eq!(is_subject(&text, at, ends, &Titles), subject, "{marked}");
        }
    }

    #[test]
    fn supporters_critics_and_former_staff_do_not() {
        for marked in [
            "Former Arizona governor Jan Brewer, an early supporter of [Trump]",
            "Kevin D. Williamson, one of several vocal [Trump] critics",
            "[Rubio] supporter Scott Szlachta",
            "Corey Lewandowski, Donald [Trump]\u{2019}s fired campaign manager",
            "former [Trump] campaign manager Corey Lewandowski",
            "Tommy Vietor, a former spokesman for Mr. [Obama]",
            "a top terrorism adviser to then-President [George W. Bush]",
            "Yaakov Amidror, another former national security adviser to Mr. [Netanyahu]",
            "a pollster with Mr. [Yanukovych]'s former party",
            "an anti-[Trump] campaign",
            "Mukasey, the attorney general under former President [George W. Bush]",
            "Senator Bernie Sanders, who has mounted a challenge to [Hillary Clinton]",
            "Ted Cruz, when asked what about [Trump]\u{2019}s vision for the country is wrong",
            "[Trump]",
        ] {
            assert!(!check(marked), "{marked}");
        }
    }
}
