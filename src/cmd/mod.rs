//! Subcommands, one module each, and the options they share.

pub mod score;
pub mod tone;

use anyhow::Result;
use clap::{Args, Parser, Subcommand, ValueEnum};
use stance::actors::{ActorLexicon, DEFAULT_ACTORS};
use stance::engine::{Engine, Scoring};
use stance::lexicon::{Lexicon, DEFAULT_MODIFIERS, DEFAULT_TONE};
use stance::lexicon_spec::{parse_lexicon_spec, LexiconFormat};
use stance::quotes::Cues;
use stance::tone::Rules;
use stance::vader::{EmojiTable, VaderLexicon, VaderScorer};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "stance",
    version,
    about = "Tone and stance of news at corpus scale"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score a corpus: tone per sentence and quote, speakers, actors, stance.
    Score(score::Args),
    /// Score short texts, one per line, each as one unit (no sentence splitting).
    Tone(tone::Args),
}

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Score(args) => score::run(args),
        Command::Tone(args) => tone::run(args),
    }
}

/// A configuration problem found before any work starts (exit status 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

/// Exit status for an error that stopped the run.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    let config = err.chain().any(|e| {
        e.is::<ConfigError>() || matches!(e.downcast_ref(), Some(stance::error::Error::Usage(_)))
    });
    if config {
        2
    } else {
        1
    }
}

/// Which rules turn lexicon words into tone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RuleSet {
    /// stance's rules, with traces.
    Default,
    /// vaderSentiment 3.3.2 exactly (needs --lexicon vader:PATH).
    Vader,
}

/// Lexicon options shared by every command that scores text.
#[derive(Debug, Clone, Args)]
pub struct LexiconArgs {
    /// Tone lexicon: "default" (built in), a native CSV (term,weight,categories;
    /// also native:PATH) or vader:PATH (VADER's token<TAB>mean format).
    #[arg(long, value_name = "[FORMAT:]PATH", default_value = "default")]
    pub lexicon: String,
    /// Tone rules: stance's own, or vaderSentiment 3.3.2's exactly.
    #[arg(long, value_enum, default_value_t = RuleSet::Default)]
    pub rules: RuleSet,
    /// Emoji descriptions for --rules vader (default: emoji_utf8_lexicon.txt beside the lexicon).
    #[arg(long, value_name = "PATH")]
    pub emoji: Option<PathBuf>,
    /// Modifier list (term,role,value: negators, boosters, dampeners, contrast words).
    #[arg(long, value_name = "PATH")]
    pub modifiers: Option<PathBuf>,
    /// Extra actor lexicon (CSV); its rows add to or replace the default's. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub actors: Vec<PathBuf>,
    /// Treat a malformed lexicon line as fatal instead of a warning.
    #[arg(long)]
    pub strict: bool,
}

fn read_file(path: &std::path::Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| ConfigError(format!("{}: {e}", path.display())))?;
    String::from_utf8(bytes)
        .map_err(|e| ConfigError(format!("{}: not UTF-8 ({e})", path.display())).into())
}

impl LexiconArgs {
    /// Loads the lexicons into an engine, reporting malformed lines.
    pub fn engine(&self) -> Result<Engine> {
        let (format, path) = parse_lexicon_spec(&self.lexicon)?;
        let scoring = match (self.rules, format) {
            (RuleSet::Default, LexiconFormat::Native) => self.native_scoring(path)?,
            (RuleSet::Vader, LexiconFormat::Vader) => self.vader_scoring(Path::new(path))?,
            (RuleSet::Default, LexiconFormat::Vader) => {
                return Err(ConfigError("a VADER-format lexicon needs --rules vader".into()).into())
            }
            (RuleSet::Vader, LexiconFormat::Native) => {
                return Err(ConfigError(
                    "--rules vader needs a VADER-format lexicon: --lexicon vader:PATH".into(),
                )
                .into())
            }
        };
        Ok(Engine {
            scoring,
            actors: self.actors()?,
            cues: Cues::embedded(),
        })
    }

    fn native_scoring(&self, path: &str) -> Result<Scoring> {
        if self.emoji.is_some() {
            return Err(ConfigError("--emoji applies only to --rules vader".into()).into());
        }
        let (tone, tone_origin) = match path {
            "default" => (DEFAULT_TONE.to_string(), "default".to_string()),
            path => (read_file(path.as_ref())?, path.to_string()),
        };
        let modifiers = match &self.modifiers {
            Some(path) => read_file(path)?,
            None => DEFAULT_MODIFIERS.to_string(),
        };
        let (lexicon, warnings) = Lexicon::from_csv(&tone, &modifiers, &tone_origin)
            .map_err(|e| ConfigError(e.to_string()))?;
        self.report(warnings.iter().map(|w| (tone_origin.clone(), w)))?;
        Ok(Scoring::Native {
            lexicon,
            rules: Rules::default(),
        })
    }

    fn vader_scoring(&self, path: &Path) -> Result<Scoring> {
        if self.modifiers.is_some() {
            return Err(ConfigError(
                "--modifiers does not apply to --rules vader: VADER's boosters and negators are fixed"
                    .into(),
            )
            .into());
        }
        let origin = path.display().to_string();
        let (lexicon, warnings) = VaderLexicon::from_tsv(&read_file(path)?, &origin)
            .map_err(|e| ConfigError(e.to_string()))?;
        self.report(warnings.iter().map(|w| (origin.clone(), w)))?;
        Ok(Scoring::Vader(VaderScorer::new(
            &lexicon,
            self.emoji(path)?,
        )))
    }

    /// The emoji file given, else the one beside the VADER lexicon; with
    /// neither, emoji are left as they are.
    fn emoji(&self, lexicon: &Path) -> Result<EmojiTable> {
        let path = match &self.emoji {
            Some(path) => path.clone(),
            None => {
                let beside = lexicon.with_file_name("emoji_utf8_lexicon.txt");
                if !beside.is_file() {
                    eprintln!(
                        "stance: warning: no {} beside the VADER lexicon: emoji are not replaced (give one with --emoji)",
                        beside.display()
                    );
                    return Ok(EmojiTable::default());
                }
                beside
            }
        };
        let (table, warnings) = EmojiTable::from_tsv(&read_file(&path)?);
        let origin = path.display().to_string();
        self.report(warnings.iter().map(|w| (origin.clone(), w)))?;
        Ok(table)
    }

    fn actors(&self) -> Result<ActorLexicon> {
        let mut sources = vec![(DEFAULT_ACTORS.to_string(), "default".to_string())];
        for path in &self.actors {
            sources.push((read_file(path)?, path.display().to_string()));
        }
        let borrowed: Vec<(&str, &str)> = sources
            .iter()
            .map(|(t, o)| (t.as_str(), o.as_str()))
            .collect();
        let (actors, warnings) =
            ActorLexicon::from_csvs(&borrowed).map_err(|e| ConfigError(e.to_string()))?;
        self.report(warnings.iter().map(|(o, w)| (o.clone(), w)))?;
        Ok(actors)
    }

    fn report<'a>(
        &self,
        warnings: impl Iterator<Item = (String, &'a stance::lexicon::LoadWarning)>,
    ) -> Result<()> {
        for (origin, w) in warnings {
            let msg = format!("{origin}:{}: {}", w.line, w.message);
            if self.strict {
                return Err(ConfigError(msg).into());
            }
            eprintln!("stance: warning: {msg}; line skipped");
        }
        Ok(())
    }
}
