//! Integration tests of the quotes stage through the binary: quotes.csv on a
//! small article written for the purpose (kinds, cues, speaker grouping and
//! actors).

use assert_cmd::Command;
use std::fs;
use tempfile::TempDir;

const ARTICLE: &str = "Ministers trade barbs over port deal\n\n\
WASHINGTON (Reuters) -- The port deal is dead, a senior State Department official said on Monday.\n\n\
\"We tried everything,\" the official said. \"The other side walked away.\"\n\n\
Ruth Mills, a spokeswoman for the harbour board, said the board still wants to reopen talks.\n\n\
Critics believe the deal was doomed from the start, and the mood in the city appears grim.\n\n\
\"It was never going to work,\" she said.\n";

/// The rows of quotes.csv keyed by column name.
fn quotes(article: &str) -> Vec<std::collections::HashMap<String, String>> {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("a.txt");
    fs::write(&input, article).unwrap();
    let out = dir.path().join("out");
    Command::cargo_bin("stance")
        .unwrap()
        .arg("score")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .arg("--quiet")
        .assert()
        .success();
    let mut reader = csv::Reader::from_path(out.join("quotes.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

#[test]
fn quotes_csv_carries_kinds_cues_and_speakers() {
    let rows = quotes(ARTICLE);
    let summary: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["kind"].as_str(),
                r["text"].as_str(),
                r["cue"].as_str(),
                r["speaker_id"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("indirect", "The port deal is dead", "said", "official-1"),
            (
                "direct",
                "We tried everything,\" the official said. \"The other side walked away.",
                "said",
                "official-1"
            ),
            (
                "indirect",
                "the board still wants to reopen talks",
                "said",
                "mills-1"
            ),
            (
                "thought",
                "the deal was doomed from the start",
                "believe",
                "critics-1"
            ),
            (
                "thought",
                "the mood in the city appears grim",
                "appears",
                ""
            ),
            ("direct", "It was never going to work,", "said", "mills-1"),
        ]
    );
    let official = &rows[0];
    assert_eq!(
        official["speaker_mention"],
        "a senior State Department official"
    );
    assert_eq!(official["speaker"], "a senior State Department official");
    assert_eq!(official["speaker_actor"], "USA");
    let mills = &rows[2];
    assert_eq!(
        mills["speaker_mention"],
        "Ruth Mills, a spokeswoman for the harbour board"
    );
    assert_eq!(mills["speaker_actor"], "");
}
