//! VADER's fixed word lists and constants, as in vaderSentiment 3.3.2:
//! boosters and dampeners, negators, special-case idioms, and the words its
//! rules look for (`Marker`).

/// What a booster adds to a word's valence, and a dampener takes away.
pub const B_INCR: f64 = 0.293;
pub const B_DECR: f64 = -0.293;
/// What an ALL-CAPS word (or booster) adds, away from zero.
pub const C_INCR: f64 = 0.733;
/// The factor of a negation.
pub const N_SCALAR: f64 = -0.74;
/// The normalisation constant: compound = x / sqrt(x^2 + ALPHA).
pub const ALPHA: f64 = 15.0;

/// Words that negate a lexicon word up to three tokens after them (any
/// token containing "n't" does too).
pub const NEGATORS: &[&str] = &[
    "aint",
    "arent",
    "cannot",
    "cant",
    "couldnt",
    "darent",
    "didnt",
    "doesnt",
    "ain't",
    "aren't",
    "can't",
    "couldn't",
    "daren't",
    "didn't",
    "doesn't",
    "dont",
    "hadnt",
    "hasnt",
    "havent",
    "isnt",
    "mightnt",
    "mustnt",
    "neither",
    "don't",
    "hadn't",
    "hasn't",
    "haven't",
    "isn't",
    "mightn't",
    "mustn't",
    "neednt",
    "needn't",
    "never",
    "none",
    "nope",
    "nor",
    "not",
    "nothing",
    "nowhere",
    "oughtnt",
    "shant",
    "shouldnt",
    "uhuh",
    "wasnt",
    "werent",
    "oughtn't",
    "shan't",
    "shouldn't",
    "uh-uh",
    "wasn't",
    "weren't",
    "without",
    "wont",
    "wouldnt",
    "won't",
    "wouldn't",
    "rarely",
    "seldom",
    "despite",
];

/// Degree adverbs: boosters (B_INCR) and dampeners (B_DECR). The
/// two-word ones act only through the idiom check, on the two tokens
/// before a word.
pub const BOOSTERS: &[(&str, f64)] = &[
    ("absolutely", B_INCR),
    ("amazingly", B_INCR),
    ("awfully", B_INCR),
    ("completely", B_INCR),
    ("considerable", B_INCR),
    ("considerably", B_INCR),
    ("decidedly", B_INCR),
    ("deeply", B_INCR),
    ("effing", B_INCR),
    ("enormous", B_INCR),
    ("enormously", B_INCR),
    ("entirely", B_INCR),
    ("especially", B_INCR),
    ("exceptional", B_INCR),
    ("exceptionally", B_INCR),
    ("extreme", B_INCR),
    ("extremely", B_INCR),
    ("fabulously", B_INCR),
    ("flipping", B_INCR),
    ("flippin", B_INCR),
    ("frackin", B_INCR),
    ("fracking", B_INCR),
    ("fricking", B_INCR),
    ("frickin", B_INCR),
    ("frigging", B_INCR),
    ("friggin", B_INCR),
    ("fully", B_INCR),
    ("fuckin", B_INCR),
    ("fucking", B_INCR),
    ("fuggin", B_INCR),
    ("fugging", B_INCR),
    ("greatly", B_INCR),
    ("hella", B_INCR),
    ("highly", B_INCR),
    ("hugely", B_INCR),
    ("incredible", B_INCR),
    ("incredibly", B_INCR),
    ("intensely", B_INCR),
    ("major", B_INCR),
    ("majorly", B_INCR),
    ("more", B_INCR),
    ("most", B_INCR),
    ("particularly", B_INCR),
    ("purely", B_INCR),
    ("quite", B_INCR),
    ("really", B_INCR),
    ("remarkably", B_INCR),
    ("so", B_INCR),
    ("substantially", B_INCR),
    ("thoroughly", B_INCR),
    ("total", B_INCR),
    ("totally", B_INCR),
    ("tremendous", B_INCR),
    ("tremendously", B_INCR),
    ("uber", B_INCR),
    ("unbelievably", B_INCR),
    ("unusually", B_INCR),
    ("utter", B_INCR),
    ("utterly", B_INCR),
    ("very", B_INCR),
    ("almost", B_DECR),
    ("barely", B_DECR),
    ("hardly", B_DECR),
    ("just enough", B_DECR),
    ("kind of", B_DECR),
    ("kinda", B_DECR),
    ("kindof", B_DECR),
    ("kind-of", B_DECR),
    ("less", B_DECR),
    ("little", B_DECR),
    ("marginal", B_DECR),
    ("marginally", B_DECR),
    ("occasional", B_DECR),
    ("occasionally", B_DECR),
    ("partly", B_DECR),
    ("scarce", B_DECR),
    ("scarcely", B_DECR),
    ("slight", B_DECR),
    ("slightly", B_DECR),
    ("somewhat", B_DECR),
    ("sort of", B_DECR),
    ("sorta", B_DECR),
    ("sortof", B_DECR),
    ("sort-of", B_DECR),
];

/// Idioms whose valence replaces the word's. vaderSentiment also lists the
/// one-word "badass" (1.5), which its two- and three-word comparisons can
/// never match; it is left out.
pub const SPECIAL_CASES: &[(&str, f64)] = &[
    ("the shit", 3.0),
    ("the bomb", 3.0),
    ("bad ass", 1.5),
    ("bus stop", 0.0),
    ("yeah right", -2.0),
    ("kiss of death", -1.5),
    ("to die for", 3.0),
    ("beating heart", 3.5),
];

/// A word some rule or idiom looks for, so that a token's lookup tells it
/// at once. `None` is every other word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Marker {
    #[default]
    None,
    No,
    Or,
    Nor,
    Kind,
    Of,
    But,
    Least,
    At,
    Very,
    Never,
    So,
    This,
    Without,
    Doubt,
    Sort,
    Just,
    Enough,
    The,
    Shit,
    Bomb,
    Bad,
    Ass,
    Bus,
    Stop,
    Yeah,
    Right,
    Kiss,
    Death,
    To,
    Die,
    For,
    Beating,
    Heart,
}

/// Every marker with its (lower-case) word.
pub const MARKERS: &[(Marker, &str)] = &[
    (Marker::No, "no"),
    (Marker::Or, "or"),
    (Marker::Nor, "nor"),
    (Marker::Kind, "kind"),
    (Marker::Of, "of"),
    (Marker::But, "but"),
    (Marker::Least, "least"),
    (Marker::At, "at"),
    (Marker::Very, "very"),
    (Marker::Never, "never"),
    (Marker::So, "so"),
    (Marker::This, "this"),
    (Marker::Without, "without"),
    (Marker::Doubt, "doubt"),
    (Marker::Sort, "sort"),
    (Marker::Just, "just"),
    (Marker::Enough, "enough"),
    (Marker::The, "the"),
    (Marker::Shit, "shit"),
    (Marker::Bomb, "bomb"),
    (Marker::Bad, "bad"),
    (Marker::Ass, "ass"),
    (Marker::Bus, "bus"),
    (Marker::Stop, "stop"),
    (Marker::Yeah, "yeah"),
    (Marker::Right, "right"),
    (Marker::Kiss, "kiss"),
    (Marker::Death, "death"),
    (Marker::To, "to"),
    (Marker::Die, "die"),
    (Marker::For, "for"),
    (Marker::Beating, "beating"),
    (Marker::Heart, "heart"),
];

/// The marker of a lower-case word.
pub fn marker(word: &str) -> Marker {
    MARKERS
        .iter()
        .find(|(_, w)| *w == word)
        .map_or(Marker::None, |(m, _)| *m)
}

/// A phrase of marked words with a value (an idiom or a two-word booster).
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    pub words: Vec<Marker>,
    pub value: f64,
}

/// The phrases of a list whose words are all markers (every multi-word
/// entry of `SPECIAL_CASES` and `BOOSTERS`).
pub fn phrases(list: &[(&str, f64)]) -> Vec<Phrase> {
    list.iter()
        .filter(|(text, _)| text.contains(' '))
        .map(|&(text, value)| Phrase {
            words: text.split(' ').map(marker).collect(),
            value,
        })
        .collect()
}

/// The value of the first phrase equal to `words`.
pub fn phrase_value(phrases: &[Phrase], words: &[Marker]) -> Option<f64> {
    if words.contains(&Marker::None) {
        return None;
    }
    phrases.iter().find(|p| p.words == words).map(|p| p.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_sizes() {
        assert_eq!(NEGATORS.len(), 59);
        assert_eq!(BOOSTERS.len(), 84);
        assert_eq!(SPECIAL_CASES.len(), 8);
    }

    #[test]
    fn every_phrase_word_is_a_marker() {
        for (text, _) in BOOSTERS.iter().chain(SPECIAL_CASES) {
            if text.contains(' ') {
                for w in text.split(' ') {
                    assert_ne!(marker(w), Marker::None, "{w:?} of {text:?}");
                }
            }
        }
        assert_eq!(phrases(BOOSTERS).len(), 3);
        assert_eq!(phrases(SPECIAL_CASES).len(), 8);
    }

    #[test]
    fn phrase_lookup() {
        let idioms = phrases(SPECIAL_CASES);
        let cases: &[(&[Marker], Option<f64>)] = &[
            (&[Marker::The, Marker::Bomb], Some(3.0)),
            (&[Marker::Kiss, Marker::Of, Marker::Death], Some(-1.5)),
            (&[Marker::Bus, Marker::Stop], Some(0.0)),
            (&[Marker::Kiss, Marker::Of], None),
            (&[Marker::None, Marker::None], None),
        ];
        for (words, want) in cases {
            assert_eq!(phrase_value(&idioms, words), *want, "{words:?}");
        }
    }
}
