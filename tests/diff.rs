//! Integration tests of `stance diff`: a fixture corpus scored with the
//! default lexicon and with copies of `lexicons/tone.csv` changed in one
//! place, checking changes.csv, summary.csv, stdout and the exit status.

use assert_cmd::Command;
use predicates::str::contains;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const ARTICLE: &str = "Talks end on a hopeful note\n\nMarch 4, 2024 - 10:00 By Reuters\n\n\
GENEVA (Reuters) -- Negotiators from both sides said on Monday they were hopeful a deal could be reached within weeks.\n\n\
\"We are not hopeful about the timetable,\" one diplomat said.\n\n\
The talks will resume in April.\n";

const FEED: &str = "{\"id\":\"r1\",\"title\":\"Ministers meet\",\"text\":\"Ministers met in Brussels on Tuesday. Officials described the mood as hopeful.\"}\n\
{\"id\":\"r2\",\"text\":\"The ceasefire collapsed overnight. Aid agencies warned of a worsening crisis.\"}\n";

fn stance() -> Command {
    Command::cargo_bin("stance").unwrap()
}

/// A corpus folder with one plain-text article and a JSONL feed.
fn corpus(dir: &Path) -> PathBuf {
    let root = dir.join("corpus");
    fs::create_dir_all(&root).unwrap();
    fs::write(root.join("talks.txt"), ARTICLE).unwrap();
    fs::write(root.join("feed.jsonl"), FEED).unwrap();
    root
}

/// A copy of the default tone lexicon with whole lines replaced.
fn tone_copy(dir: &Path, name: &str, replace: &[(&str, &str)]) -> PathBuf {
    let default = Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicons/tone.csv");
    let mut text = fs::read_to_string(default).unwrap();
    for (from, to) in replace {
        let from = format!("\n{from}\n");
        assert!(text.contains(&from), "{from:?} not in tone.csv");
        text = text.replacen(&from, &format!("\n{to}\n"), 1);
    }
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

/// Rows of a CSV file (header included).
fn rows(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap();
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn diff(dir: &Path, lexicon: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    stance()
        .args(["diff", "--quiet", "--base", "default", "--lexicon"])
        .arg(lexicon)
        .arg("-o")
        .arg(dir.join("out"))
        .args(extra)
        .arg(corpus(dir))
        .assert()
}

/// (article_id, unit_kind, unit_no) of the sentences and quotes whose
/// matched terms include `term`, as `stance score` reports them.
fn units_with(dir: &Path, term: &str) -> BTreeSet<(String, String, String)> {
    let out = dir.join("score");
    stance()
        .args(["score", "--quiet", "-o"])
        .arg(&out)
        .arg(corpus(dir))
        .assert()
        .success();
    let mut found = BTreeSet::new();
    for (file, kind, terms) in [
        ("sentences.csv", "sentence", 9),
        ("quotes.csv", "quote", 14),
    ] {
        for r in &rows(&out.join(file))[1..] {
            if r[terms].split(';').any(|t| t == term) {
                found.insert((r[0].clone(), kind.to_string(), r[1].clone()));
            }
        }
    }
    found
}

/// (article_id, unit_kind, unit_no) of changes.csv rows.
fn listed(changes: &[Vec<String>]) -> BTreeSet<(String, String, String)> {
    changes[1..]
        .iter()
        .map(|r| (r[0].clone(), r[1].clone(), r[2].clone()))
        .collect()
}

#[test]
fn one_reweighted_entry_changes_exactly_its_units() {
    let dir = TempDir::new().unwrap();
    let lexicon = tone_copy(
        dir.path(),
        "tone.csv",
        &[("hopeful,1.8,hope", "hopeful,2.6,hope")],
    );
    let assert = diff(dir.path(), &lexicon, &[]).success();
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();

    let changes = rows(&dir.path().join("out/changes.csv"));
    assert_eq!(changes[0], stance::diff::CHANGES);
    let listed = listed(&changes);
    assert_eq!(listed, units_with(dir.path(), "hopeful"));
    let sentences: Vec<(&str, &str)> = listed
        .iter()
        .filter(|(_, kind, _)| kind == "sentence")
        .map(|(a, _, n)| (a.as_str(), n.as_str()))
        .collect();
    assert_eq!(
        sentences,
        [("r1", "2"), ("talks", "1"), ("talks", "2"), ("talks", "3")]
    );
    for row in &changes[1..] {
        assert_eq!(row[10], "hopeful", "{row:?}");
        assert_eq!((row[8].as_str(), row[9].as_str()), ("", ""));
        assert_eq!(row[7], "false");
    }
    let negated = changes
        .iter()
        .find(|r| r[3].contains("not hopeful"))
        .unwrap();
    assert!(
        negated[6].starts_with('-'),
        "negated: a stronger weight lowers the tone"
    );

    let n = listed.len().to_string();
    let summary = rows(&dir.path().join("out/summary.csv"));
    assert_eq!(
        summary,
        [
            vec![
                "entry",
                "change",
                "weight_before",
                "weight_after",
                "units_changed",
                "sign_flips"
            ],
            vec!["hopeful", "reweighted", "1.8000", "2.6000", &n, "0"],
        ]
    );
    assert!(
        stdout.contains(&format!("units changed: {n}\n")),
        "{stdout}"
    );
    assert!(stdout.contains("sign flips: 0\n"), "{stdout}");
    assert!(stdout.contains("hopeful"), "{stdout}");
}

#[test]
fn identical_copy_lists_nothing() {
    let dir = TempDir::new().unwrap();
    let lexicon = tone_copy(dir.path(), "same.csv", &[]);
    diff(dir.path(), &lexicon, &["--fail-on-flip"])
        .success()
        .stdout(contains("units changed: 0\n"))
        .stdout(contains("sign flips: 0\n"));
    let out = dir.path().join("out");
    assert_eq!(rows(&out.join("changes.csv")).len(), 1);
    assert_eq!(rows(&out.join("summary.csv")).len(), 1);
    assert_eq!(rows(&out.join("targets.csv")).len(), 1);
}

const CURBS: &str = "Seoul hits back over curbs\n\nMarch 4, 2024 - 10:00 By Reuters\n\n\
SEOUL (Reuters) -- South Korea's parliament sharply criticized Japan on Monday over the export curbs.\n\n\
Trade between China and Vietnam grew strongly in May, officials said.\n";

/// `stance diff` of the CURBS article with `extra` options: stdout and
/// the rows of targets.csv.
fn diff_targets(extra: &[&str]) -> (String, Vec<Vec<String>>) {
    let dir = TempDir::new().unwrap();
    let article = dir.path().join("curbs.txt");
    fs::write(&article, CURBS).unwrap();
    let out = dir.path().join("out");
    let output = stance()
        .args(["diff", "--quiet", "-o"])
        .arg(&out)
        .args(extra)
        .arg(&article)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (
        String::from_utf8(output.stdout).unwrap(),
        rows(&out.join("targets.csv")),
    )
}

#[test]
fn target_model_against_none_lists_the_targets_that_moved() {
    let (stdout, targets) = diff_targets(&["--base", "default", "--base-target-model", "none"]);
    assert_eq!(targets[0], stance::diff::TARGETS);
    assert!(targets.len() > 1, "{targets:?}");
    let polarity_changes = targets[1..].iter().filter(|r| r[7] != r[8]).count();
    let changed = format!("targets changed: {}\n", targets.len() - 1);
    assert!(stdout.contains(&changed), "{stdout}");
    let flipped = format!("target polarity changes: {polarity_changes}\n");
    assert!(stdout.contains(&flipped), "{stdout}");
    // Same tone lexicon on both sides: no unit changed, no entry blamed.
    assert!(stdout.contains("units changed: 0\n"));
    assert!(targets[1..].iter().all(|r| r[9].is_empty()));
}

#[test]
fn reweighted_entry_is_blamed_for_the_targets_it_moves() {
    let dir = TempDir::new().unwrap();
    let flipped = [("criticized,-2.7,criticism", "criticized,2,criticism")];
    let lexicon = tone_copy(dir.path(), "t.csv", &flipped);
    let lexicon = lexicon.to_str().unwrap();
    let (_, targets) = diff_targets(&["--base", "default", "--lexicon", lexicon]);
    let japan: Vec<&Vec<String>> = targets[1..].iter().filter(|r| r[3] == "JPN").collect();
    assert!(!japan.is_empty(), "{targets:?}");
    for row in &japan {
        assert_eq!(row[9], "criticized", "{row:?}");
        assert!(row[6].parse::<f64>().unwrap() > 0.0, "{row:?}");
    }
    // China and Vietnam, in a sentence without "criticized", do not move.
    let others = targets[1..]
        .iter()
        .filter(|r| r[3] == "CHN" || r[3] == "VNM");
    assert_eq!(others.count(), 0, "{targets:?}");
}

#[test]
fn fail_on_flip_exits_1_on_a_flip() {
    let dir = TempDir::new().unwrap();
    let lexicon = tone_copy(
        dir.path(),
        "flip.csv",
        &[("hopeful,1.8,hope", "hopeful,-2,hope")],
    );
    diff(dir.path(), &lexicon, &["--fail-on-flip"]).code(1);
    let changes = rows(&dir.path().join("out/changes.csv"));
    let flips = changes[1..].iter().filter(|r| r[7] == "true").count();
    assert!(flips >= 3, "{changes:?}");
    let summary = rows(&dir.path().join("out/summary.csv"));
    assert_eq!(summary[1][5], flips.to_string());
    diff(dir.path(), &lexicon, &[])
        .success()
        .stdout(contains(format!("sign flips: {flips}\n")));
}

#[test]
fn added_entry_is_attributed() {
    let dir = TempDir::new().unwrap();
    let lexicon = tone_copy(
        dir.path(),
        "added.csv",
        &[(
            "collapsed,-2.2,failure",
            "collapsed,-2.2,failure\nceasefire collapsed,-3.5,failure",
        )],
    );
    diff(dir.path(), &lexicon, &[]).success();
    let changes = rows(&dir.path().join("out/changes.csv"));
    assert_eq!(changes.len(), 2, "{changes:?}");
    let row = &changes[1];
    assert_eq!((row[0].as_str(), row[2].as_str()), ("r2", "1"));
    assert_eq!(row[8], "ceasefire collapsed");
    assert_eq!(row[9], "ceasefire;collapsed");
    assert_eq!(row[10], "ceasefire collapsed");
    let summary = rows(&dir.path().join("out/summary.csv"));
    assert_eq!(
        summary[1],
        ["ceasefire collapsed", "added", "", "-3.5000", "1", "0"]
    );
}

#[test]
fn changed_modifier_is_attributed() {
    let dir = TempDir::new().unwrap();
    let default = Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicons/modifiers.csv");
    let modifiers = dir.path().join("modifiers.csv");
    let text = fs::read_to_string(&default).unwrap();
    fs::write(
        &modifiers,
        text.replace("\nnot,negator,-0.5\n", "\nnot,negator,-0.2\n"),
    )
    .unwrap();
    let modifiers = modifiers.to_str().unwrap();
    let base_modifiers = default.to_str().unwrap();
    let default_lexicon = Path::new("default");
    diff(
        dir.path(),
        default_lexicon,
        &["--modifiers", modifiers, "--base-modifiers", base_modifiers],
    )
    .success();
    let changes = rows(&dir.path().join("out/changes.csv"));
    assert!(changes.len() > 1);
    for row in &changes[1..] {
        assert_eq!(
            (row[0].as_str(), row[10].as_str()),
            ("talks", "modifier:not")
        );
        assert!(row[3].contains("not hopeful"));
    }
    let n = (changes.len() - 1).to_string();
    let summary = rows(&dir.path().join("out/summary.csv"));
    assert_eq!(
        summary[1],
        ["modifier:not", "reweighted", "-0.5000", "-0.2000", &n, "0"]
    );
    // Without --base-modifiers both sides use --modifiers.
    diff(dir.path(), default_lexicon, &["--modifiers", modifiers])
        .success()
        .stdout(contains("units changed: 0\n"));
}

#[test]
fn same_output_for_one_and_two_threads() {
    let dir = TempDir::new().unwrap();
    let lexicon = tone_copy(
        dir.path(),
        "tone.csv",
        &[("hopeful,1.8,hope", "hopeful,-1,hope")],
    );
    let big = dir.path().join("big");
    for i in 0..300 {
        let path = big.join(format!("part{:02}/a{i:03}.txt", i % 5));
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, ARTICLE).unwrap();
    }
    let mut outputs = Vec::new();
    for threads in ["1", "2"] {
        let out = dir.path().join(format!("out{threads}"));
        stance()
            .args([
                "diff",
                "--quiet",
                "--base",
                "default",
                "--threads",
                threads,
                "--lexicon",
            ])
            .arg(&lexicon)
            .arg("-o")
            .arg(&out)
            .arg(&big)
            .assert()
            .success();
        outputs.push(fs::read_to_string(out.join("changes.csv")).unwrap());
    }
    assert_eq!(outputs[0], outputs[1]);
    assert!(outputs[0].lines().count() > 900);
}

#[test]
fn bad_options_are_usage_errors() {
    let dir = TempDir::new().unwrap();
    diff(dir.path(), Path::new("default"), &["--epsilon=-1"])
        .code(2)
        .stderr(contains("--epsilon"));
    stance()
        .args(["diff", "--base", "nope.csv", "--lexicon", "default"])
        .arg(corpus(dir.path()))
        .assert()
        .code(2)
        .stderr(contains("nope.csv"));
}
