//! Integration tests: run the real binary on fixture folders and check the
//! reports, the exit status and what is written to stderr.

use assert_cmd::Command;
use predicates::str::contains;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const ARTICLE: &str = "Leaders hail 'new chapter' in ties\n\nJune 18, 2024 - 08:05 By Reuters\n\n\
TOKYO (Reuters) -- The leaders of Japan and South Korea pledged on Tuesday to deepen cooperation.\n\n\
\"Our relationship has never been stronger,\" the Japanese prime minister said.\n\n\
North Korea condemned the summit as a dangerous provocation.\n";

fn stance() -> Command {
    Command::cargo_bin("stance").unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    path
}

fn read(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).unwrap()
}

/// Rows of a report (header included), parsed as CSV.
fn rows(dir: &Path, name: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(dir.join(name))
        .unwrap();
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The first column of a report, header left out.
fn first_column(dir: &Path, name: &str) -> Vec<String> {
    rows(dir, name)[1..].iter().map(|r| r[0].clone()).collect()
}

fn score(args: &[&str], out: &Path) -> assert_cmd::assert::Assert {
    stance()
        .arg("score")
        .args(args)
        .arg("-o")
        .arg(out)
        .arg("--quiet")
        .assert()
}

/// Writes `files` into a fresh corpus folder and scores it, expecting exit
/// status 0; returns the folder (which must outlive the reports) and the
/// reports directory.
fn score_clean(files: &[(&str, &[u8])]) -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    for (name, bytes) in files {
        write(dir.path(), &format!("corpus/{name}"), bytes);
    }
    let out = dir.path().join("out");
    score(&[dir.path().join("corpus").to_str().unwrap()], &out).code(0);
    (dir, out)
}

#[test]
fn scores_the_examples_and_writes_every_report() {
    let out = TempDir::new().unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    score(&[examples.to_str().unwrap()], out.path()).success();
    for (name, header) in [
        ("articles.csv", stance::report::ARTICLES),
        ("sentences.csv", stance::report::SENTENCES),
        ("quotes.csv", stance::report::QUOTES),
        ("stance.csv", stance::report::STANCE),
        ("categories.csv", stance::report::CATEGORIES),
        ("actors.csv", stance::report::ACTORS),
        ("dyads.csv", stance::report::DYADS),
        ("dyad_categories.csv", stance::report::DYAD_CATEGORIES),
        ("speakers.csv", stance::report::SPEAKERS),
        ("speaker_targets.csv", stance::report::SPEAKER_TARGETS),
        ("errors.csv", stance::report::ERRORS),
    ] {
        let rows = rows(out.path(), name);
        assert_eq!(rows[0], header, "{name}");
        if name != "errors.csv" {
            assert!(rows.len() > 1, "{name} has no rows");
        }
    }
    assert_eq!(rows(out.path(), "errors.csv").len(), 1);
}

#[test]
fn byte_identical_for_one_and_two_threads() {
    let corpus = TempDir::new().unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    let texts: Vec<Vec<u8>> = fs::read_dir(&examples)
        .unwrap()
        .map(|e| fs::read(e.unwrap().path()).unwrap())
        .collect();
    for i in 0..1000 {
        let name = format!("batch{:02}/article{i:04}.txt", i % 7);
        write(corpus.path(), &name, &texts[i % texts.len()]);
    }
    let one = TempDir::new().unwrap();
    let two = TempDir::new().unwrap();
    let input = corpus.path().to_str().unwrap();
    score(&[input, "--threads", "1"], one.path()).success();
    score(&[input, "--threads", "2"], two.path()).success();
    for name in [
        "articles.csv",
        "sentences.csv",
        "quotes.csv",
        "stance.csv",
        "actors.csv",
        "dyads.csv",
        "speakers.csv",
        "speaker_targets.csv",
    ] {
        assert_eq!(
            read(one.path(), name),
            read(two.path(), name),
            "{name} differs"
        );
    }
    assert_eq!(rows(one.path(), "articles.csv").len(), 1001);
}

#[test]
fn missing_path_is_reported_and_the_run_goes_on() {
    let dir = TempDir::new().unwrap();
    let good = write(dir.path(), "good.txt", ARTICLE.as_bytes());
    let out = dir.path().join("out");
    stance()
        .args(["score", "--quiet", "-o"])
        .arg(&out)
        .arg(dir.path().join("nope.txt"))
        .arg(&good)
        .assert()
        .code(1)
        .stderr(contains("nope.txt: no such file or directory"));
    assert_eq!(rows(&out, "articles.csv").len(), 2);
    let errors = rows(&out, "errors.csv");
    assert!(errors[1][0].ends_with("nope.txt"));
}

/// Runs score on a folder holding `name` (with `bytes`) and one good
/// article; returns the errors.csv rows and the number of articles scored.
fn one_bad_input(name: &str, bytes: &[u8], extra: &[&str]) -> (Vec<Vec<String>>, usize, String) {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "corpus/good.txt", ARTICLE.as_bytes());
    write(dir.path(), &format!("corpus/{name}"), bytes);
    let out = dir.path().join("out");
    let mut args = vec![dir.path().join("corpus").to_str().unwrap().to_string()];
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let assert = score(&args, &out).code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    let articles = rows(&out, "articles.csv").len() - 1;
    (rows(&out, "errors.csv"), articles, stderr)
}

#[test]
fn latin1_text_is_read_as_windows_1252_with_a_warning() {
    let (errors, articles, stderr) = one_bad_input(
        "latin1.txt",
        b"Caf\xe9 talks collapse\n\nParis (AFP) - The talks failed.",
        &[],
    );
    assert_eq!(articles, 2);
    assert!(errors[1][0].ends_with("latin1.txt"));
    assert!(errors[1][2].contains("not UTF-8 (byte 3); read as Windows-1252"));
    assert!(stderr.contains("latin1.txt: not UTF-8"));
}

#[test]
fn bad_bytes_in_utf8_text_are_decoded_lossily_with_a_warning() {
    let mut bytes = "Caf\u{e9} talks collapse\n\nThe talks \u{2014} in Paris \u{2014} failed"
        .as_bytes()
        .to_vec();
    bytes.extend(b" \xff.");
    let (errors, articles, _) = one_bad_input("broken.txt", &bytes, &[]);
    assert_eq!(articles, 2);
    assert!(errors[1][2].contains("decoded lossily (bad bytes became U+FFFD)"));
}

/// UTF-16 with a byte order mark, as Windows editors and Excel's "Unicode
/// text" save it, is transcoded, in every input format: no warning.
#[test]
fn utf16_inputs_are_transcoded() {
    let utf16 = |text: &str, big_endian: bool| -> Vec<u8> {
        let units = std::iter::once(0xFEFF).chain(text.encode_utf16());
        if big_endian {
            units.flat_map(u16::to_be_bytes).collect()
        } else {
            units.flat_map(u16::to_le_bytes).collect()
        }
    };
    let text = "Talks in M\u{fc}nster\n\nThe talks were a success.";
    let csv = "id,text\nc1,\"The talks in M\u{fc}nster were a success.\"\n";
    let (_dir, out) = score_clean(&[
        ("le.txt", &utf16(text, false)),
        ("be.txt", &utf16(text, true)),
        ("records.csv", &utf16(csv, false)),
    ]);
    let articles = rows(&out, "articles.csv");
    let by_id = |id: &str| articles.iter().find(|r| r[0] == id).unwrap().clone();
    for id in ["le", "be"] {
        assert_eq!(by_id(id)[2], "Talks in M\u{fc}nster", "{id}");
        assert!(by_id(id)[8].parse::<f64>().unwrap() > 0.0, "{id}");
    }
    assert!(by_id("c1")[8].parse::<f64>().unwrap() > 0.0);
    assert_eq!(rows(&out, "errors.csv").len(), 1);
}

/// A plain-text file of one paragraph is all headline: its tone is the
/// headline's, not 0.
#[test]
fn an_article_that_is_all_headline_takes_its_tone() {
    let (_dir, out) = score_clean(&[("one.txt", b"The talks ended in a bitter failure.\n")]);
    let articles = rows(&out, "articles.csv");
    assert!(
        articles[1][8].parse::<f64>().unwrap() < -0.3,
        "{articles:?}"
    );
}

#[test]
fn binary_file_is_skipped() {
    let (errors, articles, _) = one_bad_input("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", &[]);
    assert_eq!(articles, 1);
    assert!(errors[1][2].contains("binary content"));
}

#[test]
fn empty_file_is_rejected() {
    let (errors, articles, _) = one_bad_input("empty.txt", b"", &[]);
    assert_eq!(articles, 1);
    assert!(errors[1][0].ends_with("empty.txt"));
    assert!(errors[1][2].contains("empty document"));
}

#[test]
fn malformed_jsonl_rows_are_rejected_with_their_line() {
    let feed = b"{\"id\":\"a\",\"text\":\"Talks resumed on Monday.\"}\n{\"id\":\"b\",\"text\":\nnot json at all\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"Talks ended.\"}\n";
    let (errors, articles, stderr) = one_bad_input("feed.jsonl", feed, &[]);
    assert_eq!(articles, 3);
    let lines: Vec<&str> = errors[1..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(lines, ["2", "3", "4"]);
    assert!(errors[3][2].contains("no field \"text\""));
    assert!(stderr.contains("feed.jsonl:2: malformed JSON"));
}

#[test]
fn malformed_csv_rows_are_rejected_with_their_line() {
    let rows_csv = b"id,title,text\nr1,One,\"Talks resumed, officials said.\"\nr2,too,many,fields\nr3,Three,Talks ended.\n";
    let (errors, articles, _) = one_bad_input("rows.csv", rows_csv, &[]);
    assert_eq!(articles, 3);
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[1][1], "3");
    assert!(errors[1][2].contains("malformed CSV row"));
}

#[test]
fn a_line_of_100_mb_is_rejected_and_the_next_line_read() {
    let mut feed = Vec::with_capacity(101 << 20);
    feed.extend_from_slice(b"{\"id\":\"big\",\"text\":\"");
    feed.resize(feed.len() + (100 << 20), b'x');
    feed.extend_from_slice(b"\"}\n{\"id\":\"small\",\"text\":\"Talks resumed.\"}\n");
    let (errors, articles, _) = one_bad_input("huge.jsonl", &feed, &[]);
    assert_eq!(articles, 2);
    assert_eq!(errors[1][1], "1");
    assert!(errors[1][2].contains("exceeds the limit"));
}

#[test]
fn gzip_and_stdin_inputs() {
    let dir = TempDir::new().unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(b"{\"id\":\"z1\",\"text\":\"Japan and South Korea agreed.\"}\n")
        .unwrap();
    let path = write(dir.path(), "feed.jsonl.gz", &gz.finish().unwrap());
    let out = dir.path().join("out");
    score(&[path.to_str().unwrap()], &out).success();
    assert_eq!(rows(&out, "articles.csv")[1][0], "z1");
    let out2 = dir.path().join("out2");
    stance()
        .args(["score", "-", "--quiet", "-o"])
        .arg(&out2)
        .write_stdin(ARTICLE)
        .assert()
        .success();
    assert_eq!(rows(&out2, "articles.csv")[1][0], "stdin");
    assert_eq!(rows(&out2, "articles.csv")[1][1], "<stdin>");
    stance()
        .args(["score", "-", "--stdout", "articles"])
        .write_stdin("{\"text\":\"Fine.\"}\nnot json\n")
        .assert()
        .code(1)
        .stderr(contains("<stdin>:2: malformed JSON"));
}

#[test]
fn excel_mode_and_formula_guard() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "f.jsonl",
        b"{\"id\":\"=cmd|calc\",\"text\":\"=HYPERLINK(1) is bad.\\n\\n-5 percent was the fall.\"}\n",
    );
    let out = dir.path().join("out");
    score(&[path.to_str().unwrap(), "--excel"], &out).success();
    let bytes = fs::read(out.join("articles.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFarticle_id,"));
    assert!(String::from_utf8_lossy(&bytes).contains("\r\n'=cmd|calc,"));
    let sentences = read(&out, "sentences.csv");
    assert!(
        sentences.contains(",'=HYPERLINK(1) is bad.,"),
        "{sentences}"
    );
    assert!(sentences.contains(",'-5 percent was the fall.,"));
    assert!(
        sentences.contains(",-0.4767,"),
        "negative tones stay numbers"
    );
}

#[test]
fn usage_errors_exit_with_2() {
    stance().args(["score"]).assert().code(2);
    stance()
        .args(["score", "x", "--threads", "0"])
        .assert()
        .code(2)
        .stderr(contains("--threads"));
    stance()
        .args(["score", "x", "--lexicon", "/no/such/lexicon.csv"])
        .assert()
        .code(2)
        .stderr(contains("/no/such/lexicon.csv"));
}

#[test]
fn broken_lexicon_lines_warn_or_fail_with_strict() {
    let dir = TempDir::new().unwrap();
    let lexicon = write(
        dir.path(),
        "tone.csv",
        b"term,weight,categories\nhopeful,1.8,hope\nbroken,abc,\n",
    );
    let article = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let out = dir.path().join("out");
    let lex = lexicon.to_str().unwrap();
    stance()
        .args(["score", "--quiet", "--lexicon", lex, "-o"])
        .arg(&out)
        .arg(&article)
        .assert()
        .success()
        .stderr(contains("tone.csv:3: weight \"abc\" is not a number"));
    stance()
        .args(["score", "--quiet", "--strict", "--lexicon", lex, "-o"])
        .arg(&out)
        .arg(&article)
        .assert()
        .code(2)
        .stderr(contains("tone.csv:3"));
}

#[test]
fn target_model_option_and_its_bad_lines() {
    let dir = TempDir::new().unwrap();
    let article = write(
        dir.path(),
        "a.txt",
        b"Trade grows\n\nJune 18, 2024 - 08:05 By Reuters\n\n\
          SEOUL -- Trade between Japan and South Korea grew in May.\n",
    );
    let out = dir.path().join("out");
    let model = write(
        dir.path(),
        "target.csv",
        b"term,context,negative,positive\nbias,rule,-1,-1\ngrew,unit,0,3\nties,sideways,1,1\n",
    );
    let model = model.to_str().unwrap();
    stance()
        .args(["score", "--quiet", "--target-model", model, "-o"])
        .arg(&out)
        .arg(&article)
        .assert()
        .success()
        .stderr(contains("target.csv:4: unknown context \"sideways\""));
    // "grew" in the unit lifts its targets (Japan, South Korea) to positive.
    let targets = rows(&out, "stance.csv");
    assert_eq!(targets.len(), 3, "{targets:?}");
    for row in &targets[1..] {
        assert_eq!(
            (row[7].as_str(), row[9].as_str()),
            ("positive", "unit:grew")
        );
    }
    stance()
        .args([
            "score",
            "--quiet",
            "--strict",
            "--target-model",
            model,
            "-o",
        ])
        .arg(&out)
        .arg(&article)
        .assert()
        .code(2);
    let header_only = write(dir.path(), "empty.csv", b"term,context,negative,positive\n");
    stance()
        .args(["score", "--quiet", "--target-model"])
        .arg(&header_only)
        .arg("-o")
        .arg(&out)
        .arg(&article)
        .assert()
        .code(2)
        .stderr(contains("no term rows"));
    stance()
        .args([
            "score",
            "--quiet",
            "--target-model",
            "no-such-model.csv",
            "-o",
        ])
        .arg(&out)
        .arg(&article)
        .assert()
        .code(2)
        .stderr(contains("no-such-model.csv"));
    let latin1 = write(
        dir.path(),
        "latin1.csv",
        b"term,context,negative,positive\ncaf\xe9,unit,1,1\n",
    );
    stance()
        .args(["score", "--quiet", "--target-model"])
        .arg(&latin1)
        .arg("-o")
        .arg(&out)
        .arg(&article)
        .assert()
        .code(2)
        .stderr(contains("latin1.csv: not UTF-8"));
    score(&["--target-model", "none", article.to_str().unwrap()], &out).success();
    for row in &rows(&out, "stance.csv")[1..] {
        assert_eq!(row[5], row[8], "tone is the rule-based tone: {row:?}");
        assert!(row[9].is_empty());
    }
}

#[test]
fn user_actors_extend_the_default() {
    let dir = TempDir::new().unwrap();
    let actors = write(dir.path(), "actors.csv", b"actor_id,kind,name,parent,aliases,metonyms,from,to\nACME,organisation,Acme Corp,,Acme Corp;Acme,,,\n");
    let article = write(
        dir.path(),
        "a.jsonl",
        b"{\"id\":\"1\",\"text\":\"Acme and Japan signed a deal.\"}\n",
    );
    let out = dir.path().join("out");
    score(
        &[
            article.to_str().unwrap(),
            "--actors",
            actors.to_str().unwrap(),
        ],
        &out,
    )
    .success();
    let ids = first_column(&out, "actors.csv");
    assert_eq!(ids, ["ACME", "JPN"]);
}

/// "the Japanese prime minister" in an article dated 2024-06-18 is the
/// person in that office then, named in the reports as a speaker; without
/// a date, Japan.
#[test]
fn an_office_named_with_a_country_is_its_holder_on_the_date() {
    let undated = ARTICLE.replace("June 18, 2024 - 08:05 By Reuters\n\n", "");
    let (_dir, out) = score_clean(&[
        ("dated.txt", ARTICLE.as_bytes()),
        ("undated.txt", undated.as_bytes()),
    ]);
    let quotes = rows(&out, "quotes.csv");
    let column = |name: &str| quotes[0].iter().position(|c| c == name).unwrap();
    let (id, actor, speaker) = (
        column("article_id"),
        column("speaker_actor"),
        column("speaker_name"),
    );
    let read: Vec<[&str; 3]> = quotes[1..]
        .iter()
        .map(|q| [q[id].as_str(), q[actor].as_str(), q[speaker].as_str()])
        .filter(|[_, actor, _]| actor.starts_with("JPN"))
        .collect();
    assert_eq!(
        read,
        [
            ["dated", "JPN.KISHIDA", "Fumio Kishida"],
            ["undated", "JPN", ""],
        ]
    );
}

#[test]
fn aggregates_by_month_and_rolled_up() {
    let dir = TempDir::new().unwrap();
    let feed = "{\"id\":\"1\",\"date\":\"2019-01-03\",\"text\":\"TOKYO (Reuters) - Shinzo Abe warned of a dangerous crisis.\"}\n\
        {\"id\":\"2\",\"date\":\"2019-02-10T08:00:00Z\",\"text\":\"TOKYO (Reuters) - Japan welcomed the successful talks.\"}\n\
        {\"id\":\"3\",\"date\":\"2024-05-01\",\"text\":\"TOKYO (Reuters) - Shinzo Abe is remembered fondly.\"}\n";
    let path = write(dir.path(), "feed.jsonl", feed.as_bytes());
    let input = path.to_str().unwrap();
    let plain = dir.path().join("plain");
    score(&[input], &plain).success();
    let dyads = rows(&plain, "dyads.csv");
    let pairs: Vec<(&str, &str)> = dyads[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(pairs, [("Reuters", "JPN"), ("Reuters", "JPN.ABE")]);
    let grouped = dir.path().join("grouped");
    score(&[input, "--by", "month", "--rollup"], &grouped).success();
    let dyads = rows(&grouped, "dyads.csv");
    assert_eq!(dyads[0].last().unwrap(), "period");
    let rows_out: Vec<(&str, &str, &str)> = dyads[1..]
        .iter()
        .map(|r| (r[1].as_str(), r[2].as_str(), r.last().unwrap().as_str()))
        .collect();
    // Abe folds into Japan while in office (2019), not after (2024).
    assert_eq!(
        rows_out,
        [
            ("JPN", "1", "2019-01"),
            ("JPN", "1", "2019-02"),
            ("JPN.ABE", "1", "2024-05")
        ]
    );
}

/// The outlet column of articles.csv and the (source, target, units) of
/// dyads.csv after scoring `args`.
fn outlets_and_dyads(args: &[&str], out: &Path) -> (Vec<String>, Vec<[String; 3]>) {
    score(args, out).success();
    let outlets = rows(out, "articles.csv")[1..]
        .iter()
        .map(|r| r[4].clone())
        .collect();
    let dyads = rows(out, "dyads.csv")[1..]
        .iter()
        .map(|r| [r[0].clone(), r[1].clone(), r[2].clone()])
        .collect();
    (outlets, dyads)
}

fn dyad(source: &str, target: &str, units: &str) -> [String; 3] {
    [source.into(), target.into(), units.into()]
}

#[test]
fn outlet_field_is_the_source_of_narration() {
    let dir = TempDir::new().unwrap();
    let feed = "{\"id\":\"1\",\"outlet\":\"Kyodo News\",\"text\":\"TOKYO (Reuters) - Shinzo Abe warned of a dangerous crisis.\"}\n\
        {\"id\":\"2\",\"text\":\"TOKYO (Reuters) - Japan welcomed the successful talks.\"}\n\
        {\"id\":\"3\",\"outlet\":\" \",\"text\":\"TOKYO (Reuters) - Japan welcomed the successful talks.\"}\n\
        {\"id\":\"4\",\"outlet\":\"NHK\",\"text\":\"Japan welcomed the successful talks.\"}\n\
        {\"id\":\"5\",\"outlet\":{\"name\":\"NHK\"},\"text\":\"Japan welcomed the successful talks.\"}\n";
    let path = write(dir.path(), "feed.jsonl", feed.as_bytes());
    let out = dir.path().join("out");
    let (outlets, dyads) = outlets_and_dyads(&[path.to_str().unwrap()], &out);
    // The field wins over the dateline; without it (missing, blank, or not
    // a string or number) the dateline's outlet, if any, is kept.
    assert_eq!(outlets, ["Kyodo News", "Reuters", "Reuters", "NHK", ""]);
    assert_eq!(
        dyads,
        [
            dyad("Kyodo News", "JPN.ABE", "1"),
            dyad("NHK", "JPN", "1"),
            dyad("Reuters", "JPN", "2"),
        ]
    );
    assert_eq!(rows(&out, "errors.csv").len(), 1);
}

#[test]
fn outlet_field_of_csv_records_renamed() {
    let dir = TempDir::new().unwrap();
    let table = "id,publisher,outlet,text\n\
        1,NHK,Ignored,Japan welcomed the successful talks.\n\
        2,,Ignored,TOKYO (Reuters) - Shinzo Abe warned of a dangerous crisis.\n";
    let path = write(dir.path(), "table.csv", table.as_bytes());
    let out = dir.path().join("out");
    let args = [path.to_str().unwrap(), "--outlet-field", "publisher"];
    let (outlets, dyads) = outlets_and_dyads(&args, &out);
    assert_eq!(outlets, ["NHK", "Reuters"]);
    assert_eq!(
        dyads,
        [dyad("NHK", "JPN", "1"), dyad("Reuters", "JPN.ABE", "1")]
    );
    // diff takes the same input options.
    stance()
        .args([
            "diff",
            "--quiet",
            "--base",
            "default",
            "--outlet-field",
            "publisher",
            "-o",
        ])
        .arg(dir.path().join("diff"))
        .arg(&path)
        .assert()
        .success();
}

/// Spreadsheet exports: a semicolon-separated .csv (European locales) and
/// a .tsv file are read like comma-separated CSV.
#[test]
fn semicolon_csv_and_tsv_files_are_read() {
    let (_dir, out) = score_clean(&[
        (
            "semi.csv",
            b"id;text\ns1;\"Talks collapsed; both sides traded blame.\"\n",
        ),
        ("tabs.tsv", b"id\ttext\nt1\tTalks collapsed in acrimony.\n"),
    ]);
    let ids = first_column(&out, "articles.csv");
    assert_eq!(ids, ["s1", "t1"]);
}

/// Scoring a folder that holds the reports of an earlier run (the default
/// `reports` inside it) leaves that directory out instead of reading the
/// report files as corpora.
#[test]
fn the_output_directory_inside_an_input_is_left_out() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "one.txt", ARTICLE.as_bytes());
    let out = dir.path().join("reports");
    let input = dir.path().to_str().unwrap();
    score(&[input], &out).code(0);
    stance()
        .args(["score", input, "-o"])
        .arg(&out)
        .assert()
        .code(0)
        .stderr(contains(
            "left out of the inputs: it is this run's output directory",
        ))
        .stderr(contains("stance: 1 articles"));
    assert_eq!(rows(&out, "articles.csv").len(), 2);
}

/// A category dictionary (here LIWC .dic, with a topic of weight 0) gives
/// per-article counts of each category in categories.csv, as LIWC does.
#[test]
fn category_counts_per_article() {
    let dir = TempDir::new().unwrap();
    let dic = "%\n1\tposemo\n2\tmilitary\n%\nhope*\t1\ntroops\t2\nwar\t2\n";
    let lexicon = write(dir.path(), "topics.dic", dic.as_bytes());
    let text = b"Troops withdraw\n\nThe troops left. Both sides hope the war is over, and they are hopeful.\n";
    write(dir.path(), "corpus/a.txt", text);
    let out = dir.path().join("out");
    let corpus = dir.path().join("corpus");
    let lexicon_arg = format!("liwc:{}", lexicon.display());
    score(&[corpus.to_str().unwrap(), "--lexicon", &lexicon_arg], &out).code(0);
    let counts: Vec<Vec<String>> = rows(&out, "categories.csv")[1..].to_vec();
    let words = "16".to_string();
    assert_eq!(
        counts,
        [
            ["a", "military", "3", &words, "18.7500"],
            ["a", "posemo", "2", &words, "12.5000"],
        ]
        .map(|r| r.map(str::to_string).to_vec())
    );
}

/// dyad_categories.csv: per source -> target, the units in which entries of
/// each lexicon category bear on the target in its own clause.
#[test]
fn categories_per_dyad_come_from_the_target_clause() {
    let text = "{\"id\":\"1\",\"text\":\"Japan praised South Korea for its restraint, \
        while China threatened sanctions against Seoul.\"}\n";
    let (_dir, out) = score_clean(&[("feed.jsonl", text.as_bytes())]);
    let rows = rows(&out, "dyad_categories.csv");
    let of = |source: &str| -> Vec<String> {
        rows[1..]
            .iter()
            .filter(|r| r[0] == source && r[1] == "KOR")
            .map(|r| format!("{}={}", r[2], r[3]))
            .collect()
    };
    assert!(of("JPN").contains(&"praise=1".to_string()), "{rows:?}");
    assert!(
        !of("JPN").iter().any(|c| c.starts_with("threat")),
        "{rows:?}"
    );
}

/// `stance tone` reads its line files with the corpus rules for encodings:
/// UTF-16 with a byte order mark silently, Latin-1 with a warning.
#[test]
fn tone_reads_utf16_and_latin1_lines() {
    let utf16: Vec<u8> = std::iter::once(0xFEFF)
        .chain("Terrible war.\nA good deal.\n".encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    let out = stance()
        .args(["tone", "-"])
        .write_stdin(utf16)
        .assert()
        .code(0);
    let csv = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(csv.contains("stdin:1,-"), "{csv}");
    stance()
        .args(["tone", "-"])
        .write_stdin(&b"Caf\xe9 owners were furious.\n"[..])
        .assert()
        .code(1)
        .stderr(contains("stdin: not UTF-8 (byte 3); read as Windows-1252"));
}

/// An I/O error names the path and its cause once.
#[test]
fn an_io_error_says_its_cause_once() {
    let out = stance()
        .args(["lexicon", "check", "/no/such/lexicon.csv"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.matches("No such file or directory").count(),
        1,
        "{stderr}"
    );
    assert!(stderr.contains("/no/such/lexicon.csv"), "{stderr}");
}

/// The (source_actor, target_actor) pairs of stance.csv after scoring
/// `article` (a .txt file) with `extra` options, into `dir/out`.
fn stance_pairs(dir: &Path, article: &str, extra: &[&str], out: &str) -> Vec<(String, String)> {
    let corpus = write(dir, "corpus/vote.txt", article.as_bytes());
    let out = dir.join(out);
    let mut args = vec![corpus.to_str().unwrap()];
    args.extend_from_slice(extra);
    score(&args, &out).code(0);
    rows(&out, "stance.csv")[1..]
        .iter()
        .map(|r| (r[3].clone(), r[4].clone()))
        .collect()
}

/// `--own-side` keeps the targets on the speaker's own side (domestic
/// politics), leaving out only the speaker and the actors above it.
#[test]
fn own_side_keeps_domestic_targets() {
    let dir = TempDir::new().unwrap();
    let article = "A vote\n\n\
        President Donald Trump attacked the Democrats on Tuesday, calling them \"a disgrace.\" \
        He said America was strong.\n";
    assert_eq!(stance_pairs(dir.path(), article, &[], "plain"), []);
    let own = stance_pairs(dir.path(), article, &["--own-side"], "own");
    assert!(!own.is_empty());
    for (source, target) in &own {
        assert_eq!(source, "USA.TRUMP");
        assert_eq!(target, "USA.DEMOCRATIC_PARTY");
    }
}

/// With `--own-side` a speaker stands for the body it is affiliated with
/// (a party, a department), not for its country.
#[test]
fn own_side_keeps_a_speakers_affiliation() {
    let dir = TempDir::new().unwrap();
    let article = "A vote\n\n\
        \"It does not secure the border,\" said Republican Sen. John Cornyn, who criticized the Democrats.\n\n\
        A senior State Department official said Mexico had been helpful.\n";
    let pairs = stance_pairs(dir.path(), article, &["--own-side"], "out");
    let pair = |s: &str, t: &str| (s.to_string(), t.to_string());
    assert!(
        pairs.contains(&pair("USA.REPUBLICAN_PARTY", "USA.DEMOCRATIC_PARTY")),
        "{pairs:?}"
    );
    assert!(
        pairs.contains(&pair("USA.STATE_DEPARTMENT", "MEX")),
        "{pairs:?}"
    );
}

/// `--by month,outlet` splits the aggregates by both, in two columns;
/// two periods at once are a usage error.
#[test]
fn aggregates_split_by_period_and_outlet() {
    let dir = TempDir::new().unwrap();
    let records = "{\"id\":\"a\",\"date\":\"2024-03-02\",\"outlet\":\"Daily Courier\",\"text\":\"Japan praised South Korea.\"}\n\
        {\"id\":\"b\",\"date\":\"2024-03-20\",\"outlet\":\"Daily Courier\",\"text\":\"Japan praised South Korea again.\"}\n\
        {\"id\":\"c\",\"date\":\"2024-04-01\",\"outlet\":\"Daily Courier\",\"text\":\"Japan condemned South Korea.\"}\n\
        {\"id\":\"d\",\"date\":\"2024-03-05\",\"outlet\":\"Evening Post\",\"text\":\"Japan condemned South Korea.\"}\n";
    let corpus = write(dir.path(), "news.jsonl", records.as_bytes());
    let out = dir.path().join("out");
    score(&[corpus.to_str().unwrap(), "--by", "outlet,month"], &out).code(0);
    let dyads = rows(&out, "dyads.csv");
    assert_eq!(dyads[0][8..], ["period", "outlet"]);
    let split: Vec<(&str, &str, &str)> = dyads[1..]
        .iter()
        .filter(|r| r[0] == "JPN" && r[1] == "KOR")
        .map(|r| (r[8].as_str(), r[9].as_str(), r[2].as_str()))
        .collect();
    assert_eq!(
        split,
        [
            ("2024-03", "Daily Courier", "2"),
            ("2024-03", "Evening Post", "1"),
            ("2024-04", "Daily Courier", "1"),
        ]
    );
    for name in ["actors.csv", "speakers.csv", "speaker_targets.csv"] {
        assert_eq!(rows(&out, name)[0].last().unwrap(), "outlet", "{name}");
    }
    let twice = dir.path().join("twice");
    score(&[corpus.to_str().unwrap(), "--by", "day,month"], &twice)
        .code(2)
        .stderr(contains("--by takes one period"));
}

/// `--by outlet` splits the aggregates by the articles' outlet: how each
/// outlet's articles treat an actor; stance.csv names each row's outlet.
#[test]
fn aggregates_split_by_outlet() {
    let dir = TempDir::new().unwrap();
    let records = "{\"id\":\"a\",\"outlet\":\"Daily Courier\",\"text\":\"Japan praised South Korea for its restraint.\"}\n\
        {\"id\":\"b\",\"outlet\":\"Evening Post\",\"text\":\"Japan condemned South Korea for its reckless decision.\"}\n\
        {\"id\":\"c\",\"text\":\"South Korea held talks.\"}\n";
    let corpus = write(dir.path(), "news.jsonl", records.as_bytes());
    let out = dir.path().join("out");
    score(&[corpus.to_str().unwrap(), "--by", "outlet"], &out).code(0);
    let actors = rows(&out, "actors.csv");
    assert_eq!(actors[0].last().unwrap(), "outlet");
    let kor: Vec<(&str, &str)> = actors[1..]
        .iter()
        .filter(|r| r[0] == "KOR")
        .map(|r| (r[14].as_str(), r[6].as_str()))
        .collect();
    assert_eq!(kor.len(), 3, "{kor:?}");
    assert_eq!(kor[0].0, "");
    let tone = |outlet: &str| -> f64 {
        kor.iter()
            .find(|(o, _)| *o == outlet)
            .unwrap()
            .1
            .parse()
            .unwrap()
    };
    assert!(
        tone("Daily Courier") > 0.0 && tone("Evening Post") < 0.0,
        "{kor:?}"
    );
    let quotes = rows(&out, "quotes.csv");
    assert_eq!(quotes[0][20..], ["date", "outlet", "speaker_name"]);
    assert!(
        quotes[1..].iter().any(|r| r[21] == "Evening Post"),
        "{quotes:?}"
    );
    let stance = rows(&out, "stance.csv");
    assert_eq!(stance[0][10..], ["date", "outlet"]);
    let outlets: Vec<&str> = stance[1..].iter().map(|r| r[11].as_str()).collect();
    assert!(outlets.contains(&"Daily Courier") && outlets.contains(&"Evening Post"));
    let dyads = rows(&out, "dyads.csv");
    assert_eq!(dyads[0].last().unwrap(), "outlet");
    assert!(dyads[1..].iter().all(|r| r.last().unwrap() != ""));
}

#[test]
fn speakers_are_counted_across_articles_by_name() {
    let (_dir, out) = score_clean(&[
        (
            "a.txt",
            "Talks resume\n\nTOKYO (Reuters) - Japanese Foreign Minister Yoko Kamikawa \
             said on Monday that the talks were \"a hopeful step\". \"We welcome it,\" \
             Kamikawa said. A senior official said the plan was unhelpful.\n"
                .as_bytes(),
        ),
        (
            "b.txt",
            "Ties falter\n\nTOKYO (Reuters) - \"This is a terrible decision,\" said \
             Yoko Kamikawa, Japan's foreign minister. She said Seoul had failed.\n"
                .as_bytes(),
        ),
    ]);
    let speakers = rows(&out, "speakers.csv");
    assert_eq!(speakers[0], stance::report::SPEAKERS);
    assert_eq!(speakers.len(), 2, "{speakers:?}");
    let row = &speakers[1];
    // Her person actor in both articles, whether the description ends in
    // her name or in "Japan's foreign minister".
    assert_eq!(
        row[..4],
        ["Yoko Kamikawa", "JPN.KAMIKAWA", "4", "2"],
        "{row:?}"
    );
    let quotes = rows(&out, "quotes.csv");
    let hers: Vec<&Vec<String>> = quotes[1..]
        .iter()
        .filter(|q| q[22] == "Yoko Kamikawa")
        .collect();
    assert_eq!(hers.len(), 4, "{quotes:?}");
    let tones: Vec<f64> = hers.iter().map(|q| q[13].parse().unwrap()).collect();
    let count = |f: fn(f64) -> bool| tones.iter().filter(|&&t| f(t)).count().to_string();
    assert_eq!(
        row[5..8],
        [
            count(|t| t > 0.05),
            count(|t| t < -0.05),
            count(|t| t.abs() <= 0.05)
        ]
    );
    // "She" shows her gender in the second article only.
    let female = hers.iter().filter(|q| q[19] == "female").count();
    assert_eq!(
        (female, row[8..10].to_vec()),
        (2, vec!["2".to_string(), "0".into()])
    );
    let sum: f64 = tones.iter().sum();
    assert_eq!(row[10], format!("{sum:.4}"));
}

/// What each named speaker says about each target: persons outside the
/// actor lexicon too, and about others of their own country, which
/// dyads.csv leaves out by default; never about themselves or the bodies
/// above them.
#[test]
fn speaker_targets_tell_what_each_named_speaker_says_about_whom() {
    let (_dir, out) = score_clean(&[
        (
            "a.txt",
            "Senate talks\n\nRuth Mills, a senator, said Japan had failed its partners. \
             Donald Trump said Barack Obama had failed. Donald Trump said the United \
             States had failed.\n"
                .as_bytes(),
        ),
        (
            "b.txt",
            "Trade row\n\n\"Japan's decision was reckless and damaging,\" Ruth Mills said.\n"
                .as_bytes(),
        ),
    ]);
    let targets = rows(&out, "speaker_targets.csv");
    assert_eq!(targets[0], stance::report::SPEAKER_TARGETS);
    let keyed: Vec<[&str; 4]> = targets[1..]
        .iter()
        .map(|r| [r[0].as_str(), r[1].as_str(), r[2].as_str(), r[3].as_str()])
        .collect();
    assert_eq!(
        keyed,
        [
            ["Donald Trump", "USA.TRUMP", "USA.OBAMA", "1"],
            ["Ruth Mills", "", "JPN", "2"],
        ],
        "{targets:?}"
    );
    let mills = &targets[2];
    assert!(mills[4].parse::<f64>().unwrap() < 0.0, "{mills:?}");
    assert_eq!(mills[5..8], ["0", "2", "0"], "{mills:?}");
    // dyads.csv, by default, leaves out Trump about Obama (one side).
    let dyads = rows(&out, "dyads.csv");
    assert!(!dyads.iter().any(|r| r[0] == "USA.TRUMP"), "{dyads:?}");
}

#[test]
fn a_person_of_the_actor_lexicon_is_one_speaker_and_namesakes_are_not_them() {
    let (_dir, out) = score_clean(&[
        (
            "a.txt",
            "Rally in Ohio\n\nDonald J. Trump said on Monday that the rally was \
             \"a great success\". Eric Trump, his son, said the crowd was huge.\n"
                .as_bytes(),
        ),
        (
            "b.txt",
            "Debate night\n\n\"We will win,\" Mr. Trump said. Jeb Bush said the \
             plan was a failure.\n"
                .as_bytes(),
        ),
    ]);
    let speakers = rows(&out, "speakers.csv");
    let keyed: Vec<[&str; 3]> = speakers[1..]
        .iter()
        .map(|r| [r[0].as_str(), r[1].as_str(), r[2].as_str()])
        .collect();
    assert_eq!(
        keyed,
        [
            ["Donald Trump", "USA.TRUMP", "2"],
            ["Eric Trump", "", "1"],
            ["Jeb Bush", "", "1"],
        ],
        "{speakers:?}"
    );
}
