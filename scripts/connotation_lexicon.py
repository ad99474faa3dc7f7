#!/usr/bin/env python3
"""Writes the connotation layer tried in lexicons/tone.md ("Calibration",
not applied): every word of the labMT 1.0 happiness ratings (Dodds et al.,
PLoS ONE 2011, CC BY) that the default lexicon does not list as a term or
modifier, with |rating - 5| >= --min, as an entry of weight
--k x (rating - 5) and category `connotation`, in stance's native CSV.

  pip download --no-deps labMTsimple && tar xzf labMTsimple-*.tar.gz
  scripts/connotation_lexicon.py labMTsimple-*/labMTsimple/data/LabMT/labMT1.txt \\
      --k 0.2 --min 1.5 > /tmp/connotation.csv
  scripts/nyt_halves.py --lexicon default --lexicon /tmp/connotation.csv

Standard library only. Nothing of labMT is kept in this repository.
"""
import argparse
import csv
import sys


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("labmt", help="labMT1.txt (word, rank, happiness, ...)")
    p.add_argument("--k", type=float, default=0.2)
    p.add_argument("--min", type=float, default=1.5)
    a = p.parse_args()
    listed = {r["term"] for r in csv.DictReader(open("lexicons/tone.csv", encoding="utf-8"))}
    listed |= {r["term"] for r in csv.DictReader(open("lexicons/modifiers.csv", encoding="utf-8"))}
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["term", "weight", "categories"])
    with open(a.labmt, encoding="utf-8") as f:
        next(f)
        for line in f:
            word, _, happiness = line.split("\t")[:3]
            valence = float(happiness) - 5
            if word in listed or not word.isalpha() or abs(valence) < a.min:
                continue
            weight = round(a.k * valence, 2)
            if weight:
                out.writerow([word, f"{weight:.2f}", "connotation"])


if __name__ == "__main__":
    main()
