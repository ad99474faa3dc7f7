//! Persons: actor rows for the people a run quoted (its `speakers.csv`)
//! whom the actor lexicon does not know, so that a second run with them
//! (`stance score --actors FILE`) counts those people as targets too
//! ("Donald Trump about Ted Cruz"). `stance persons` writes them.

use crate::actors::{
    without_initials, ActorLexicon, PersonNames, COLUMNS, LEANING_MARK, OFFICES_COLUMN,
};
use crate::error::{Error, Result};
use crate::lexicon::LoadWarning;
use crate::records::sniff_delimiter;
use std::collections::BTreeMap;

/// Which speakers become persons.
#[derive(Debug, Clone, Copy)]
pub struct Thresholds {
    /// Quotes in the run, over all the name's rows.
    pub min_quotes: u64,
    /// Articles in the run, summed over the name's rows.
    pub min_articles: u64,
}

/// Words of the names of bodies that are quoted like people ("Judicial
/// Watch", "Quinnipiac University", "Public Policy Polling").
const BODY_WORDS: &[&str] = &[
    "Agency",
    "Alliance",
    "Association",
    "Bank",
    "Campaign",
    "Center",
    "Centre",
    "Coalition",
    "College",
    "Committee",
    "Company",
    "Council",
    "Court",
    "Daily",
    "Department",
    "Foundation",
    "Fund",
    "Group",
    "Institute",
    "Journal",
    "League",
    "Magazine",
    "Media",
    "Ministry",
    "Network",
    "News",
    "Office",
    "PAC",
    "Party",
    "Poll",
    "Polling",
    "Post",
    "Press",
    "Project",
    "Research",
    "Review",
    "School",
    "Society",
    "Times",
    "Tribune",
    "Union",
    "University",
    "Watch",
];

/// Whether a word of `name` is one of `BODY_WORDS`.
fn names_a_body(name: &str) -> bool {
    name.split_whitespace().any(|w| BODY_WORDS.contains(&w))
}

/// A surname is one person's only when that person has this many times
/// the quotes of all the others of that surname together.
const SURNAME_DOMINANCE: u64 = 4;

/// What the run's `speakers.csv` says of one name, over all its rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Quoted {
    pub quotes: u64,
    pub articles: u64,
    /// Quotes whose speaker showed a gender (a given name, a title, he/she).
    pub gendered: u64,
}

/// One actor row of `actors.csv`'s format for a quoted person.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonRow {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
}

const NEEDED: [&str; 5] = ["speaker_name", "quotes", "articles", "female", "male"];

/// Reads a `speakers.csv` report (as `stance score` writes it, also with
/// `--excel` or `--by`), adding up each name's rows. A row that cannot be
/// read is a warning naming its line; a file without the columns is an
/// error.
pub fn read_speakers(
    text: &str,
    origin: &str,
) -> Result<(BTreeMap<String, Quoted>, Vec<LoadWarning>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(text.as_bytes()))
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| bad_file(origin, e.to_string()))?;
    let column = |name: &str| header.iter().position(|h| h == name);
    let Some(columns) = NEEDED.iter().map(|n| column(n)).collect::<Option<Vec<_>>>() else {
        return Err(bad_file(
            origin,
            format!(
                "not a speakers.csv report: it needs the columns {}",
                NEEDED.join(", ")
            ),
        ));
    };
    let mut names: BTreeMap<String, Quoted> = BTreeMap::new();
    let mut warnings = Vec::new();
    for record in reader.records() {
        match quoted_row(record, &columns) {
            Ok((name, row)) => {
                let total = names.entry(name).or_default();
                total.quotes += row.quotes;
                total.articles += row.articles;
                total.gendered += row.gendered;
            }
            Err(w) => warnings.push(w),
        }
    }
    Ok((names, warnings))
}

fn quoted_row(
    record: csv::Result<csv::StringRecord>,
    columns: &[usize],
) -> std::result::Result<(String, Quoted), LoadWarning> {
    let record = record.map_err(|e| LoadWarning {
        line: e.position().map_or(0, |p| p.line()),
        message: e.to_string(),
    })?;
    let line = record.position().map_or(0, |p| p.line());
    let cell = |i: usize| record.get(columns[i]).unwrap_or("").trim();
    let count = |i: usize| {
        cell(i).parse::<u64>().map_err(|_| LoadWarning {
            line,
            message: format!("{} is not a count: {:?}", NEEDED[i], cell(i)),
        })
    };
    let name = cell(0).to_string();
    if name.is_empty() {
        return Err(LoadWarning {
            line,
            message: "no speaker_name".into(),
        });
    }
    let row = Quoted {
        quotes: count(1)?,
        articles: count(2)?,
        gendered: count(3)? + count(4)?,
    };
    Ok((name, row))
}

/// The persons among the quoted names: a name of two words or more that
/// the actor lexicon does not know as a person nor finds an actor in
/// ("Team Trump"; "Eric Trump" is a namesake, not Donald Trump), with at
/// least the
/// thresholds' quotes and articles, that shows a gender for at least half
/// its quotes or has no word of a body's name (`BODY_WORDS`: "Judicial
/// Watch" is never "he", while "Tad Devine" seldom is).
/// Each has its name as an alias, the name without middle initials
/// ("Harry M. Reid": "Harry Reid"), and its surname as a leaning alias
/// (`~Reid`, counted only in an article that names them in full) when
/// the surname is not a given name, a body's word nor a name of the
/// lexicon, and no other person of that surname comes near them in
/// quotes. Sorted by id.
pub fn person_rows(
    quoted: &BTreeMap<String, Quoted>,
    lexicon: &ActorLexicon,
    names: &impl PersonNames,
    thresholds: Thresholds,
) -> Vec<PersonRow> {
    let persons: Vec<(&str, &Quoted)> = quoted
        .iter()
        .filter(|(name, q)| {
            q.quotes >= thresholds.min_quotes
                && q.articles >= thresholds.min_articles
                && (2 * q.gendered >= q.quotes || !names_a_body(name))
                && name.split_whitespace().count() >= 2
                && name.starts_with(char::is_uppercase)
                && lexicon.person_named(name, names).is_none()
                && lexicon.find_in(name, names, None).is_empty()
        })
        .map(|(name, q)| (name.as_str(), q))
        .collect();
    let mut by_surname: BTreeMap<&str, u64> = BTreeMap::new();
    for &(name, q) in &persons {
        *by_surname.entry(surname_of(name)).or_default() += q.quotes;
    }
    let mut rows: Vec<PersonRow> = persons
        .iter()
        .map(|&(name, q)| {
            let mut aliases = vec![name.to_string()];
            let plain = without_initials(name);
            if plain != name {
                aliases.push(plain);
            }
            let others = by_surname[surname_of(name)] - q.quotes;
            if let Some(surname) = own_surname(name, (q.quotes, others), lexicon, names) {
                aliases.push(format!("{LEANING_MARK}{surname}"));
            }
            PersonRow {
                id: person_id(name),
                name: name.to_string(),
                aliases,
            }
        })
        .collect();
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    disambiguate_ids(&mut rows);
    rows
}

/// The last word of a name.
fn surname_of(name: &str) -> &str {
    name.split_whitespace().last().unwrap_or(name)
}

/// The surname of `name` when it can stand for that person alone: with
/// `quotes` of theirs against `others`, those of the other persons of
/// that surname.
fn own_surname<'a>(
    name: &'a str,
    (quotes, others): (u64, u64),
    lexicon: &ActorLexicon,
    names: &impl PersonNames,
) -> Option<&'a str> {
    let surname = surname_of(name);
    let is_name_like = surname.chars().count() >= 3
        && surname.starts_with(char::is_uppercase)
        && surname
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'');
    if !is_name_like || names.is_given_name(surname) || BODY_WORDS.contains(&surname) {
        return None;
    }
    if !lexicon.find_in(surname, names, None).is_empty() {
        return None;
    }
    (quotes >= SURNAME_DOMINANCE * others).then_some(surname)
}

/// "Ted Cruz" -> "PERSON.TED_CRUZ".
fn person_id(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_uppercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('_') {
            slug.push('_');
        }
    }
    format!("PERSON.{}", slug.trim_matches('_'))
}

/// Two names with one slug ("Jose Diaz", "José Díaz" do not collide, but
/// "Mary-Ann Lee" and "Mary Ann Lee" do): the later ids get `_2`, `_3`.
fn disambiguate_ids(rows: &mut [PersonRow]) {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for row in rows.iter_mut() {
        let n = seen.entry(row.id.clone()).or_default();
        *n += 1;
        if *n > 1 {
            row.id = format!("{}_{}", row.id, n);
        }
    }
}

/// Writes the rows in `actors.csv`'s format (`COLUMNS` and the offices
/// column).
pub fn write_rows(rows: &[PersonRow], out: impl std::io::Write) -> csv::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(COLUMNS.iter().chain([&OFFICES_COLUMN]))?;
    for row in rows {
        let aliases = row.aliases.join(";");
        writer.write_record([
            row.id.as_str(),
            "person",
            row.name.as_str(),
            "",
            aliases.as_str(),
            "",
            "",
            "",
            "",
        ])?;
    }
    writer.flush()?;
    Ok(())
}

fn bad_file(origin: &str, message: String) -> Error {
    Error::BadFile {
        origin: origin.to_string(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Names;

    impl PersonNames for Names {
        fn is_given_name(&self, word: &str) -> bool {
            matches!(
                word,
                "Ted" | "Jane" | "Bernie" | "Harry" | "Ruth" | "Tom" | "Eric"
            )
        }
        fn is_title(&self, _: &str) -> bool {
            false
        }
    }

    const ACTORS: &str = "actor_id,kind,name,parent,aliases,metonyms,from,to\n\
        USA,country,United States,,United States;US,Washington,,\n\
        USA.PAUL_RYAN,person,Paul Ryan,USA,Paul Ryan,,,\n\
        USA.TRUMP,person,Donald Trump,USA,Donald Trump;Trump,,,\n";

    fn quoted(rows: &[(&str, u64, u64, u64)]) -> BTreeMap<String, Quoted> {
        rows.iter()
            .map(|&(name, quotes, articles, gendered)| {
                let q = Quoted {
                    quotes,
                    articles,
                    gendered,
                };
                (name.to_string(), q)
            })
            .collect()
    }

    #[test]
    fn quoted_people_become_persons_with_their_aliases() {
        let (lexicon, _) = ActorLexicon::from_csvs(&[(ACTORS, "t")]).unwrap();
        let speakers = quoted(&[
            ("Ted Cruz", 40, 9, 40),
            ("Bernie Sanders", 80, 20, 80),
            ("Jane Sanders", 6, 2, 6),
            ("Harry M. Reid", 10, 2, 10),
            ("Paul D. Ryan", 15, 5, 15),
            ("Judicial Watch", 15, 5, 0),
            ("Tad Devine", 30, 9, 10),
            ("Bill Press", 9, 3, 9),
            ("Ruth Washington", 9, 3, 9),
            ("Tom Hale", 4, 4, 4),
            ("Ann Lowe", 9, 1, 9),
            ("Cher", 9, 3, 9),
            ("Team Trump", 9, 2, 8),
            ("Eric Trump", 9, 2, 9),
        ]);
        let thresholds = Thresholds {
            min_quotes: 5,
            min_articles: 2,
        };
        let rows = person_rows(&speakers, &lexicon, &Names, thresholds);
        let got: Vec<(&str, String)> = rows
            .iter()
            .map(|r| (r.id.as_str(), r.aliases.join(";")))
            .collect();
        let want = [
            ("PERSON.BERNIE_SANDERS", "Bernie Sanders;~Sanders"),
            ("PERSON.BILL_PRESS", "Bill Press"),
            ("PERSON.ERIC_TRUMP", "Eric Trump"),
            ("PERSON.HARRY_M_REID", "Harry M. Reid;Harry Reid;~Reid"),
            ("PERSON.JANE_SANDERS", "Jane Sanders"),
            ("PERSON.RUTH_WASHINGTON", "Ruth Washington"),
            ("PERSON.TAD_DEVINE", "Tad Devine;~Devine"),
            ("PERSON.TED_CRUZ", "Ted Cruz;~Cruz"),
        ];
        let want: Vec<(&str, String)> = want.iter().map(|(i, a)| (*i, a.to_string())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn speakers_reports_are_read_with_their_bad_rows_named() {
        let text = "\u{feff}speaker_name,speaker_actor,quotes,articles,mean_tone,pos,neg,neutral,female,male,tone_sum\n\
            Ted Cruz,,30,7,0.1,1,1,1,0,30,3\n\
            Ted Cruz,USA,2,1,0.1,1,1,1,0,2,3\n\
            Bad Row,,many,1,0,0,0,0,0,0,0\n";
        let (names, warnings) = read_speakers(text, "s.csv").unwrap();
        assert_eq!(names.len(), 1);
        assert_eq!(
            names["Ted Cruz"],
            Quoted {
                quotes: 32,
                articles: 8,
                gendered: 32
            }
        );
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].line, 4);
        assert!(read_speakers("a,b\n1,2\n", "x.csv").is_err());
    }

    #[test]
    fn semicolon_reports_are_read() {
        let text = "speaker_name;speaker_actor;quotes;articles;female;male\nTed Cruz;;3;2;0;3\n";
        let (names, warnings) = read_speakers(text, "s.csv").unwrap();
        assert!(warnings.is_empty());
        assert_eq!(names["Ted Cruz"].quotes, 3);
    }

    #[test]
    fn ids_are_slugs_made_unique() {
        let mut rows: Vec<PersonRow> = ["Mary-Ann Lee", "Mary Ann Lee", "José Díaz"]
            .iter()
            .map(|n| PersonRow {
                id: person_id(n),
                name: n.to_string(),
                aliases: vec![n.to_string()],
            })
            .collect();
        disambiguate_ids(&mut rows);
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "PERSON.MARY_ANN_LEE",
                "PERSON.MARY_ANN_LEE_2",
                "PERSON.JOSÉ_DÍAZ"
            ]
        );
    }
}
