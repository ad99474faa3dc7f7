//! `stance lexicon check|stats|convert`: lints, counts and converts tone
//! lexicons of any supported format (see `stance::formats`).

use super::load_lexicons;
use anyhow::{Context, Result};
use clap::Subcommand;
use stance::formats::lint::{self, Finding, Kind, Severity, Stats};
use stance::formats::{load_spec, merge, write_native, LoadedLexicon};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, Subcommand)]
pub enum Action {
    /// Report malformed lines and defects (exit 1 on any error; warnings
    /// alone exit 0). Several lexicons are checked as one merged lexicon.
    Check {
        /// Lexicons, [FORMAT:]PATH.
        #[arg(required = true, value_name = "[FORMAT:]PATH")]
        specs: Vec<String>,
        /// One JSON object per finding instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Count entries, phrases, wildcards, categories and weights.
    Stats {
        /// Lexicons, [FORMAT:]PATH.
        #[arg(required = true, value_name = "[FORMAT:]PATH")]
        specs: Vec<String>,
        /// JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write lexicons (merged: a later entry for a term replaces an earlier
    /// one) as one native CSV, term,weight,categories.
    Convert {
        /// Lexicons, [FORMAT:]PATH.
        #[arg(required = true, value_name = "[FORMAT:]PATH")]
        specs: Vec<String>,
        /// Output file ("-" for stdout).
        #[arg(short, long, value_name = "FILE")]
        out: PathBuf,
        /// Fail on a malformed line instead of skipping it.
        #[arg(long)]
        strict: bool,
    },
}

pub fn run(args: Args) -> Result<ExitCode> {
    match args.action {
        Action::Check { specs, json } => check(&specs, json),
        Action::Stats { specs, json } => stats(&specs, json),
        Action::Convert { specs, out, strict } => convert(&specs, &out, strict),
    }
}

fn check(specs: &[String], json: bool) -> Result<ExitCode> {
    let lexicons = specs
        .iter()
        .map(|s| load_spec(s))
        .collect::<std::result::Result<Vec<LoadedLexicon>, _>>()?;
    let findings = lint::check(&lexicons);
    let mut out = std::io::stdout().lock();
    for f in &findings {
        if json {
            writeln!(out, "{}", serde_json::to_string(f)?)?;
        } else {
            writeln!(out, "{}", finding_line(f))?;
        }
    }
    let entries: usize = lexicons.iter().map(|l| l.entries.len()).sum();
    eprintln!("stance: {} entries: {}", entries, summary(&findings));
    let failed = findings.iter().any(|f| f.severity == Severity::Error);
    Ok(super::status(failed))
}

fn finding_line(f: &Finding) -> String {
    let severity = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    format!(
        "{}:{}: {severity}[{}]: {}",
        f.origin,
        f.line,
        f.kind.name(),
        f.message
    )
}

/// "3 errors (malformed 1, unmatchable 2), 1 warning (shadowed 1)".
fn summary(findings: &[Finding]) -> String {
    let count = |severity: Severity, word: &str| {
        let mut kinds: BTreeMap<Kind, usize> = BTreeMap::new();
        for f in findings.iter().filter(|f| f.severity == severity) {
            *kinds.entry(f.kind).or_insert(0) += 1;
        }
        let n: usize = kinds.values().sum();
        let plural = if n == 1 { "" } else { "s" };
        let detail: Vec<String> = kinds
            .iter()
            .map(|(k, n)| format!("{} {n}", k.name()))
            .collect();
        match n {
            0 => format!("0 {word}s"),
            _ => format!("{n} {word}{plural} ({})", detail.join(", ")),
        }
    };
    format!(
        "{}, {}",
        count(Severity::Error, "error"),
        count(Severity::Warning, "warning")
    )
}

fn stats(specs: &[String], json: bool) -> Result<ExitCode> {
    let lexicons = load_lexicons(specs, false)?;
    let all: Vec<Stats> = lexicons.iter().map(lint::stats).collect();
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&all)?)?;
    } else {
        for s in &all {
            write_stats(&mut out, s)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn write_stats(out: &mut impl Write, s: &Stats) -> Result<()> {
    let categories: Vec<String> = s
        .categories
        .iter()
        .map(|(c, n)| format!("{c} {n}"))
        .collect();
    let weights: Vec<String> = s
        .weights
        .iter()
        .map(|b| format!("{} {}", b.bin, b.count))
        .collect();
    writeln!(out, "{} ({})", s.origin, s.format)?;
    writeln!(
        out,
        "  entries     {} ({} distinct terms)",
        s.entries, s.terms
    )?;
    writeln!(out, "  multi-word  {}", s.multi_word)?;
    writeln!(out, "  wildcards   {}", s.wildcards)?;
    writeln!(out, "  warnings    {}", s.warnings)?;
    writeln!(out, "  categories  {}", or_none(&categories.join(", ")))?;
    writeln!(out, "  weights     {}", weights.join(" | "))?;
    Ok(())
}

fn or_none(s: &str) -> &str {
    if s.is_empty() {
        "none"
    } else {
        s
    }
}

fn convert(specs: &[String], out: &PathBuf, strict: bool) -> Result<ExitCode> {
    let lexicons = load_lexicons(specs, strict)?;
    let entries = merge(&lexicons);
    if out.as_os_str() == "-" {
        write_native(&entries, std::io::stdout().lock())?;
    } else {
        let file =
            std::fs::File::create(out).with_context(|| format!("creating {}", out.display()))?;
        write_native(&entries, std::io::BufWriter::new(file))?;
        eprintln!(
            "stance: wrote {} entries to {}",
            entries.len(),
            out.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
