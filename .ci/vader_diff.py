"""Differential test of `stance tone --rules vader` against vaderSentiment.

Scores every text of the VADER ICWSM-2014 gold sets with the Python package
and with the stance binary (same lexicon and emoji files for both), then
prints per file and overall the share of texts whose compound scores agree
within 1e-4. Exit status 1 when the overall share is under --min.

Usage: python vader_diff.py STANCE_BIN DATA_DIR LEXICON EMOJI [--min 0.999]
"""

import argparse
import csv
import os
import subprocess
import sys
import tempfile

from vaderSentiment import vaderSentiment as vs

FILES = [
    "tweets_GroundTruth.txt",
    "movieReviewSnippets_GroundTruth.txt",
    "amazonReviewSnippets_GroundTruth.txt",
    "nyt_editorials_dev.tsv",
]
TOLERANCE = 1e-4 + 1e-12


def read_texts(path):
    """(id, text) of each non-blank line, split as `stance tone --tsv` does."""
    with open(path, encoding="utf-8", newline="") as f:
        content = f.read()
    texts = []
    for line in content.split("\n"):
        line = line[:-1] if line.endswith("\r") else line
        if not line.strip():
            continue
        fields = line.split("\t")
        texts.append((fields[0], fields[-1]))
    return texts


def analyzer(lexicon, emoji):
    """An analyzer on the given files, passed only where the packaged copy
    differs in content (the packaged files have CRLF line ends)."""
    packaged = vs.SentimentIntensityAnalyzer()
    shared = vs.SentimentIntensityAnalyzer(lexicon_file=lexicon, emoji_lexicon=emoji)
    same_lexicon = packaged.lexicon == shared.lexicon
    same_emoji = packaged.emojis == shared.emojis
    for what, same, path in [("lexicon", same_lexicon, lexicon), ("emoji file", same_emoji, emoji)]:
        verdict = "has the same entries as" if same else "differs from (so both use)"
        print(f"vaderSentiment's packaged {what} {verdict} {path}")
    return vs.SentimentIntensityAnalyzer(
        lexicon_file="vader_lexicon.txt" if same_lexicon else lexicon,
        emoji_lexicon="emoji_utf8_lexicon.txt" if same_emoji else emoji,
    )


def stance_scores(binary, path, lexicon, emoji):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "tone.csv")
        subprocess.run(
            [binary, "tone", "--tsv", "--rules", "vader", "--lexicon", f"vader:{lexicon}",
             "--emoji", emoji, "-o", out, path],
            check=True,
        )
        with open(out, encoding="utf-8", newline="") as f:
            return [(row["id"], float(row["tone"])) for row in csv.DictReader(f)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("data")
    parser.add_argument("lexicon")
    parser.add_argument("emoji")
    parser.add_argument("--min", type=float, default=0.999)
    args = parser.parse_args()
    lexicon, emoji = os.path.abspath(args.lexicon), os.path.abspath(args.emoji)
    sia = analyzer(lexicon, emoji)
    total = agree = 0
    for name in FILES:
        path = os.path.join(args.data, name)
        texts = read_texts(path)
        ours = stance_scores(args.binary, path, lexicon, emoji)
        if [i for i, _ in texts] != [i for i, _ in ours]:
            sys.exit(f"{name}: stance wrote other ids than the file holds")
        wrong, identical = [], 0
        for (tid, text), (_, mine) in zip(texts, ours):
            theirs = sia.polarity_scores(text)["compound"]
            identical += theirs == mine
            if abs(theirs - mine) > TOLERANCE:
                wrong.append((tid, theirs, mine, text))
        n = len(texts)
        total += n
        agree += n - len(wrong)
        print(f"{name}: {n - len(wrong)}/{n} agree within 1e-4 ({(n - len(wrong)) / n:.2%}), "
              f"{identical} identical to 4 decimals")
        for tid, theirs, mine, text in wrong[:5]:
            print(f"  {tid}: vaderSentiment {theirs} stance {mine}: {text[:100]!r}")
    share = agree / total
    print(f"overall: {agree}/{total} agree within 1e-4 ({share:.3%}); gate {args.min:.1%}")
    sys.exit(0 if share >= args.min else 1)


if __name__ == "__main__":
    main()
