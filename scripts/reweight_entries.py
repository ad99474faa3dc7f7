#!/usr/bin/env python3
"""Re-weight the tone lexicon's evaluative entries on external rated text.

Maintainer tool (see lexicons/tone.md, "Calibration", step 14). Never
needed by tests or CI. Needs numpy and scipy.

Every entry outside the news-event categories (--protect) gets one factor
per inflection group (hope, hopes, hoped, hoping share one), fitted so
that stance's tone of each rated unit follows its human rating: the tweet
and Amazon snippets of VADER's ICWSM-2014 sets (rating / 4) and the
NewsMTSC train sentences (mean target polarity, -1 / 0 / +1). Nothing of
the NYT editorial snippets is used. The movie snippets are left out
because their raters read genre senses (a horror film, an evil villain,
laughs); they serve as a held-out check with NYT and NewsMTSC dev.

Each matched entry's contribution, after negation, boosters and contrast,
comes from `stance explain --json`, so the rules are part of the fit. A
unit's tone is the mean over its sentences of normalise(length factor x
(valence sum + exclamation)), as in src/tone.rs; the factors enter the
valence sum linearly. Minimised: the squared error of a per-set line
(slope and intercept per set) through that tone, plus --lam x sum of
(factor - 1)^2 (L-BFGS). Groups seen in fewer than --min-units units keep
their weights. Factors are clipped to [0.5, 2]; weights are rounded to one
decimal and kept inside the lexicon's scale (|weight| <= 3.2).

Usage (prints the re-weighted lexicon; --cv prints the cross-validated
error for each penalty of --grid instead):
  python3 scripts/reweight_entries.py --stance target/release/stance \\
      --shared ../shared/data > /tmp/tone.csv
"""

import argparse
import csv
import json
import os
import subprocess
import sys

import numpy as np
from scipy.optimize import minimize
from scipy.sparse import csr_matrix

from learn_tone_words import ALPHA, rated_texts
PROTECTED = (
    "conflict,violence,crisis,crime,security,threat,decline,economy_down,economy_up,"
    "negation,cooperation,agreement,progress,failure"
)
RATED_SETS = ("tweets", "amazon")  # with NewsMTSC train; the movie snippets are left out
BATCH = 400  # rated texts per `stance explain` call, one paragraph each


def sentence_hits(stance, lexicon, texts):
    """Per text, its sentences as (length factor, exclamation, [(term, weight)])."""
    units = []
    for start in range(0, len(texts), BATCH):
        batch = texts[start : start + BATCH]
        document = "\n\n".join(" ".join(text.split()) or "." for _, _, text in batch)
        cmd = [stance, "explain", "--json", "--lexicon", "native:" + lexicon, "-"]
        result = subprocess.run(cmd, input=document, capture_output=True, text=True, check=True)
        sentences = [[] for _ in batch]
        for s in json.loads(result.stdout)["sentences"]:
            tone = s["tone"]
            hits = [(m["term"], m["weight"]) for m in tone["matches"]]
            sentences[s["paragraph"] - 1].append((tone["length_factor"], tone["exclamation"], hits))
        units += sentences
    return units


def group_key(term, terms):
    """The shortest listed form of `term` without an inflection ending."""
    if " " in term:
        return term
    forms = [term]
    for suffix, restore in [("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e")]:
        if term.endswith(suffix) and len(term) - len(suffix) >= 3:
            base = term[: -len(suffix)] + restore
            forms.append(base)
            if not restore and len(base) >= 4 and base[-1] == base[-2]:
                forms.append(base[:-1])  # stopped -> stop
    return min((f for f in forms if f in terms), key=len)


class Problem:
    """The rated units as sparse matrices over the fitted groups."""

    def __init__(self, texts, units, fitted, min_units):
        seen = {}
        for unit in units:
            for group in {fitted[t] for _, _, hits in unit for t, _ in hits if t in fitted}:
                seen[group] = seen.get(group, 0) + 1
        self.groups = sorted(g for g, n in seen.items() if n >= min_units)
        column = {g: j for j, g in enumerate(self.groups)}
        valence, length, marks, cells, means = [], [], [], [], []
        for u, unit in enumerate(units):
            for factor, exclamation, hits in unit:
                row = len(valence)
                valence.append(sum(w for _, w in hits))
                length.append(factor)
                marks.append(exclamation)
                cells += [(row, column[fitted[t]], w) for t, w in hits if fitted.get(t) in column]
                means.append((u, row, 1 / len(unit)))
        self.valence, self.length, self.marks = np.array(valence), np.array(length), np.array(marks)
        rows, cols, vals = zip(*cells)
        self.hits = csr_matrix((vals, (rows, cols)), shape=(len(valence), len(self.groups)))
        rows, cols, vals = zip(*means)
        self.mean = csr_matrix((vals, (rows, cols)), shape=(len(units), len(valence)))
        self.rating = np.array([t[1] for t in texts])
        sets = sorted({t[0] for t in texts})
        self.member = np.array([[t[0] == s for s in sets] for t in texts], float)

    def sentence_tones(self, change):
        total = self.valence + self.hits @ change
        x = self.length * (total + np.sign(total) * self.marks)
        return x, x / np.sqrt(x * x + ALPHA)

    def fit(self, rows, lam):
        """(factor - 1 per group, slope and intercept per set) fitted on `rows`."""
        mean, rating, member = self.mean[rows], self.rating[rows], self.member[rows]
        ng, ns = len(self.groups), member.shape[1]

        def loss(p):
            change, slope, intercept = p[:ng], member @ p[ng : ng + ns], member @ p[ng + ns :]
            x, tone = self.sentence_tones(change)
            unit_tone = mean @ tone
            error = slope * unit_tone + intercept - rating
            d_x = (mean.T @ (2 * error * slope)) * ALPHA / (x * x + ALPHA) ** 1.5 * self.length
            grad = [self.hits.T @ d_x + 2 * lam * change, member.T @ (2 * error * unit_tone), member.T @ (2 * error)]
            return error @ error + lam * change @ change, np.concatenate(grad)

        start = np.concatenate([np.zeros(ng), np.ones(ns), np.zeros(ns)])
        p = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 3000}).x
        return clip(p[:ng]), p[ng:]

    def cross_validated_error(self, lam, folds=5):
        fold = np.random.default_rng(0).integers(0, folds, len(self.rating))
        squared = 0.0
        for f in range(folds):
            change, line = self.fit(fold != f, lam)
            _, tone = self.sentence_tones(change)
            ns = self.member.shape[1]
            error = (self.member @ line[:ns]) * (self.mean @ tone) + self.member @ line[ns:] - self.rating
            squared += (error[fold == f] ** 2).sum()
        return squared / len(self.rating)


def clip(change):
    return np.clip(1 + change, 0.5, 2.0) - 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stance", required=True, help="release binary of stance")
    parser.add_argument("--shared", required=True, help="the shared data folder (../shared/data)")
    parser.add_argument("--repo", default=".", help="repository root")
    parser.add_argument("--lam", type=float, default=1.0, help="ridge penalty on factor - 1")
    parser.add_argument("--min-units", type=int, default=5, help="units a group needs to be fitted")
    parser.add_argument("--protect", default=PROTECTED, help="categories whose entries keep their weights")
    parser.add_argument("--cv", action="store_true", help="print the 5-fold error per penalty of --grid")
    parser.add_argument("--grid", default="0.1,0.3,1,3", help="penalties tried by --cv")
    args = parser.parse_args()

    lexicon = os.path.join(args.repo, "lexicons/tone.csv")
    rows = list(csv.DictReader(open(lexicon, encoding="utf-8")))
    terms = {r["term"] for r in rows}
    protect = set(args.protect.split(","))
    fitted = {
        r["term"]: group_key(r["term"], terms)
        for r in rows
        if not r["term"].endswith("*") and not set(r["categories"].split(";")) & protect
    }
    texts = [(name, rating, text) for name, _, rating, text in rated_texts(args.shared, RATED_SETS)]
    problem = Problem(texts, sentence_hits(args.stance, lexicon, texts), fitted, args.min_units)
    print(f"{len(fitted)} entries free, {len(problem.groups)} groups fitted", file=sys.stderr)
    if args.cv:
        for lam in map(float, args.grid.split(",")):
            print(lam, round(problem.cross_validated_error(lam), 6))
        return
    change, _ = problem.fit(np.ones(len(texts), bool), args.lam)
    factor = dict(zip(problem.groups, 1 + change))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["term", "weight", "categories"])
    for r in rows:
        weight = r["weight"]
        if fitted.get(r["term"]) in factor:
            new = round(float(weight) * factor[fitted[r["term"]]], 1)
            weight = f"{max(-3.2, min(3.2, new)):g}"
        out.writerow([r["term"], weight, r["categories"]])


if __name__ == "__main__":
    main()
