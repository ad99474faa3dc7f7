//! `stance explain`: analyses one text as a record and prints how its
//! score came about (see `stance::explain`), as text or JSON.

use super::LexiconArgs;
use anyhow::{Context, Result};
use stance::explain::Explanation;
use stance::types::Document;
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The text to explain, or - to read it from stdin.
    #[arg(
        value_name = "TEXT",
        required_unless_present = "file",
        conflicts_with = "file"
    )]
    pub text: Option<String>,
    /// Read the text from a file.
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,
    /// The text's date, as `stance score` reads a record's date field
    /// (e.g. 2019-08-28): who holds an office ("the French president")
    /// and who is in office depend on it.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<String>,
    /// Print the explanation as JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub lexicons: LexiconArgs,
}

fn parse_date(field: &str) -> std::result::Result<String, String> {
    stance::article::read_date(field).ok_or_else(|| format!("not a date: {field:?}"))
}

impl Args {
    fn read_text(&self) -> Result<String> {
        match (&self.text, &self.file) {
            (Some(dash), _) if dash == "-" => {
                let mut text = String::new();
                std::io::stdin()
                    .read_to_string(&mut text)
                    .context("reading stdin")?;
                Ok(text)
            }
            (Some(text), _) => Ok(text.clone()),
            (None, Some(path)) => {
                std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
            }
            (None, None) => unreachable!("clap requires TEXT or --file"),
        }
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let engine = args.lexicons.engine()?;
    let document = Document {
        date: args.date.clone(),
        ..Document::record("text", args.read_text()?)
    };
    let analysis = engine.analyze(document);
    let explanation = Explanation::new(&analysis, &engine);
    let text = if args.json {
        serde_json::to_string_pretty(&explanation)? + "\n"
    } else {
        explanation.to_string()
    };
    super::print(&text)?;
    Ok(ExitCode::SUCCESS)
}
