//! Subcommands, one module each, and the options they share.

pub mod diff;
pub mod eval;
pub mod explain;
pub mod lexicon;
pub mod merge;
pub mod persons;
pub mod score;
pub mod tone;

use anyhow::Result;
use clap::{Args, Parser, Subcommand, ValueEnum};
use stance::actors::{ActorLexicon, DEFAULT_ACTORS};
use stance::engine::Engine;
use stance::formats::{load_spec, merge, Format, LoadedLexicon};
use stance::lexicon::{parse_modifiers, Lexicon, LoadWarning, DEFAULT_MODIFIERS};
use stance::quotes::Cues;
use stance::report::Dialect;
use stance::stance::Sides;
use stance::target_model::{TargetModel, DEFAULT_TARGET_MODEL};
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

// Parsed once per run: the size of a variant does not matter.
#[allow(clippy::large_enum_variant)]
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
    /// Check, count or convert tone lexicons of any supported format.
    Lexicon(lexicon::Args),
    /// Score short texts, one per line, each as one unit (no sentence splitting).
    Tone(tone::Args),
    /// Join the reports of shard runs (score --shard K/N) into one run's.
    Merge(merge::Args),
    /// Write the people a run quoted, whom the actor lexicon lacks, as
    /// actor rows for --actors, so that a second run counts them as targets.
    Persons(persons::Args),
}

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Score(args) => score::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Lexicon(args) => lexicon::run(args),
        Command::Tone(args) => tone::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Persons(args) => persons::run(args),
    }
}

/// `--excel[=comma|semicolon]`, for the commands that write reports.
#[derive(Debug, clap::Args)]
pub struct ExcelArgs {
    /// Write the CSV for Excel: a UTF-8 BOM and CRLF line ends.
    /// --excel=semicolon also puts ';' between cells and writes decimal
    /// commas, as Excel expects in German, French and other comma-decimal
    /// locales.
    #[arg(
        long,
        value_name = "SEPARATOR",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "comma",
        value_parser = ["comma", "semicolon"]
    )]
    pub excel: Option<String>,
}

impl ExcelArgs {
    pub fn dialect(&self) -> Dialect {
        match self.excel.as_deref() {
            None => Dialect::Plain,
            Some("semicolon") => Dialect::ExcelSemicolon,
            Some(_) => Dialect::Excel,
        }
    }
}

/// A configuration problem found before any work starts (exit status 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

/// Exit status of a run that went to its end: 1 when it failed a check
/// (an input rejected, a gate missed), else 0.
pub fn status(failed: bool) -> ExitCode {
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

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
    /// vaderSentiment 3.3.2 exactly (needs one VADER-format --lexicon).
    Vader,
}

/// The worker threads of `--threads N` (default: one per core); 0 is a
/// usage error.
pub fn thread_pool(threads: Option<usize>) -> Result<rayon::ThreadPool> {
    if threads == Some(0) {
        return Err(ConfigError("--threads must be at least 1".into()).into());
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build()
        .map_err(|e| anyhow::anyhow!("starting worker threads: {e}"))
}

/// Lexicon options shared by every command that scores text.
#[derive(Debug, Clone, Args)]
pub struct LexiconArgs {
    /// Tone lexicon, [FORMAT:]PATH (FORMAT: native, vader, afinn, liwc,
    /// lexicoder, yaml, wordstat, huliu, nrc, mpqa, sentiwordnet; detected
    /// when omitted); "default" is the built-in one. Repeatable: a later
    /// lexicon's entry for a term replaces an earlier one.
    #[arg(long, value_name = "[FORMAT:]PATH", default_value = "default")]
    pub lexicon: Vec<String>,
    /// Tone rules: stance's own, or vaderSentiment 3.3.2's exactly.
    #[arg(long, value_enum, default_value_t = RuleSet::Default)]
    pub rules: RuleSet,
    /// Emoji descriptions for --rules vader (default: emoji_utf8_lexicon.txt beside the lexicon).
    #[arg(long, value_name = "PATH")]
    pub emoji: Option<PathBuf>,
    /// Modifier list (term,role,value: negators, boosters, dampeners, contrast
    /// words, and `setting` rows for the rule constants).
    #[arg(long, value_name = "PATH")]
    pub modifiers: Option<PathBuf>,
    /// Extra actor lexicon (CSV); its rows add to or replace the default's. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub actors: Vec<PathBuf>,
    /// Target model (term,context,negative,positive; see lexicons/target.md):
    /// "default" is the built-in one, "none" reads each target by the
    /// rule-based tone alone.
    #[arg(long, value_name = "PATH", default_value = "default")]
    pub target_model: String,
    /// Treat a malformed lexicon line as fatal instead of a warning.
    #[arg(long)]
    pub strict: bool,
    /// Keep targets on the speaker's own side (the same country or
    /// organisation) in stance.csv and the aggregates, for domestic
    /// politics ("Schumer accused Republicans": USA -> USA.REPUBLICAN_PARTY);
    /// only the speaker itself and the actors above it stay out.
    #[arg(long)]
    pub own_side: bool,
}

/// The default actor lexicon with the `--actors` files added, reporting
/// malformed lines (fatal with `strict`).
pub fn load_actors(paths: &[PathBuf], strict: bool) -> Result<ActorLexicon> {
    let mut sources = vec![(DEFAULT_ACTORS.to_string(), "default".to_string())];
    for path in paths {
        sources.push((read_file(path)?, path.display().to_string()));
    }
    let borrowed: Vec<(&str, &str)> = sources
        .iter()
        .map(|(t, o)| (t.as_str(), o.as_str()))
        .collect();
    let (actors, warnings) =
        ActorLexicon::from_csvs(&borrowed).map_err(|e| ConfigError(e.to_string()))?;
    report(warnings.into_iter().map(|(o, w)| (o, skipped(w))), strict)?;
    Ok(actors)
}

/// A warning about a line that was left out.
fn skipped(mut w: LoadWarning) -> LoadWarning {
    w.message.push_str("; line skipped");
    w
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
        let (lexicon, rules, vader) = match self.rules {
            RuleSet::Default if self.emoji.is_some() => {
                return Err(ConfigError("--emoji applies only to --rules vader".into()).into())
            }
            RuleSet::Default => {
                let (lexicon, rules) = self.tone_lexicon()?;
                (lexicon, rules, None)
            }
            RuleSet::Vader => (Lexicon::default(), Rules::default(), Some(self.vader()?)),
        };
        let actors = load_actors(&self.actors, self.strict)?;
        Ok(Engine {
            lexicon,
            rules,
            vader,
            actors,
            cues: Cues::embedded(),
            target_model: self.target_model()?,
            sides: if self.own_side {
                Sides::Own
            } else {
                Sides::Others
            },
        })
    }

    /// The `--target-model`, reporting malformed rows.
    pub fn target_model(&self) -> Result<Option<TargetModel>> {
        let (text, origin) = match self.target_model.as_str() {
            "none" => return Ok(None),
            "default" => (DEFAULT_TARGET_MODEL.to_string(), "default".to_string()),
            path => (read_file(Path::new(path))?, path.to_string()),
        };
        let (model, warnings) =
            TargetModel::from_csv(&text, &origin).map_err(|e| ConfigError(e.to_string()))?;
        self.report(warnings.into_iter().map(|w| (origin.clone(), skipped(w))))?;
        Ok(Some(model))
    }

    /// VADER's scorer on the one `--lexicon`, which must be in VADER's
    /// format; read again by `VaderLexicon`, which keeps tokens as written,
    /// as vaderSentiment does.
    fn vader(&self) -> Result<VaderScorer> {
        if self.modifiers.is_some() {
            return Err(ConfigError(
                "--modifiers does not apply to --rules vader: VADER's boosters and negators are fixed"
                    .into(),
            )
            .into());
        }
        let [spec] = self.lexicon.as_slice() else {
            return Err(ConfigError("--rules vader takes one --lexicon".into()).into());
        };
        let found = load_spec(spec).map_err(|e| ConfigError(e.to_string()))?;
        if found.format != Format::Vader {
            return Err(ConfigError(format!(
                "--rules vader needs a VADER-format lexicon (--lexicon vader:PATH); {spec} is read as {}",
                found.format.name()
            ))
            .into());
        }
        let path = Path::new(&found.origin);
        let (lexicon, warnings) = VaderLexicon::from_tsv(&read_file(path)?, &found.origin)
            .map_err(|e| ConfigError(e.to_string()))?;
        self.report(
            warnings
                .into_iter()
                .map(|w| (found.origin.clone(), skipped(w))),
        )?;
        Ok(VaderScorer::new(&lexicon, self.emoji(path)?))
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
        self.report(warnings.into_iter().map(|w| (origin.clone(), skipped(w))))?;
        Ok(table)
    }

    /// Loads the tone lexicons (merged) and the modifier list with its
    /// rule settings, reporting malformed lines.
    pub fn tone_lexicon(&self) -> Result<(Lexicon, Rules)> {
        if self.rules == RuleSet::Vader {
            return Err(ConfigError(
                "--rules vader is not supported here: this command needs stance's own rules".into(),
            )
            .into());
        }
        let loaded = load_lexicons(&self.lexicon, self.strict)?;
        let (text, origin) = match &self.modifiers {
            Some(path) => (read_file(path)?, path.display().to_string()),
            None => (DEFAULT_MODIFIERS.to_string(), "default".to_string()),
        };
        let (modifiers, warnings) =
            parse_modifiers(&text, &origin).map_err(|e| ConfigError(e.to_string()))?;
        self.report(warnings.into_iter().map(|w| (origin.clone(), skipped(w))))?;
        Ok((
            Lexicon::new(merge(&loaded), modifiers.words),
            modifiers.rules,
        ))
    }

    fn report(&self, warnings: impl Iterator<Item = (String, LoadWarning)>) -> Result<()> {
        report(warnings, self.strict)
    }
}

/// Loads lexicon specs, printing their warnings (fatal with `strict`).
pub fn load_lexicons(specs: &[String], strict: bool) -> Result<Vec<LoadedLexicon>> {
    let mut loaded = Vec::new();
    for spec in specs {
        let lexicon = load_spec(spec).map_err(|e| ConfigError(e.to_string()))?;
        let origin = &lexicon.origin;
        report(
            lexicon.warnings.iter().map(|w| (origin.clone(), w.clone())),
            strict,
        )?;
        loaded.push(lexicon);
    }
    Ok(loaded)
}

/// Prints each warning as `origin:line: message`, or fails on the first
/// when `strict`.
fn report(warnings: impl Iterator<Item = (String, LoadWarning)>, strict: bool) -> Result<()> {
    for (origin, w) in warnings {
        let msg = format!("{origin}:{}: {}", w.line, w.message);
        if strict {
            return Err(ConfigError(msg).into());
        }
        eprintln!("stance: warning: {msg}");
    }
    Ok(())
}
