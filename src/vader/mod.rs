//! VADER-exact mode: vaderSentiment 3.3.2's scoring, quirks included, over
//! a lexicon in VADER's own format. `load` reads the lexicon and emoji
//! files, `words` holds VADER's fixed word lists, `table` the per-word
//! lookup, `text` its tokenizer with Python's string semantics; this module
//! applies the rules, in the same order and with the same floating-point
//! operations as vaderSentiment, so that its scores are reproduced to the
//! last digit.

mod load;
mod table;
mod text;
mod words;

pub use load::{EmojiTable, VaderLexicon};

use crate::types::Tone;
use std::cell::RefCell;
use table::{Word, WordTable};
use text::Case;
use words::{
    phrase_value, phrases, Marker, Phrase, ALPHA, BOOSTERS, C_INCR, MARKERS, NEGATORS, N_SCALAR,
    SPECIAL_CASES,
};

/// vaderSentiment's `polarity_scores`: proportions rounded to 3 decimals,
/// compound to 4, as Python's `round` does.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scores {
    pub neg: f64,
    pub neu: f64,
    pub pos: f64,
    pub compound: f64,
}

/// A rated word of a text as VADER-exact mode scored it.
#[derive(Debug, Clone, PartialEq)]
pub struct VaderWord {
    /// Its position among the text's tokens.
    pub at: usize,
    /// Lower-cased and stripped of punctuation, as VADER looks it up.
    pub word: String,
    /// Its valence in the lexicon.
    pub base: f64,
    /// Each rule that changed the valence, with the valence after it.
    pub steps: Vec<(&'static str, f64)>,
    pub valence: f64,
}

/// How VADER-exact mode scored a text (`VaderScorer::trace`).
#[derive(Debug, Clone, PartialEq)]
pub struct VaderTrace {
    pub words: Vec<VaderWord>,
    /// What '!' and '?' add to the size of the valence sum.
    pub emphasis: f64,
    pub compound: f64,
}

/// A token of the text being scored: what the table knows of its
/// lower-cased form, and its case.
#[derive(Debug, Clone, Copy)]
struct Token {
    word: Word,
    case: Case,
}

impl Token {
    /// A negator, or any token containing "n't".
    fn negated(&self) -> bool {
        self.word.negator || self.case.nt
    }
}

/// Scores texts as vaderSentiment 3.3.2 does. Shared read-only across
/// threads; each thread keeps its own scratch buffers.
#[derive(Clone)]
pub struct VaderScorer {
    words: WordTable,
    booster_phrases: Vec<Phrase>,
    idioms: Vec<Phrase>,
    emoji: EmojiTable,
    lexicon_size: usize,
}

impl std::fmt::Debug for VaderScorer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VaderScorer")
            .field("lexicon_entries", &self.lexicon_size)
            .field("emoji", &self.emoji.len())
            .finish()
    }
}

/// Buffers reused from one text to the next.
#[derive(Default)]
struct Scratch {
    replaced: String,
    lower: Vec<u8>,
    tokens: Vec<Token>,
    sentiments: Vec<f64>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

impl VaderScorer {
    pub fn new(lexicon: &VaderLexicon, emoji: EmojiTable) -> VaderScorer {
        let mut words = WordTable::default();
        for (token, valence) in lexicon.iter() {
            words.entry(token).valence = Some(valence);
        }
        for &(token, value) in BOOSTERS.iter().filter(|(t, _)| !t.contains(' ')) {
            words.entry(token).booster = Some(value);
        }
        for &token in NEGATORS {
            words.entry(token).negator = true;
        }
        for &(marker, token) in MARKERS {
            words.entry(token).marker = marker;
        }
        VaderScorer {
            words,
            booster_phrases: phrases(BOOSTERS),
            idioms: phrases(SPECIAL_CASES),
            emoji,
            lexicon_size: lexicon.len(),
        }
    }

    /// vaderSentiment's `polarity_scores(text)`.
    pub fn polarity_scores(&self, text: &str) -> Scores {
        self.with_sentiments(text, scores)
    }

    /// The tone of a text in VADER mode: VADER's compound, with the
    /// positive and negative mass of its word valences after the rules.
    pub fn tone(&self, text: &str) -> Tone {
        self.with_sentiments(text, |sentiments, emphasis| Tone {
            tone: scores(sentiments, emphasis).compound,
            pos: sentiments.iter().filter(|&&s| s > 0.0).sum(),
            neg: -sentiments.iter().filter(|&&s| s < 0.0).sum::<f64>(),
            ..Tone::default()
        })
    }

    /// Runs the rules over `text` and hands the valence of every token
    /// (after the "but" rule) and the punctuation emphasis to `finish`.
    fn with_sentiments<R>(&self, text: &str, finish: impl FnOnce(&[f64], f64) -> R) -> R {
        SCRATCH.with(|cell| {
            let mut scratch = cell.borrow_mut();
            let Scratch {
                replaced,
                lower,
                tokens,
                sentiments,
            } = &mut *scratch;
            let text = self.with_emoji_described(text, replaced);
            self.read_tokens(text, lower, tokens);
            let cap_differential = cap_differential(tokens);
            sentiments.clear();
            sentiments.extend(
                (0..tokens.len())
                    .map(|i| self.valence(tokens, i, cap_differential, &mut |_, _| {})),
            );
            but_check(tokens, sentiments);
            finish(sentiments, punctuation_emphasis(text))
        })
    }

    /// How `text` is scored: each rated word with the rules that changed
    /// its valence, the punctuation emphasis and the compound, as
    /// `stance explain` shows them in VADER-exact mode.
    pub fn trace(&self, text: &str) -> VaderTrace {
        let mut replaced = String::new();
        let text = self.with_emoji_described(text, &mut replaced);
        let (mut tokens, mut words) = (Vec::new(), Vec::new());
        text::for_each_token(text, &mut Vec::new(), |lower, case| {
            tokens.push(Token {
                word: self.words.get(lower),
                case,
            });
            words.push(String::from_utf8_lossy(lower).into_owned());
        });
        let cap_differential = cap_differential(&tokens);
        let mut traced: Vec<VaderWord> = Vec::new();
        let mut sentiments = Vec::with_capacity(tokens.len());
        for (i, word) in words.into_iter().enumerate() {
            let mut steps = Vec::new();
            let valence = self.valence(&tokens, i, cap_differential, &mut |rule, after| {
                steps.push((rule, after))
            });
            sentiments.push(valence);
            if let Some(base) = tokens[i].word.valence {
                traced.push(VaderWord {
                    at: i,
                    word,
                    base,
                    steps,
                    valence,
                });
            }
        }
        but_check(&tokens, &mut sentiments);
        for w in &mut traced {
            if sentiments[w.at] != w.valence {
                w.valence = sentiments[w.at];
                w.steps.push(("but", w.valence));
            }
        }
        let emphasis = punctuation_emphasis(text);
        VaderTrace {
            compound: scores(&sentiments, emphasis).compound,
            words: traced,
            emphasis,
        }
    }

    /// `text` with its emoji replaced by their descriptions (written into
    /// `buffer`), or `text` itself when it has none.
    fn with_emoji_described<'a>(&self, text: &'a str, buffer: &'a mut String) -> &'a str {
        if self.emoji.replace(text, buffer) {
            buffer.as_str()
        } else {
            text
        }
    }

    fn read_tokens(&self, text: &str, lower: &mut Vec<u8>, out: &mut Vec<Token>) {
        out.clear();
        text::for_each_token(text, lower, |lower, case| {
            out.push(Token {
                word: self.words.get(lower),
                case,
            });
        });
    }

    /// The valence of token `i` after every rule but "but". `step` hears
    /// each rule that changed it, with the valence after it (for
    /// `trace`; a no-op closure when scoring).
    fn valence(
        &self,
        tokens: &[Token],
        i: usize,
        cap_differential: bool,
        step: &mut impl FnMut(&'static str, f64),
    ) -> f64 {
        let token = &tokens[i];
        let next = tokens.get(i + 1);
        let kind_of =
            token.word.marker == Marker::Kind && next.is_some_and(|n| n.word.marker == Marker::Of);
        let Some(base) = token.word.valence else {
            return 0.0;
        };
        if token.word.booster.is_some() || kind_of {
            step("booster word or 'kind of'", 0.0);
            return 0.0;
        }
        let mut valence = base;
        let mut apply = |rule: &'static str, new: f64, valence: &mut f64| {
            if new != *valence {
                step(rule, new);
            }
            *valence = new;
        };
        if token.word.marker == Marker::No && next.is_some_and(|n| n.word.valence.is_some()) {
            apply("no before a rated word", 0.0, &mut valence);
        }
        if after_no(tokens, i) {
            apply("after no", base * N_SCALAR, &mut valence);
        }
        if token.case.upper && cap_differential {
            apply("caps", valence + caps_bonus(valence), &mut valence);
        }
        for distance in 1..=i.min(3) {
            let before = &tokens[i - distance];
            if before.word.valence.is_some() {
                continue;
            }
            let mut scalar = booster_scalar(before, valence, cap_differential);
            if scalar != 0.0 {
                scalar *= [1.0, 0.95, 0.9][distance - 1];
            }
            apply("booster", valence + scalar, &mut valence);
            let negated = negation_check(valence, tokens, distance, i);
            apply("negation check", negated, &mut valence);
            if distance == 3 {
                let idiom = self.special_idioms(valence, tokens, i);
                apply("idiom", idiom, &mut valence);
            }
        }
        let least = least_check(valence, tokens, i);
        apply("least", least, &mut valence);
        valence
    }

    /// Idioms replace the valence; "kind of", "sort of" and "just enough"
    /// just before add B_DECR. Only reached from the fourth token on.
    fn special_idioms(&self, mut valence: f64, tokens: &[Token], i: usize) -> f64 {
        let m = |k: usize| tokens[k].word.marker;
        let (three, two, one, zero) = (m(i - 3), m(i - 2), m(i - 1), m(i));
        let before: [&[Marker]; 5] = [
            &[one, zero],
            &[two, one, zero],
            &[two, one],
            &[three, two, one],
            &[three, two],
        ];
        if let Some(v) = before.iter().find_map(|s| phrase_value(&self.idioms, s)) {
            valence = v;
        }
        if i + 1 < tokens.len() {
            if let Some(v) = phrase_value(&self.idioms, &[zero, m(i + 1)]) {
                valence = v;
            }
        }
        if i + 2 < tokens.len() {
            if let Some(v) = phrase_value(&self.idioms, &[zero, m(i + 1), m(i + 2)]) {
                valence = v;
            }
        }
        for words in [&[three, two, one][..], &[three, two], &[two, one]] {
            if let Some(v) = phrase_value(&self.booster_phrases, words) {
                valence += v;
            }
        }
        valence
    }
}

/// Whether some but not all tokens are upper case: only then does ALL-CAPS
/// emphasis apply.
fn cap_differential(tokens: &[Token]) -> bool {
    let upper = tokens.iter().filter(|t| t.case.upper).count();
    upper > 0 && upper < tokens.len()
}

/// ALL-CAPS emphasis: C_INCR in the direction of `valence`, zero
/// counting as negative.
fn caps_bonus(valence: f64) -> f64 {
    if valence > 0.0 {
        C_INCR
    } else {
        -C_INCR
    }
}

/// "no" one or two tokens before, or three before with "or"/"nor" just
/// before the word.
fn after_no(tokens: &[Token], i: usize) -> bool {
    let is = |k: usize, m: Marker| tokens[k].word.marker == m;
    (i > 0 && is(i - 1, Marker::No))
        || (i > 1 && is(i - 2, Marker::No))
        || (i > 2 && is(i - 3, Marker::No) && (is(i - 1, Marker::Or) || is(i - 1, Marker::Nor)))
}

/// vaderSentiment's `scalar_inc_dec`: what a booster before a word adds,
/// in the word's direction (zero counting as positive, except for the caps
/// bonus).
fn booster_scalar(before: &Token, valence: f64, cap_differential: bool) -> f64 {
    let Some(mut scalar) = before.word.booster else {
        return 0.0;
    };
    if valence < 0.0 {
        scalar *= -1.0;
    }
    if before.case.upper && cap_differential {
        scalar += caps_bonus(valence);
    }
    scalar
}

fn is_so_or_this(token: &Token) -> bool {
    matches!(token.word.marker, Marker::So | Marker::This)
}

/// vaderSentiment's `_negation_check` for the token `distance` before the
/// word, with its "never so", "without doubt" exceptions and, at distance
/// 3, its operator-precedence slip: any "so"/"this" just before the word
/// multiplies by 1.25.
fn negation_check(valence: f64, tokens: &[Token], distance: usize, i: usize) -> f64 {
    let t = |d: usize| &tokens[i - d];
    match distance {
        1 if t(1).negated() => valence * N_SCALAR,
        2 if t(2).word.marker == Marker::Never && is_so_or_this(t(1)) => valence * 1.25,
        2 if t(2).word.marker == Marker::Without && t(1).word.marker == Marker::Doubt => valence,
        2 if t(2).negated() => valence * N_SCALAR,
        3 if (t(3).word.marker == Marker::Never && is_so_or_this(t(2))) || is_so_or_this(t(1)) => {
            valence * 1.25
        }
        3 if t(3).word.marker == Marker::Without
            && (t(2).word.marker == Marker::Doubt || t(1).word.marker == Marker::Doubt) =>
        {
            valence
        }
        3 if t(3).negated() => valence * N_SCALAR,
        _ => valence,
    }
}

/// "least" before a word negates it, unless "at least" or "very least".
fn least_check(valence: f64, tokens: &[Token], i: usize) -> f64 {
    let least_before = i > 0 && {
        let t = &tokens[i - 1];
        t.word.valence.is_none() && t.word.marker == Marker::Least
    };
    let exempt = i > 1 && matches!(tokens[i - 2].word.marker, Marker::At | Marker::Very);
    if least_before && !exempt {
        valence * N_SCALAR
    } else {
        valence
    }
}

/// vaderSentiment's `_but_check`, including its quirk: each valence is
/// found again by value (`list.index`), so an equal valence earlier in the
/// list is the one scaled.
fn but_check(tokens: &[Token], sentiments: &mut [f64]) {
    let Some(but) = tokens.iter().position(|t| t.word.marker == Marker::But) else {
        return;
    };
    for k in 0..sentiments.len() {
        let value = sentiments[k];
        let Some(at) = sentiments.iter().position(|&s| s == value) else {
            continue;
        };
        if at < but {
            sentiments[at] = value * 0.5;
        } else if at > but {
            sentiments[at] = value * 1.5;
        }
    }
}

/// Emphasis from '!' (0.292 each, at most 4) and '?' (0.18 each for 2 or
/// 3, 0.96 for more; a single one adds nothing).
fn punctuation_emphasis(text: &str) -> f64 {
    let bytes = text.as_bytes();
    if memchr::memchr2(b'!', b'?', bytes).is_none() {
        return 0.0;
    }
    let count = |mark: u8| bytes.iter().filter(|&&b| b == mark).count();
    let exclamation = count(b'!').min(4) as f64 * 0.292;
    let questions = count(b'?');
    let question = match questions {
        0 | 1 => 0.0,
        2 | 3 => questions as f64 * 0.18,
        _ => 0.96,
    };
    exclamation + question
}

/// vaderSentiment's `score_valence`.
fn scores(sentiments: &[f64], emphasis: f64) -> Scores {
    if sentiments.is_empty() {
        return Scores::default();
    }
    let mut sum: f64 = sentiments.iter().fold(0.0, |acc, s| acc + s);
    if sum > 0.0 {
        sum += emphasis;
    } else if sum < 0.0 {
        sum -= emphasis;
    }
    let compound = (sum / (sum * sum + ALPHA).sqrt()).clamp(-1.0, 1.0);
    let (mut pos, mut neg, mut neutral) = (0.0, 0.0, 0u32);
    for &s in sentiments {
        if s > 0.0 {
            pos += s + 1.0;
        }
        if s < 0.0 {
            neg += s - 1.0;
        }
        if s == 0.0 {
            neutral += 1;
        }
    }
    if pos > f64::abs(neg) {
        pos += emphasis;
    } else if pos < f64::abs(neg) {
        neg -= emphasis;
    }
    let total = pos + f64::abs(neg) + f64::from(neutral);
    Scores {
        neg: py_round(f64::abs(neg / total), 3),
        neu: py_round(f64::abs(f64::from(neutral) / total), 3),
        pos: py_round(f64::abs(pos / total), 3),
        compound: py_round(compound, 4),
    }
}

/// Python's `round(x, digits)`: the decimal nearest to the exact binary
/// value of `x`, ties to even. Scaling is exact enough unless `x` lies
/// near a tie; then Rust's exact decimal formatting decides.
fn py_round(x: f64, digits: usize) -> f64 {
    let scale = [1.0, 10.0, 100.0, 1e3, 1e4][digits];
    let scaled = x * scale;
    let rounded = scaled.round();
    if ((scaled - rounded).abs() - 0.5).abs() > 1e-6 {
        return rounded / scale;
    }
    format!("{x:.digits$}").parse().unwrap_or(x)
}

#[cfg(test)]
mod tests;
