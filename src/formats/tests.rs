//! Tests of the lexicon formats: each format loads its fixture (in
//! tests/fixtures/lexicons), warnings and errors name what was wrong,
//! detection, merging, conversion round trips and the lints per format.

use super::*;
use crate::lexicon::Lexicon;
use crate::tokenize::tokenize;

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/lexicons/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// An entry as `term=weight[categories]`.
fn show(e: &Entry) -> String {
    format!(
        "{}={}[{}]@{}",
        e.term,
        e.weight,
        e.categories.join(";"),
        e.line
    )
}

#[test]
fn every_format_loads_its_fixture() {
    use Format::*;
    #[rustfmt::skip]
    let cases: &[(&str, Format, &[&str], &[u64])] = &[
        ("native.csv", Native,
         &["hopeful=1.8[hope]@2", "rock bottom=-2.5[crisis]@3", "destabiliz*=-2[threat]@4"], &[]),
        ("vader_lexicon.txt", Vader,
         &["hopeful=1.8[]@1", "setback=-1.6[]@2", "no fun=-1.5[]@3", "d:=-2.9[]@4", "setback=-1.2[]@5"], &[6, 7]),
        ("afinn.txt", Afinn,
         &["breakthrough=3[]@1", "stalemate=-2[]@2", "does not work=-3[]@3"], &[4]),
        ("moral.dic", Liwc,
         &["hope*=1[posemo;policy]@6", "crisis=-1[negemo;policy]@7", "tariff*=0[policy]@8", "sanction=0[9]@9"],
         &[9, 10, 11, 12]),
        ("trade.dicx", Liwc,
         &["hope*=1[posemo]@2", "crisis=-1[negemo;policy]@3", "tariff*=0[policy]@4"], &[]),
        ("sentiment.lc3", Lexicoder,
         &["crisis=-1[negative]@2", "apologist=-1[negative]@3", "setback*=-1[negative]@4",
           "hope*=1[positive]@6", "apologis*=1[positive]@7", "good=1[positive]@8",
           "not good=-1[neg_positive]@11", "no crisis=1[neg_negative]@13"], &[9]),
        ("dictionary.yml", Yaml,
         &["hopeful=1[positive]@2", "breakthrough=1[positive]@2", "good will=1[positive]@2",
           "setback*=-1[negative]@4", "rock bottom=-1[negative]@5", "tariff*=0[policy.trade]@7",
           "export controls=0[policy.trade]@7", "missile*=0[policy.security]@9"], &[10]),
        ("topics.cat", Wordstat,
         &["setback*=-1[NEGATIVE]@2", "crisis=-1[NEGATIVE]@3", "tariff*=0[POLICY.TRADE]@6",
           "export controls=0[POLICY.TRADE]@7", "caf\u{e9}=0[POLICY.TRADE]@8", "missile*=0[POLICY.SECURITY]@11"],
         &[8, 9]),
        ("positive-words.txt", HuLiu(Some(Polarity::Positive)),
         &["breakthrough=1[positive]@5", "envious=1[positive]@6", "hopeful=1[positive]@7"], &[]),
        ("negative-words.txt", HuLiu(Some(Polarity::Negative)),
         &["setback=-1[negative]@5", "envious=-1[negative]@6", "stalemate=-1[negative]@7"], &[8]),
        ("emolex.txt", Nrc,
         &["crisis=-1[fear;negative]@2", "hope=1[anticipation;positive]@5"], &[8]),
        ("clues.tff", Mpqa,
         &["setback=-1[weaksubj;negative]@1", "breakthrough=2[strongsubj;positive]@2",
           "ordeal=-2[strongsubj;negative]@3", "demand=0[weaksubj;both;strongsubj]@4",
           "gloomy=-2[strongsubj;negative]@7", "firm=-0.5[weaksubj;positive;strongsubj;negative]@8"],
         &[3, 6, 6, 7]),
        ("SentiWordNet_test.txt", SentiWordNet,
         &["hopeful=0.3333[]@3", "upbeat=0.75[]@3", "setback=-0.625[]@5", "reverse=-0.625[]@5",
           "give up=0.375[]@7"], &[8]),
    ];
    for (name, format, entries, warning_lines) in cases {
        let loaded = load_spec(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(loaded.format, *format, "{name}");
        let got: Vec<String> = loaded.entries.iter().map(show).collect();
        assert_eq!(got, *entries, "{name}");
        let lines: Vec<u64> = loaded.warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, *warning_lines, "{name}: {:?}", loaded.warnings);
    }
}

#[test]
fn warnings_say_what_was_wrong() {
    let cases: &[(&str, &str)] = &[
        (
            "vader_lexicon.txt",
            "VADER weight \"slow\" is not a number; line skipped",
        ),
        (
            "afinn.txt",
            "AFINN weight \"-1.5\" is not a whole number; line skipped",
        ),
        (
            "moral.dic",
            "category id 9 is not declared; kept as category \"9\"",
        ),
        (
            "moral.dic",
            "LIWC2007 conditional category in \"like\\t(02 134)125/464\"",
        ),
        (
            "moral.dic",
            "\"hope*\" is listed again (first at line 6); categories merged",
        ),
        (
            "sentiment.lc3",
            "pattern \"heckl**\": only one trailing * per word",
        ),
        ("dictionary.yml", "pattern \"*nuclear\""),
        ("topics.cat", "read as Windows-1252"),
        (
            "topics.cat",
            "WordStat rule \"@RULE [#A AFTER #B /S 3] (1)\" is not supported",
        ),
        ("clues.tff", "key \"len\" repeated"),
        ("clues.tff", "priorpolarity \"weakneg\""),
        ("clues.tff", "stemmed1=1 is not y or n"),
        ("emolex.txt", "not an EmoLex line"),
    ];
    for (name, want) in cases {
        let loaded = load_spec(&fixture(name)).unwrap();
        assert!(
            loaded.warnings.iter().any(|w| w.message.contains(want)),
            "{name}: {want:?} not in {:?}",
            loaded.warnings
        );
    }
}

#[test]
fn specs_name_or_detect_the_format() {
    let cases: &[(&str, Option<Format>)] = &[
        ("native:tone.csv", Some(Format::Native)),
        ("LIWC:x.dic", Some(Format::Liwc)),
        (
            "huliu-neg:words.txt",
            Some(Format::HuLiu(Some(Polarity::Negative))),
        ),
        ("tone.csv", None),
        ("C:\\lexicons\\tone.csv", None),
        ("./my:file.csv", None),
    ];
    for (spec, want) in cases {
        assert_eq!(split_spec(spec).unwrap().0, *want, "{spec}");
    }
    for bad in ["emoji:x.txt", "vader:"] {
        assert!(matches!(split_spec(bad), Err(Error::Usage(_))), "{bad}");
    }
    let detected: &[(&str, &str, Option<Format>)] = &[
        ("x.txt", "%\n1\tposemo\n%\n", Some(Format::Liwc)),
        ("x.txt", "+positive\ngood\n", Some(Format::Lexicoder)),
        ("x.txt", "abandon\t-2\n", Some(Format::Afinn)),
        ("x.txt", "abandon\t-2.5\t0.5\t[-2]\n", Some(Format::Vader)),
        ("x.txt", "aback\tanger\t0\n", Some(Format::Nrc)),
        ("x.txt", "type=weaksubj len=1 word1=x\n", Some(Format::Mpqa)),
        ("x.txt", "; comment\nword\n", Some(Format::HuLiu(None))),
        (
            "x.txt",
            "# c\na\t1\t0.5\t0\tgood#1\tgloss\n",
            Some(Format::SentiWordNet),
        ),
        ("x.txt", "term,weight,categories\n", Some(Format::Native)),
        ("x.txt", "positive: [good]\n", Some(Format::Yaml)),
        ("x.txt", "hello world\n", None),
        ("x.CAT", "anything", Some(Format::Wordstat)),
    ];
    for (name, text, want) in detected {
        assert_eq!(detect(name, text), *want, "{text:?}");
    }
}

#[test]
fn bad_files_give_clear_errors() {
    let cases: &[(&str, &str)] = &[
        (
            "unknown.txt",
            "cannot tell the lexicon format; name it, as in FORMAT:",
        ),
        ("empty.dic", "the liwc lexicon has no entries"),
        ("latin1.dic", "line 4: not valid UTF-8"),
        ("no-such-file.csv", "No such file"),
    ];
    for (name, want) in cases {
        let err = load_spec(&fixture(name)).unwrap_err().to_string();
        assert!(err.contains(want) && err.contains(name), "{name}: {err}");
    }
    let emoji = load_bytes("\u{1F600}\tgrinning face\n".as_bytes(), "emoji.txt", None).unwrap_err();
    assert!(emoji.to_string().contains("VADER's emoji table"), "{emoji}");
    let err = load_spec(&format!("huliu:{}", fixture("unknown.txt"))).unwrap_err();
    assert!(err.to_string().contains("huliu-pos:PATH"), "{err}");
    let err = load_spec(&format!("native:{}", fixture("afinn.txt"))).unwrap_err();
    assert!(err.to_string().contains("expected the header"), "{err}");
}

#[test]
fn lines_end_at_lf_crlf_or_cr() {
    let got: Vec<(u64, &str)> = lines("a\r\nb\rc\n\nd");
    assert_eq!(got, vec![(1, "a"), (2, "b"), (3, "c"), (4, ""), (5, "d")]);
}

/// The terms matched in `text` by a lexicon built from `specs`.
fn matched(specs: &[String], text: &str) -> Vec<(String, f64)> {
    let loaded: Vec<LoadedLexicon> = specs.iter().map(|s| load_spec(s).unwrap()).collect();
    let lexicon = Lexicon::new(merge(&loaded), Default::default());
    let mut out = Vec::new();
    lexicon.find(&tokenize(text), &mut out);
    out.iter()
        .map(|m| {
            let e = &lexicon.entries[m.entry as usize];
            (e.term.clone(), e.weight)
        })
        .collect()
}

#[test]
fn lexicoder_negation_phrases_win_over_their_parts() {
    let lc3 = [fixture("sentiment.lc3")];
    let cases: &[(&str, &[(&str, f64)])] = &[
        ("The talks were not good", &[("not good", -1.0)]),
        ("It was good news", &[("good", 1.0)]),
        ("There is no crisis yet", &[("no crisis", 1.0)]),
        (
            "A crisis, not good",
            &[("crisis", -1.0), ("not good", -1.0)],
        ),
        ("hopeful apologists", &[("hope*", 1.0), ("apologis*", 1.0)]),
        ("the apologist", &[("apologist", -1.0)]),
    ];
    for (text, want) in cases {
        let want: Vec<(String, f64)> = want.iter().map(|(t, w)| (t.to_string(), *w)).collect();
        assert_eq!(matched(&lc3, text), want, "{text:?}");
    }
}

#[test]
fn later_lexicons_replace_earlier_entries() {
    let pos_then_neg = [fixture("positive-words.txt"), fixture("negative-words.txt")];
    assert_eq!(
        matched(&pos_then_neg, "envious"),
        vec![("envious".to_string(), -1.0)]
    );
    let neg_then_pos = [fixture("negative-words.txt"), fixture("positive-words.txt")];
    assert_eq!(
        matched(&neg_then_pos, "envious"),
        vec![("envious".to_string(), 1.0)]
    );
    let with_default = ["default".to_string(), fixture("native.csv")];
    assert_eq!(
        matched(&with_default, "hopeful"),
        vec![("hopeful".to_string(), 1.8)]
    );
}

#[test]
fn converted_lexicons_load_back_unchanged() {
    for name in [
        "moral.dic",
        "sentiment.lc3",
        "topics.cat",
        "SentiWordNet_test.txt",
        "vader_lexicon.txt",
    ] {
        let loaded = load_spec(&fixture(name)).unwrap();
        let merged = merge(std::slice::from_ref(&loaded));
        let mut csv = Vec::new();
        write_native(&merged, &mut csv).unwrap();
        let back = load_bytes(&csv, "back.csv", None).unwrap();
        assert_eq!(back.format, Format::Native);
        let terms = |es: &[Entry]| {
            es.iter()
                .map(|e| (e.term.clone(), e.weight, e.categories.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(terms(&back.entries), terms(&merged), "{name}");
    }
}

/// A lexicon file's name and text, and the findings wanted (line, kind).
type LintCase<'a> = (&'a str, &'a str, &'a [(u64, lint::Kind)]);

#[test]
fn lint_kinds_by_format() {
    use lint::Kind::*;
    #[rustfmt::skip]
    let cases: &[LintCase] = &[
        ("v.txt", ":*\t2\t0.5\t[2]\n:(\t-2\t0.5\t[-2]\ngood\t1.9\t0.5\t[2]\n",
         &[(1, Unmatchable), (2, Unmatchable)]),
        ("n.csv", "term,weight,categories\nco-*,1,\nco-opt,-1,\nu.s.,0,\n", &[(2, WildcardCapture)]),
        ("n.csv", "term,weight,categories\ngood,1,\ngood,1,\nfine*,1,a\nfinely,1,b\n", &[]),
        ("n.csv", "term,weight,categories\nfine*,1,a\nfine,1,a\n", &[(3, Shadowed)]),
    ];
    for (name, text, want) in cases {
        let loaded = load_bytes(text.as_bytes(), name, None).unwrap();
        let got: Vec<(u64, lint::Kind)> = lint::check(&[loaded])
            .iter()
            .map(|f| (f.line, f.kind))
            .collect();
        assert_eq!(got, *want, "{text:?}");
    }
}

#[test]
fn stats_count_what_the_engine_sees() {
    let loaded = load_spec(&fixture("vader_lexicon.txt")).unwrap();
    let s = lint::stats(&loaded);
    assert_eq!(
        (s.entries, s.terms, s.multi_word, s.wildcards, s.warnings),
        (5, 4, 1, 0, 2)
    );
    let bins: Vec<(String, usize)> = s.weights.iter().map(|b| (b.bin.clone(), b.count)).collect();
    let want = [("[-3,-2)", 1), ("[-2,-1)", 3), ("(1,2]", 1)];
    assert_eq!(bins, want.map(|(b, n)| (b.to_string(), n)));
}

#[test]
fn liwc_terms_end_at_the_tab_or_before_the_trailing_ids() {
    let dic = "%\n5\tnumbers\n6\tmoney\n%\ntop 10\t5\nbig deal 5 6\nkind\tx\n";
    let loaded = load_bytes(dic.as_bytes(), "t.dic", None).unwrap();
    let got: Vec<String> = loaded.entries.iter().map(show).collect();
    assert_eq!(got, ["top 10=0[numbers]@5", "big deal=0[numbers;money]@6"]);
    assert_eq!(loaded.warnings.len(), 1);
    assert!(
        loaded.warnings[0].message.contains("no category ids"),
        "{:?}",
        loaded.warnings
    );
}

#[test]
fn a_file_that_is_not_utf8_is_read_as_windows_1252() {
    // 0x93/0x94 are Windows' curly quotes; ISO-8859-1 has control
    // characters there.
    let (text, line) = decode(b"ok\ncaf\xe9 \x93x\x94\n");
    assert_eq!(text, "ok\ncaf\u{e9} \u{201c}x\u{201d}\n");
    assert_eq!(line, Some(2));
}
