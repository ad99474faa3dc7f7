//! `stance merge`: joins the reports of runs over disjoint parts of a
//! corpus (`stance score --shard K/N`) into the reports of one run (see
//! `stance::merge`).

use super::ConfigError;
use anyhow::{Context, Result};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Report directories written by `stance score`, one per shard.
    #[arg(required = true, value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// Directory for the merged reports (not one of the inputs).
    #[arg(short, long, value_name = "DIR")]
    pub out: PathBuf,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let out = args.out.canonicalize().ok();
    for dir in &args.dirs {
        let dir = dir
            .canonicalize()
            .with_context(|| format!("reading {}", dir.display()))?;
        if out.as_ref() == Some(&dir) {
            let msg = format!("-o {}: is one of the inputs", args.out.display());
            return Err(ConfigError(msg).into());
        }
    }
    stance::merge::merge(&args.dirs, &args.out)
        .with_context(|| format!("merging into {}", args.out.display()))?;
    Ok(ExitCode::SUCCESS)
}
