#!/usr/bin/env bash
# Speed of stance's VADER-exact mode against the fastest Rust port,
# vader-sentimental 0.1.3 (default-features = false), on the VADER
# ICWSM-2014 gold sets: one thread, both scorers in one process, timed in
# alternating rounds; prints texts/s of each (best round) and the ratio,
# and how many compound scores differ between the two.
# Builds a throwaway cargo project in a temp dir (nothing is kept).
# Usage: scripts/bench_vader.sh [DATA_DIR] [LEXICON_DIR]
#   defaults: ../shared/data/vader-icwsm2014 and ../shared/data/lexicons
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
data=$(realpath "${1:-../shared/data/vader-icwsm2014}")
lexicons=$(realpath "${2:-../shared/data/lexicons}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src"
cat >"$work/Cargo.toml" <<EOF
[package]
name = "bench-vader"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
stance = { path = "$repo" }
vader-sentimental = { version = "0.1.3", default-features = false }

[profile.release]
debug = false
EOF
cat >"$work/src/main.rs" <<'EOF'
use stance::vader::{EmojiTable, VaderLexicon, VaderScorer};
use std::hint::black_box;
use std::time::{Duration, Instant};

const FILES: &[&str] = &[
    "nyt_editorials_dev.tsv",
    "tweets_GroundTruth.txt",
    "movieReviewSnippets_GroundTruth.txt",
    "amazonReviewSnippets_GroundTruth.txt",
];
const ROUNDS: usize = 5;
const ROUND_TIME: Duration = Duration::from_millis(400);

/// The text (last tab-separated field) of each non-blank line.
fn texts(path: &str) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.rsplit('\t').next().unwrap().to_string())
        .collect()
}

/// Texts per second of `score` over `texts`: whole passes for at least
/// ROUND_TIME.
fn rate(texts: &[String], score: &dyn Fn(&str) -> f64) -> f64 {
    let start = Instant::now();
    let mut passes = 0;
    while start.elapsed() < ROUND_TIME {
        for t in texts {
            black_box(score(black_box(t)));
        }
        passes += 1;
    }
    (passes * texts.len()) as f64 / start.elapsed().as_secs_f64()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (data, lexicons) = (&args[1], &args[2]);
    let read = |name: &str| std::fs::read_to_string(format!("{lexicons}/{name}")).unwrap();
    let (lexicon, _) = VaderLexicon::from_tsv(&read("vader_lexicon.txt"), "vader").unwrap();
    let (emoji, _) = EmojiTable::from_tsv(&read("emoji_utf8_lexicon.txt"));
    let ours = VaderScorer::new(&lexicon, emoji);
    let theirs = vader_sentimental::SentimentIntensityAnalyzer::new();
    let stance = |t: &str| ours.polarity_scores(t).compound;
    let port = |t: &str| theirs.polarity_scores(t).compound;
    println!("{:<40} {:>7} {:>14} {:>18} {:>6} {:>10}", "file", "texts", "stance/s", "vader-sentimental/s", "ratio", "differ");
    for name in FILES {
        let texts = texts(&format!("{data}/{name}"));
        let (mut best_ours, mut best_theirs) = (0f64, 0f64);
        for _ in 0..ROUNDS {
            best_ours = best_ours.max(rate(&texts, &stance));
            best_theirs = best_theirs.max(rate(&texts, &port));
        }
        let differ = texts
            .iter()
            .filter(|t| (stance(t) - (port(t) * 1e4).round() / 1e4).abs() > 1e-4 + 1e-12)
            .count();
        println!(
            "{:<40} {:>7} {:>14.0} {:>18.0} {:>5.1}x {:>9.1}%",
            name,
            texts.len(),
            best_ours,
            best_theirs,
            best_ours / best_theirs,
            100.0 * differ as f64 / texts.len() as f64
        );
    }
}
EOF
echo "building the throwaway benchmark project (release)..." >&2
(cd "$work" && cargo build --release --quiet)
"$work/target/release/bench-vader" "$data" "$lexicons"
