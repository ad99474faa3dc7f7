//! `stance persons`: the people a run quoted whom the actor lexicon does
//! not know, written as actor rows (see `stance::persons`) for a second
//! run's `--actors`.

use super::{load_actors, read_file, ConfigError};
use anyhow::{Context, Result};
use stance::persons::{person_rows, read_speakers, write_rows, Thresholds};
use stance::quotes::Cues;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A `speakers.csv` written by `stance score`.
    #[arg(value_name = "SPEAKERS_CSV")]
    pub speakers: PathBuf,
    /// Output file ("-" for stdout).
    #[arg(short, long, value_name = "FILE")]
    pub out: PathBuf,
    /// Least quotes a name needs in the run.
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub min_quotes: u64,
    /// Least articles a name needs in the run.
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub min_articles: u64,
    /// Actor lexicons the run used beside the default (their persons are
    /// left out). Repeatable.
    #[arg(long, value_name = "FILE")]
    pub actors: Vec<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let lexicon = load_actors(&args.actors, false)?;
    let origin = args.speakers.display().to_string();
    let (quoted, warnings) = read_speakers(&read_file(&args.speakers)?, &origin)
        .map_err(|e| ConfigError(e.to_string()))?;
    for w in &warnings {
        eprintln!("stance: {origin}:{}: {}; row skipped", w.line, w.message);
    }
    let thresholds = Thresholds {
        min_quotes: args.min_quotes,
        min_articles: args.min_articles,
    };
    let rows = person_rows(&quoted, &lexicon, &Cues::embedded(), thresholds);
    let written = if args.out.as_os_str() == "-" {
        write_rows(&rows, std::io::stdout().lock())
    } else {
        let file = std::fs::File::create(&args.out)
            .with_context(|| format!("creating {}", args.out.display()))?;
        write_rows(&rows, std::io::BufWriter::new(file))
    };
    written.with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!(
        "stance: {} persons of {} quoted names ({} rows skipped)",
        rows.len(),
        quoted.len(),
        warnings.len()
    );
    Ok(super::status(!warnings.is_empty()))
}
