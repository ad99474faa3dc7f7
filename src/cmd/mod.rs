//! Subcommands, one module each, and the options they share.

pub mod diff;
pub mod eval;
pub mod explain;
pub mod score;

use anyhow::Result;
use clap::{Args, Parser, Subcommand};
use stance::actors::{ActorLexicon, DEFAULT_ACTORS};
use stance::engine::Engine;
use stance::lexicon::{Lexicon, DEFAULT_MODIFIERS, DEFAULT_TONE};
use stance::quotes::Cues;
use stance::tone::Rules;
use std::path::PathBuf;
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
    /// Regression-test the engine against a human-labelled gold set.
    Eval(eval::Args),
    /// Compare two lexicons on a corpus: which units' tone moves, and why.
    Diff(diff::Args),
    /// Explain the score of one text: matches, rules, tone, quotes, actors.
    Explain(explain::Args),
}

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Score(args) => score::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Explain(args) => explain::run(args),
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

/// Lexicon options shared by every command that scores text.
#[derive(Debug, Clone, Args)]
pub struct LexiconArgs {
    /// Tone lexicon as native CSV (term,weight,categories); "default" is the built-in one.
    #[arg(long, value_name = "PATH", default_value = "default")]
    pub lexicon: String,
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

/// Writes to stdout; a closed pipe (`| head`) ends the output quietly.
fn print(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(anyhow::Error::new(e).context("writing to stdout"))
        }
        _ => Ok(()),
    }
}

fn read_file(path: &std::path::Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| ConfigError(format!("{}: {e}", path.display())))?;
    String::from_utf8(bytes)
        .map_err(|e| ConfigError(format!("{}: not UTF-8 ({e})", path.display())).into())
}

impl LexiconArgs {
    /// Loads the lexicons into an engine, reporting malformed lines.
    pub fn engine(&self) -> Result<Engine> {
        let lexicon = self.tone_lexicon()?;
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
        Ok(Engine {
            lexicon,
            rules: Rules::default(),
            actors,
            cues: Cues::embedded(),
        })
    }

    /// Loads the tone lexicon and modifiers, reporting malformed lines.
    pub fn tone_lexicon(&self) -> Result<Lexicon> {
        let (tone, tone_origin) = match self.lexicon.as_str() {
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
        Ok(lexicon)
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
