#!/usr/bin/env python3
"""The sentence encoder of scripts/embedding_teacher.py, distilled into word
weights fitted on whole sentences (lexicons/tone.md, "Calibration",
session 7; not applied).

The teacher is embedding_teacher.py's ridge over all-MiniLM-L6-v2
embeddings, fitted to the ratings of the tweet, movie and Amazon VADER sets
and NewsMTSC train (nothing on NYT). It scores about 60,000 texts: those
four sets and the 34,102 sentences of the PolNeAR articles (train and dev,
unlabelled). A ridge (scipy lsqr, damping --damp) then fits the teacher's
score of each text from

  - the diluted count of each word seen in 5 texts or more
    (count x min(1, sqrt(12 / words)), as src/tone.rs dilutes), and
  - stance's own tone of the text, so the words learn what the teacher
    sees beyond the lexicon.

--words says which words get a weight:
  unlisted: words that nothing lists (polarity_lists.listed_words) and
            that are not stop words: new entries of weight K x fit;
  all:      every word but stop words and modifiers: new words as above,
            and each word the lexicon lists gets its current weight + K x
            fit (an exact entry overrides a wildcard's match);
  listed:   only the words the lexicon lists, re-weighted as in `all`.
The output is a native CSV for `scripts/nyt_halves.py --lexicon default
--lexicon OUT` (a later entry for a term replaces the earlier one).

--linear prints, without writing anything, r on the NYT dev snippets of
M x stance tone + the fitted words applied linearly (no rules), for
unigram features and for unigrams + bigrams with stop words: the ceiling
of a word-and-bigram layer at this amount of text; and the r of that
layer with the teacher's own scores of the snippets.

Setup and encoder: see scripts/embedding_teacher.py (same --model, same
--cache; the PolNeAR sentences add about 15 minutes of embedding).
  scripts/distil_teacher.py --model M --cache C --words all --k 1.5 --out /tmp/d.csv
  scripts/nyt_halves.py --lexicon default --lexicon /tmp/d.csv
"""
import argparse
import csv
import glob
import os
import re
import subprocess
import sys
import tempfile

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import lsqr

sys.path.insert(0, os.path.dirname(__file__))
from embedding_teacher import (NYT, SHARED, Encoder, cached, fit_teacher,  # noqa: E402
                               pearson, rated)
from polarity_lists import listed_words  # noqa: E402

WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*")
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“A-Z])")
STOP = set("""a an the and or but if of to in on at by for with from as is are was were be been being it its
this that these those he she they we you i me him her them us my your his their our mr mrs ms not no yes so
than then there here what which who whom whose when where why how all any some each few more most other such
only own same too very can will just should now do does did has have had would could may might must shall
also into over under about after before up down out off again further once new said says""".split())


def polnear_sentences():
    out = []
    for path in sorted(glob.glob(SHARED + "polnear/*/text/*.txt")):
        for paragraph in open(path, encoding="utf-8").read().split("\n"):
            out += [s for s in SENTENCE_END.split(paragraph.strip()) if len(s.split()) >= 4]
    return out


def gold_tones(gold):
    """stance's tone of each text of a gold file, by id (`stance eval`)."""
    with tempfile.TemporaryDirectory() as tmp:
        predictions = os.path.join(tmp, "p.csv")
        subprocess.run(["target/release/stance", "eval", "--task", "sentence", "--gold", gold,
                        "--predictions", predictions], check=True, stdout=subprocess.DEVNULL)
        return {r["id"]: float(r["tone"]) for r in csv.DictReader(open(predictions, encoding="utf-8"))}


def stance_tones(texts):
    """stance's tone of each text, read as one record, in order."""
    with tempfile.TemporaryDirectory() as tmp:
        gold = os.path.join(tmp, "gold.tsv")
        with open(gold, "w", encoding="utf-8") as f:
            f.writelines(f"{i}\t0\t{' '.join(t.split())}\n" for i, t in enumerate(texts))
        by_id = gold_tones(gold)
    return np.array([by_id[str(i)] for i in range(len(texts))])


def features(text, bigrams):
    words = WORD.findall(text.lower())
    return words, words + ([f"{a} {b}" for a, b in zip(words, words[1:])] if bigrams else [])


def design(docs, index):
    rows, cols, values = [], [], []
    for r, (words, feats) in enumerate(docs):
        dilution = min(1.0, (12 / max(len(words), 1)) ** 0.5)
        for f in feats:
            if f in index:
                rows.append(r), cols.append(index[f]), values.append(dilution)
    return sp.csr_matrix((values, (rows, cols)), shape=(len(docs), len(index)))


def fit(docs, vocabulary, teacher, tone, damp):
    index = {w: i for i, w in enumerate(vocabulary)}
    x = sp.hstack([design(docs, index), sp.csr_matrix(tone[:, None] * 10),
                   sp.csr_matrix(np.ones((len(docs), 1)))]).tocsr()
    return index, lsqr(x, teacher, damp=damp, atol=1e-8, btol=1e-8, iter_lim=5000)[0][:len(vocabulary)]


class Lexicon:
    """The default lexicon's single-word weights, wildcards included."""

    def __init__(self):
        rows = list(csv.DictReader(open("lexicons/tone.csv", encoding="utf-8")))
        self.exact = {r["term"]: (float(r["weight"]), r["categories"]) for r in rows if " " not in r["term"]}
        self.stems = {t[:-1]: v for t, v in self.exact.items() if t.endswith("*")}
        self.modifiers = {r["term"] for r in csv.DictReader(open("lexicons/modifiers.csv", encoding="utf-8"))}

    def entry(self, word):
        if word in self.exact:
            return self.exact[word]
        for n in sorted({len(s) for s in self.stems}, reverse=True):
            if word[:n] in self.stems:
                return self.stems[word[:n]]
        return None


def vocabulary(docs, words, lexicon, bigrams=False):
    counts = {}
    for _, feats in docs:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    listed = listed_words()

    def kept(f):
        if " " in f:
            return bigrams
        if f in lexicon.modifiers or (f in STOP and not bigrams):
            return False
        if words == "listed":
            return lexicon.entry(f) is not None
        return words == "all" or not listed(f)
    return sorted(f for f, n in counts.items() if n >= 5 and len(f) >= 2 and kept(f))


def write(path, vocabulary_, values, lexicon, k):
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["term", "weight", "categories"])
        for word, value in zip(vocabulary_, values):
            base, categories = lexicon.entry(word) or (0.0, "distilled")
            weight = round(base + k * value, 2)
            if weight == 0 and base == 0:
                continue
            out.writerow([word, f"{weight or (0.01 if base > 0 else -0.01):.2f}", categories])


def linear(a, docs, teacher, tone, lexicon, nyt_teacher):
    nyt = rated(NYT)
    gold = np.array([y for _, y, _ in nyt])
    half = np.array([(int(i.split("_")[0]) // 2) % 2 for i, _, _ in nyt])
    by_id = gold_tones(SHARED + "vader-icwsm2014/" + NYT)
    nyt_tone = np.array([by_id[i] for i, _, _ in nyt])
    for bigrams in (False, True):
        docs_ = [features(t, bigrams) for t in docs]
        vocab = vocabulary(docs_, a.words, lexicon, bigrams)
        index, values = fit(docs_, vocab, teacher, tone, a.damp)
        layer = design([features(t, bigrams) for _, _, t in nyt], index) @ values
        print(f"{'bigrams' if bigrams else 'words'}: r of the layer with the teacher {pearson(layer, nyt_teacher):.3f}")
        for m in (2, 3, 4):
            s = m * nyt_tone + layer
            print(f"{'bigrams' if bigrams else 'words'} {m} x tone + layer: r {pearson(s, gold):.4f}, "
                  f"half 0 {pearson(s[half == 0], gold[half == 0]):.4f}, "
                  f"half 1 {pearson(s[half == 1], gold[half == 1]):.4f}")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model", required=True, help="folder with model.safetensors and tokenizer.json")
    p.add_argument("--cache", required=True, help="folder for the embeddings")
    p.add_argument("--words", choices=["unlisted", "listed", "all"], default="all")
    p.add_argument("--damp", type=float, default=3.0)
    p.add_argument("--k", type=float, default=1.5)
    p.add_argument("--out")
    p.add_argument("--linear", action="store_true")
    a = p.parse_args()
    os.makedirs(a.cache, exist_ok=True)
    encoder = Encoder(a.model)
    train, x, score = fit_teacher(encoder, a.cache)
    sentences = polnear_sentences()
    texts = [t for s in train for _, _, t in s] + sentences
    teacher = np.concatenate([score(x), score(cached(a.cache, "polnear", encoder, sentences))])
    tone = stance_tones(texts)
    lexicon = Lexicon()
    if a.linear:
        nyt_teacher = score(cached(a.cache, "nyt", encoder, [t for _, _, t in rated(NYT)]))
        return linear(a, texts, teacher, tone, lexicon, nyt_teacher)
    docs = [features(t, False) for t in texts]
    vocab = vocabulary(docs, a.words, lexicon)
    _, values = fit(docs, vocab, teacher, tone, a.damp)
    write(a.out, vocab, values, lexicon, a.k)


if __name__ == "__main__":
    main()
