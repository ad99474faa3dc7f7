//! The streaming, parallel driver: a reader thread turns the inputs into
//! batches of documents; each batch is analysed in parallel with rayon and
//! written in input order (with more than one worker, while the next batch
//! is analysed), so memory is bounded by the batches in flight and the
//! reports are byte-identical for any thread count. `run` analyses each
//! document with one engine; `run_with` takes any per-document work (such as
//! `stance diff`'s analysis with two engines).

use crate::aggregate::Aggregates;
use crate::corpus::{read_source, read_stdin, Expansion, Item, ReadOptions};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::report::{Dialect, RenderedArticle, Reports, UnitReport};
use crate::types::{Analysis, Document, Rejection};
use rayon::prelude::*;
use std::io::Write;
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

/// Documents per batch, and the bytes at which a batch is sent early.
const BATCH_DOCS: usize = 256;
const BATCH_BYTES: usize = 8 << 20;
/// Batches queued between the reader and the workers.
const BATCHES_IN_FLIGHT: usize = 2;

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub articles: u64,
    pub sentences: u64,
    pub quotes: u64,
    pub rejected: u64,
    /// Files in input directories that were not of a known type.
    pub ignored: usize,
    /// Bytes of article text analysed.
    pub bytes: u64,
    pub elapsed: Duration,
}

impl Summary {
    pub fn megabytes_per_second(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Receives each result in input order.
pub trait Sink<T = Analysis> {
    fn analysis(&mut self, analysis: &T) -> Result<()>;
    fn rejection(&mut self, rejection: &Rejection) -> Result<()>;
}

/// The units of a document's result, counted in the run's summary.
pub trait Counted {
    fn sentences(&self) -> usize;
    fn quotes(&self) -> usize;
}

impl Counted for Analysis {
    fn sentences(&self) -> usize {
        self.sentences.len()
    }

    fn quotes(&self) -> usize {
        self.quotes.len()
    }
}

/// An analysis with its report rows, rendered on the worker thread.
pub struct Scored {
    pub analysis: Analysis,
    pub rows: Result<RenderedArticle>,
}

impl Scored {
    /// The rendered rows, or the error of rendering them, naming the article.
    fn rendered(&self) -> Result<&RenderedArticle> {
        self.rows.as_ref().map_err(|e| Error::BadFile {
            origin: self.analysis.doc.id.clone(),
            message: e.to_string(),
        })
    }
}

impl Counted for Scored {
    fn sentences(&self) -> usize {
        self.analysis.sentences.len()
    }

    fn quotes(&self) -> usize {
        self.analysis.quotes.len()
    }
}

/// Writes reports and folds aggregates.
pub struct ReportSink<'a> {
    pub reports: Reports,
    pub aggregates: Aggregates,
    pub engine: &'a Engine,
    pub warn: bool,
}

impl Sink<Scored> for ReportSink<'_> {
    fn analysis(&mut self, scored: &Scored) -> Result<()> {
        self.aggregates
            .add(&scored.analysis, &self.engine.actors, &self.engine.lexicon);
        self.reports.article(scored.rendered()?)
    }

    fn rejection(&mut self, r: &Rejection) -> Result<()> {
        if self.warn {
            warn(r);
        }
        self.reports.rejection(r)
    }
}

/// Streams one per-unit report (`stance score --stdout`), in input order;
/// rejected inputs go to stderr only.
pub struct StreamSink<W: Write> {
    pub out: W,
    pub report: UnitReport,
}

impl<W: Write> Sink<Scored> for StreamSink<W> {
    fn analysis(&mut self, scored: &Scored) -> Result<()> {
        self.out
            .write_all(scored.rendered()?.rows(self.report))
            .map_err(|e| Error::io("stdout", e))
    }

    fn rejection(&mut self, r: &Rejection) -> Result<()> {
        warn(r);
        Ok(())
    }
}

/// Reports a rejected input on stderr as `path:line: problem`.
pub fn warn(r: &Rejection) {
    match r.line {
        Some(line) => eprintln!("stance: {}:{line}: {}", r.input, r.error),
        None => eprintln!("stance: {}: {}", r.input, r.error),
    }
}

enum Output<T> {
    Done(Box<T>),
    Problem(Rejection),
}

/// Runs the engine over the inputs, in parallel on `pool`, rendering each
/// article's report rows (in `dialect`) on its worker and feeding `sink`
/// in input order. `progress` is told the bytes of each batch.
pub fn run(
    engine: &Engine,
    dialect: Dialect,
    inputs: Expansion,
    options: &ReadOptions,
    pool: &rayon::ThreadPool,
    sink: &mut dyn Sink<Scored>,
    progress: &dyn Fn(u64),
) -> Result<Summary> {
    let score = |doc| {
        let analysis = engine.analyze(doc);
        let rows = RenderedArticle::new(&analysis, &engine.lexicon, &engine.actors, dialect);
        Scored { analysis, rows }
    };
    run_with(&score, inputs, options, pool, sink, progress)
}

/// Like `run`, with `work` in place of one engine's analysis: each document
/// is read once and handed to `work` on a worker thread.
pub fn run_with<T: Counted + Send>(
    work: &(dyn Fn(Document) -> T + Sync),
    inputs: Expansion,
    options: &ReadOptions,
    pool: &rayon::ThreadPool,
    sink: &mut dyn Sink<T>,
    progress: &dyn Fn(u64),
) -> Result<Summary> {
    let started = Instant::now();
    let mut summary = Summary {
        ignored: inputs.ignored,
        ..Summary::default()
    };
    let in_shard = |p: &&Rejection| options.owns(&p.input, p.line);
    for p in inputs.problems.iter().filter(in_shard) {
        summary.rejected += 1;
        sink.rejection(p)?;
    }
    let (tx, rx) = sync_channel::<Vec<Item>>(BATCHES_IN_FLIGHT);
    let analyse = |batch: Vec<Item>| -> (u64, Vec<Output<T>>) {
        let bytes = batch.iter().map(item_bytes).sum();
        let outputs = pool.install(|| {
            batch
                .into_par_iter()
                .map(|item| match item {
                    Item::Doc(doc) => Output::Done(Box::new(work(doc))),
                    Item::Problem(p) => Output::Problem(p),
                })
                .collect()
        });
        (bytes, outputs)
    };
    let mut write = |(bytes, outputs): (u64, Vec<Output<T>>)| -> Result<()> {
        for output in outputs {
            record(&mut summary, sink, output)?;
        }
        summary.bytes += bytes;
        progress(bytes);
        Ok(())
    };
    std::thread::scope(|scope| -> Result<()> {
        scope.spawn(move || read_all(&inputs, options, |batch| tx.send(batch).is_ok()));
        if pool.current_num_threads() == 1 {
            // One worker: analyse and write in turn, so the run uses one core.
            return rx.into_iter().try_for_each(|batch| write(analyse(batch)));
        }
        // Several workers: the next batch is analysed while this one is
        // written, in input order.
        let (done_tx, done_rx) = sync_channel(BATCHES_IN_FLIGHT);
        scope.spawn(move || {
            for batch in rx {
                if done_tx.send(analyse(batch)).is_err() {
                    break;
                }
            }
        });
        done_rx.into_iter().try_for_each(&mut write)
    })?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

fn record<T: Counted>(
    summary: &mut Summary,
    sink: &mut dyn Sink<T>,
    output: Output<T>,
) -> Result<()> {
    match output {
        Output::Done(a) => {
            summary.articles += 1;
            summary.sentences += a.sentences() as u64;
            summary.quotes += a.quotes() as u64;
            sink.analysis(&a)
        }
        Output::Problem(p) => {
            summary.rejected += 1;
            sink.rejection(&p)
        }
    }
}

fn item_bytes(item: &Item) -> u64 {
    match item {
        Item::Doc(d) => d.text.len() as u64,
        Item::Problem(_) => 0,
    }
}

/// Reads every input in order, handing batches to `send` until it refuses.
fn read_all(inputs: &Expansion, options: &ReadOptions, mut send: impl FnMut(Vec<Item>) -> bool) {
    let mut batch = Vec::new();
    let mut bytes = 0usize;
    let mut open = true;
    let mut emit = |item: Item| {
        bytes += item_bytes(&item) as usize;
        batch.push(item);
        if open && (batch.len() >= BATCH_DOCS || bytes >= BATCH_BYTES) {
            open = send(std::mem::take(&mut batch));
            bytes = 0;
        }
    };
    for source in &inputs.sources {
        read_source(source, options, &mut emit);
    }
    if inputs.stdin {
        read_stdin(options, &mut emit);
    }
    if open && !batch.is_empty() {
        send(batch);
    }
}
