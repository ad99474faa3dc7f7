//! JSON Lines and CSV corpora: one article per record, with id, title, date,
//! outlet and text taken from configurable fields; a CSV file's delimiter
//! (comma, semicolon, tab) is read off its header row, and dates are read
//! into ISO form. A record that cannot be used is a problem naming its
//! line; the other records are read.

use crate::article::read_date;
use crate::corpus::{decode, from_bytes, read_line_limited, Item, Line, ReadOptions};
use crate::types::{DocFormat, Document, Rejection};
use std::io::{BufRead, BufReader, Read};

fn problem(name: &str, line: u64, error: String) -> Item {
    Item::Problem(Rejection {
        input: name.to_string(),
        line: Some(line),
        error,
    })
}

/// The usable fields of one record.
struct Fields {
    id: Option<String>,
    title: Option<String>,
    date: Option<String>,
    outlet: Option<String>,
    text: String,
}

/// The document of one record. Its date is read into ISO form; a date
/// that cannot be read is kept as given and reported, since it leaves the
/// article out of `--by` periods and of dated office-holder lookups.
fn document(
    name: &str,
    file_id: &str,
    line: u64,
    fields: Fields,
    emit: &mut dyn FnMut(Item),
) -> Document {
    let date = fields.date.filter(|d| !d.trim().is_empty()).map(|d| {
        read_date(&d).unwrap_or_else(|| {
            let msg = format!("date {d:?} not understood; kept as given, with no period");
            emit(problem(name, line, msg));
            d
        })
    });
    Document {
        id: fields.id.unwrap_or_else(|| format!("{file_id}:{line}")),
        source_path: name.to_string(),
        format: DocFormat::Record,
        title: fields.title.filter(|t| !t.trim().is_empty()),
        date,
        outlet: fields
            .outlet
            .map(|o| o.trim().to_string())
            .filter(|o| !o.is_empty()),
        text: fields.text,
    }
}

pub fn read_jsonl(
    reader: Box<dyn Read + Send>,
    name: &str,
    file_id: &str,
    options: &ReadOptions,
    emit: &mut dyn FnMut(Item),
) {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let mut buf = Vec::new();
    let mut line = 0u64;
    let mut records = 0usize;
    loop {
        line += 1;
        let read = read_line_limited(&mut reader, &mut buf, options.max_bytes);
        if matches!(read, Ok(Line::Eof)) {
            break;
        }
        let record = matches!(read, Ok(Line::Ok)) && !buf.iter().all(u8::is_ascii_whitespace);
        records += usize::from(record);
        // Another shard's line: counted, not decoded; its problems are
        // that shard's (a read error ends the file for every shard).
        if !options.owns(file_id, Some(line)) {
            if read.is_err() {
                return;
            }
            continue;
        }
        match read {
            Err(e) => return emit(problem(name, line, format!("read error: {e}"))),
            Ok(Line::TooLong(n)) => {
                let msg = format!(
                    "line of {n} bytes exceeds the limit of {} bytes; skipped",
                    options.max_bytes
                );
                emit(problem(name, line, msg));
            }
            Ok(_) if !record => {}
            Ok(_) => {
                let Some(text) = decode(&buf, name, Some(line), emit) else {
                    continue;
                };
                match json_fields(&text, options) {
                    Ok(fields) => {
                        let doc = document(name, file_id, line, fields, emit);
                        emit(Item::Doc(doc));
                    }
                    Err(e) => emit(problem(name, line, e)),
                }
            }
        }
    }
    if records == 0 && options.owns(file_id, None) {
        emit(Item::Problem(Rejection {
            input: name.to_string(),
            line: None,
            error: "empty file: no records".into(),
        }));
    }
}

/// Field names for a message: `"text"`, or `"text", "body" or "content"`.
fn listed(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("{n:?}")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}

/// The value of a field of a JSON record: the key as written, else a
/// dotted path into nested objects (`source.name` reads
/// `{"source": {"name": "Reuters"}}`, as news APIs nest the outlet).
fn field<'v>(
    object: &'v serde_json::Map<String, serde_json::Value>,
    key: &str,
) -> Option<&'v serde_json::Value> {
    object.get(key).or_else(|| {
        let (head, rest) = key.split_once('.')?;
        field(object.get(head)?.as_object()?, rest)
    })
}

fn json_fields(line: &str, options: &ReadOptions) -> Result<Fields, String> {
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("malformed JSON: {e}"))?;
    let object = value.as_object().ok_or("a record must be a JSON object")?;
    let names = &options.fields;
    let scalar = |keys: &[String]| {
        keys.iter().find_map(|key| match field(object, key) {
            Some(serde_json::Value::String(s)) => Some(s.clone()),
            Some(serde_json::Value::Number(n)) => Some(n.to_string()),
            _ => None,
        })
    };
    let found = names
        .text
        .iter()
        .find_map(|key| field(object, key).map(|value| (key, value)));
    let text = match found {
        Some((_, serde_json::Value::String(s))) if !s.trim().is_empty() => s.clone(),
        Some((key, serde_json::Value::String(_))) => return Err(format!("field {key:?} is empty")),
        Some((key, _)) => return Err(format!("field {key:?} is not a string")),
        None => return Err(format!("no field {}", listed(&names.text))),
    };
    Ok(Fields {
        id: scalar(&names.id),
        title: scalar(&names.title),
        date: scalar(&names.date),
        outlet: scalar(&names.outlet),
        text,
    })
}

pub fn read_csv(
    reader: Box<dyn Read + Send>,
    name: &str,
    file_id: &str,
    options: &ReadOptions,
    emit: &mut dyn FnMut(Item),
) {
    let mut reader = BufReader::new(reader);
    let delimiter = sniff_delimiter(reader.fill_buf().unwrap_or(&[]));
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .delimiter(delimiter)
        .from_reader(QuoteCount {
            inner: reader,
            quotes: 0,
        });
    // Problems of the file as a whole belong to the shard of the file.
    let mut file_problem = |error: String| {
        if options.owns(file_id, None) {
            emit(problem(name, 1, error));
        }
    };
    let columns = match reader.byte_headers() {
        Ok(h) if !is_blank_header(h) => Columns::find(h, options),
        Ok(_) => return file_problem("empty file: no header row".into()),
        Err(e) => return file_problem(format!("unreadable header: {e}")),
    };
    let columns = match columns {
        Ok(c) => c,
        Err(e) => return file_problem(e),
    };
    let mut record = csv::ByteRecord::new();
    let mut rows = 0usize;
    // The line of the last record when its last cell spans lines.
    let mut open_ended = None;
    loop {
        let line = reader.position().line();
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                rows += 1;
                let line = record.position().map_or(line, |p| p.line());
                let last_cell = record.iter().next_back().unwrap_or_default();
                open_ended = last_cell.contains(&b'\n').then_some(line);
                if !options.owns(file_id, Some(line)) {
                    continue;
                }
                if let Some(doc) =
                    csv_document(&record, &columns, name, file_id, line, options, emit)
                {
                    emit(Item::Doc(doc));
                }
            }
            Err(e) => {
                rows += 1;
                let line = e.position().map_or(line, |p| p.line());
                if options.owns(file_id, Some(line)) {
                    emit(problem(name, line, format!("malformed CSV row: {e}")));
                }
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
            }
        }
    }
    if rows == 0 && options.owns(file_id, None) {
        emit(problem(name, 1, "no rows after the header".into()));
    }
    // An odd number of quotation marks and a last cell that runs over
    // lines: its quote was never closed, and the csv crate read the rest
    // of the file into it without a word.
    let unclosed = open_ended.filter(|_| reader.get_ref().quotes % 2 == 1);
    if let Some(line) = unclosed.filter(|&l| options.owns(file_id, Some(l))) {
        let msg = "a quoted cell is never closed: the rest of the file was read into it";
        emit(problem(name, line, msg.into()));
    }
}

/// A reader that counts the quotation marks passing through it.
struct QuoteCount<R> {
    inner: R,
    quotes: u64,
}

impl<R: Read> Read for QuoteCount<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.quotes += memchr::memchr_iter(b'"', &buf[..n]).count() as u64;
        Ok(n)
    }
}

/// The delimiter of a CSV file, read off its header line: a comma, unless
/// the line holds more semicolons (spreadsheets in many European locales
/// save CSV that way) or tabs (TSV).
pub(crate) fn sniff_delimiter(head: &[u8]) -> u8 {
    let header = head.split(|&b| b == b'\n').next().unwrap_or(head);
    let count = |d: u8| header.iter().filter(|&&b| b == d).count();
    [b';', b'\t', b',']
        .into_iter()
        .max_by_key(|&d| count(d))
        .filter(|&d| count(d) > 0)
        .unwrap_or(b',')
}

/// Column positions of the configured fields.
struct Columns {
    id: Option<usize>,
    title: Option<usize>,
    date: Option<usize>,
    outlet: Option<usize>,
    text: usize,
}

impl Columns {
    fn find(header: &csv::ByteRecord, options: &ReadOptions) -> Result<Columns, String> {
        let position = |names: &[String]| {
            names
                .iter()
                .find_map(|name| header.iter().position(|h| trim_bom(h) == name.as_bytes()))
        };
        let f = &options.fields;
        let text = position(&f.text).ok_or_else(|| {
            let found: Vec<String> = header
                .iter()
                .map(|h| String::from_utf8_lossy(trim_bom(h)).into_owned())
                .collect();
            format!(
                "no column {} in the header (columns: {}); name the text column with --text-field",
                listed(&f.text),
                found.join(", ")
            )
        })?;
        Ok(Columns {
            id: position(&f.id),
            title: position(&f.title),
            date: position(&f.date),
            outlet: position(&f.outlet),
            text,
        })
    }
}

fn is_blank_header(header: &csv::ByteRecord) -> bool {
    header.iter().all(|h| h.is_empty())
}

fn trim_bom(field: &[u8]) -> &[u8] {
    field.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(field)
}

fn csv_document(
    record: &csv::ByteRecord,
    columns: &Columns,
    name: &str,
    file_id: &str,
    line: u64,
    options: &ReadOptions,
    emit: &mut dyn FnMut(Item),
) -> Option<Document> {
    let field = |i: Option<usize>| i.and_then(|i| record.get(i)).map(|b| from_bytes(b).0);
    let raw_text = record.get(columns.text).unwrap_or(b"");
    if raw_text.len() > options.max_bytes {
        let msg = format!(
            "text of {} bytes exceeds the limit of {} bytes; skipped",
            raw_text.len(),
            options.max_bytes
        );
        emit(problem(name, line, msg));
        return None;
    }
    let text = decode(raw_text, name, Some(line), emit)?;
    let fields = Fields {
        id: field(columns.id).filter(|s| !s.is_empty()),
        title: field(columns.title),
        date: field(columns.date),
        outlet: field(columns.outlet),
        text,
    };
    Some(document(name, file_id, line, fields, emit))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(data: &str, jsonl: bool) -> (Vec<Document>, Vec<Rejection>) {
        read_with(data, jsonl, &ReadOptions::default())
    }

    fn read_with(
        data: &str,
        jsonl: bool,
        options: &ReadOptions,
    ) -> (Vec<Document>, Vec<Rejection>) {
        let mut docs = Vec::new();
        let mut problems = Vec::new();
        let mut emit = |i: Item| match i {
            Item::Doc(d) => docs.push(d),
            Item::Problem(p) => problems.push(p),
        };
        let reader: Box<dyn Read + Send> = Box::new(std::io::Cursor::new(data.as_bytes().to_vec()));
        if jsonl {
            read_jsonl(reader, "f", "f", options, &mut emit);
        } else {
            read_csv(reader, "f", "f", options, &mut emit);
        }
        (docs, problems)
    }

    #[test]
    fn jsonl_records_and_problems() {
        let data = "{\"id\":\"a1\",\"title\":\"T\",\"text\":\"Talks resumed.\"}\n\
            \n{\"id\":7,\"text\":\"Second.\"}\nnot json\n{\"id\":\"x\"}\n[1]\n{\"text\":\"No id.\"}\n";
        let (docs, problems) = read(data, true);
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a1", "7", "f:7"]);
        assert_eq!(docs[0].title.as_deref(), Some("T"));
        let lines: Vec<Option<u64>> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(4), Some(5), Some(6)]);
        assert!(problems[1].error.contains("no field \"text\""));
    }

    #[test]
    fn csv_records_and_problems() {
        let data = "id,title,text\nr1,Head,\"Body, with comma.\"\nr2,Only two\nr3,H,Fine.\n";
        let (docs, problems) = read(data, false);
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["r1", "r3"]);
        assert_eq!(docs[0].text, "Body, with comma.");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(3));
    }

    #[test]
    fn jsonl_outlet_values() {
        // A string (trimmed) or a number is the outlet; an empty string and
        // any other JSON value count as no outlet, as for title and date.
        let cases: &[(&str, Option<&str>)] = &[
            (r#""Reuters""#, Some("Reuters")),
            (r#"" Kyodo News ""#, Some("Kyodo News")),
            ("24", Some("24")),
            (r#""  ""#, None),
            ("null", None),
            ("true", None),
            (r#"{"name":"Reuters"}"#, None),
            (r#"["Reuters"]"#, None),
        ];
        for (value, expected) in cases {
            let data = format!("{{\"outlet\":{value},\"text\":\"Talks resumed.\"}}\n");
            let (docs, problems) = read(&data, true);
            assert!(problems.is_empty(), "value: {value}");
            assert_eq!(docs[0].outlet.as_deref(), *expected, "value: {value}");
        }
        let (docs, _) = read("{\"text\":\"Talks resumed.\"}\n", true);
        assert_eq!(docs[0].outlet, None);
    }

    #[test]
    fn outlet_from_a_named_field() {
        let mut options = ReadOptions::default();
        options.fields.outlet = vec!["publisher".into()];
        let jsonl = "{\"outlet\":\"X\",\"publisher\":\"NHK\",\"text\":\"Talks resumed.\"}\n";
        let csv = "id,publisher,text\nr1,NHK,Talks resumed.\nr2,,Talks ended.\n";
        let (from_jsonl, _) = read_with(jsonl, true, &options);
        let (from_csv, _) = read_with(csv, false, &options);
        let outlets: Vec<Option<&str>> = from_jsonl
            .iter()
            .chain(&from_csv)
            .map(|d| d.outlet.as_deref())
            .collect();
        assert_eq!(outlets, [Some("NHK"), Some("NHK"), None]);
    }

    #[test]
    fn csv_without_outlet_column() {
        let (docs, problems) = read("id,text\nr1,Talks resumed.\n", false);
        assert!(problems.is_empty());
        assert_eq!(docs[0].outlet, None);
    }

    #[test]
    fn csv_without_text_column() {
        let (docs, problems) = read("id,summary\n1,x\n", false);
        assert!(docs.is_empty());
        assert!(problems[0]
            .error
            .contains("no column \"text\", \"body\", \"content\""));
        assert!(problems[0].error.contains("(columns: id, summary)"));
        let mut options = ReadOptions::default();
        options.fields.text = vec!["story".into()];
        let (_, problems) = read_with("id,text\n1,x\n", false, &options);
        assert!(problems[0]
            .error
            .starts_with("no column \"story\" in the header"));
    }

    /// Without options, the field names of common news exports and APIs
    /// are read: the first of each list that a record or header has.
    #[test]
    fn common_field_names_are_read_without_options() {
        let csv = "headline,body,published_at,source\nJapan hails talks,Talks resumed.,2024-03-02,Courier\n";
        let jsonl = "{\"uuid\":\"u1\",\"title\":\"T\",\"maintext\":\"Talks resumed.\",\
            \"date_publish\":\"2024-03-02 10:00:00\",\"source_domain\":\"example.com\"}\n\
            {\"title\":\"T\",\"content\":\"Talks ended.\",\"publishedAt\":\"2024-03-03T08:00:00Z\",\
            \"source\":{\"id\":null,\"name\":\"Reuters\"}}\n";
        let (from_csv, p1) = read(csv, false);
        let (from_jsonl, p2) = read(jsonl, true);
        assert!(p1.is_empty() && p2.is_empty(), "{p1:?} {p2:?}");
        let seen: Vec<[&str; 4]> = from_csv
            .iter()
            .chain(&from_jsonl)
            .map(|d| {
                let title = d.title.as_deref().unwrap_or("-");
                let date = d.date.as_deref().unwrap_or("-");
                [
                    d.text.as_str(),
                    title,
                    date,
                    d.outlet.as_deref().unwrap_or("-"),
                ]
            })
            .collect();
        assert_eq!(
            seen,
            [
                [
                    "Talks resumed.",
                    "Japan hails talks",
                    "2024-03-02",
                    "Courier"
                ],
                ["Talks resumed.", "T", "2024-03-02", "example.com"],
                ["Talks ended.", "T", "2024-03-03", "Reuters"],
            ]
        );
        assert_eq!(from_jsonl[0].id, "u1");
    }

    #[test]
    fn dates_are_read_into_iso_form_or_reported() {
        let data = "{\"date\":\"Aug. 28, 2019\",\"text\":\"A.\"}\n\
            {\"date\":\"yesterday\",\"text\":\"B.\"}\n{\"date\":\"\",\"text\":\"C.\"}\n";
        let (docs, problems) = read(data, true);
        let dates: Vec<Option<&str>> = docs.iter().map(|d| d.date.as_deref()).collect();
        assert_eq!(dates, [Some("2019-08-28"), Some("yesterday"), None]);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(2));
        assert!(problems[0]
            .error
            .starts_with("date \"yesterday\" not understood"));
    }

    #[test]
    fn nested_json_fields_by_dotted_path() {
        let mut options = ReadOptions::default();
        options.fields.outlet = vec!["source.name".into()];
        options.fields.text = vec!["content.body".into()];
        options.fields.id = vec!["meta.id".into()];
        let data = "{\"meta\":{\"id\":7},\"source\":{\"id\":null,\"name\":\"Reuters\"},\
            \"content\":{\"body\":\"Talks resumed.\"}}\n\
            {\"source.name\":\"AP\",\"source\":{\"name\":\"x\"},\"content\":{\"body\":\"B.\"}}\n\
            {\"source\":\"Reuters\",\"content\":\"flat\"}\n";
        let (docs, problems) = read_with(data, true, &options);
        assert_eq!(docs[0].id, "7");
        assert_eq!(docs[0].outlet.as_deref(), Some("Reuters"));
        assert_eq!(docs[0].text, "Talks resumed.");
        // A key written with a dot wins over the path.
        assert_eq!(docs[1].outlet.as_deref(), Some("AP"));
        // A path through a value that is not an object is a missing field.
        assert!(problems[0].error.contains("no field \"content.body\""));
    }

    #[test]
    fn an_unclosed_quote_is_reported() {
        let (docs, problems) = read("id,text\nc1,Fine.\nc2,\"unclosed\nc3,x,y\n", false);
        assert_eq!(docs.len(), 2);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, Some(3));
        assert!(problems[0].error.contains("never closed"));
        let legit = "id,text\nc1,\"two\nlines, \"\"quoted\"\"\"\nc2,a 5\" screen\n";
        let (docs, problems) = read(legit, false);
        assert_eq!((docs.len(), problems.len()), (2, 0), "{problems:?}");
    }

    #[test]
    fn delimiter_read_off_the_header() {
        let cases: &[(&str, u8)] = &[
            ("id,text\n", b','),
            ("id;title;text\n", b';'),
            ("id\ttext\n", b'\t'),
            ("text\n", b','),
            ("id,text;x\n", b','),
            ("\"a;b\",text,x\n", b','),
            ("id;text\nr1,\"a, b, c\"\n", b';'),
            ("", b','),
        ];
        for &(head, want) in cases {
            assert_eq!(sniff_delimiter(head.as_bytes()), want, "{head:?}");
        }
    }

    #[test]
    fn semicolon_and_tab_separated_records() {
        for data in [
            "id;text\nr1;\"Talks resumed; both sides hopeful.\"\n",
            "id\ttext\nr1\tTalks resumed; both sides hopeful.\n",
        ] {
            let (docs, problems) = read(data, false);
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(docs[0].id, "r1");
            assert_eq!(docs[0].text, "Talks resumed; both sides hopeful.");
        }
    }

    #[test]
    fn empty_files() {
        assert!(read("", true).1[0].error.contains("empty"));
        assert!(read("", false).1[0].error.contains("empty"));
    }
}
