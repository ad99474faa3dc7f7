#!/usr/bin/env python3
"""Candidate `learned` tone words fitted on external rated sentences.

Maintainer tool (see lexicons/tone.md, "Calibration", step 5). Never needed
by tests or CI. Needs numpy and scipy.

It fits one weight per word that is not yet in the lexicon so that the
engine's own tone, with those words added to each unit's valence sum (length
dilution and normalisation as in src/tone.rs), follows the human ratings of
the three non-news VADER sets (tweets, movie and Amazon snippets) and the
mean target polarity of the NewsMTSC train sentences. It prints the
candidates (frequent enough, strong enough, ordinary dictionary words, not
listed by VADER or AFINN, not on the trap list of tone.md) for review by
hand: the reviewed words are the `learned` rows of tone.csv. The rows
already marked `learned` are left out of the base lexicon, so a rerun
reproduces the same fit.

Usage:
  python3 scripts/learn_tone_words.py --stance target/release/stance \
      --shared ../shared/data > /tmp/learned_candidates.csv
"""

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile

import numpy as np
from scipy.optimize import minimize
from scipy.sparse import csr_matrix

VADER_SETS = {
    "tweets": "tweets_GroundTruth.txt",
    "movie": "movieReviewSnippets_GroundTruth.txt",
    "amazon": "amazonReviewSnippets_GroundTruth.txt",
}
ALPHA = 15.0  # Rules::alpha
LENGTH_REFERENCE = 6.0  # Rules::length_reference
TOKEN = re.compile(r"[0-9a-z]+(?:['\-.][0-9a-z]+)*")
STOP = set(
    "a about above after again against all also am an and any are as at be because been before being below "
    "between both but by can could did do does doing down during each few for from further had has have having "
    "he her here hers herself him himself his how i if in into is it its itself just me more most my myself no "
    "nor not now of off on once only or other our ours ourselves out over own same she should so some such than "
    "that the their theirs them themselves then there these they this those through to too under until up very "
    "was we were what when where which while who whom why will with would you your yours yourself yourselves".split()
)


def tokens(text):
    return TOKEN.findall(text.lower().replace("\u2019", "'"))


def base_lexicon(repo):
    """tone.csv without its `learned` rows, the known terms, wildcard stems."""
    rows = list(csv.DictReader(open(os.path.join(repo, "lexicons/tone.csv"), encoding="utf-8")))
    rows = [r for r in rows if "learned" not in r["categories"].split(";")]
    mods = {
        r["term"]
        for r in csv.DictReader(open(os.path.join(repo, "lexicons/modifiers.csv"), encoding="utf-8"))
        if r["role"] != "setting"
    }
    terms = {r["term"] for r in rows if not r["term"].endswith("*")}
    stems = [r["term"][:-1] for r in rows if r["term"].endswith("*")]
    return rows, terms | mods, stems


def engine_tones(stance, lexicon_csv, gold, extra_args):
    """id -> tone from `stance eval --predictions` with the base lexicon."""
    with tempfile.NamedTemporaryFile(suffix=".csv") as out:
        cmd = [stance, "eval", "--task", "sentence", "--gold", gold, "--lexicon", "native:" + lexicon_csv]
        subprocess.run(cmd + extra_args + ["--predictions", out.name], check=True, capture_output=True)
        return {r["id"]: float(r["tone"]) for r in csv.DictReader(open(out.name, encoding="utf-8"))}


def rated_texts(shared, sets):
    """(set, id, rating in [-1, 1], text) of the rated units: the VADER sets
    named in `sets` (rating / 4) and the NewsMTSC train sentences (mean
    target polarity; id = line number)."""
    for name, file in VADER_SETS.items():
        if name not in sets:
            continue
        for line in open(os.path.join(shared, "vader-icwsm2014", file), encoding="utf-8", errors="replace"):
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3:
                yield name, cols[0], float(cols[1]) / 4, cols[2]
    for n, line in enumerate(open(os.path.join(shared, "newsmtsc/train.jsonl"), encoding="utf-8")):
        item = json.loads(line)
        rating = float(np.mean([(t["polarity"] - 4) / 2 for t in item["targets"]]))
        yield "newsmtsc", str(n), rating, item["sentence_normalized"]


def rated_units(args, lexicon_csv):
    """(set, rating in [-1, 1], base tone, token set, length factor) per unit."""
    texts = list(rated_texts(args.shared, VADER_SETS))
    tones = {}
    for name, file in VADER_SETS.items():
        path = os.path.join(args.shared, "vader-icwsm2014", file)
        tones[name] = engine_tones(args.stance, lexicon_csv, path, ["--gold-format", "vader-tsv"])
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as gold:
        writer = csv.writer(gold)
        writer.writerow(["id", "text", "label"])
        writer.writerows((i, text, rating) for name, i, rating, text in texts if name == "newsmtsc")
    tones["newsmtsc"] = engine_tones(args.stance, lexicon_csv, gold.name, ["--gold-scale", "1"])
    os.unlink(gold.name)
    return [unit(name, rating, tones[name][i], text) for name, i, rating, text in texts]


def unit(name, rating, tone, text):
    words = tokens(text)
    return (name, rating, tone, set(words), np.sqrt(LENGTH_REFERENCE / max(len(words), LENGTH_REFERENCE)))


def fit(units, vocab, lam):
    """Word weights w minimising sum (y - a_set * tone(w) - c_set)^2 + lam |w|^2."""
    index = {w: j for j, w in enumerate(vocab)}
    cells = [(n, index[w]) for n, u in enumerate(units) for w in u[3] if w in index]
    rows, cols = zip(*cells)
    words = csr_matrix((np.ones(len(cells)), (rows, cols)), shape=(len(units), len(vocab)))
    tone = np.clip([u[2] for u in units], -0.995, 0.995)
    valence = tone * np.sqrt(ALPHA / (1 - tone * tone))  # inverse of normalise
    dilution = np.array([u[4] for u in units])
    rating = np.array([u[1] for u in units])
    sets = sorted({u[0] for u in units})
    member = np.array([[u[0] == s for s in sets] for u in units], float)
    nv, ns = len(vocab), len(sets)

    def loss(p):
        w, a, c = p[:nv], p[nv : nv + ns], p[nv + ns :]
        z = valence + dilution * (words @ w)
        t = z / np.sqrt(z * z + ALPHA)
        slope = member @ a
        e = slope * t + member @ c - rating
        dz = 2 * e * slope * ALPHA / (z * z + ALPHA) ** 1.5 * dilution
        grad = np.concatenate([words.T @ dz + 2 * lam * w, 2 * member.T @ (e * t), 2 * member.T @ e])
        return e @ e + lam * (w @ w), grad

    start = np.concatenate([np.zeros(nv), np.ones(ns), np.zeros(ns)])
    result = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 3000})
    return dict(zip(vocab, result.x[:nv]))


def word_list(path, column=0):
    return {line.split("\t")[column] for line in open(path, encoding="utf-8", errors="replace")}


def trap_words(repo):
    text = open(os.path.join(repo, "lexicons/tone.md"), encoding="utf-8").read()
    section = text.split("## Traps excluded")[1].split("## Calibration")[0]
    return set(re.findall(r"[a-z][a-z'\-]+", section.lower()))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stance", required=True, help="release binary of stance")
    parser.add_argument("--shared", required=True, help="the shared data folder (../shared/data)")
    parser.add_argument("--repo", default=".", help="repository root")
    parser.add_argument("--dict", default="/usr/share/dict/words", help="word list of ordinary words")
    parser.add_argument("--lam", type=float, default=0.3, help="ridge penalty")
    parser.add_argument("--fit-min-df", type=int, default=5, help="units a word needs to be fitted")
    parser.add_argument("--min-df", type=int, default=8, help="units a candidate needs")
    parser.add_argument("--min-weight", type=float, default=0.4, help="smallest |weight| printed")
    args = parser.parse_args()

    rows, known, stems = base_lexicon(args.repo)
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as lexicon:
        writer = csv.DictWriter(lexicon, fieldnames=["term", "weight", "categories"])
        writer.writeheader()
        writer.writerows(rows)
    units = rated_units(args, lexicon.name)
    os.unlink(lexicon.name)

    df = {}
    for u in units:
        for w in u[3]:
            df[w] = df.get(w, 0) + 1
    unknown = lambda w: w not in known and not any(w.startswith(s) for s in stems)
    vocab = sorted(w for w, n in df.items() if n >= args.fit_min_df and unknown(w))
    weights = fit(units, vocab, args.lam)

    ordinary = {line.strip() for line in open(args.dict, encoding="utf-8") if line.strip().islower()}
    lexicons = os.path.join(args.shared, "lexicons")
    listed = word_list(os.path.join(lexicons, "vader_lexicon.txt")) | word_list(os.path.join(lexicons, "AFINN-en-165.txt"))
    excluded = listed | trap_words(args.repo) | STOP
    out = csv.writer(sys.stdout)
    out.writerow(["term", "weight", "units"])
    for w, v in sorted(weights.items(), key=lambda kv: kv[1]):
        if df[w] >= args.min_df and abs(v) >= args.min_weight and w in ordinary and w not in excluded:
            if re.fullmatch(r"[a-z][a-z'\-]*[a-z]", w) and len(w) >= 3:
                out.writerow([w, round(v, 2), df[w]])


if __name__ == "__main__":
    main()
