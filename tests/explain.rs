//! Integration tests of `stance explain`: the text and JSON forms, the
//! three ways of giving the text, and per-actor tone.

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

const QUOTE: &str = "\"We didn't find that exercise particularly helpful,\" the official said.";

fn stance() -> Command {
    Command::cargo_bin("stance").unwrap()
}

fn json(args: &[&str]) -> Value {
    let out = stance()
        .arg("explain")
        .arg("--json")
        .args(args)
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

#[test]
fn negation_and_booster_act_on_helpful() {
    let out = stance().args(["explain", QUOTE]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    for want in [
        "\"helpful\" = entry \"helpful\" (lexicon line ",
        "base 1.6000 -> -0.9465",
        "booster \"particularly\" x1.1831",
        "negation \"didn't\" x-0.5000",
        "\"didn't\" = entry \"didn't\" (lexicon line ",
        "base -1.0000 -> -1.0000; categories: negation",
        "tone -0.3628",
        "length: 10 words, valence sum x0.7746",
        "tokens: \" | We | didn't | find |",
    ] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }

    let e = json(&[QUOTE]);
    let sentence = &e["sentences"][0];
    assert!(sentence["tone"]["tone"].as_f64().unwrap() < 0.0);
    let m = &sentence["tone"]["matches"][1];
    assert_eq!(m["term"], "helpful");
    let rules: Vec<(&str, &str)> = m["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["rule"].as_str().unwrap(), r["trigger"].as_str().unwrap()))
        .collect();
    assert_eq!(rules, [("booster", "particularly"), ("negation", "didn't")]);
    assert!(m["weight"].as_f64().unwrap() < 0.0);
}

#[test]
fn file_and_stdin_give_the_same_explanation() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("quote.txt");
    std::fs::write(&path, QUOTE).unwrap();
    let from_arg = json(&[QUOTE]);
    assert_eq!(json(&["--file", path.to_str().unwrap()]), from_arg);
    let out = stance()
        .args(["explain", "--json", "-"])
        .write_stdin(QUOTE)
        .assert()
        .success();
    let from_stdin: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(from_stdin, from_arg);
}

#[test]
fn tone_toward_each_actor_with_its_terms() {
    let sentence =
        "Japan welcomed the progress, but North Korea was accused of sabotaging the talks.";
    let e = json(&[sentence]);
    let actors = e["sentences"][0]["actors"].as_array().unwrap();
    let ids: Vec<&str> = actors
        .iter()
        .map(|a| a["actor_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["JPN", "PRK"]);
    for (actor, term) in actors.iter().zip(["welcomed", "accused"]) {
        let terms: Vec<&str> = actor["tone"]["matches"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["term"].as_str().unwrap())
            .collect();
        assert!(
            terms.contains(&term),
            "{term} not behind the tone toward {actor}"
        );
        assert!(actor["tone"]["tone"].is_f64());
        let leaning = &actor["leaning"];
        let p: f64 = leaning["probabilities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap())
            .sum();
        assert!((p - 1.0).abs() < 1e-9, "{leaning}");
        assert!(!leaning["cues"].as_array().unwrap().is_empty());
    }
    assert_eq!(actors[1]["mentions"][0], "North Korea");
    // The categories bearing on each in its own clause (dyad_categories.csv).
    let categories = |i: usize| actors[i]["categories"].to_string();
    assert!(categories(0).contains("progress") && !categories(0).contains("blame"));
    assert!(categories(1).contains("blame"), "{}", categories(1));
    assert_eq!(actors[0]["leaning"]["polarity"], "positive");
    assert_eq!(actors[1]["leaning"]["polarity"], "negative");
    let bare = json(&["--target-model", "none", sentence]);
    let leaning = &bare["sentences"][0]["actors"][0]["leaning"];
    assert!(leaning["probabilities"].is_null());
    assert_eq!(leaning["polarity"], "positive");
}

#[test]
fn lexicon_options_apply() {
    let dir = tempfile::TempDir::new().unwrap();
    let lexicon = dir.path().join("tone.csv");
    std::fs::write(&lexicon, "term,weight,categories\nexercise,-2,drill\n").unwrap();
    stance()
        .args(["explain", "--lexicon", lexicon.to_str().unwrap(), QUOTE])
        .assert()
        .success()
        .stdout(contains(
            "\"exercise\" = entry \"exercise\" (lexicon line 2)",
        ))
        .stdout(contains("categories: drill"))
        .stdout(contains("\"helpful\"").not());
}

#[test]
fn missing_text_is_a_usage_error_and_missing_file_a_failure() {
    stance().arg("explain").assert().code(2);
    stance()
        .args(["explain", "--file", "/nonexistent/quote.txt"])
        .assert()
        .code(1)
        .stderr(contains("/nonexistent/quote.txt"));
}

#[test]
fn a_quote_cue_bears_on_the_quote_targets() {
    let e = json(&["Critics condemned North Korea."]);
    let quote = &e["quotes"][0];
    assert_eq!(quote["cue"], "condemned");
    // The content ("North Korea") has no tone of its own ...
    assert_eq!(quote["tone"]["tone"], 0.0);
    // ... but the judgement in the cue lands on the target.
    let target = &quote["targets"][0];
    assert_eq!(target["actor_id"], "PRK");
    assert_eq!(target["tone"]["matches"][0]["term"], "condemned");
    assert!(target["tone"]["tone"].as_f64().unwrap() < 0.0);
    assert!(target["leaning"]["tone"].as_f64().unwrap() < 0.0);
}

/// News readings of the built-in lexicon and modifiers: the rule that
/// fires on the tone word ending each sentence's matches, and the sign it
/// leaves.
#[test]
fn built_in_modifiers_read_news_constructions() {
    let cases: &[(&str, &str, f64)] = &[
        ("Far fewer civilians died this year.", "reversal", 1.0),
        ("The measures could reduce poverty.", "reversal", 1.0),
        ("The meeting was hardly helpful.", "negation", -1.0),
        ("The envoy was deeply disappointed.", "booster", -1.0),
    ];
    for &(text, rule, sign) in cases {
        let e = json(&[text]);
        let tone = &e["sentences"][0]["tone"];
        let matches = tone["matches"].as_array().unwrap();
        let rules: Vec<&str> = matches.last().unwrap()["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["rule"].as_str().unwrap())
            .collect();
        assert_eq!(rules, [rule], "{text}");
        assert_eq!(tone["tone"].as_f64().unwrap().signum(), sign, "{text}");
    }
}

/// A country named like a person's surname, right after a given name, or
/// like a given name, before a surname, is a person ("Michael Jordan",
/// "Chad Wolf"); two countries in a row, a country before a title and the
/// actor lexicon's own persons stay.
#[test]
fn a_country_in_a_persons_name_is_not_a_country() {
    let cases: &[(&str, &[&str])] = &[
        ("Michael Jordan praised the team.", &[]),
        ("Chad Wolf praised the border agents.", &[]),
        ("Jordan Peterson criticized Canada.", &["CAN"]),
        (
            "Chad President Idriss Deby praised France.",
            &["TCD", "FRA"],
        ),
        ("Jordan Rejects Israeli Annexation Plan", &["JOR", "ISR"]),
        ("Jordan condemned the attack.", &["JOR"]),
        ("India China border talks resumed.", &["IND", "CHN"]),
        (
            "President Donald Trump criticized China.",
            &["USA.TRUMP", "CHN"],
        ),
    ];
    for &(text, want) in cases {
        assert_eq!(actor_ids(text), want, "{text}");
    }
    let e = json(&["\"We played hard,\" said Michael Jordan."]);
    assert!(
        e["quotes"][0]["speaker_actor"].is_null(),
        "{}",
        e["quotes"][0]
    );
    let e = json(&["\"We are ready,\" said Chad Wolf, the acting secretary."]);
    assert!(
        e["quotes"][0]["speaker_actor"].is_null(),
        "{}",
        e["quotes"][0]
    );
    let e = json(&["\"We will respond,\" said a Jordanian official."]);
    assert_eq!(e["quotes"][0]["speaker_actor"], "JOR");
}

/// A person of the actor lexicon named by surname alone after another
/// given name, or before "Jr.", is someone else of that name, and so is
/// the surname alone in a text that names only that other person; their
/// own full names, titles and initials keep them.
#[test]
fn a_namesake_is_not_the_lexicon_person() {
    let cases: &[(&str, &[&str])] = &[
        ("Jeb Bush criticized the plan.", &[]),
        ("Critics said Eric Trump had failed.", &[]),
        ("Donald Trump Jr. praised China.", &["CHN"]),
        ("Donald Trump, Jr., praised China.", &["CHN"]),
        ("Donald Trump praised China.", &["USA.TRUMP", "CHN"]),
        ("Donald J. Trump praised China.", &["USA.TRUMP", "CHN"]),
        ("President Bush criticized the plan.", &["USA.BUSH"]),
        ("Mr. Trump criticized the plan.", &["USA.TRUMP"]),
        ("Vladimir V. Putin criticized the plan.", &["RUS.PUTIN"]),
        // Where the text names only the namesake, the surname alone is
        // theirs too, but after a title.
        ("Jeb Bush spoke. Bush criticized the plan.", &[]),
        (
            "Jeb Bush spoke. President Bush criticized the plan.",
            &["USA.BUSH"],
        ),
        (
            "Jeb Bush and George W. Bush spoke. Bush criticized the plan.",
            &["USA.BUSH", "USA.BUSH"],
        ),
    ];
    for &(text, want) in cases {
        assert_eq!(actor_ids(text), want, "{text}");
    }
    let e = json(&["Jeb Bush spoke in Iowa. \"We will win,\" Bush said."]);
    assert!(
        e["quotes"][0]["speaker_actor"].is_null(),
        "{}",
        e["quotes"][0]
    );
}

/// What an expert studies is not their side: "a China expert" stands for
/// no country, while "a Chinese official" stands for China.
#[test]
fn a_field_of_study_is_not_a_speakers_actor() {
    let actor_of = |text: &str| json(&[text])["quotes"][0]["speaker_actor"].clone();
    for text in [
        "\"It will pass,\" said Ruth Mills, a China expert at the Brookings Institution.",
        "\"It will pass,\" said Ruth Mills, a Russia policy analyst.",
        "\"It will pass,\" said Ruth Mills, the paper's Tokyo correspondent.",
        "\"It will pass,\" said Ruth Mills, a Seoul-based banker.",
    ] {
        assert!(actor_of(text).is_null(), "{text}: {}", actor_of(text));
    }
    assert_eq!(
        actor_of("\"It will pass,\" said a senior Chinese official."),
        "CHN"
    );
}

/// A description that is a person of the actor lexicon, after any titles,
/// names that person ("Pelosi": Nancy Pelosi); one that only mentions them
/// does not ("a spokesman for Pelosi").
#[test]
fn a_lexicon_person_named_by_surname_is_named_in_full() {
    let quote = |text: &str| json(&[text])["quotes"][0].clone();
    let pelosi = quote("Pelosi said the bill would pass.");
    assert_eq!(pelosi["speaker_name"], "Nancy Pelosi", "{pelosi}");
    assert_eq!(pelosi["speaker_actor"], "USA.PELOSI");
    let spokesman = quote("\"No,\" said a spokesman for Pelosi.");
    assert!(spokesman["speaker_name"].is_null(), "{spokesman}");
    // A middle initial the lexicon does not list.
    let putin = quote("\"We will see,\" said Vladimir V. Putin.");
    assert_eq!(putin["speaker_name"], "Vladimir Putin", "{putin}");
    assert_eq!(putin["speaker_actor"], "RUS.PUTIN");
}

/// The presidents of the EU's bodies and the heads of central banks are
/// offices of those bodies: "the ECB president" is the one in office, and
/// "the EU president", which could be either body's, stays the EU.
#[test]
fn a_body_of_an_organisation_has_its_own_office_holders() {
    let speaker = |date: &str, text: &str| {
        let quote = json(&["--date", date, text])["quotes"][0].clone();
        (
            quote["speaker_actor"].clone(),
            quote["speaker_name"].clone(),
        )
    };
    for (date, text, actor, name) in [
        (
            "2021-03-01",
            "\"Inflation will fall,\" the ECB president said.",
            "EU.LAGARDE",
            Some("Christine Lagarde"),
        ),
        (
            "2016-03-01",
            "\"Rates will stay,\" the Federal Reserve chairwoman said.",
            "USA.YELLEN",
            Some("Janet Yellen"),
        ),
        (
            "2021-03-01",
            "\"Rates will stay,\" the Fed chair said.",
            "USA.JEROME_POWELL",
            Some("Jerome Powell"),
        ),
        (
            "2021-03-01",
            "\"We agree,\" the president of the European Council said.",
            "EU.CHARLES_MICHEL",
            Some("Charles Michel"),
        ),
        (
            "2021-03-01",
            "\"We agree,\" the European Commission president said.",
            "EU.VON_DER_LEYEN",
            Some("Ursula von der Leyen"),
        ),
        (
            "2021-03-01",
            "\"We agree,\" the EU president said.",
            "EU",
            None,
        ),
    ] {
        let (got_actor, got_name) = speaker(date, text);
        assert_eq!(got_actor, actor, "{text}");
        assert_eq!(got_name.as_str(), name, "{text}");
    }
}

/// Another person in a speaker's description is their actor only when the
/// speaker speaks for them (staff, campaign, counsel), not when they
/// support, oppose or once served them.
#[test]
fn a_speaker_speaks_for_a_person_only_as_their_agent() {
    let actor_of = |text: &str| json(&[text])["quotes"][0]["speaker_actor"].clone();
    for (text, want) in [
        (
            "\"We are confident,\" said Ana Ruiz, a spokeswoman for Nancy Pelosi.",
            Some("USA.PELOSI"),
        ),
        (
            // Not at the description's end: rolled up to her country.
            "\"We are confident,\" said Ana Ruiz, Pelosi's campaign manager.",
            Some("USA"),
        ),
        (
            "\"She has failed,\" said Tom Hale, a longtime critic of Nancy Pelosi.",
            None,
        ),
        (
            "\"She has failed,\" said Tom Hale, an early supporter of Pelosi.",
            None,
        ),
        (
            "\"She has failed,\" said Tom Hale, a former aide to Nancy Pelosi.",
            None,
        ),
        (
            "\"She has failed,\" said Tom Hale, an anti-Pelosi activist.",
            None,
        ),
    ] {
        let got = actor_of(text);
        assert_eq!(got.as_str(), want, "{text}: {got}");
    }
}

/// With `--date`, an office is read as `stance score` reads it in a dated
/// article: its holder on that day; a date that is not one is a usage
/// error.
#[test]
fn a_date_names_the_holder_of_an_office() {
    let text = "\"We will not give in,\" the French president said.";
    let quote = |args: &[&str]| json(args)["quotes"][0].clone();
    let dated = quote(&["--date", "May 1, 2019", text]);
    assert_eq!(dated["speaker_actor"], "FRA.MACRON", "{dated}");
    assert_eq!(dated["speaker_name"], "Emmanuel Macron");
    let undated = quote(&[text]);
    assert_eq!(undated["speaker_actor"], "FRA", "{undated}");
    assert!(undated["speaker_name"].is_null());
    stance()
        .args(["explain", "--date", "2019-13-01", text])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not a date"));
}

/// The actors of every sentence of an explained text.
fn actor_ids(text: &str) -> Vec<String> {
    let e = json(&[text]);
    e["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["actors"].as_array().unwrap().clone())
        .map(|a| a["actor_id"].as_str().unwrap().to_string())
        .collect()
}

/// Where the text shows the US state ("Atlanta, Georgia", "Gov. Brian
/// Kemp"), every bare "Georgia" is the state; the country keeps its name
/// where the text names it otherwise ("Tbilisi"). Regions of the Americas
/// are not the United States.
#[test]
fn georgia_the_state_and_georgia_the_country() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Voters in Atlanta, Georgia, queued for hours. Georgia will certify the result.",
            &[],
        ),
        (
            "Georgia Gov. Brian Kemp signed the bill. Critics said Georgia went too far.",
            &[],
        ),
        (
            "Georgia condemned Russia. A Georgia Tech professor spoke in Tbilisi.",
            &["GEO", "RUS"],
        ),
        ("Georgia condemned Russia.", &["GEO", "RUS"]),
        ("Trump won Virginia, Georgia and Alabama.", &["USA.TRUMP"]),
        (
            "Latin American leaders praised Mexico, not New Mexico.",
            &["MEX"],
        ),
        (
            "Northern Ireland voted; Ireland abstained.",
            &["GBR", "IRL"],
        ),
        (
            "The Washington Post said Washington had left the Paris Agreement.",
            &["USA"],
        ),
        (
            "China Daily said ships from Japan crossed the South China Sea.",
            &["JPN"],
        ),
    ];
    for &(text, want) in cases {
        assert_eq!(actor_ids(text), want, "{text}");
    }
}

/// A government body named without its country belongs to the country of
/// the wire dateline; other speakers, and stories without a dateline, are
/// left alone.
#[test]
fn an_unqualified_government_speaker_takes_the_dateline_country() {
    let cases: &[(&str, Option<&str>)] = &[
        (
            "BEIJING (Reuters) - \"Washington has abused export controls,\" a commerce ministry spokeswoman told a briefing.",
            Some("CHN"),
        ),
        (
            "NEW DELHI (Reuters) - \"We will respond,\" the foreign minister said.",
            Some("IND"),
        ),
        (
            "BEIJING (Reuters) - \"We will respond,\" a Japanese ministry official said.",
            Some("JPN"),
        ),
        (
            "BEIJING (Reuters) - \"Chips are scarce,\" an industry analyst said.",
            None,
        ),
        (
            "\"We will respond,\" a commerce ministry spokeswoman said.",
            None,
        ),
    ];
    for &(text, want) in cases {
        let e = json(&[text]);
        assert_eq!(e["quotes"][0]["speaker_actor"].as_str(), want, "{text}");
    }
}

/// "condemning what they called ...": the pronoun before the cue is the
/// source, so the clause before it is not read as a speaker (it named
/// Russia, which then "spoke" about Ukraine).
#[test]
fn what_they_called_keeps_the_clause_subject_as_speaker() {
    let e = json(&[
        "European Union leaders agreed to impose sanctions on Russia, condemning what they called an \"unprovoked\" invasion of Ukraine.",
    ]);
    let actors: Vec<&str> = e["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["speaker_actor"].as_str().unwrap_or("-"))
        .collect();
    assert!(!actors.is_empty());
    assert!(actors.iter().all(|&a| a == "EU"), "{actors:?}");
}

/// "the bloc", "the country": the organisation or country the text has
/// named most before them.
#[test]
fn the_bloc_and_the_country_refer_back() {
    let cases: &[(&str, &[&str])] = &[
        (
            "The European Union met Japan. Kyiv urged the bloc to act.",
            &["EU", "JPN", "UKR", "EU"],
        ),
        (
            "Switzerland voted. Switzerland's parties met Italy. Critics said the country had erred.",
            &["CHE", "CHE", "ITA", "CHE"],
        ),
        ("Critics said the country had erred.", &[]),
    ];
    for &(text, want) in cases {
        assert_eq!(actor_ids(text), want, "{text}");
    }
}

/// A speaker's name is a person's: a country of the actor lexicon named
/// like a person ("South Korea") has none.
#[test]
fn speaker_names_are_persons_names() {
    let e = json(&[
        "\"We will respond,\" South Korea said. \"Talks resumed,\" said Commerce Secretary Gina Raimondo.",
    ]);
    let names: Vec<Option<&str>> = e["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["speaker_name"].as_str())
        .collect();
    assert_eq!(names, [None, Some("Gina Raimondo")]);
}

/// A sentence carries the first quote with a speaker that overlaps it: a
/// quote over two sentences is carried by both, a sentence after it by none.
#[test]
fn sentences_carry_the_quotes_they_overlap() {
    let e = json(&["\"We won. They lost,\" she said. Then rain fell. \"Good,\" he said."]);
    let carried: Vec<Option<u64>> = e["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["quote_no"].as_u64())
        .collect();
    assert_eq!(carried, [Some(1), Some(1), None, Some(2)]);
}

/// The terms of the first sentence of `text` as `stance explain` matches them.
fn terms(text: &str) -> Vec<String> {
    let e = json(&[text]);
    e["sentences"][0]["tone"]["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["term"].as_str().unwrap().to_string())
        .collect()
}

/// A tone word that is part of a person's or a body's name is no
/// judgement; the same word in prose still is. Wire boilerplate ("did not respond to a
/// request for comment") weighs nothing either.
#[test]
fn names_and_boilerplate_carry_no_tone() {
    let cases: &[(&str, &[&str])] = &[
        ("Sen. Rob Portman said the talks would resume.", &["talks"]),
        ("Hope Hicks said the talks would resume.", &["talks"]),
        ("Press Secretary Josh Earnest spoke.", &[]),
        ("Rep. Mia Love spoke.", &[]),
        ("We hope the talks will resume.", &["hope", "talks"]),
        ("Hope is fading.", &["hope"]),
        ("They rob the poor.", &["rob", "poor"]),
        ("Hillary Can't Hide From It", &["can't"]),
        ("Amnesty International issued a report.", &[]),
        ("The Affordable Care Act passed.", &[]),
        ("Peace is near, officials said.", &["peace"]),
        (
            "Rwanda Faces New War Unless International Force Is Sent",
            &["war"],
        ),
        ("No Wall Street executive was charged.", &["no"]),
        (
            "I couldn't be happier with the result.",
            &["couldn't be happier"],
        ),
        ("We can't wait to start.", &["can't wait"]),
        (
            "The ministry did not immediately respond to a request for comment.",
            &["not immediately respond*"],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(terms(text), *want, "{text}");
    }
    let e = json(&["The ministry did not immediately respond to a request for comment."]);
    assert_eq!(e["sentences"][0]["tone"]["tone"], 0.0);
}

/// The built-in weight-0 phrases make a negator inert: "not only fair"
/// keeps "fair" positive, where "not fair" negates it.
#[test]
fn not_only_negates_nothing() {
    let weight_of_fair = |text: &str| {
        let e = json(&[text]);
        let matches = e["sentences"][0]["tone"]["matches"]
            .as_array()
            .unwrap()
            .clone();
        let fair = matches.iter().find(|m| m["term"] == "fair").unwrap();
        fair["weight"].as_f64().unwrap()
    };
    assert!(weight_of_fair("The deal is not only fair.") > 0.0);
    assert!(weight_of_fair("The deal is not fair.") < 0.0);
}

/// Entries of the default lexicon added by calibration steps 7 to 12
/// (lexicons/tone.md): idioms read as wholes, "great" as praise but not in
/// its fixed phrases, and words of the reviewed lists and inflections.
#[test]
fn default_lexicon_idioms_and_great() {
    let tone = |text: &str| {
        json(&[text])["sentences"][0]["tone"]["tone"]
            .as_f64()
            .unwrap()
    };
    let cases: &[(&str, std::cmp::Ordering)] = &[
        ("The voters deserve better.", std::cmp::Ordering::Less),
        ("The scandals are taking a toll.", std::cmp::Ordering::Less),
        ("He would be a great senator.", std::cmp::Ordering::Greater),
        (
            "They spent a great deal of money.",
            std::cmp::Ordering::Equal,
        ),
        (
            "He wore a Make America Great Again hat.",
            std::cmp::Ordering::Equal,
        ),
        (
            "My great grandmother picked cotton.",
            std::cmp::Ordering::Equal,
        ),
        (
            "The charges were unsubstantiated.",
            std::cmp::Ordering::Less,
        ),
        ("The senator taunts his rivals.", std::cmp::Ordering::Less),
        (
            "The city took the land by eminent domain.",
            std::cmp::Ordering::Equal,
        ),
    ];
    for (text, want) in cases {
        let t = tone(text);
        assert_eq!(t.partial_cmp(&0.0), Some(*want), "{text}: {t}");
    }
}
