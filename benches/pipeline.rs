//! Criterion benchmarks of the hot stages: segmentation, lexicon matching
//! with tone rules, the whole per-article analysis (with and without the
//! target model, and of one long article), and VADER-exact mode.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use stance::engine::Engine;
use stance::lexicon::DEFAULT_TONE;
use stance::types::{DocFormat, Document, Span};
use stance::vader::{EmojiTable, VaderLexicon, VaderScorer};
use std::hint::black_box;

/// The bundled example articles, concatenated as one corpus in memory.
fn corpus() -> Vec<Document> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| Document {
            id: p.display().to_string(),
            source_path: p.display().to_string(),
            format: DocFormat::PlainText,
            title: None,
            date: None,
            outlet: None,
            text: std::fs::read_to_string(p).unwrap(),
        })
        .collect()
}

fn bytes(docs: &[Document]) -> u64 {
    docs.iter().map(|d| d.text.len() as u64).sum()
}

fn segmentation(c: &mut Criterion) {
    let docs = corpus();
    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(bytes(&docs)));
    group.bench_function("layout+sentences", |b| {
        b.iter(|| {
            for d in &docs {
                let layout = stance::article::read_layout(&d.text, d.format);
                black_box(stance::segment::split_sentences(&d.text, &layout));
            }
        })
    });
    group.finish();
}

fn scoring(c: &mut Criterion) {
    let docs = corpus();
    let engine = Engine::embedded();
    let mut group = c.benchmark_group("score");
    group.throughput(Throughput::Bytes(bytes(&docs)));
    group.bench_function("tokens+lexicon+rules", |b| {
        let mut tokens = stance::tokenize::Tokens::default();
        let mut matches = Vec::new();
        b.iter(|| {
            for d in &docs {
                tokens.clear();
                stance::tokenize::tokenize_into(&d.text, Span::new(0, d.text.len()), &mut tokens);
                engine.lexicon.find(&tokens, &mut matches);
                black_box(stance::tone::score(
                    &d.text,
                    &tokens,
                    &matches,
                    0..tokens.len(),
                    &engine.lexicon,
                    &engine.rules,
                ));
            }
        })
    });
    let without_model = Engine {
        target_model: None,
        ..engine.clone()
    };
    for (name, engine) in [
        ("analyze", &engine),
        ("analyze/no-target-model", &without_model),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                for d in &docs {
                    black_box(engine.analyze(d.clone()));
                }
            })
        });
    }
    group.finish();
}

/// One long article, the examples joined 100 times (about 400 KB), and one
/// sentence of 12,000 actor mentions without a stop (300 KB): their
/// throughput against `analyze` shows whether time grows faster than the
/// length of an article or a sentence (it did once, through a sentences x
/// quotes scan, and per target through terms x mentions x tokens).
fn long_article(c: &mut Criterion) {
    let docs = corpus();
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let doc = Document {
        text: texts.join("\n\n").repeat(100),
        ..docs[0].clone()
    };
    let sentence = Document {
        text: "Japan criticized China and Korea praised the plan while officials warned "
            .repeat(4000),
        ..docs[0].clone()
    };
    let engine = Engine::embedded();
    let mut group = c.benchmark_group("score");
    group.sample_size(10);
    for (name, doc) in [
        ("analyze/long-article", &doc),
        ("analyze/long-sentence", &sentence),
    ] {
        group.throughput(Throughput::Bytes(doc.text.len() as u64));
        group.bench_function(name, |b| b.iter(|| black_box(engine.analyze(doc.clone()))));
    }
    group.finish();
}

/// A VADER-format lexicon made from the one-word entries of the built-in
/// tone lexicon (same -4..+4 scale), so the bench needs no outside file.
fn vader_scorer() -> VaderScorer {
    let tsv: String = DEFAULT_TONE
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut fields = line.split(',');
            let (term, weight) = (fields.next()?, fields.next()?);
            (!term.contains([' ', '*'])).then(|| format!("{term}\t{weight}\n"))
        })
        .collect();
    let (lexicon, _) = VaderLexicon::from_tsv(&tsv, "tone.csv").unwrap();
    VaderScorer::new(&lexicon, EmojiTable::default())
}

/// VADER-exact mode on the lines of the example articles, one text each
/// (short texts, as VADER is used).
fn vader(c: &mut Criterion) {
    let docs = corpus();
    let lines: Vec<&str> = docs
        .iter()
        .flat_map(|d| d.text.lines())
        .filter(|l| !l.trim().is_empty())
        .collect();
    let scorer = vader_scorer();
    let mut group = c.benchmark_group("vader");
    group.throughput(Throughput::Elements(lines.len() as u64));
    group.bench_function("polarity_scores", |b| {
        b.iter(|| {
            for line in &lines {
                black_box(scorer.polarity_scores(line));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, segmentation, scoring, long_article, vader);
criterion_main!(benches);
