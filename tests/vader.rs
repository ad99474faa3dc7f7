//! Integration tests of VADER-exact mode through the binary: `stance tone`
//! and `stance score` with `--rules vader --lexicon vader:PATH`, on a tiny
//! VADER-format lexicon written here. Expected compounds are
//! vaderSentiment 3.3.2's on the same lexicon (see src/vader/tests.rs).

use assert_cmd::Command;
use predicates::str::contains;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const LEXICON: &str = "good\t1.9\t0.7\t[2, 2, 1]\nbad\t-2.5\nhopeful\t1.8\n\
problem\t-1.7\nno\t-1.2\ngrinning\t1.4\n";
const EMOJI: &str = "\u{1f600}\tgrinning face\n";

fn stance() -> Command {
    Command::cargo_bin("stance").unwrap()
}

/// A temp dir holding `vader_lexicon.txt` and, if asked, the emoji file
/// beside it.
fn lexicon_dir(with_emoji: bool) -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let lexicon = dir.path().join("vader_lexicon.txt");
    fs::write(&lexicon, LEXICON).unwrap();
    if with_emoji {
        fs::write(dir.path().join("emoji_utf8_lexicon.txt"), EMOJI).unwrap();
    }
    (dir, lexicon)
}

fn spec(lexicon: &Path) -> String {
    format!("vader:{}", lexicon.display())
}

/// The CSV rows `stance tone` writes for `input`, header included.
fn tone_rows(args: &[&str], input: &str) -> Vec<Vec<String>> {
    let out = stance()
        .arg("tone")
        .args(args)
        .arg("-")
        .write_stdin(input)
        .assert()
        .success();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&out.get_output().stdout[..]);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn tone_gives_vader_compounds_per_line() {
    let (_dir, lexicon) = lexicon_dir(true);
    let input = "a1\t1.5\tThe talks were good.\n\
        a2\t-0.5\tThe talks were not good.\n\
        a3\t0.2\tThere is no problem here.\n\
        a4\t0\tThe talks ended!!!\n\
        a5\t1\tWe met today \u{1f600}\n\
        a6\t2\tThe food was good but the service was bad!\n\n";
    let rows = tone_rows(
        &["--tsv", "--rules", "vader", "--lexicon", &spec(&lexicon)],
        input,
    );
    let want = [
        ["id", "tone", "pos", "neg"],
        ["a1", "0.4404", "1.9000", "0.0000"],
        ["a2", "-0.3412", "0.0000", "1.4060"],
        ["a3", "0.3089", "1.2580", "0.0000"],
        ["a4", "0.0000", "0.0000", "0.0000"],
        ["a5", "0.3400", "1.4000", "0.0000"],
        ["a6", "-0.6239", "0.9500", "3.7500"],
    ];
    assert_eq!(rows, want);
}

#[test]
fn without_an_emoji_file_emoji_stay_and_a_warning_says_so() {
    let (_dir, lexicon) = lexicon_dir(false);
    stance()
        .args([
            "tone",
            "--rules",
            "vader",
            "--lexicon",
            &spec(&lexicon),
            "-",
        ])
        .write_stdin("We met today \u{1f600}\n")
        .assert()
        .success()
        .stdout(contains("stdin:1,0.0000"))
        .stderr(contains("emoji are not replaced"));
}

#[test]
fn tone_in_native_mode_and_line_ids() {
    let rows = tone_rows(&[], "We are hopeful.\n\nThe meeting is at noon\n");
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1][0], "stdin:1");
    assert!(rows[1][1].parse::<f64>().unwrap() > 0.0);
    assert_eq!(rows[2][0..2], ["stdin:3", "0.0000"]);
}

#[test]
fn a_tsv_line_without_a_tab_is_reported() {
    stance()
        .args(["tone", "--tsv", "-"])
        .write_stdin("x\t1\tfine\nno tab here\n")
        .assert()
        .code(1)
        .stdout(contains("x,"))
        .stderr(contains("stdin:2: no tab"));
}

#[test]
fn score_in_vader_mode_tones_each_sentence_by_vader() {
    let (dir, lexicon) = lexicon_dir(true);
    let feed = dir.path().join("feed.jsonl");
    let record = r#"{"id":"n1","text":"The talks were good. The talks were not good."}"#;
    fs::write(&feed, format!("{record}\n")).unwrap();
    let out = dir.path().join("out");
    stance()
        .args([
            "score",
            "--quiet",
            "--rules",
            "vader",
            "--lexicon",
            &spec(&lexicon),
        ])
        .arg(&feed)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let mut reader = csv::Reader::from_path(out.join("sentences.csv")).unwrap();
    let tones: Vec<(String, String, String)> = reader
        .deserialize::<std::collections::HashMap<String, String>>()
        .map(|r| {
            let r = r.unwrap();
            (r["text"].clone(), r["tone"].clone(), r["terms"].clone())
        })
        .collect();
    let want = [
        ("The talks were good.", "0.4404", ""),
        ("The talks were not good.", "-0.3412", ""),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(tones, want);
}

#[test]
fn mismatched_options_are_usage_errors() {
    let (dir, lexicon) = lexicon_dir(true);
    let vader = spec(&lexicon);
    let native = dir.path().join("tone.csv");
    fs::write(&native, "term,weight,categories\ngood,1.9,\n").unwrap();
    let native = native.display().to_string();
    let cases: &[(&[&str], &str)] = &[
        (
            &["--lexicon", "foo:x.dic"],
            "unknown lexicon format \"foo\"",
        ),
        (&["--lexicon", "vader:"], "no path after vader:"),
        (
            &["--rules", "vader"],
            "--rules vader needs a VADER-format lexicon",
        ),
        (
            &["--rules", "vader", "--lexicon", &native],
            "needs a VADER-format lexicon",
        ),
        (
            &["--rules", "vader", "--lexicon", &vader, "--lexicon", &vader],
            "takes one --lexicon",
        ),
        (
            &[
                "--rules",
                "vader",
                "--lexicon",
                &vader,
                "--modifiers",
                &native,
            ],
            "--modifiers",
        ),
        (
            &["--emoji", &native],
            "--emoji applies only to --rules vader",
        ),
        (
            &["--rules", "vader", "--lexicon", "vader:/no/such/file.txt"],
            "/no/such/file.txt",
        ),
        (&["--rules", "bert"], "invalid value 'bert'"),
    ];
    for (args, message) in cases {
        stance()
            .args(["tone", "-"])
            .args(*args)
            .write_stdin("good\n")
            .assert()
            .code(2)
            .stderr(contains(*message));
    }
}

#[test]
fn a_vader_lexicon_with_stance_rules_is_one_more_format() {
    let (_dir, lexicon) = lexicon_dir(true);
    let rows = tone_rows(&["--lexicon", &spec(&lexicon)], "The talks were good.\n");
    assert!(rows[1][1].parse::<f64>().unwrap() > 0.0, "{rows:?}");
}

#[test]
fn diff_refuses_vader_rules() {
    let (dir, lexicon) = lexicon_dir(true);
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    stance()
        .args(["diff", "--quiet", "--base", "default", "--rules", "vader"])
        .args(["--lexicon", &spec(&lexicon)])
        .arg(&examples)
        .arg("-o")
        .arg(dir.path().join("out"))
        .assert()
        .code(2)
        .stderr(contains("--rules vader is not supported here"));
}

#[test]
fn malformed_vader_lines_warn_or_fail_with_strict() {
    let dir = TempDir::new().unwrap();
    let lexicon = dir.path().join("lex.txt");
    fs::write(&lexicon, "good\t1.9\nbroken line\nbad\tworse\n").unwrap();
    let args = [
        "tone",
        "--rules",
        "vader",
        "--lexicon",
        &spec(&lexicon),
        "-",
    ];
    stance()
        .args(args)
        .write_stdin("good\n")
        .assert()
        .success()
        .stderr(contains("lex.txt:2: expected a tab"))
        .stderr(contains("lex.txt:3: mean \"worse\" is not a number"));
    stance()
        .args(args)
        .arg("--strict")
        .write_stdin("good\n")
        .assert()
        .code(2)
        .stderr(contains("lex.txt:2"));
}

/// `stance explain` in VADER-exact mode traces each rated word through
/// VADER's rules, in text and in JSON.
#[test]
fn explain_traces_vader_rules() {
    let (_dir, lexicon) = lexicon_dir(false);
    let text = "The talks were GOOD, but the deal was bad!";
    let args = [
        "explain",
        "--rules",
        "vader",
        "--lexicon",
        &spec(&lexicon),
        text,
    ];
    stance()
        .args(args)
        .assert()
        .success()
        .stdout(contains("\"good\" = VADER lexicon 1.9000 -> 1.3165"))
        .stdout(contains("        caps -> 2.6330\n        but -> 1.3165"))
        .stdout(contains("\"bad\" = VADER lexicon -2.5000 -> -3.7500"))
        .stdout(contains(
            "punctuation emphasis: valence sum +0.2920 in size",
        ));
    let out = stance().args(args).arg("--json").assert().success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let words = &json["sentences"][0]["vader"]["words"];
    assert_eq!(words[0]["word"], "good");
    assert_eq!(words[0]["rules"][1]["rule"], "but");
    assert_eq!(json["sentences"][0]["vader"]["emphasis"], 0.292);
    let native = stance()
        .args(["explain", "--json", text])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&native.get_output().stdout).unwrap();
    assert!(json["sentences"][0].get("vader").is_none());
}
