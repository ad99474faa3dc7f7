//! The README's worked example of `stance explain` is the real output, so
//! it cannot drift from the lexicon (its line numbers) or the rules.

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
