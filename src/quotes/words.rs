//! Word lists of the quotes stage: grammar words that decide mentions,
//! clause boundaries and adverbials (the reporting cues live in lexicons/).

pub(super) const PRONOUNS: &[&str] = &["he", "she", "they"];
/// Words after which a speaker mention may start a clause.
pub(super) const CLAUSE_STARTS: &[&str] = &[
    "and", "but", "although", "though", "while", "whereas", "that", "so", "yet",
];
/// Words that end a mention when walking away from its cue.
pub(super) const STOP_WORDS: &[&str] = &[
    "and", "but", "although", "though", "while", "whereas", "that", "so", "yet", "when", "if",
    "because", "after", "before", "since", "until", "unless", "once", "which", "who", "whom",
    "whose", "where", "why", "how", "what", "as", "than", "whether", "to", "in", "on", "at", "by",
    "with", "from", "into", "about", "over", "under", "during", "against", "without", "between",
    "through", "is", "was", "were", "are", "be", "been", "being", "am", "has", "have", "had",
    "will", "would", "could", "should", "can", "may", "might", "must", "shall", "not", "do",
    "does", "did", "it", "there", "here", "also", "i", "we", "you", "me", "him", "us", "them",
    "then", "just", "now",
];
/// Words allowed between a mention and its cue.
pub(super) const ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "further",
    "previously",
    "earlier",
    "again",
    "repeatedly",
    "recently",
    "has",
    "have",
    "had",
    "would",
    "will",
    "separately",
    "subsequently",
    "once",
    "often",
    "reportedly",
    "publicly",
    "privately",
    "flatly",
    "bluntly",
    "simply",
    "firmly",
];
/// Words before a cue that make it passive ("was told", "is said").
pub(super) const PASSIVE_AUXILIARIES: &[&str] =
    &["was", "were", "is", "are", "be", "been", "being"];
pub(super) const INDEFINITE_DETERMINERS: &[&str] = &[
    "a", "an", "another", "one", "two", "three", "four", "several", "some", "many", "other",
];
pub(super) const DEFINITE_DETERMINERS: &[&str] = &[
    "the", "this", "these", "those", "his", "her", "their", "its", "our", "both",
];
/// Lowercase words that may sit inside a name ("Ursula von der Leyen").
pub(super) const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "al", "bin", "da", "di", "la", "le", "du", "del", "dos", "el",
];
/// Words that end a description's head ("a spokesman for the ministry").
pub(super) const HEAD_ENDS: &[&str] = &["of", "for", "at", "from", "with", "in"];
/// Capitalised words in a name that are titles rather than given names.
pub(super) const TITLES: &[&str] = &[
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "minister",
    "prime",
    "secretary",
    "senator",
    "sen.",
    "rep.",
    "gov.",
    "governor",
    "general",
    "gen.",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "chairman",
    "chairwoman",
    "mayor",
    "judge",
    "justice",
    "ambassador",
    "envoy",
    "leader",
    "chief",
    "director",
    "commissioner",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "foreign",
    "defense",
    "defence",
    "finance",
    "vice",
    "deputy",
    "state",
    "lt.",
    "col.",
    "capt.",
    "sgt.",
    "prof.",
];
/// Abbreviations whose period belongs to the word ("Mrs. Clinton").
pub(super) const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt",
    "Sgt", "Prof", "Rev", "Adm", "Maj", "Cmdr", "Supt", "Insp",
];
/// Cues whose object comes before the content ("told reporters the talks failed").
pub(super) const OBJECT_CUES: &[&str] = &[
    "told", "tell", "tells", "telling", "asked", "urged", "warned",
];
/// Objects of those cues that are not part of the content.
pub(super) const OBJECTS: &[&str] = &[
    "reporters",
    "journalists",
    "lawmakers",
    "parliament",
    "him",
    "her",
    "them",
    "us",
    "me",
    "supporters",
    "officials",
    "delegates",
    "viewers",
    "listeners",
    "readers",
];
/// Words that open an adverbial after a cue ("said on Tuesday", "said last week").
pub(super) const ADVERBIAL_OPENERS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "last",
    "this",
    "earlier",
    "later",
    "yesterday",
    "today",
    "tonight",
    "recently",
    "late",
    "separately",
    "afterwards",
    "again",
    "after",
    "before",
];
/// Conjunctions that end reported speech after a comma (", although he ...").
pub(super) const CONTENT_ENDS: &[&str] = &["but", "although", "though", "while", "whereas"];

pub(super) fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}
