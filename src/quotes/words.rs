//! Word lists of the quotes stage: grammar words that decide mentions,
//! clause boundaries and adverbials (the reporting cues live in lexicons/).
//! The lists checked most often are also folded into word classes, looked
//! up once per token.

/// Word classes: bits of `Token::class`.
pub(super) const STOP: u32 = 1;
pub(super) const ADVERB: u32 = 1 << 1;
pub(super) const DETERMINER: u32 = 1 << 2;
pub(super) const PREPOSITION: u32 = 1 << 3;
pub(super) const PRONOUN: u32 = 1 << 4;
pub(super) const TIME_WORD: u32 = 1 << 5;
pub(super) const OBJECT_PRONOUN: u32 = 1 << 6;
pub(super) const TITLE: u32 = 1 << 7;
pub(super) const MALE: u32 = 1 << 8;
pub(super) const FEMALE: u32 = 1 << 9;
pub(super) const GROUP: u32 = 1 << 10;
pub(super) const HEAD_END: u32 = 1 << 11;
pub(super) const NAME_PARTICLE: u32 = 1 << 12;
pub(super) const PARTICIPLE: u32 = 1 << 13;
pub(super) const INDEFINITE: u32 = 1 << 14;
pub(super) const DEFINITE: u32 = 1 << 15;

/// Every word of the lists folded into classes, with its class.
pub(super) fn word_classes() -> impl Iterator<Item = (&'static str, u32)> {
    let lists: [(&'static [&'static str], u32); 17] = [
        (STOP_WORDS, STOP),
        (ADVERBS, ADVERB),
        (DETERMINERS, DETERMINER),
        (MENTION_PREPOSITIONS, PREPOSITION),
        (PRONOUNS, PRONOUN),
        (TIME_WORDS, TIME_WORD),
        (&crate::article::MONTHS, TIME_WORD),
        (OBJECT_PRONOUNS, OBJECT_PRONOUN),
        (TITLES, TITLE),
        (MALE_WORDS, MALE),
        (FEMALE_WORDS, FEMALE),
        (GROUP_NOUNS, GROUP),
        (HEAD_ENDS, HEAD_END),
        (NAME_PARTICLES, NAME_PARTICLE),
        (PARTICIPLES, PARTICIPLE),
        (INDEFINITE_DETERMINERS, INDEFINITE),
        (DEFINITE_DETERMINERS, DEFINITE),
    ];
    lists
        .into_iter()
        .flat_map(|(list, class)| list.iter().map(move |w| (*w, class)))
}

/// Pronouns that may speak ("he said", "it said", "we believe").
pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it"];
/// Object pronouns inside a description ("a source close to him").
pub(super) const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "us", "me"];
/// Relative pronouns that stand for a speaker ("Smith, who said").
pub(super) const RELATIVE_PRONOUNS: &[&str] = &["who", "which", "whose"];
/// Words after which a speaker mention may start a clause.
pub(super) const CLAUSE_STARTS: &[&str] = &[
    "and", "but", "although", "though", "while", "whereas", "that", "so", "yet", "when", "if",
    "because", "after", "before", "since", "as", "once", "until", "unless", "where", "whether",
    "than", "or", "nor", "then",
];
/// Words opening a sentence before its subject ("But officials said").
pub(super) const SENTENCE_OPENERS: &[&str] = &[
    "but",
    "and",
    "so",
    "yet",
    "still",
    "meanwhile",
    "however",
    "instead",
    "also",
    "then",
    "now",
    "later",
];
/// Prepositions inside descriptions ("a professor at Harvard", "an adviser
/// to the campaign") when a name or a determined phrase follows them.
pub(super) const MENTION_PREPOSITIONS: &[&str] =
    &["of", "for", "at", "from", "in", "with", "on", "to"];
/// Lowercase words that open an apposition ("Smith, former chairman of").
pub(super) const APPOSITION_STARTS: &[&str] = &[
    "former",
    "then",
    "now",
    "himself",
    "herself",
    "themselves",
    "itself",
    "formerly",
    "currently",
    "chairman",
    "president",
    "director",
    "spokesman",
    "spokeswoman",
    "head",
    "chief",
    "leader",
    "executive",
    "senior",
    "professor",
    "author",
    "founder",
    "co-founder",
    "editor",
    "owner",
    "candidate",
    "governor",
    "senator",
    "mayor",
    "secretary",
    "adviser",
    "advisor",
    "aide",
    "attorney",
    "lawyer",
    "analyst",
    "strategist",
    "pollster",
    "member",
    "host",
    "writer",
    "correspondent",
    "reporter",
];
/// Words opening a parenthetical between a mention and its cue ("Smith,
/// for example, said"; "Smith, in a statement, said").
pub(super) const PARENTHETICAL_STARTS: &[&str] = &[
    "for",
    "however",
    "in",
    "meanwhile",
    "though",
    "too",
    "also",
    "moreover",
    "nonetheless",
    "instead",
    "then",
    "now",
    "like",
    "on",
    "at",
    "during",
    "after",
    "before",
    "speaking",
    "asked",
    "meanwhile",
    "similarly",
    "likewise",
    "by",
    "once",
    "again",
    "earlier",
    "later",
];
/// Words opening a time phrase between a mention and its cue ("on Tuesday").
pub(super) const TIME_OPENERS: &[&str] = &[
    "on", "last", "this", "earlier", "late", "early", "next", "in",
];
/// Words closing such a time phrase.
pub(super) const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "weekend",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
];
/// Words that end a mention when walking away from its cue.
pub(super) const STOP_WORDS: &[&str] = &[
    "and",
    "but",
    "although",
    "though",
    "while",
    "whereas",
    "that",
    "so",
    "yet",
    "when",
    "if",
    "because",
    "after",
    "before",
    "since",
    "until",
    "unless",
    "once",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "why",
    "how",
    "what",
    "as",
    "than",
    "whether",
    "to",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "into",
    "about",
    "over",
    "under",
    "during",
    "against",
    "without",
    "between",
    "through",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "shall",
    "not",
    "do",
    "does",
    "did",
    "it",
    "there",
    "here",
    "also",
    "i",
    "we",
    "you",
    "me",
    "him",
    "us",
    "them",
    "then",
    "just",
    "now",
    "there's",
    "there’s",
    "it's",
    "it’s",
    "that's",
    "that’s",
    "what's",
    "what’s",
    "here's",
    "here’s",
];
/// Lowercase words in -ly that are nouns, not adverbs.
pub(super) const LY_NOUNS: &[&str] = &[
    "family", "rally", "rallies", "ally", "supply", "assembly", "reply", "anomaly", "monopoly",
    "bully", "folly", "belly", "jelly", "melly", "holly", "lily", "tally",
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
    "not",
    "never",
    "did",
    "does",
    "do",
    "didn't",
    "doesn't",
    "don't",
    "hasn't",
    "haven't",
    "wouldn't",
    "won't",
    "could",
    "can",
    "cannot",
    "can't",
    "may",
    "might",
    "should",
    "must",
    "still",
    "already",
    "always",
    "first",
    "initially",
    "originally",
    "now",
    "long",
    "frequently",
    "openly",
    "angrily",
    "quickly",
    "immediately",
    "personally",
    "directly",
    "explicitly",
    "specifically",
    "strongly",
    "clearly",
    "apparently",
    "allegedly",
    "even",
    "just",
    "only",
    "too",
    "all",
    "both",
    "himself",
    "herself",
    "themselves",
    "itself",
    "generally",
    "largely",
    "widely",
    "increasingly",
    "privately",
    "quietly",
    "loudly",
    "falsely",
    "wrongly",
    "correctly",
    "rightly",
    "essentially",
    "basically",
    "actually",
    "really",
    "certainly",
];
/// Words before a cue that make it passive ("was told", "is said").
pub(super) const PASSIVE_AUXILIARIES: &[&str] =
    &["was", "were", "is", "are", "be", "been", "being"];
pub(super) const INDEFINITE_DETERMINERS: &[&str] = &[
    "a", "an", "another", "one", "two", "three", "four", "several", "some", "many", "other",
];
pub(super) const DEFINITE_DETERMINERS: &[&str] = &[
    "the", "this", "these", "those", "his", "her", "their", "its", "our", "both", "my", "your",
];
/// Determiners and quantifiers that may open a description.
pub(super) const DETERMINERS: &[&str] = &[
    "a", "an", "another", "one", "two", "three", "four", "five", "several", "some", "many",
    "other", "the", "this", "these", "those", "his", "her", "their", "its", "our", "both", "my",
    "your", "each", "every", "all", "most", "few", "no", "any", "more", "nearly", "about",
    "almost", "half", "majority", "only",
];
/// Lowercase words that may sit inside a name ("Ursula von der Leyen").
pub(super) const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "al", "bin", "da", "di", "la", "le", "du", "del", "dos", "el",
];
/// Words that end a description's head ("a spokesman for the ministry").
pub(super) const HEAD_ENDS: &[&str] = &[
    "of", "for", "at", "from", "with", "in", "to", "on", "close", "familiar", "like", "who",
    "which", "that", "among", "inside", "within", "across", "near", "working", "involved",
];
/// Words before a preposition that make the name after it someone other
/// than the speaker ("a spokesman for John Smith", "Aides to Clinton",
/// "sources close to Abe", "people familiar with Lee's thinking").
pub(super) const PROXY_WORDS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "friend",
    "friends",
    "relative",
    "relatives",
    "associate",
    "associates",
    "ally",
    "allies",
    "staff",
    "staffers",
    "close",
    "familiar",
];
/// Plural nouns for groups that speak, capitalised at a sentence start
/// without being names ("Officials said").
pub(super) const GROUP_NOUNS: &[&str] = &[
    "officials",
    "critics",
    "sources",
    "analysts",
    "experts",
    "aides",
    "advisers",
    "advisors",
    "supporters",
    "opponents",
    "voters",
    "residents",
    "lawmakers",
    "people",
    "protesters",
    "observers",
    "investigators",
    "prosecutors",
    "officers",
    "leaders",
    "members",
    "organizers",
    "activists",
    "economists",
    "historians",
    "scientists",
    "pollsters",
    "strategists",
    "authorities",
    "diplomats",
    "negotiators",
    "friends",
    "allies",
    "donors",
    "delegates",
    "researchers",
    "witnesses",
    "police",
    "polls",
    "surveys",
    "reports",
    "documents",
    "records",
    "emails",
    "others",
    "many",
    "some",
    "most",
    "both",
    "democrats",
    "republicans",
];
/// Irregular past participles that close a head noun ("a poll taken").
pub(super) const PARTICIPLES: &[&str] = &[
    "taken", "written", "given", "seen", "known", "held", "made", "done", "shown", "sent", "run",
    "led", "paid", "built", "chosen",
];
/// Words that show a man ("Mr.", "spokesman").
pub(super) const MALE_WORDS: &[&str] = &[
    "mr.",
    "mr",
    "he",
    "man",
    "spokesman",
    "chairman",
    "congressman",
    "businessman",
    "councilman",
    "father",
    "son",
    "husband",
    "brother",
    "king",
    "prince",
    "boy",
    "uncle",
    "grandfather",
    "sir",
    "lord",
    "gentleman",
    "himself",
];
/// Words that show a woman ("Mrs.", "spokeswoman").
pub(super) const FEMALE_WORDS: &[&str] = &[
    "mrs.",
    "mrs",
    "ms.",
    "ms",
    "miss",
    "she",
    "woman",
    "spokeswoman",
    "chairwoman",
    "congresswoman",
    "businesswoman",
    "councilwoman",
    "mother",
    "daughter",
    "wife",
    "sister",
    "queen",
    "princess",
    "girl",
    "aunt",
    "grandmother",
    "lady",
    "dame",
    "herself",
];
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
    "speaker",
    "rev.",
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
    "about",
    "into",
    "via",
];
/// Cues that come before their speaker after reported speech and a comma
/// ("The plan is dead, said the minister.").
pub(super) const INVERTING_CUES: &[&str] = &[
    "said",
    "say",
    "says",
    "added",
    "adds",
    "wrote",
    "writes",
    "asked",
    "asks",
    "explained",
    "noted",
    "recalled",
    "continued",
    "argued",
    "countered",
    "replied",
    "responded",
    "insisted",
    "warned",
    "tweeted",
    "declared",
    "concluded",
    "observed",
    "remarked",
    "acknowledged",
    "admitted",
    "joked",
    "quipped",
    "cautioned",
    "predicted",
];
/// Nouns for sources that "In ..." opens a sentence with ("In a poll
/// taken last week, ...").
pub(super) const SOURCE_NOUNS: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "surveys",
    "statement",
    "interview",
    "report",
    "study",
    "analysis",
    "letter",
    "memo",
    "email",
    "book",
    "column",
    "editorial",
    "op-ed",
    "speech",
    "filing",
    "ruling",
    "documents",
    "rankings",
    "post",
    "tweet",
    "video",
    "ad",
    "release",
    "testimony",
    "transcript",
    "remarks",
    "findings",
    "data",
    "estimate",
    "estimates",
];
/// Participles of asking that open a sentence ("Asked whether ...").
pub(super) const QUESTION_CUES: &[&str] = &["asked", "pressed", "questioned"];
/// Words before them ("When asked about ...").
pub(super) const QUESTION_OPENERS: &[&str] = &["when", "if", "once", "after", "before", "while"];
/// Words that open a reported clause right after a cue ("said yes",
/// "said there was").
pub(super) const CLAUSE_OPENERS: &[&str] = &["that", "yes", "no", "there", "if", "whether"];
/// Words after the second comma of a mid-sentence attribution that start
/// a clause of their own ("The deal is off, he said, but talks go on.").
pub(super) const MID_CONTENT_ENDS: &[&str] = &[
    "but", "although", "though", "while", "whereas", "who", "which",
];
/// Conjunctions that end reported speech after a comma (", although he ...").
pub(super) const CONTENT_ENDS: &[&str] = &["but", "although", "though", "while", "whereas"];
/// Words opening a subordinate clause that may come before the main
/// clause of a content ("said that while he opposed Trump, he ...").
pub(super) const FRONTED_SUBORDINATORS: &[&str] = &[
    "while", "although", "though", "if", "when", "because", "since", "after", "before", "unless",
];
/// Words before a number that make it approximate ("about 40 percent").
pub(super) const APPROXIMATORS: &[&str] = &[
    "about", "around", "roughly", "nearly", "almost", "over", "under", "some", "just", "only",
];
/// Fractions after "a" in a quantity ("just over a quarter").
pub(super) const FRACTIONS: &[&str] = &["quarter", "third", "fifth", "half", "dozen", "majority"];
/// Numbers in words that open a quantity ("four in 10", "two-thirds").
pub(super) const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty",
    "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "half",
];

pub(super) fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}
