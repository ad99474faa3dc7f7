//! The `--lexicon [FORMAT:]PATH` spec: which reader a tone lexicon file
//! needs. Add a format here, then its reader where the engine is built.

use crate::error::{Error, Result};

/// The file formats a tone lexicon can be read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LexiconFormat {
    /// stance's own CSV: `term,weight,categories`.
    Native,
    /// VADER's `token<TAB>mean<TAB>...`.
    Vader,
}

impl LexiconFormat {
    pub const ALL: &[(&str, LexiconFormat)] = &[
        ("native", LexiconFormat::Native),
        ("vader", LexiconFormat::Vader),
    ];
}

/// Splits a spec into its format and path. Without a prefix the file is
/// native; a prefix is two or more letters, digits, '-' or '_' before ':'
/// (so a Windows drive letter is part of the path); an unknown prefix is a
/// usage error.
pub fn parse_lexicon_spec(spec: &str) -> Result<(LexiconFormat, &str)> {
    let Some((prefix, path)) = spec.split_once(':').filter(|(p, _)| is_prefix(p)) else {
        return Ok((LexiconFormat::Native, spec));
    };
    let Some(&(_, format)) = LexiconFormat::ALL.iter().find(|(name, _)| *name == prefix) else {
        let known: Vec<&str> = LexiconFormat::ALL.iter().map(|(n, _)| *n).collect();
        return Err(Error::Usage(format!(
            "unknown lexicon format {prefix:?} in {spec:?} (known: {}); write native:{spec} for a native CSV whose path has a ':'",
            known.join(", ")
        )));
    };
    if path.is_empty() {
        return Err(Error::Usage(format!(
            "no path after {prefix}: in --lexicon"
        )));
    }
    Ok((format, path))
}

fn is_prefix(p: &str) -> bool {
    p.len() >= 2
        && p.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs() {
        use LexiconFormat::*;
        let cases: &[(&str, Option<(LexiconFormat, &str)>)] = &[
            ("default", Some((Native, "default"))),
            ("tone.csv", Some((Native, "tone.csv"))),
            ("native:tone.csv", Some((Native, "tone.csv"))),
            (
                "vader:/data/vader_lexicon.txt",
                Some((Vader, "/data/vader_lexicon.txt")),
            ),
            ("native:a:b.csv", Some((Native, "a:b.csv"))),
            (
                "C:\\lexicons\\tone.csv",
                Some((Native, "C:\\lexicons\\tone.csv")),
            ),
            ("./my:file.csv", Some((Native, "./my:file.csv"))),
            ("liwc:dict.dic", None),
            ("vader:", None),
        ];
        for (spec, want) in cases {
            assert_eq!(parse_lexicon_spec(spec).ok(), *want, "{spec:?}");
        }
        let err = parse_lexicon_spec("liwc:x.dic").unwrap_err().to_string();
        assert!(
            err.contains("unknown lexicon format \"liwc\"") && err.contains("native, vader"),
            "{err}"
        );
    }
}
