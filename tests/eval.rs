//! Integration tests of `stance eval`: every gold format on small fixtures
//! written here, every bad input, the `--min` gates, the predictions file
//! and its agreement with the printed figures and with `stance score`.

use assert_cmd::Command;
use predicates::str::contains;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn stance() -> Command {
    Command::cargo_bin("stance").unwrap()
}

fn write(dir: &Path, name: &str, content: &str) -> PathBuf {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, content).unwrap();
    path
}

fn eval(task: &str, gold: &Path) -> Command {
    let mut cmd = stance();
    cmd.args(["eval", "--task", task, "--gold"]).arg(gold);
    cmd
}

/// Rows of a CSV file, header included.
fn rows(path: &Path) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap()
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The JSON report of a run (its exit status is checked by the caller).
fn json(cmd: &mut Command) -> serde_json::Value {
    let out = cmd.arg("--json").output().unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The value printed for `metric` in the table.
fn printed(table: &str, metric: &str) -> String {
    table
        .lines()
        .find_map(|l| {
            let mut words = l.split_whitespace();
            (words.next() == Some(metric)).then(|| words.next().unwrap().to_string())
        })
        .unwrap_or_else(|| panic!("no {metric} in\n{table}"))
}

/// Runs `stance eval --task TASK` on `gold` with `extra` options and
/// `--predictions`, checks that it succeeds, and returns the printed table
/// and the prediction rows.
fn predictions_of(task: &str, gold: &Path, extra: &[&str]) -> (String, Vec<Vec<String>>) {
    let predictions = gold.with_file_name("predictions.csv");
    let out = eval(task, gold)
        .args(extra)
        .arg("--predictions")
        .arg(&predictions)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (String::from_utf8(out.stdout).unwrap(), rows(&predictions))
}

fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let sxy: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let sxx: f64 = x.iter().map(|a| (a - mx).powi(2)).sum();
    let syy: f64 = y.iter().map(|b| (b - my).powi(2)).sum();
    sxy / (sxx * syy).sqrt()
}

const VADER: &str = "\
1_1\t2.6\tThe summit was a great success and both leaders praised the breakthrough.
1_2\t-3.1\tThe talks collapsed in a bitter failure amid threats of war.
1_3\t0.2\tThe committee will meet again on Thursday.
1_4\t-1.5\tCritics condemned the plan as a disaster for farmers.
1_5\t1.2\tOfficials welcomed the agreement on fishing rights.
1_6\t-0.4\tThe ministry said the crisis was not yet over.
";

#[test]
fn vader_tsv_figures_match_the_predictions_file() {
    let dir = TempDir::new().unwrap();
    let gold = write(dir.path(), "headlines.tsv", VADER);
    let (table, rows) = predictions_of("sentence", &gold, &[]);
    assert!(table.contains("(vader-tsv)"), "{table}");
    assert!(table.contains("gold_scale 4"), "{table}");
    assert_eq!(printed(&table, "n"), "6");
    assert_eq!(rows[0], ["id", "tone", "label"]);
    assert_eq!(rows.len(), 7);
    assert_eq!(rows[1][0], "1_1");
    let tone: Vec<f64> = rows[1..].iter().map(|r| r[1].parse().unwrap()).collect();
    let label: Vec<f64> = rows[1..].iter().map(|r| r[2].parse().unwrap()).collect();
    let r: f64 = printed(&table, "r").parse().unwrap();
    assert!((pearson(&tone, &label) - r).abs() < 5e-4, "{r} vs {tone:?}");
}

#[test]
fn sentence_tone_is_the_article_tone_of_stance_score() {
    let dir = TempDir::new().unwrap();
    let gold = write(dir.path(), "g.tsv", VADER);
    let predictions = dir.path().join("p.csv");
    eval("sentence", &gold)
        .arg("--predictions")
        .arg(&predictions)
        .assert()
        .success();
    let jsonl: String = VADER
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.splitn(3, '\t').collect();
            format!("{}\n", serde_json::json!({"id": f[0], "text": f[2]}))
        })
        .collect();
    let corpus = write(dir.path(), "corpus/g.jsonl", &jsonl);
    let out = dir.path().join("reports");
    stance()
        .arg("score")
        .arg(&corpus)
        .arg("-o")
        .arg(&out)
        .arg("--quiet")
        .assert()
        .success();
    let articles = rows(&out.join("articles.csv"));
    let tone_column = articles[0].iter().position(|h| h == "tone").unwrap();
    let scored: Vec<(&str, &str)> = articles[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[tone_column].as_str()))
        .collect();
    let predicted = rows(&predictions);
    let evaluated: Vec<(&str, &str)> = predicted[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(evaluated, scored);
}

#[test]
fn example_gold_is_csv_by_content() {
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/gold/sentences.gold");
    let report = json(&mut eval("sentence", &gold));
    assert_eq!(report["format"], "csv");
    assert_eq!(report["metrics"]["n"], 20);
    assert_eq!(report["counts"]["rejected"], 0);
    assert!(report["metrics"]["r"].is_null());
    assert!(report["metrics"]["macro_f1"].as_f64().unwrap() > 0.0);
    let confusion = &report["confusion"]["counts"];
    let total: u64 = (0..3)
        .flat_map(|g| (0..3).map(move |p| (g, p)))
        .map(|(g, p)| confusion[g][p].as_u64().unwrap())
        .sum();
    assert_eq!(total, 20);
}

#[test]
fn explicit_format_overrides_detection() {
    let dir = TempDir::new().unwrap();
    // By extension this would be read as CSV.
    let gold = write(dir.path(), "ratings.csv", VADER);
    let report = json(eval("sentence", &gold).args(["--gold-format", "vader-tsv"]));
    assert_eq!(report["format"], "vader-tsv");
    assert_eq!(report["metrics"]["n"], 6);
    assert_eq!(report["thresholds"]["gold_scale"], 4.0);
}

#[test]
fn generic_csv_with_other_columns_and_numeric_labels() {
    let dir = TempDir::new().unwrap();
    let gold = write(
        dir.path(),
        "g.csv",
        "key,body,score\nk1,\"Talks collapsed, again.\",-0.8\nk2,Leaders praised the deal.,0.9\nk3,The board met on Monday.,0\n",
    );
    let predictions = dir.path().join("p.csv");
    let report = json(
        eval("sentence", &gold)
            .args([
                "--text-col",
                "body",
                "--label-col",
                "score",
                "--id-col",
                "key",
            ])
            .arg("--predictions")
            .arg(&predictions),
    );
    assert_eq!(report["counts"]["numeric"], 3);
    assert!(report["metrics"]["r"].is_number());
    let ids: Vec<String> = rows(&predictions)[1..]
        .iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(ids, ["k1", "k2", "k3"]);
}

#[test]
fn newsmtsc_targets_with_character_offsets() {
    let dir = TempDir::new().unwrap();
    // The curly quotes before "Park" make character and byte offsets differ.
    let gold = write(
        dir.path(),
        "dev.jsonl",
        concat!(
            r#"{"primary_gid": "a", "sentence_normalized": "“Deeply troubling,” Ms. Park said of the attack by North Korea.", "targets": [{"from": 20, "to": 28, "mention": "Ms. Park", "polarity": 4.0}, {"from": 51, "to": 62, "mention": "North Korea", "polarity": 2.0}]}"#,
            "\n",
            r#"{"primary_gid": "b", "sentence_normalized": "Voters praised Mayor Kim for the rescue.", "targets": [{"from": 15, "to": 24, "mention": "Mayor Kim", "polarity": 6.0}]}"#,
            "\n"
        ),
    );
    let (table, rows) = predictions_of("target", &gold, &[]);
    assert!(table.contains("(newsmtsc)"));
    assert_eq!(printed(&table, "n"), "3");
    assert_eq!(rows[0], ["line", "target", "tone", "predicted", "label"]);
    let keys: Vec<(&str, &str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str(), r[4].as_str()))
        .collect();
    assert_eq!(
        keys,
        [
            ("1", "0", "neutral"),
            ("1", "1", "negative"),
            ("2", "0", "positive")
        ]
    );
}

#[test]
fn features_for_refitting_the_target_model() {
    let dir = TempDir::new().unwrap();
    let gold = write(
        dir.path(),
        "targets.csv",
        "text,start,end,label\n\"Lawmakers sharply criticized Seoul's plan.\",29,34,negative\n",
    );
    let (_, rows) = predictions_of("target", &gold, &["--target-model", "none", "--features"]);
    assert_eq!(rows[0][5..], ["rule_tone", "cues"]);
    // Without a target model the tone is the rule-based tone.
    assert_eq!(rows[1][2], rows[1][5]);
    let cues: Vec<&str> = rows[1][6].split('\t').collect();
    for cue in ["before:criticized", "after:plan", "unit:sharply"] {
        assert!(cues.contains(&cue), "{cue} not in {cues:?}");
    }
    assert!(!cues.iter().any(|c| c.contains("seoul")), "{cues:?}");
    let bare = eval("target", &gold).arg("--features").output().unwrap();
    assert_eq!(
        bare.status.code(),
        Some(2),
        "--features needs --predictions"
    );
}

#[test]
fn overlapping_and_pronoun_targets_are_each_scored() {
    let dir = TempDir::new().unwrap();
    let text = "Critics accused North Korea of sabotaging the talks, and he agreed.";
    let gold = write(
        dir.path(),
        "targets.csv",
        &format!(
            "text,start,end,label\n\"{text}\",15,26,negative\n\"{text}\",21,26,negative\n\"{text}\",57,59,neutral\n"
        ),
    );
    let (table, rows) = predictions_of("target", &gold, &[]);
    assert_eq!(printed(&table, "n"), "3");
    // "North Korea" and the overlapping "Korea" are read on their own: each
    // leaves out only its own span, so both see "accused" just before.
    assert_eq!(rows[1][3], "negative");
    assert_eq!(rows[2][3], "negative");
    assert_eq!(rows.len(), 4);
}

#[test]
fn target_csv() {
    let dir = TempDir::new().unwrap();
    let gold = write(
        dir.path(),
        "targets.csv",
        "text,start,end,label\n\"Seoul thanked Tokyo for the swift help.\",14,19,positive\n\"Ms. Lee blamed the ministry.\",19,27,negative\n",
    );
    let report = json(&mut eval("target", &gold));
    assert_eq!(report["format"], "target-csv");
    assert_eq!(report["metrics"]["n"], 2);
    assert!(report["metrics"].get("r").is_none());
}

const ARTICLE: &str = "Leaders pledge closer ties\n\n\
TOKYO -- The leaders of Japan and South Korea pledged on Tuesday to deepen cooperation.\n\n\
\u{201c}Our relationship has never been stronger,\u{201d} the Japanese prime minister said.\n\n\
North Korea\u{2019}s foreign ministry said the summit was a dangerous provocation.\n";
const QUOTE: &str = "\u{201c}Our relationship has never been stronger,\u{201d}";
const SOURCE: &str = "North Korea\u{2019}s foreign ministry";
const CONTENT: &str = "the summit was a dangerous provocation";

/// A brat T line for `part` inside the first occurrence of `context`
/// (character offsets).
fn t_line(id: &str, kind: &str, context: &str, part: &str) -> String {
    let byte = ARTICLE.find(context).unwrap() + context.find(part).unwrap();
    let start = ARTICLE[..byte].chars().count();
    let end = start + part.chars().count();
    format!("{id}\t{kind} {start} {end}\t{part}\n")
}

fn brat_fixture(dir: &Path, extra: &str) -> PathBuf {
    let root = dir.join("polnear");
    write(&root, "text/summit.txt", ARTICLE);
    let ann = [
        t_line("T1", "Content", QUOTE, QUOTE),
        t_line(
            "T2",
            "Source",
            "the Japanese prime minister",
            "the Japanese prime minister",
        ),
        t_line("T3", "Cue", "minister said", "said"),
        t_line("T4", "Attribution", "minister said", "said"),
        "E1\tAttribution:T4 Source:T2 Cue:T3 Content:T1 \n".to_string(),
        t_line("T5", "Source", SOURCE, SOURCE),
        t_line("T6", "Cue", "ministry said", "said"),
        t_line("T7", "Content", CONTENT, CONTENT),
        "E2\tAttribution:T6 Source:T5 Cue:T6 Content:T7\n".to_string(),
        t_line("T8", "Discard", "Leaders pledge", "Leaders pledge"),
        "#1\tAnnotatorNotes T1\tchecked\n".to_string(),
        extra.to_string(),
    ]
    .concat();
    write(&root, "attributions/summit_a1.ann", &ann);
    write(
        &root,
        "attributions/summit_b2.ann",
        "garbage that is never read\n",
    );
    root
}

#[test]
fn brat_quotes_every_gold_id_once_in_predictions() {
    let dir = TempDir::new().unwrap();
    let gold = brat_fixture(dir.path(), "");
    let predictions = dir.path().join("q.csv");
    let mut cmd = eval("quotes", &gold);
    cmd.arg("--predictions").arg(&predictions);
    let report = json(&mut cmd);
    assert_eq!(report["format"], "brat");
    assert_eq!(report["metrics"]["n"], 2);
    assert_eq!(report["metrics"]["direct_n"], 1);
    let counts = &report["counts"];
    assert_eq!(counts["used"], 2);
    assert_eq!(counts["rejected"], 0);
    assert_eq!(counts["extra_annotation_files"], 1);
    assert_eq!(counts["ignored_lines"], 1);
    assert_eq!(counts["unused_spans"], 1);
    let rows = rows(&predictions);
    assert_eq!(rows[0][..3], ["article_id", "quote_no", "kind"]);
    assert_eq!(rows[0].last().unwrap(), "gold_id");
    let predicted = rows[1..].iter().filter(|r| !r[1].is_empty()).count();
    assert_eq!(report["metrics"]["predicted"].as_u64().unwrap() as usize, {
        let scare = rows[1..].iter().filter(|r| r[2] == "scare").count();
        predicted - scare
    });
    let mut ids: Vec<&str> = rows[1..]
        .iter()
        .map(|r| r.last().unwrap().as_str())
        .filter(|id| !id.is_empty())
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, ["E1", "E2"]);
    let missed = rows[1..].iter().find(|r| r[1].is_empty() && r[9] == "E2");
    if let Some(row) = missed {
        assert_eq!((row[5].as_str(), row[6].as_str()), (CONTENT, SOURCE));
    }
}

#[test]
fn rejected_rows_are_reported_with_file_and_line() {
    let dir = TempDir::new().unwrap();
    let gold = write(
        dir.path(),
        "g.tsv",
        "1\t2.0\tGood news.\n2\tbad\tA text.\n3\t9.5\tToo high.\n4\t1.0\n",
    );
    let out = eval("sentence", &gold).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("g.tsv:2: label \"bad\""), "{stderr}");
    assert!(
        stderr.contains("g.tsv:3: label 9.5 outside [-4, 4]"),
        "{stderr}"
    );
    assert!(
        stderr.contains("g.tsv:4: expected id<TAB>rating<TAB>text"),
        "{stderr}"
    );
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains("used 1, rejected 3"), "{table}");
}

#[test]
fn target_offsets_outside_the_text() {
    let dir = TempDir::new().unwrap();
    let gold = write(
        dir.path(),
        "t.jsonl",
        r#"{"sentence_normalized": "Kim won.", "targets": [{"from": 0, "to": 3, "polarity": 6}, {"from": 4, "to": 40, "polarity": 6}]}"#,
    );
    eval("target", &gold)
        .assert()
        .code(1)
        .stderr(contains(
            "t.jsonl:1: target 1: target offsets 4..40 outside the text of 8 characters",
        ))
        .stdout(contains("used 1, rejected 1"));
}

#[test]
fn brat_offsets_outside_the_text() {
    let dir = TempDir::new().unwrap();
    let gold = brat_fixture(
        dir.path(),
        "T9\tContent 5 9000\tway out\nE9\tAttribution:T4 Content:T9\n",
    );
    write(&gold, "attributions/orphan_a1.ann", "T1\tSource 0 2\tNo\n");
    eval("quotes", &gold)
        .assert()
        .code(1)
        .stderr(contains("orphan_a1.ann: no text/<article>.txt"))
        .stderr(contains(
            "summit_a1.ann:12: offsets 5..9000 outside the text",
        ))
        .stderr(contains("summit_a1.ann:13: T9 is not defined"));
}

#[test]
fn unusable_gold_files() {
    let dir = TempDir::new().unwrap();
    let cases = [
        ("sentence", "empty.tsv", "", "no gold rows"),
        ("sentence", "blank.csv", "\n", "empty file: no header row"),
        (
            "sentence",
            "header.csv",
            "id,text,label\n",
            "no rows after the header",
        ),
        (
            "sentence",
            "cols.csv",
            "id,body,label\n1,x,0\n",
            "no column \"text\" in the header (columns: id, body, label); set --text-col",
        ),
        (
            "target",
            "cols2.csv",
            "text,label\nx,positive\n",
            "no column \"start\"",
        ),
        ("target", "empty.jsonl", "\n\n", "no gold rows"),
    ];
    for (task, name, content, message) in cases {
        let gold = write(dir.path(), name, content);
        eval(task, &gold)
            .assert()
            .code(1)
            .stderr(contains(message))
            .stdout("");
    }
}

#[test]
fn usage_errors_exit_2() {
    let dir = TempDir::new().unwrap();
    let gold = write(dir.path(), "g.tsv", VADER);
    let cases: [(&[&str], &str); 7] = [
        (
            &["--min", "speaker_accuracy=0.5"],
            "unknown metric \"speaker_accuracy\"",
        ),
        (&["--min", "macro_f1"], "expected METRIC=VALUE"),
        (&["--min", "r=high"], "is not a number"),
        (
            &["--gold-format", "newsmtsc"],
            "--gold-format newsmtsc holds target gold",
        ),
        (
            &["--neutral-band=-1"],
            "--neutral-band must be a number >= 0",
        ),
        (&["--gold-scale", "0"], "--gold-scale must be a number > 0"),
        (&["--threads", "0"], "--threads must be at least 1"),
    ];
    for (args, message) in cases {
        eval("sentence", &gold)
            .args(args)
            .assert()
            .code(2)
            .stderr(contains(message));
    }
    eval("sentence", &dir.path().join("missing.tsv"))
        .assert()
        .code(2)
        .stderr(contains("no such file"));
    eval("quotes", &gold)
        .assert()
        .code(2)
        .stderr(contains("needs a brat directory"));
}

#[test]
fn min_gates_pass_and_fail() {
    let dir = TempDir::new().unwrap();
    let gold = write(dir.path(), "g.tsv", VADER);
    eval("sentence", &gold)
        .args(["--min", "n=6", "--min", "macro_f1=0", "--min", "accuracy=0"])
        .assert()
        .success();
    eval("sentence", &gold)
        .args(["--min", "n=6", "--min", "macro_f1=1.01"])
        .assert()
        .code(1)
        .stderr(contains("gate failed: macro_f1 = "))
        .stderr(contains("is below the minimum 1.01"));
    let classes = write(
        dir.path(),
        "c.csv",
        "text,label\nLeaders praised the deal.,positive\nTalks collapsed.,negative\n",
    );
    eval("sentence", &classes)
        .args(["--min", "r=0.1"])
        .assert()
        .code(1)
        .stderr(contains("gate failed: r is not available"));
}

#[test]
fn bands_are_shown_and_change_the_classes() {
    let dir = TempDir::new().unwrap();
    let gold = write(dir.path(), "g.tsv", VADER);
    let wide =
        json(eval("sentence", &gold).args(["--neutral-band", "0.99", "--gold-band", "0.99"]));
    assert_eq!(wide["thresholds"]["neutral_band"], 0.99);
    assert_eq!(wide["thresholds"]["gold_band"], 0.99);
    // Everything is neutral on both sides.
    assert_eq!(wide["confusion"]["counts"][1][1], 6);
    assert_eq!(wide["metrics"]["accuracy"], 1.0);
}

#[test]
fn same_predictions_for_one_and_two_threads() {
    let dir = TempDir::new().unwrap();
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/gold/sentences.gold");
    let outputs: Vec<String> = ["1", "2"]
        .iter()
        .map(|threads| {
            let path = dir.path().join(format!("p{threads}.csv"));
            eval("sentence", &gold)
                .args(["--threads", threads, "--predictions"])
                .arg(&path)
                .assert()
                .success();
            fs::read_to_string(path).unwrap()
        })
        .collect();
    assert_eq!(outputs[0], outputs[1]);
}

#[test]
fn prediction_text_cells_are_guarded() {
    let dir = TempDir::new().unwrap();
    let gold = write(
        dir.path(),
        "g.tsv",
        "=HYPERLINK(1)\t1.0\tThe deal was praised.\n",
    );
    let predictions = dir.path().join("p.csv");
    eval("sentence", &gold)
        .arg("--predictions")
        .arg(&predictions)
        .assert()
        .success();
    assert_eq!(rows(&predictions)[1][0], "'=HYPERLINK(1)");
}
