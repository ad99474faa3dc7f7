//! Integration tests of `stance persons`: the people one run quoted become
//! actors of a second run, so what others say about them is counted.

use assert_cmd::Command;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use std::fs;
use std::path::Path;
use tempfile::TempDir;

const HALE: &str = "Senator attacks transit plan\n\n\
DAYTON, Ohio -- Senator Tom Hale attacked the city's transit plan on Monday.\n\n\
\"This plan is a waste of money,\" said Tom Hale, a Republican from Ohio.\n\n\
\"We will stop it,\" Hale said.\n";

const MILLS: &str = "Mayor defends transit plan\n\n\
DAYTON, Ohio -- The mayor defended the transit plan on Tuesday.\n\n\
\"Tom Hale has failed this city and its workers,\" said Ruth Mills, the mayor of Dayton.\n\n\
\"Hale is a disgrace,\" Mills said.\n";

fn stance() -> Command {
    Command::cargo_bin("stance").unwrap()
}

fn score(corpus: &Path, out: &Path, extra: &[&str]) {
    stance()
        .arg("score")
        .arg(corpus)
        .args(extra)
        .arg("-o")
        .arg(out)
        .arg("--quiet")
        .assert()
        .success();
}

#[test]
fn quoted_people_become_targets_of_a_second_run() {
    let dir = TempDir::new().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::write(corpus.join("hale.txt"), HALE).unwrap();
    fs::write(corpus.join("mills.txt"), MILLS).unwrap();
    let first = dir.path().join("first");
    score(&corpus, &first, &[]);
    let speaker_targets = fs::read_to_string(first.join("speaker_targets.csv")).unwrap();
    assert!(!speaker_targets.contains("Ruth Mills"), "{speaker_targets}");

    let persons = dir.path().join("persons.csv");
    stance()
        .arg("persons")
        .arg(first.join("speakers.csv"))
        .args(["--min-quotes", "1", "--min-articles", "1", "-o"])
        .arg(&persons)
        .assert()
        .success()
        .stderr(contains("2 persons"));
    let rows = fs::read_to_string(&persons).unwrap();
    assert!(
        rows.contains("PERSON.TOM_HALE,person,Tom Hale,,Tom Hale;~Hale,,,,"),
        "{rows}"
    );

    let second = dir.path().join("second");
    let actors = persons.to_str().unwrap();
    score(&corpus, &second, &["--actors", actors]);
    let speaker_targets = fs::read_to_string(second.join("speaker_targets.csv")).unwrap();
    let mills_on_hale = speaker_targets
        .lines()
        .find(|l| l.starts_with("Ruth Mills,PERSON.RUTH_MILLS,PERSON.TOM_HALE,"))
        .unwrap_or_else(|| panic!("{speaker_targets}"));
    let mean_tone: f64 = mills_on_hale.split(',').nth(4).unwrap().parse().unwrap();
    assert!(mean_tone < 0.0, "{mills_on_hale}");
}

#[test]
fn a_file_that_is_not_a_speakers_report_is_a_usage_error() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("quotes.csv");
    fs::write(&path, "article_id,quote_no\na,1\n").unwrap();
    stance()
        .arg("persons")
        .arg(&path)
        .args(["-o", "-"])
        .assert()
        .code(2)
        .stderr(contains("quotes.csv").and(contains("speaker_name")));
}

#[test]
fn a_bad_row_is_named_and_skipped() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("speakers.csv");
    fs::write(
        &path,
        "speaker_name,speaker_actor,quotes,articles,mean_tone,pos,neg,neutral,female,male,tone_sum\n\
         Ruth Mills,,9,3,0.1,1,1,7,9,0,0.9\n\
         Tom Hale,,lots,3,0.1,1,1,7,0,9,0.9\n",
    )
    .unwrap();
    stance()
        .arg("persons")
        .arg(&path)
        .args(["-o", "-"])
        .assert()
        .code(1)
        .stdout(contains("PERSON.RUTH_MILLS"))
        .stderr(contains("speakers.csv:3: quotes is not a count"));
}
