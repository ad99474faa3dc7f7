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
        .replace("\nconstructive,1.5,\n", "\nconstructive,-1,\n")
        + "turning point,2,progress\n";
    assert!(tone.contains("\nconstructive,-1,\n"));
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
