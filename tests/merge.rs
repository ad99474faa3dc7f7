//! Integration tests of runs at scale: `stance score --shard K/N` over the
//! same inputs covers the corpus once, `stance merge` of the shards'
//! reports gives the reports of a single run, and `--stdout` streams one
//! report for pipes.

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const SHARDS: usize = 3;

fn stance() -> Command {
    Command::cargo_bin("stance").unwrap()
}

/// The bundled examples plus a file with malformed records and one with
/// none, so that every report has rows and errors.csv has line and file
/// problems.
fn corpus(dir: &Path) -> Vec<String> {
    let files = [
        (
            "bad.jsonl",
            "{\"id\":\"b1\",\"date\":\"2024-03-02\",\"text\":\"Japan praised Seoul.\"}\nnot json\n{\"id\":\"b3\"}\n\
             {\"id\":\"b4\",\"text\":\"Ruth Mills said Japan had failed.\"}\n",
        ),
        ("empty.jsonl", "\n\n"),
        (
            "rows.csv",
            "id,text\nc1,Seoul criticized Tokyo.\nc3,x,y\nc4,Fine.\nc5,Ruth Mills said Japan had failed.\n",
        ),
        ("no_text.csv", "id,summary\n1,x\n"),
    ];
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut inputs = vec![examples.display().to_string()];
    for (name, text) in files {
        let path = dir.join(name);
        fs::write(&path, text).unwrap();
        inputs.push(path.display().to_string());
    }
    inputs
}

fn score(inputs: &[String], out: &Path, options: &[&str]) {
    stance()
        .arg("score")
        .args(inputs)
        .args(options)
        .arg("-o")
        .arg(out)
        .arg("--quiet")
        .assert()
        .code(1);
}

fn merge(dirs: &[PathBuf], out: &Path) -> assert_cmd::assert::Assert {
    stance().arg("merge").args(dirs).arg("-o").arg(out).assert()
}

/// The data rows of a report, sorted (shards interleave the articles).
fn sorted_rows(dir: &Path, name: &str) -> Vec<String> {
    let text = fs::read_to_string(dir.join(name)).unwrap();
    let mut rows: Vec<String> = text.lines().skip(1).map(str::to_string).collect();
    rows.sort();
    rows
}

/// Scores the corpus whole and in shards, merges the shards and compares.
fn shards_merge_into_one_run(options: &[&str]) {
    let dir = TempDir::new().unwrap();
    let inputs = corpus(dir.path());
    let whole = dir.path().join("whole");
    score(&inputs, &whole, options);
    let shards: Vec<PathBuf> = (1..=SHARDS)
        .map(|k| {
            let out = dir.path().join(format!("shard{k}"));
            let spec = format!("{k}/{SHARDS}");
            let mut with_shard = options.to_vec();
            with_shard.extend(["--shard", &spec]);
            stance()
                .arg("score")
                .args(&inputs)
                .args(&with_shard)
                .arg("-o")
                .arg(&out)
                .arg("--quiet")
                .assert()
                .code(predicate::in_iter([0, 1]));
            out
        })
        .collect();
    let articles_per_shard: Vec<usize> = shards
        .iter()
        .map(|s| sorted_rows(s, "articles.csv").len())
        .collect();
    assert!(
        articles_per_shard.iter().filter(|&&n| n > 0).count() > 1,
        "{articles_per_shard:?}"
    );
    let merged = dir.path().join("merged");
    merge(&shards, &merged).success();
    for name in stance::report::AGGREGATE_REPORTS {
        assert_eq!(
            fs::read(whole.join(name)).unwrap(),
            fs::read(merged.join(name)).unwrap(),
            "{name} {options:?}"
        );
    }
    for name in stance::merge::PER_UNIT {
        assert_eq!(
            sorted_rows(&whole, name),
            sorted_rows(&merged, name),
            "{name} {options:?}"
        );
        let header = |d: &Path| fs::read_to_string(d.join(name)).unwrap();
        assert_eq!(
            header(&whole).lines().next(),
            header(&merged).lines().next()
        );
    }
    assert_eq!(sorted_rows(&merged, "errors.csv").len(), 5);
}

#[test]
fn shards_merge_into_the_reports_of_one_run() {
    shards_merge_into_one_run(&[]);
}

#[test]
fn shards_merge_by_period_rolled_up() {
    shards_merge_into_one_run(&["--by", "month", "--rollup"]);
}

#[test]
fn shards_merge_by_outlet() {
    shards_merge_into_one_run(&["--by", "outlet"]);
}

#[test]
fn shards_merge_by_period_and_outlet() {
    shards_merge_into_one_run(&["--by", "week,outlet"]);
}

#[test]
fn shards_merge_in_excel_form() {
    shards_merge_into_one_run(&["--excel"]);
}

/// The semicolon form for comma-decimal locales: ';' between cells,
/// "-0,4418", a BOM and CRLF; merged exactly too.
#[test]
fn shards_merge_in_excel_semicolon_form() {
    shards_merge_into_one_run(&["--excel=semicolon", "--by", "month"]);
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out");
    score(&corpus(dir.path()), &out, &["--excel=semicolon"]);
    let dyads = fs::read_to_string(out.join("dyads.csv")).unwrap();
    assert!(dyads.starts_with("\u{feff}source_actor;target_actor;units;mean_tone;"));
    let row = dyads.split('\n').nth(1).unwrap();
    assert!(row.ends_with('\r'), "{row:?}");
    let mean = row.split(';').nth(3).unwrap();
    assert!(mean.contains(',') && !mean.contains('.'), "{row:?}");
}

#[test]
fn bad_shard_specs_are_usage_errors() {
    for spec in ["0/3", "4/3", "3", "a/b", "1/0"] {
        stance()
            .args(["score", "examples", "-o"])
            .arg(TempDir::new().unwrap().path())
            .args(["--shard", spec])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .assert()
            .code(2)
            .stderr(contains("expected K/N with 1 <= K <= N"));
    }
}

#[test]
fn merge_refuses_mismatched_or_broken_reports() {
    let dir = TempDir::new().unwrap();
    let inputs = corpus(dir.path());
    let (plain, monthly) = (dir.path().join("plain"), dir.path().join("monthly"));
    score(&inputs, &plain, &[]);
    score(&inputs, &monthly, &["--by", "month"]);
    merge(&[plain.clone(), monthly], &dir.path().join("m1"))
        .code(1)
        .stderr(contains("header differs from"));
    merge(std::slice::from_ref(&plain), &plain)
        .code(2)
        .stderr(contains("is one of the inputs"));
    let dyads = fs::read_to_string(plain.join("dyads.csv")).unwrap();
    let mut lines: Vec<String> = dyads.lines().map(str::to_string).collect();
    let mut cells: Vec<&str> = lines[1].split(',').collect();
    cells[7] = "0.5";
    lines[1] = cells.join(",");
    fs::write(plain.join("dyads.csv"), lines.join("\n") + "\n").unwrap();
    merge(&[plain], &dir.path().join("m2"))
        .code(1)
        .stderr(contains(
            "dyads.csv:2: column 8 holds \"0.5\", not a number with four decimals",
        ));
}

/// `--stdout REPORT` streams the rows that report would hold, in input
/// order, for pipes; rejected inputs go to stderr and set status 1.
#[test]
fn stdout_streams_one_report_for_pipes() {
    let dir = TempDir::new().unwrap();
    let inputs = corpus(dir.path());
    let files = dir.path().join("files");
    score(&inputs, &files, &[]);
    for report in ["articles", "stance"] {
        let streamed = stance()
            .arg("score")
            .args(&inputs)
            .args(["--stdout", report, "--threads", "2"])
            .assert()
            .code(1)
            .stderr(contains("bad.jsonl:2: malformed JSON"));
        let written = fs::read(files.join(format!("{report}.csv"))).unwrap();
        assert_eq!(streamed.get_output().stdout, written, "{report}");
    }
    let without_header = stance()
        .arg("score")
        .args(&inputs)
        .args(["--stdout", "stance", "--no-header"])
        .assert()
        .code(1);
    let written = fs::read_to_string(files.join("stance.csv")).unwrap();
    let rows = written.split_once('\n').unwrap().1;
    assert_eq!(
        String::from_utf8_lossy(&without_header.get_output().stdout),
        rows
    );
    stance()
        .args(["score", "x", "--stdout", "stance", "--by", "month"])
        .assert()
        .code(2);
}

/// Shards are chosen by each file's path relative to its input root, so
/// the same corpus named two ways splits the same way.
#[test]
fn shards_do_not_depend_on_how_the_input_is_named() {
    let root = env!("CARGO_MANIFEST_DIR");
    let ids = |input: &str| -> Vec<u8> {
        let out = stance()
            .current_dir(root)
            .args(["score", input, "--shard", "2/3", "--stdout", "articles"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).unwrap();
        let ids: Vec<&str> = text.lines().map(|l| l.split(',').next().unwrap()).collect();
        ids.join("\n").into_bytes()
    };
    let absolute = format!("{root}/examples");
    assert_eq!(ids("examples"), ids("./examples"));
    assert_eq!(ids("examples"), ids(&absolute));
}
