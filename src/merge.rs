//! Merging the reports of runs over disjoint parts of a corpus (`stance
//! score --shard K/N`, or one run per folder) into the reports of one run.
//! The per-unit reports are concatenated in the order the directories are
//! given. actors.csv, dyads.csv, dyad_categories.csv, speakers.csv and
//! speaker_targets.csv are re-aggregated
//! from their counts and exact tone sums (the `tone_sum` columns), so they
//! come out byte-identical to those of a single run over the whole corpus,
//! in any of the report dialects (`--excel`, `--excel=semicolon`).

use crate::aggregate::{
    ActorStats, Aggregates, DyadKey, DyadStats, Polarity, SpeakerKey, SpeakerStats,
    SpeakerTargetKey, ToneSum, ToneToward, SPLIT_COLUMNS, SPLIT_SEPARATOR,
};
use crate::error::{Error, Result};
use crate::records::sniff_delimiter;
use crate::report::{
    actor_row, aggregate_header, parse_number, write_aggregates, ActorAbout, Dialect, ACTORS,
    DYADS, DYAD_CATEGORIES, SPEAKERS, SPEAKER_TARGETS,
};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

/// The per-unit reports, copied row for row.
pub const PER_UNIT: [&str; 6] = [
    "articles.csv",
    "sentences.csv",
    "quotes.csv",
    "stance.csv",
    "categories.csv",
    "errors.csv",
];

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Merges the reports in `dirs` into `out`.
pub fn merge(dirs: &[PathBuf], out: &Path) -> Result<()> {
    if dirs.is_empty() {
        return Err(Error::Usage("no report directories to merge".into()));
    }
    std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
    let headers = PER_UNIT
        .iter()
        .map(|name| concatenate(dirs, &out.join(name), name))
        .collect::<Result<Vec<_>>>()?;
    let dialect = dialect_of(&headers[0]);
    let split_columns = split_columns(&dirs[0].join("actors.csv"), dialect)?;
    let header = |base: &[&str]| -> Vec<String> {
        let header = aggregate_header(base, &split_columns);
        header.into_iter().map(String::from).collect()
    };
    let actors = merge_actors(dirs, &header(ACTORS), dialect)?;
    let aggregates = Aggregates {
        dyads: merge_dyads(dirs, &header(DYADS), &header(DYAD_CATEGORIES), dialect)?,
        speakers: merge_speakers(dirs, &header(SPEAKERS), dialect)?,
        speaker_targets: merge_speaker_targets(dirs, &header(SPEAKER_TARGETS), dialect)?,
        ..Aggregates::default()
    };
    write_aggregates(
        out,
        dialect,
        &split_columns,
        actors
            .iter()
            .map(|((_, split), (about, s))| actor_row(about, s, split)),
        &aggregates,
    )
}

/// Writes `name` of every directory to `to`: the header once (every file
/// must have the same header line, BOM and line end included, or the runs
/// were made with other options), then every file's rows. Returns the
/// header line.
fn concatenate(dirs: &[PathBuf], to: &Path, name: &str) -> Result<Vec<u8>> {
    let mut out = BufWriter::new(File::create(to).map_err(|e| Error::io(to, e))?);
    let mut first: Option<(Vec<u8>, PathBuf)> = None;
    for dir in dirs {
        let path = dir.join(name);
        let mut reader = BufReader::new(File::open(&path).map_err(|e| Error::io(&path, e))?);
        let mut header = Vec::new();
        reader
            .read_until(b'\n', &mut header)
            .map_err(|e| Error::io(&path, e))?;
        match &first {
            None => {
                out.write_all(&header).map_err(|e| Error::io(to, e))?;
                first = Some((header, path.clone()));
            }
            Some((expected, origin)) if *expected != header => {
                return Err(differs(&path, origin));
            }
            Some(_) => {}
        }
        std::io::copy(&mut reader, &mut out).map_err(|e| Error::io(&path, e))?;
    }
    out.flush().map_err(|e| Error::io(to, e))?;
    Ok(first.map(|(header, _)| header).unwrap_or_default())
}

fn differs(path: &Path, origin: &Path) -> Error {
    Error::BadFile {
        origin: path.display().to_string(),
        message: format!(
            "header differs from {}'s: were the runs made with the same options \
             (--excel, --by) and the same version of stance?",
            origin.display()
        ),
    }
}

/// The dialect the reports were written in, read off a header line: a
/// BOM means `--excel`, and a semicolon delimiter (as the corpus reader
/// sniffs it) its semicolon form.
fn dialect_of(header: &[u8]) -> Dialect {
    match (header.starts_with(BOM), sniff_delimiter(header)) {
        (false, _) => Dialect::Plain,
        (true, b';') => Dialect::ExcelSemicolon,
        (true, _) => Dialect::Excel,
    }
}

/// The split columns of `--by` that an actors.csv header ends with.
fn split_columns(path: &Path, dialect: Dialect) -> Result<Vec<&'static str>> {
    let mut reader = csv_reader(path, dialect)?;
    let header = reader.headers()?;
    let extra: Vec<&str> = header.iter().skip(ACTORS.len()).collect();
    Ok(SPLIT_COLUMNS
        .into_iter()
        .filter(|column| extra.contains(column))
        .collect())
}

fn csv_reader(path: &Path, dialect: Dialect) -> Result<csv::Reader<Box<dyn std::io::Read>>> {
    let mut file = BufReader::new(File::open(path).map_err(|e| Error::io(path, e))?);
    let starts_with_bom = file
        .fill_buf()
        .map_err(|e| Error::io(path, e))?
        .starts_with(BOM);
    if starts_with_bom {
        file.consume(BOM.len());
    }
    Ok(csv::ReaderBuilder::new()
        .delimiter(dialect.delimiter())
        .from_reader(Box::new(file)))
}

/// The rows of an aggregate report of every directory, each with its file
/// and line, after checking the header.
fn aggregate_rows(
    dirs: &[PathBuf],
    name: &str,
    header: &[String],
    dialect: Dialect,
    mut fold: impl FnMut(&Cells) -> Result<()>,
) -> Result<()> {
    for dir in dirs {
        let path = dir.join(name);
        let mut reader = csv_reader(&path, dialect)?;
        if reader
            .headers()?
            .iter()
            .ne(header.iter().map(String::as_str))
        {
            return Err(differs(&path, &dirs[0].join(name)));
        }
        for record in reader.records() {
            let record = record?;
            let line = record.position().map_or(0, |p| p.line());
            fold(&Cells {
                origin: format!("{}:{line}", path.display()),
                record,
                decimal_comma: dialect == Dialect::ExcelSemicolon,
            })?;
        }
    }
    Ok(())
}

/// One row of an aggregate report, with where it was read.
struct Cells {
    origin: String,
    record: csv::StringRecord,
    /// Numbers are written "-0,4418" (`--excel=semicolon`).
    decimal_comma: bool,
}

impl Cells {
    fn text(&self, i: usize) -> String {
        self.record.get(i).unwrap_or_default().to_string()
    }

    /// The split of a row: the cells of the split columns, from `first`
    /// on, joined as the aggregates key them.
    fn split(&self, first: usize) -> String {
        let cells: Vec<&str> = self.record.iter().skip(first).collect();
        cells.join(&SPLIT_SEPARATOR.to_string())
    }

    fn count(&self, i: usize) -> Result<u64> {
        let cell = self.record.get(i).unwrap_or_default();
        cell.parse().map_err(|_| self.bad(i, cell, "a count"))
    }

    fn tone_sum(&self, units: usize, sum: usize) -> Result<ToneSum> {
        let cell = self.record.get(sum).unwrap_or_default();
        let number = match self.decimal_comma {
            true => cell.replace(',', "."),
            false => cell.to_string(),
        };
        Ok(ToneSum {
            units: self.count(units)?,
            sum: parse_number(&number)
                .ok_or_else(|| self.bad(sum, cell, "a number with four decimals"))?,
        })
    }

    fn polarity(&self, pos: usize) -> Result<Polarity> {
        Ok(Polarity {
            pos: self.count(pos)?,
            neg: self.count(pos + 1)?,
            neutral: self.count(pos + 2)?,
        })
    }

    /// The cells of a dyad row from its `units` column on: units,
    /// mean_tone, pos, neg, neutral, tone_sum.
    fn tone_toward(&self, units: usize) -> Result<ToneToward> {
        Ok(ToneToward {
            tone: self.tone_sum(units, units + 5)?,
            polarity: self.polarity(units + 2)?,
        })
    }

    fn bad(&self, i: usize, cell: &str, expected: &str) -> Error {
        Error::BadFile {
            origin: self.origin.clone(),
            message: format!("column {} holds {cell:?}, not {expected}", i + 1),
        }
    }
}

type ActorKey = (String, String);

fn merge_actors(
    dirs: &[PathBuf],
    header: &[String],
    dialect: Dialect,
) -> Result<BTreeMap<ActorKey, (ActorAbout, ActorStats)>> {
    let mut merged: BTreeMap<ActorKey, (ActorAbout, ActorStats)> = BTreeMap::new();
    aggregate_rows(dirs, "actors.csv", header, dialect, |c| {
        let stats = ActorStats {
            mentions: c.count(4)?,
            as_target: c.tone_sum(5, 12)?,
            as_source: c.tone_sum(7, 13)?,
            target_polarity: c.polarity(9)?,
        };
        let about = ActorAbout {
            id: c.text(0),
            name: c.text(1),
            kind: c.text(2),
            parent: c.text(3),
        };
        let key = (about.id.clone(), c.split(14));
        merged
            .entry(key)
            .or_insert_with(|| (about, ActorStats::default()))
            .1
            .merge(&stats);
        Ok(())
    })?;
    Ok(merged)
}

/// dyads.csv and dyad_categories.csv of every directory, summed per dyad.
fn merge_dyads(
    dirs: &[PathBuf],
    header: &[String],
    categories_header: &[String],
    dialect: Dialect,
) -> Result<BTreeMap<DyadKey, DyadStats>> {
    let read = |c: &Cells| {
        let stats = DyadStats {
            toward: c.tone_toward(2)?,
            categories: BTreeMap::new(),
        };
        Ok(((c.text(0), c.text(1), c.split(8)), stats))
    };
    let mut merged = sum_rows(dirs, "dyads.csv", header, dialect, read, DyadStats::merge)?;
    aggregate_rows(
        dirs,
        "dyad_categories.csv",
        categories_header,
        dialect,
        |c| {
            let key = (c.text(0), c.text(1), c.split(4));
            let units = c.count(3)?;
            *merged
                .entry(key)
                .or_default()
                .categories
                .entry(c.text(2))
                .or_default() += units;
            Ok(())
        },
    )?;
    Ok(merged)
}

/// speakers.csv of every directory, summed per speaker.
fn merge_speakers(
    dirs: &[PathBuf],
    header: &[String],
    dialect: Dialect,
) -> Result<BTreeMap<SpeakerKey, SpeakerStats>> {
    let read = |c: &Cells| {
        let quotes = ToneToward {
            tone: c.tone_sum(2, 10)?,
            polarity: c.polarity(5)?,
        };
        let stats = SpeakerStats {
            quotes,
            articles: c.count(3)?,
            female: c.count(8)?,
            male: c.count(9)?,
        };
        Ok(((c.text(0), c.text(1), c.split(11)), stats))
    };
    sum_rows(
        dirs,
        "speakers.csv",
        header,
        dialect,
        read,
        SpeakerStats::merge,
    )
}

/// speaker_targets.csv of every directory, summed per speaker and target.
fn merge_speaker_targets(
    dirs: &[PathBuf],
    header: &[String],
    dialect: Dialect,
) -> Result<BTreeMap<SpeakerTargetKey, ToneToward>> {
    let read = |c: &Cells| {
        let key = (c.text(0), c.text(1), c.text(2), c.split(9));
        Ok((key, c.tone_toward(3)?))
    };
    let file = "speaker_targets.csv";
    sum_rows(dirs, file, header, dialect, read, ToneToward::merge)
}

/// The rows of `name` in every directory, each read into a key and a
/// partial result, folded per key with `merge`.
fn sum_rows<K: Ord, S: Default>(
    dirs: &[PathBuf],
    name: &str,
    header: &[String],
    dialect: Dialect,
    read: impl Fn(&Cells) -> Result<(K, S)>,
    merge: impl Fn(&mut S, &S),
) -> Result<BTreeMap<K, S>> {
    let mut merged: BTreeMap<K, S> = BTreeMap::new();
    aggregate_rows(dirs, name, header, dialect, |c| {
        let (key, stats) = read(c)?;
        merge(merged.entry(key).or_default(), &stats);
        Ok(())
    })?;
    Ok(merged)
}
