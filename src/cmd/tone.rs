//! `stance tone`: scores short texts, one per line, each as a single unit
//! (no layout, no sentence splitting), and writes `id,tone,pos,neg` CSV.
//! With `--rules vader` a line's tone is vaderSentiment's compound of it.

use super::LexiconArgs;
use anyhow::{Context, Result};
use rayon::prelude::*;
use stance::corpus::{from_bytes, utf8_stream};
use stance::report::{guard, number};
use stance::types::Tone;
use std::borrow::Cow;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub const HEADER: &[&str] = &["id", "tone", "pos", "neg"];

/// Texts scored in parallel at a time.
const BATCH: usize = 4096;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files of one text per line, or - for stdin.
    #[arg(required = true, value_name = "FILE")]
    pub inputs: Vec<PathBuf>,
    /// Lines are id<TAB>...<TAB>text (the layout of VADER's gold sets: id,
    /// mean rating, text); without it a text's id is FILE:LINE.
    #[arg(long)]
    pub tsv: bool,
    /// Write the CSV to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub lexicons: LexiconArgs,
}

/// One text to score, with its id.
struct Text<'a> {
    id: Cow<'a, str>,
    text: &'a str,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let pool = super::thread_pool(args.threads)?;
    let engine = args.lexicons.engine()?;
    let sink: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut csv = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(BufWriter::new(sink));
    csv.write_record(HEADER)?;
    let mut problems = 0usize;
    for input in &args.inputs {
        let Some((name, content)) = read_input(input, &mut problems) else {
            continue;
        };
        let texts = split_texts(&name, &content, args.tsv, &mut problems);
        for batch in texts.chunks(BATCH) {
            let tones: Vec<Tone> = pool.install(|| {
                batch
                    .par_iter()
                    .map(|t| engine.tone_of_text(t.text))
                    .collect()
            });
            for (t, tone) in batch.iter().zip(&tones) {
                csv.write_record([
                    guard(&t.id).as_ref(),
                    &number(tone.tone),
                    &number(tone.pos),
                    &number(tone.neg),
                ])?;
            }
        }
    }
    csv.flush().context("writing the CSV")?;
    Ok(super::status(problems > 0))
}

/// Reads a file (or stdin for `-`) as text: UTF-8, UTF-16 with a byte
/// order mark (`corpus::utf8_stream`), or with a warning a legacy 8-bit or
/// damaged UTF-8 text (`corpus::from_bytes`).
fn read_input(path: &Path, problems: &mut usize) -> Option<(String, String)> {
    let (name, input): (String, std::io::Result<Box<dyn Read + Send>>) = if path == Path::new("-") {
        ("stdin".to_string(), Ok(Box::new(std::io::stdin())))
    } else {
        let file = std::fs::File::open(path).map(|f| Box::new(f) as Box<dyn Read + Send>);
        (path.display().to_string(), file)
    };
    let bytes = input.and_then(|input| {
        let mut bytes = Vec::new();
        utf8_stream(input).read_to_end(&mut bytes).map(|_| bytes)
    });
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            eprintln!("stance: {name}: {e}");
            *problems += 1;
            return None;
        }
    };
    let (text, warning) = from_bytes(&bytes);
    if let Some(warning) = warning {
        eprintln!("stance: {name}: {warning}");
        *problems += 1;
    }
    Some((name, text))
}

/// The non-blank lines of a file as texts. In TSV mode the id is the first
/// field and the text the last; a line without a tab is reported.
fn split_texts<'a>(name: &str, content: &'a str, tsv: bool, problems: &mut usize) -> Vec<Text<'a>> {
    let mut texts = Vec::new();
    for (raw, line_no) in content.split('\n').zip(1u64..) {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            continue;
        }
        if !tsv {
            texts.push(Text {
                id: format!("{name}:{line_no}").into(),
                text: line,
            });
            continue;
        }
        match (line.split_once('\t'), line.rsplit_once('\t')) {
            (Some((id, _)), Some((_, text))) => texts.push(Text {
                id: id.into(),
                text,
            }),
            _ => {
                eprintln!(
                    "stance: {name}:{line_no}: no tab (expected id<TAB>...<TAB>text); skipped"
                );
                *problems += 1;
            }
        }
    }
    texts
}
