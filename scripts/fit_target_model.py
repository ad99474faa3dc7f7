#!/usr/bin/env python3
"""Fits stance's target model (lexicons/target.csv) from labelled targets.

Input: the prediction files of `stance eval --task target --target-model none
--predictions FILE --features` (columns line,target,tone,predicted,label,
rule_tone,cues). Output: the model as CSV rows term,context,negative,positive.

The model is a multinomial logistic regression (scikit-learn, L2,
class-balanced) over binary cue features and the rule-based tone toward the
target, with "neutral" as the reference class: a cue's two weights are how
much it adds to the scores of "negative" and "positive" against "neutral".
Cues seen in fewer than --min-count training targets are not features, and
weights whose larger magnitude is below --prune are left out of the file.

  python3 -m venv /tmp/venv && /tmp/venv/bin/pip install numpy scikit-learn
  stance eval --task target --gold train.jsonl --target-model none \\
      --predictions /tmp/train.csv --features
  /tmp/venv/bin/python scripts/fit_target_model.py /tmp/train.csv \\
      --check /tmp/dev_mt.csv /tmp/dev_rw.csv -o lexicons/target.csv
  /tmp/venv/bin/python scripts/fit_target_model.py /tmp/train.csv --cv
"""
import argparse
import csv
import sys

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

CLASSES = ["negative", "neutral", "positive"]
# The rule-based tone enters as three features: itself, its positive part
# and its negative part; TONE_SCALE puts them on the scale of a cue.
TONE_SCALE = 3.0


def read(path):
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    cues = [r["cues"].split("\t") if r["cues"] else [] for r in rows]
    tones = np.array([float(r["rule_tone"]) for r in rows])
    labels = np.array([CLASSES.index(r["label"]) for r in rows])
    lines = np.array([int(r["line"]) for r in rows])
    return cues, tones, labels, lines


def matrix(cues, tones, vocab):
    data, indices, indptr = [], [], [0]
    for cs in cues:
        ids = sorted({vocab[c] for c in cs if c in vocab})
        indices.extend(ids)
        data.extend([1.0] * len(ids))
        indptr.append(len(indices))
    words = csr_matrix((data, indices, indptr), shape=(len(cues), len(vocab)))
    t = np.c_[tones, np.maximum(tones, 0), np.minimum(tones, 0)] * TONE_SCALE
    return hstack([words, csr_matrix(t)]).tocsr()


def fit(a, cues, tones, labels, rows):
    """The cue names and the logistic regression fitted on `rows`."""
    counts = {}
    for i in np.flatnonzero(rows):
        for c in set(cues[i]):
            counts[c] = counts.get(c, 0) + 1
    names = sorted(c for c, n in counts.items() if n >= a.min_count)
    vocab = {c: i for i, c in enumerate(names)}
    model = LogisticRegression(C=a.C, max_iter=5000, class_weight="balanced")
    model.fit(matrix(cues, tones, vocab)[rows], labels[rows])
    return names, model


def cross_validate(a, cues, tones, labels, lines):
    predicted = np.zeros(len(labels), int)
    for fold in range(5):
        held = lines % 5 == fold
        names, model = fit(a, cues, tones, labels, ~held)
        vocab = {c: i for i, c in enumerate(names)}
        predicted[held] = model.predict(matrix(cues, tones, vocab)[held])
    return f1_score(labels, predicted, average="macro")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("train")
    p.add_argument("--check", nargs="*", default=[], help="files to report macro-F1 on")
    p.add_argument("-C", type=float, default=0.1, help="inverse L2 strength")
    p.add_argument("--min-count", type=int, default=2)
    p.add_argument("--prune", type=float, default=0.0)
    p.add_argument("-o", "--output", default="-")
    p.add_argument("--cv", action="store_true", help="print five-fold macro-F1 on train (folds: line mod 5) and stop")
    a = p.parse_args()

    cues, tones, labels, lines = read(a.train)
    if a.cv:
        print(f"five-fold macro-F1 {cross_validate(a, cues, tones, labels, lines):.4f}")
        return
    names, model = fit(a, cues, tones, labels, np.ones(len(labels), bool))
    # Relative to neutral: the softmax is unchanged by subtracting a row.
    w = model.coef_ - model.coef_[1]
    b = model.intercept_ - model.intercept_[1]

    rows = [("bias", "rule", b[0], b[2])]
    for k, name in enumerate(["tone", "tone_positive", "tone_negative"]):
        j = len(names) + k
        rows.append((name, "rule", w[0, j] * TONE_SCALE, w[2, j] * TONE_SCALE))
    kept = []
    for i, name in enumerate(names):
        neg, pos = w[0, i], w[2, i]
        if max(abs(neg), abs(pos)) >= a.prune:
            context, term = name.split(":", 1)
            kept.append((term, context, neg, pos))
    kept.sort(key=lambda r: (r[1], r[0]))
    out = sys.stdout if a.output == "-" else open(a.output, "w", encoding="utf-8", newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["term", "context", "negative", "positive"])
    for term, context, neg, pos in rows + kept:
        writer.writerow([term, context, f"{neg:.4f}", f"{pos:.4f}"])
    if out is not sys.stdout:
        out.close()
    print(f"{len(names)} cues fitted, {len(kept)} written", file=sys.stderr)

    kept_vocab = {f"{c}:{t}": i for i, (t, c, _, _) in enumerate(kept)}
    kw = np.array([[n for _, _, n, _ in kept], [p for _, _, _, p in kept]])
    for path in [a.train] + a.check:
        c2, t2, y2, _ = read(path)
        m = matrix(c2, t2, kept_vocab)
        words = m[:, : len(kept)] @ kw.T
        tone = np.c_[t2, np.maximum(t2, 0), np.minimum(t2, 0)]
        rule = np.array([[r[2], r[3]] for r in rows[1:]])
        scores = words + tone @ rule + np.array([rows[0][2], rows[0][3]])
        full = np.c_[scores[:, 0], np.zeros(len(y2)), scores[:, 1]]
        f1 = f1_score(y2, full.argmax(1), average="macro")
        print(f"{path}: macro-F1 {f1:.4f} (n {len(y2)})", file=sys.stderr)


if __name__ == "__main__":
    main()
