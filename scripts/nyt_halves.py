#!/usr/bin/env python3
"""Pearson r of stance's text tone against the human ratings of the NYT
editorial snippets (VADER's ICWSM-2014 set, dev half), overall and on the
two halves by article used in lexicons/tone.md ("Calibration"): half 0 =
articles with (article // 2) even. Extra arguments go to `stance eval`, so
a lexicon or modifier edit can be tried without touching the defaults:

  scripts/nyt_halves.py                                  # the defaults
  scripts/nyt_halves.py --modifiers my-modifiers.csv
  scripts/nyt_halves.py --lexicon default --lexicon extra.csv

Prints: r dev, half 0, half 1. Needs ../shared/data and a release build.
Standard library only.
"""
import csv
import os
import subprocess
import sys
import tempfile

GOLD = "../shared/data/vader-icwsm2014/nyt_editorials_dev.tsv"


def pearson(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / (sxx * syy) ** 0.5


def main():
    with tempfile.TemporaryDirectory() as tmp:
        predictions = os.path.join(tmp, "p.csv")
        cmd = ["target/release/stance", "eval", "--task", "sentence", "--gold", GOLD,
               "--predictions", predictions] + sys.argv[1:]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        rows = list(csv.DictReader(open(predictions, encoding="utf-8")))
    halves = {0: ([], []), 1: ([], [])}
    for r in rows:
        half = (int(r["id"].split("_")[0]) // 2) % 2
        halves[half][0].append(float(r["tone"]))
        halves[half][1].append(float(r["label"]))
    tone = halves[0][0] + halves[1][0]
    label = halves[0][1] + halves[1][1]
    print(" ".join(f"{pearson(*xy):.4f}" for xy in [(tone, label), halves[0], halves[1]]))


if __name__ == "__main__":
    main()
