//! Integration tests of `stance lexicon check|stats|convert` and of
//! `--lexicon [FORMAT:]PATH` / `--modifiers` settings in `stance score`.

use assert_cmd::Command;
use predicates::str::contains;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn stance() -> Command {
    Command::cargo_bin("stance").unwrap()
}

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/lexicons/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

/// The built-in lexicon passes its own lint: no malformed line, duplicate,
/// wildcard capture, unmatchable term, term of both polarities or
/// shadowed entry.
#[test]
fn default_lexicon_passes_check() {
    stance()
        .args(["lexicon", "check", "default"])
        .assert()
        .success()
        .stderr(contains("0 errors, 0 warnings"));
}

#[test]
fn check_reports_every_defect_kind_at_its_line() {
    let out = stance()
        .args(["lexicon", "check", &fixture("check.csv")])
        .assert()
        .code(1)
        .stderr(contains("7 errors"))
        .stderr(contains("1 warning (shadowed 1)"))
        .get_output()
        .stdout
        .clone();
    let stdout = String::from_utf8(out).unwrap();
    let prefix = format!("{}:", fixture("check.csv"));
    let found: Vec<(u64, &str)> = stdout
        .lines()
        .map(|l| {
            let mut parts = l.strip_prefix(&prefix).unwrap().splitn(3, ':');
            let line = parts.next().unwrap().parse().unwrap();
            let kind = parts.next().unwrap().trim();
            (line, kind)
        })
        .collect();
    let want = [
        (2, "error[wildcard-capture]"),
        (5, "error[conflicting-duplicate]"),
        (7, "error[both-polarities]"),
        (8, "error[unmatchable]"),
        (9, "error[unmatchable]"),
        (11, "warning[shadowed]"),
        (12, "error[malformed]"),
        (13, "error[both-polarities]"),
    ];
    assert_eq!(found, want, "{stdout}");
}

#[test]
fn check_passes_with_warnings_only_and_merges_files() {
    let dir = TempDir::new().unwrap();
    let lex = write(
        dir.path(),
        "tone.csv",
        b"term,weight,categories\nhope*,1,positive\nhopeful,1,positive\n",
    );
    stance()
        .args(["lexicon", "check", lex.to_str().unwrap()])
        .assert()
        .success()
        .stdout(contains("tone.csv:3: warning[shadowed]"));
    stance()
        .args(["lexicon", "check"])
        .arg(fixture("positive-words.txt"))
        .arg(fixture("negative-words.txt"))
        .assert()
        .code(1)
        .stdout(contains(
            "negative-words.txt:6: error[both-polarities]: \"envious\" is listed under both polarities",
        ))
        .stdout(contains("negative-words.txt:8: error[malformed]"));
    stance()
        .args(["lexicon", "check", "--json", &fixture("sentiment.lc3")])
        .assert()
        .code(1)
        .stdout(contains(
            r#""line":7,"kind":"wildcard-capture","severity":"error""#,
        ))
        .stdout(contains(r#""line":9,"kind":"malformed""#));
}

#[test]
fn check_flags_phrases_vader_never_matches() {
    stance()
        .args(["lexicon", "check", &fixture("vader_lexicon.txt")])
        .assert()
        .code(1)
        .stdout(contains(
            "vader_lexicon.txt:3: error[unmatchable]: phrase \"no fun\" can never match VADER",
        ))
        .stdout(contains(
            "vader_lexicon.txt:5: error[conflicting-duplicate]",
        ));
}

#[test]
fn stats_text_and_json() {
    stance()
        .args(["lexicon", "stats", &fixture("sentiment.lc3")])
        .assert()
        .success()
        .stdout(contains("(lexicoder)"))
        .stdout(contains("entries     8 (8 distinct terms)"))
        .stdout(contains("multi-word  2"))
        .stdout(contains("wildcards   3"))
        .stdout(contains("negative 3, positive 3"))
        .stdout(contains("[-1,0) 4 | (0,1] 4"));
    let out = stance()
        .args(["lexicon", "stats", "--json", &fixture("dictionary.yml")])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json[0]["format"], "yaml");
    assert_eq!(json[0]["entries"], 8);
    assert_eq!(json[0]["categories"]["policy.trade"], 2);
    assert_eq!(json[0]["weights"][1]["bin"], "0");
}

const ARTICLE: &str = "Talks stall\n\nJune 18, 2024 - 08:05 By Reuters\n\n\
TOKYO (Reuters) -- The talks were not good, officials said.\n";

/// The tone of each sentence of ARTICLE scored with `args`.
fn tones(dir: &Path, args: &[&str]) -> Vec<String> {
    let article = write(dir, "a.txt", ARTICLE.as_bytes());
    let out = dir.join("out");
    stance()
        .args(["score", "--quiet", "-o"])
        .arg(&out)
        .arg(&article)
        .args(args)
        .assert()
        .success();
    let text = fs::read_to_string(out.join("sentences.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (tone, terms) = (col("tone"), col("terms"));
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            format!("{} {}", &r[tone], &r[terms])
        })
        .collect()
}

#[test]
fn converted_lexicon_scores_like_its_source() {
    let dir = TempDir::new().unwrap();
    let csv = dir.path().join("lsd.csv");
    stance()
        .args(["lexicon", "convert", &fixture("sentiment.lc3"), "-o"])
        .arg(&csv)
        .assert()
        .success()
        .stderr(contains("wrote 8 entries"));
    let from_lc3 = tones(dir.path(), &["--lexicon", &fixture("sentiment.lc3")]);
    let from_csv = tones(dir.path(), &["--lexicon", csv.to_str().unwrap()]);
    assert_eq!(from_lc3, from_csv);
    assert!(
        from_lc3.iter().any(|t| t.ends_with(" not good")),
        "{from_lc3:?}"
    );
    assert!(fs::read_to_string(&csv)
        .unwrap()
        .contains("not good,-1,neg_positive\n"));
}

#[test]
fn lexicons_merge_in_order() {
    let dir = TempDir::new().unwrap();
    let positive = write(dir.path(), "good.csv", b"term,weight,categories\ngood,2,\n");
    let lc3 = format!("lexicoder:{}", fixture("sentiment.lc3"));
    let merged = tones(
        dir.path(),
        &["--lexicon", positive.to_str().unwrap(), "--lexicon", &lc3],
    );
    assert!(
        merged
            .iter()
            .any(|t| t.starts_with('-') && t.ends_with(" not good")),
        "{merged:?}"
    );
    let default_only = tones(dir.path(), &[]);
    assert!(
        default_only.iter().any(|t| t.ends_with(";good")),
        "{default_only:?}"
    );
}

#[test]
fn modifier_settings_change_the_rules() {
    let dir = TempDir::new().unwrap();
    let tone = write(
        dir.path(),
        "tone.csv",
        b"term,weight,categories\ngood,1.9,\n",
    );
    let mods = |window: &str| {
        let text =
            format!("term,role,value\nnot,negator,-0.74\nnegation_window,setting,{window}\n");
        write(dir.path(), &format!("mods{window}.csv"), text.as_bytes())
    };
    let run = |window: &str| {
        let path = mods(window);
        tones(
            dir.path(),
            &[
                "--lexicon",
                tone.to_str().unwrap(),
                "--modifiers",
                path.to_str().unwrap(),
            ],
        )
    };
    // "not good": the negator is 1 word before; with a window of 0 it never reaches.
    assert!(run("6")[1].starts_with('-'), "{:?}", run("6"));
    assert!(!run("0")[1].starts_with('-'), "{:?}", run("0"));
}

#[test]
fn bad_lexicons_give_clear_messages() {
    let dir = TempDir::new().unwrap();
    let article = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let out = dir.path().join("out");
    let score = |lexicon: &str| {
        let mut cmd = stance();
        cmd.args(["score", "--quiet", "-o"])
            .arg(&out)
            .arg(&article)
            .args(["--lexicon", lexicon]);
        cmd
    };
    let cases: &[(&str, i32, &str)] = &[
        ("klingon:x.txt", 2, "unknown lexicon format \"klingon\""),
        (&fixture("unknown.txt"), 2, "cannot tell the lexicon format"),
        (&fixture("empty.dic"), 2, "has no entries"),
        (&fixture("latin1.dic"), 2, "line 4: not valid UTF-8"),
    ];
    for (spec, code, message) in cases {
        score(spec).assert().code(*code).stderr(contains(*message));
    }
    score(&fixture("topics.cat"))
        .assert()
        .success()
        .stderr(contains(
            "topics.cat:8: not valid UTF-8: the file was read as Windows-1252",
        ))
        .stderr(contains("topics.cat:9: WordStat rule"));
    score(&fixture("topics.cat"))
        .arg("--strict")
        .assert()
        .code(2)
        .stderr(contains("topics.cat:8"));
    stance()
        .args(["lexicon", "check", &fixture("empty.dic")])
        .assert()
        .code(1)
        .stderr(contains("has no entries"));
}

#[test]
fn category_entries_report_categories_without_tone() {
    let dir = TempDir::new().unwrap();
    let article = write(
        dir.path(),
        "a.jsonl",
        b"{\"id\":\"1\",\"text\":\"New tariffs hit missile makers.\"}\n",
    );
    let out = dir.path().join("out");
    stance()
        .args([
            "score",
            "--quiet",
            "--lexicon",
            &fixture("dictionary.yml"),
            "-o",
        ])
        .arg(&out)
        .arg(&article)
        .assert()
        .success();
    let text = fs::read_to_string(out.join("sentences.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let cell = |name: &str| row[header.iter().position(|h| h == name).unwrap()].to_string();
    assert_eq!(cell("terms"), "tariff*;missile*");
    assert_eq!(cell("categories"), "policy.security;policy.trade");
    assert_eq!(cell("tone"), "0.0000");
}
