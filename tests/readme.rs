//! The README's worked examples (`stance explain`, `stance diff`) are the
//! real output, so they cannot drift from the lexicon or the rules.

use assert_cmd::Command;

#[test]
fn readme_explain_example_is_current() {
    let readme = include_str!("../README.md");
    let prompt = "$ stance explain \"\\\"We didn't find that exercise particularly helpful,\\\" the official said.\"\n";
    let start = readme.find(prompt).expect("the example in README") + prompt.len();
    let shown = &readme[start..start + readme[start..].find("```").unwrap()];
    let out = Command::cargo_bin("stance")
        .unwrap()
        .args([
            "explain",
            "\"We didn't find that exercise particularly helpful,\" the official said.",
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), shown);
}

/// The worked example of `stance diff`: its printed summary and exit
/// status.
#[test]
fn readme_diff_example_is_current() {
    let readme = include_str!("../README.md");
    let prompt =
        "$ stance diff --base default --lexicon my-tone.csv examples -o diff --fail-on-flip\n";
    let start = readme.find(prompt).expect("the example in README") + prompt.len();
    let shown = &readme[start..start + readme[start..].find("$ echo $?").unwrap()];
    let dir = tempfile::TempDir::new().unwrap();
    let tone = include_str!("../lexicons/tone.csv")
        .replace("\nconstructive,1.5,\n", "\nconstructive,-1.5,\n")
        + "turning point,2,progress\n";
    assert!(tone.contains("\nconstructive,-1.5,\n"));
    let lexicon = dir.path().join("my-tone.csv");
    std::fs::write(&lexicon, tone).unwrap();
    let out = Command::cargo_bin("stance")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["diff", "--base", "default", "--lexicon"])
        .arg(&lexicon)
        .args(["examples", "--fail-on-flip", "--quiet", "-o"])
        .arg(dir.path().join("diff"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), shown);
}

/// The README's code block that starts with the command `command`.
fn block_after(command: &str) -> &'static str {
    let readme = include_str!("../README.md");
    let start = readme.find(command).unwrap();
    &readme[start..start + readme[start..].find("```").unwrap()]
}

/// The reports of the quick start's first command, in a temporary folder.
fn score_examples() -> tempfile::TempDir {
    let dir = tempfile::TempDir::new().unwrap();
    Command::cargo_bin("stance")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["score", "examples", "--quiet", "-o"])
        .arg(dir.path())
        .assert()
        .success();
    dir
}

/// The quick start's excerpt of dyads.csv and stance.csv.
#[test]
fn readme_quick_start_excerpt_is_current() {
    let block = block_after("$ grep -E '^(source|EU,CHN|IND,PAK)' reports/dyads.csv\n");
    let dir = score_examples();
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    let (dyads, stance) = (read("dyads.csv"), read("stance.csv"));
    let shown: Vec<&str> = block.lines().filter(|l| !l.starts_with('$')).collect();
    let (in_dyads, in_stance) = shown.split_at(3);
    for line in in_dyads {
        assert!(dyads.lines().any(|l| l == *line), "{line} not in dyads.csv");
    }
    let pairs = [("EU", "CHN"), ("IND", "PAK")];
    let matching = stance
        .lines()
        .filter(|l| {
            let c: Vec<&str> = l.split(',').collect();
            c.len() > 4 && pairs.contains(&(c[3], c[4]))
        })
        .count();
    assert_eq!(matching, in_stance.len());
    for line in in_stance {
        let found = stance
            .lines()
            .any(|l| l.split(',').skip(1).take(7).collect::<Vec<_>>().join(",") == *line);
        assert!(found, "{line} not in stance.csv");
    }
}

/// The quick start's speaker_targets.csv, whole.
#[test]
fn readme_speaker_targets_excerpt_is_current() {
    let command = "$ cat reports/speaker_targets.csv\n";
    let shown = &block_after(command)[command.len()..];
    let dir = score_examples();
    let written = std::fs::read_to_string(dir.path().join("speaker_targets.csv")).unwrap();
    assert_eq!(written, shown);
}
