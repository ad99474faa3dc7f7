//! Corpus reading: expands the inputs (files, directories, `-` for stdin)
//! into documents, in a stable order, from plain text, JSON Lines and CSV,
//! each optionally gzipped, in UTF-8, UTF-16 with a byte order mark or a
//! legacy 8-bit encoding; keeps one shard of them (`--shard K/N`) when
//! asked. Every problem becomes a `Rejection` naming the input and line;
//! reading goes on with the rest.

use crate::types::{DocFormat, Document, Rejection};
use encoding_rs::WINDOWS_1252;
use encoding_rs_io::DecodeReaderBytesBuilder;
use flate2::read::MultiGzDecoder;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::xxh3_64_with_seed;

/// How a file's records are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    Text,
    Jsonl,
    Csv,
}

impl InputFormat {
    /// The format named by a file name's extension (after any `.gz`).
    pub fn from_path(path: &Path) -> Option<InputFormat> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        match name.rsplit_once('.')?.1 {
            "txt" | "text" => Some(InputFormat::Text),
            "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
            "csv" | "tsv" => Some(InputFormat::Csv),
            _ => None,
        }
    }
}

/// Field (or column) names of JSONL and CSV records: for each, the names
/// tried in order, of which the first a record (or a CSV header) has is
/// read.
#[derive(Debug, Clone)]
pub struct Fields {
    pub id: Vec<String>,
    pub title: Vec<String>,
    pub date: Vec<String>,
    pub outlet: Vec<String>,
    pub text: Vec<String>,
}

/// The names tried when no `--*-field` option names the field: those of
/// common news exports and APIs (news-please, NewsAPI, Media Cloud,
/// spreadsheet exports).
pub const ID_FIELDS: &[&str] = &["id", "article_id", "doc_id", "uuid", "guid"];
pub const TITLE_FIELDS: &[&str] = &["title", "headline"];
pub const DATE_FIELDS: &[&str] = &[
    "date",
    "published_at",
    "publishedAt",
    "publish_date",
    "date_publish",
    "pub_date",
    "pubDate",
    "published",
];
pub const OUTLET_FIELDS: &[&str] = &[
    "outlet",
    "source.name",
    "source",
    "publisher",
    "media_name",
    "source_domain",
];
pub const TEXT_FIELDS: &[&str] = &[
    "text",
    "body",
    "content",
    "maintext",
    "article",
    "full_text",
];

impl Fields {
    /// The names of one field: `chosen` alone when given, else `defaults`.
    pub fn names(chosen: Option<&str>, defaults: &[&str]) -> Vec<String> {
        match chosen {
            Some(name) => vec![name.to_string()],
            None => defaults.iter().map(|d| d.to_string()).collect(),
        }
    }
}

impl Default for Fields {
    fn default() -> Fields {
        Fields {
            id: Fields::names(None, ID_FIELDS),
            title: Fields::names(None, TITLE_FIELDS),
            date: Fields::names(None, DATE_FIELDS),
            outlet: Fields::names(None, OUTLET_FIELDS),
            text: Fields::names(None, TEXT_FIELDS),
        }
    }
}

/// Options for reading.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    pub fields: Fields,
    /// The largest document or record line accepted, in bytes.
    pub max_bytes: usize,
    /// The format of stdin; detected from its first byte when None.
    pub stdin_format: Option<InputFormat>,
    /// Keep only this shard of the documents and problems.
    pub shard: Option<Shard>,
}

/// One of N disjoint parts of a corpus (`--shard K/N`), for runs split
/// across processes or machines. An item belongs to a shard by its place:
/// xxh3 of its file (relative to its input root, so `corpus` and
/// `./corpus` agree) and, for JSON Lines and CSV records, its line, mod N.
/// The readers skip the places of other shards before decoding or parsing
/// them (a text file is not even opened), so N shards cost little more
/// than one run; each document and each problem lands in exactly one
/// shard whatever the machine. `stance merge` joins the shards' reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 0-based.
    index: u64,
    count: u64,
}

impl Shard {
    /// "K/N" with 1 <= K <= N.
    pub fn parse(spec: &str) -> Result<Shard, String> {
        let bad = || format!("--shard {spec:?}: expected K/N with 1 <= K <= N, such as 2/8");
        let (k, n) = spec.split_once('/').ok_or_else(bad)?;
        let (k, n): (u64, u64) = (
            k.trim().parse().map_err(|_| bad())?,
            n.trim().parse().map_err(|_| bad())?,
        );
        if k == 0 || k > n {
            return Err(bad());
        }
        Ok(Shard {
            index: k - 1,
            count: n,
        })
    }

    /// Whether the item at `file` (and `line`, for a record) is this
    /// shard's.
    /// The line is the hash's seed (0 for the file as a whole: lines
    /// count from 1), so no key is built.
    pub fn owns(&self, file: &str, line: Option<u64>) -> bool {
        xxh3_64_with_seed(file.as_bytes(), line.unwrap_or(0)) % self.count == self.index
    }
}

impl ReadOptions {
    /// Whether this run reads the item at `file` and `line` (always, when
    /// the corpus is not sharded).
    pub fn owns(&self, file: &str, line: Option<u64>) -> bool {
        self.shard.is_none_or(|s| s.owns(file, line))
    }
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            fields: Fields::default(),
            max_bytes: 32 << 20,
            stdin_format: None,
            shard: None,
        }
    }
}

/// One thing read from the corpus: a document or a problem.
#[derive(Debug, Clone)]
pub enum Item {
    Doc(Document),
    Problem(Rejection),
}

/// A file to read, with the root it was found under (for article ids).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub path: PathBuf,
    pub root: PathBuf,
    pub format: InputFormat,
}

/// The files named by the inputs, directories expanded recursively in
/// name order. Files of other types inside directories are counted in
/// `ignored`; a path that cannot be read is a problem.
pub struct Expansion {
    pub sources: Vec<Source>,
    pub stdin: bool,
    pub ignored: usize,
    pub problems: Vec<Rejection>,
    /// Directories left out because they are the run's own output.
    pub left_out: Vec<PathBuf>,
}

/// Expands the inputs into sources in a stable order. A directory that is
/// the run's own `output` directory is left out when met inside an input
/// directory, so that scoring a folder twice does not read the reports of
/// the first run (nor those being written).
pub fn expand(inputs: &[PathBuf], output: Option<&Path>) -> Expansion {
    let output = output.and_then(|o| o.canonicalize().ok());
    let mut found = Expansion {
        sources: Vec::new(),
        stdin: false,
        ignored: 0,
        problems: Vec::new(),
        left_out: Vec::new(),
    };
    for input in inputs {
        if input.as_os_str() == "-" {
            found.stdin = true;
        } else if input.is_dir() {
            expand_dir(input, output.as_deref(), &mut found);
        } else if input.is_file() {
            let format = InputFormat::from_path(input).unwrap_or(InputFormat::Text);
            let root = input.parent().unwrap_or(Path::new("")).to_path_buf();
            found.sources.push(Source {
                path: input.clone(),
                root,
                format,
            });
        } else {
            found
                .problems
                .push(problem(input, None, "no such file or directory"));
        }
    }
    found
}

fn expand_dir(dir: &Path, output: Option<&Path>, found: &mut Expansion) {
    let mut walk = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .follow_links(true)
        .into_iter();
    while let Some(entry) = walk.next() {
        if let Ok(e) = &entry {
            let is_output = e.file_type().is_dir()
                && output.is_some_and(|o| e.path().canonicalize().is_ok_and(|p| p == o));
            if is_output {
                found.left_out.push(e.path().to_path_buf());
                walk.skip_current_dir();
                continue;
            }
        }
        match entry {
            Ok(e) if e.file_type().is_file() => match InputFormat::from_path(e.path()) {
                Some(format) => found.sources.push(Source {
                    path: e.path().to_path_buf(),
                    root: dir.to_path_buf(),
                    format,
                }),
                None => found.ignored += 1,
            },
            Ok(_) => {}
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                found.problems.push(problem(&path, None, &e.to_string()));
            }
        }
    }
}

fn problem(path: &Path, line: Option<u64>, error: &str) -> Rejection {
    Rejection {
        input: path.display().to_string(),
        line,
        error: error.to_string(),
    }
}

/// Reads one source, sending each item to `emit` in order. A text file
/// of another shard is not opened; records are sorted out line by line.
pub fn read_source(source: &Source, options: &ReadOptions, emit: &mut dyn FnMut(Item)) {
    let id = article_id(source);
    if source.format == InputFormat::Text && !options.owns(&id, None) {
        return;
    }
    let reader = match open(&source.path) {
        Ok(r) => r,
        Err(e) if options.owns(&id, None) => {
            return emit(Item::Problem(problem(&source.path, None, &e.to_string())))
        }
        Err(_) => return,
    };
    let name = source.path.display().to_string();
    read_stream(reader, source.format, &name, &id, options, emit);
}

/// Reads stdin, in the given or detected format; its problems and its
/// `source_path` name it `<stdin>`.
pub fn read_stdin(options: &ReadOptions, emit: &mut dyn FnMut(Item)) {
    let mut reader = BufReader::new(io::stdin());
    let format = options.stdin_format.unwrap_or_else(|| {
        let head = reader.fill_buf().unwrap_or(&[]);
        let first = head.iter().find(|b| !b.is_ascii_whitespace());
        if first == Some(&b'{') {
            InputFormat::Jsonl
        } else {
            InputFormat::Text
        }
    });
    if format == InputFormat::Text && !options.owns("stdin", None) {
        return;
    }
    read_stream(Box::new(reader), format, "<stdin>", "stdin", options, emit);
}

/// A stream as UTF-8 bytes: UTF-16 with a byte order mark is transcoded,
/// a UTF-8 BOM dropped, anything else passed through for `decode` (or
/// `from_bytes`) to judge.
pub fn utf8_stream(reader: Box<dyn Read + Send>) -> Box<dyn Read + Send> {
    Box::new(
        DecodeReaderBytesBuilder::new()
            .utf8_passthru(true)
            .strip_bom(true)
            .build(reader),
    )
}

/// Reads one stream in its format, as UTF-8 (`utf8_stream`).
fn read_stream(
    reader: Box<dyn Read + Send>,
    format: InputFormat,
    name: &str,
    id: &str,
    options: &ReadOptions,
    emit: &mut dyn FnMut(Item),
) {
    let reader = utf8_stream(reader);
    match format {
        InputFormat::Text => read_text(reader, name, id, options, emit),
        InputFormat::Jsonl => crate::records::read_jsonl(reader, name, id, options, emit),
        InputFormat::Csv => crate::records::read_csv(reader, name, id, options, emit),
    }
}

fn open(path: &Path) -> io::Result<Box<dyn Read + Send>> {
    let file = File::open(path)?;
    let gz = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    Ok(if gz {
        Box::new(MultiGzDecoder::new(BufReader::new(file)))
    } else {
        Box::new(file)
    })
}

/// The id of a text article: its path relative to the input root, without
/// extensions, with '/' separators.
pub fn article_id(source: &Source) -> String {
    let relative = source
        .path
        .strip_prefix(&source.root)
        .unwrap_or(&source.path);
    let mut id = relative.to_string_lossy().replace('\\', "/");
    for _ in 0..2 {
        if let Some((stem, ext)) = id.rsplit_once('.') {
            if !ext.contains('/')
                && (ext.eq_ignore_ascii_case("gz")
                    || InputFormat::from_path(Path::new(&format!("x.{ext}"))).is_some())
            {
                id = stem.to_string();
            }
        }
    }
    id
}

fn read_text(
    reader: Box<dyn Read + Send>,
    name: &str,
    id: &str,
    options: &ReadOptions,
    emit: &mut dyn FnMut(Item),
) {
    let mut bytes = Vec::new();
    let limit = options.max_bytes as u64 + 1;
    if let Err(e) = reader.take(limit).read_to_end(&mut bytes) {
        return emit(Item::Problem(text_problem(name, None, &e.to_string())));
    }
    if bytes.len() > options.max_bytes {
        let msg = format!(
            "article larger than the limit of {} bytes; skipped",
            options.max_bytes
        );
        return emit(Item::Problem(text_problem(name, None, &msg)));
    }
    let Some(text) = decode(&bytes, name, None, emit) else {
        return;
    };
    emit(Item::Doc(Document {
        id: id.to_string(),
        source_path: name.to_string(),
        format: DocFormat::PlainText,
        title: None,
        date: None,
        outlet: None,
        text,
    }));
}

fn text_problem(name: &str, line: Option<u64>, error: &str) -> Rejection {
    Rejection {
        input: name.to_string(),
        line,
        error: error.to_string(),
    }
}

/// Decodes a document's bytes: binary content and empty text are problems
/// (None); text that is not UTF-8 is decoded with a warning (see
/// `from_bytes`); a BOM is dropped.
pub fn decode(
    bytes: &[u8],
    name: &str,
    line: Option<u64>,
    emit: &mut dyn FnMut(Item),
) -> Option<String> {
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        emit(Item::Problem(text_problem(
            name,
            line,
            "binary content (NUL bytes); skipped",
        )));
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (text, warning) = from_bytes(bytes);
    if let Some(msg) = warning {
        emit(Item::Problem(text_problem(name, line, &msg)));
    }
    if text.trim().is_empty() {
        emit(Item::Problem(text_problem(
            name,
            line,
            "empty document; skipped",
        )));
        return None;
    }
    Some(text)
}

/// Text from bytes that should be UTF-8 (see `utf8_stream` for UTF-16),
/// with a warning when they are not. Bytes in which no non-ASCII
/// byte belongs to a valid UTF-8 sequence are a legacy 8-bit encoding,
/// read as Windows-1252 (a superset of Latin-1, the usual encoding of
/// older news archives), so "caf\xe9" stays "café". Otherwise the few bad
/// bytes of a UTF-8 text become U+FFFD.
pub fn from_bytes(bytes: &[u8]) -> (String, Option<String>) {
    let at = match std::str::from_utf8(bytes) {
        Ok(text) => return (text.to_string(), None),
        Err(e) => e.valid_up_to(),
    };
    if bytes.utf8_chunks().all(|c| c.valid().is_ascii()) {
        let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
        let msg = format!("not UTF-8 (byte {at}); read as Windows-1252 (Latin-1)");
        (text.into_owned(), Some(msg))
    } else {
        let msg = format!("invalid UTF-8 at byte {at}; decoded lossily (bad bytes became U+FFFD)");
        (String::from_utf8_lossy(bytes).into_owned(), Some(msg))
    }
}

/// Reads one line into `buf` (without its line end), at most `max` bytes;
/// a longer line is consumed and reported as `Line::TooLong`.
pub enum Line {
    Ok,
    TooLong(usize),
    Eof,
}

pub fn read_line_limited(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    max: usize,
) -> io::Result<Line> {
    buf.clear();
    let mut total = 0usize;
    let mut any = false;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        if total + take <= max {
            buf.extend_from_slice(&chunk[..take]);
        }
        total += take;
        reader.consume(take + usize::from(done));
        if done {
            break;
        }
    }
    if !any {
        return Ok(Line::Eof);
    }
    if total > max {
        buf.clear();
        return Ok(Line::TooLong(total));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Line::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_ids() {
        let cases = [
            ("a/b/story.txt", Some(InputFormat::Text), "b/story"),
            ("a/wire.jsonl.gz", Some(InputFormat::Jsonl), "wire"),
            ("a/x.NDJSON", Some(InputFormat::Jsonl), "x"),
            ("a/rows.csv", Some(InputFormat::Csv), "rows"),
            ("a/notes.md", None, "notes.md"),
        ];
        for (path, format, id) in cases {
            let path = PathBuf::from(path);
            assert_eq!(InputFormat::from_path(&path), format, "{path:?}");
            let source = Source {
                path,
                root: PathBuf::from("a"),
                format: InputFormat::Text,
            };
            assert_eq!(article_id(&source), id);
        }
    }

    #[test]
    fn line_limit() {
        let data = b"short\r\nxxxxxxxxxxxxxxxxxxxx\nlast";
        let mut r = BufReader::with_capacity(4, &data[..]);
        let mut buf = Vec::new();
        assert!(matches!(
            read_line_limited(&mut r, &mut buf, 10).unwrap(),
            Line::Ok
        ));
        assert_eq!(buf, b"short");
        assert!(matches!(
            read_line_limited(&mut r, &mut buf, 10).unwrap(),
            Line::TooLong(20)
        ));
        assert!(matches!(
            read_line_limited(&mut r, &mut buf, 10).unwrap(),
            Line::Ok
        ));
        assert_eq!(buf, b"last");
        assert!(matches!(
            read_line_limited(&mut r, &mut buf, 10).unwrap(),
            Line::Eof
        ));
    }

    #[test]
    fn shards_split_places_once() {
        for bad in ["0/3", "4/3", "3", "1/0", "a/2", ""] {
            assert!(Shard::parse(bad).is_err(), "{bad:?}");
        }
        let shards: Vec<Shard> = (1..=4)
            .map(|k| Shard::parse(&format!("{k}/4")).unwrap())
            .collect();
        let mut per_shard = [0; 4];
        for i in 0..400 {
            let file = format!("articles/a{i}");
            for place in [(file.as_str(), None), ("feed.jsonl", Some(i))] {
                let owners: Vec<usize> = (0..4)
                    .filter(|&k| shards[k].owns(place.0, place.1))
                    .collect();
                assert_eq!(owners.len(), 1);
                per_shard[owners[0]] += 1;
            }
        }
        assert!(per_shard.iter().all(|&n| n > 150), "{per_shard:?}");
        assert!(Shard::parse("1/1").unwrap().owns("x", Some(3)));
        assert!(ReadOptions::default().owns("x", None));
    }

    #[test]
    fn decoding_problems() {
        let mut items = Vec::new();
        let mut emit = |i: Item| items.push(i);
        assert!(decode(b"a\0b", "f", None, &mut emit).is_none());
        assert!(decode(b"  \n", "f", None, &mut emit).is_none());
        assert_eq!(
            decode(b"caf\xe9 talks", "f", Some(3), &mut emit).unwrap(),
            "caf\u{e9} talks"
        );
        assert_eq!(
            decode(b"caf\xc3\xa9 \x93talks\x94", "f", Some(4), &mut emit).unwrap(),
            "caf\u{e9} \u{fffd}talks\u{fffd}"
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFhi", "f", None, &mut emit).unwrap(),
            "hi"
        );
        let errors: Vec<String> = items
            .iter()
            .map(|i| match i {
                Item::Problem(r) => r.error.clone(),
                Item::Doc(_) => unreachable!(),
            })
            .collect();
        assert_eq!(errors.len(), 4);
        assert!(errors[0].contains("binary") && errors[1].contains("empty"));
        assert_eq!(
            errors[2],
            "not UTF-8 (byte 3); read as Windows-1252 (Latin-1)"
        );
        assert!(errors[3].starts_with("invalid UTF-8 at byte 6; decoded lossily"));
    }
}
