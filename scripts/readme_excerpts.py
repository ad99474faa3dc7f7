#!/usr/bin/env python3
"""Rewrites the README's worked examples from the real output.

Maintainer tool: after a change to the lexicons or the rules,
tests/readme.rs fails until the README shows what the binary prints. This
script regenerates the four excerpts that test checks (the `stance
explain` example, the `stance diff` summary, the quick start's dyads.csv
and stance.csv lines, and speaker_targets.csv) in place. Standard library
only; run from the repository root after `cargo build --release`:

  python3 scripts/readme_excerpts.py [--stance target/release/stance]

Lines of the quick start excerpt are picked by the same patterns as the
commands shown there; the explain and diff examples are replaced whole.
"""
import argparse
import csv
import io
import os
import re
import subprocess
import tempfile

EXPLAIN_TEXT = "\"We didn't find that exercise particularly helpful,\" the official said."
EXPLAIN_PROMPT = "$ stance explain \"\\\"We didn't find that exercise particularly helpful,\\\" the official said.\"\n"
DIFF_PROMPT = "$ stance diff --base default --lexicon my-tone.csv examples -o diff --fail-on-flip\n"
DYADS_PROMPT = "$ grep -E '^(source|EU,CHN|IND,PAK)' reports/dyads.csv\n"
STANCE_PROMPT = "$ grep -E ',(EU,CHN|IND,PAK),' reports/stance.csv | cut -d, -f2-8\n"
SPEAKERS_PROMPT = "$ cat reports/speaker_targets.csv\n"
SUMMARY_PROMPT = "$ cat diff/summary.csv\n"
CHANGES_PROMPT = "`diff/changes.csv` (the `text` column shortened here):\n\n```\n"
TARGETS_PROMPT = "`diff/targets.csv`:\n\n```\n"


def run(stance, args, ok=(0,)):
    result = subprocess.run([stance] + args, capture_output=True, text=True)
    if result.returncode not in ok:
        raise SystemExit(f"stance {' '.join(args)}: exit {result.returncode}\n{result.stderr}")
    return result.stdout


def replace_after(readme, prompt, end, new):
    """Replaces the text between `prompt` and the next `end` with `new`."""
    start = readme.index(prompt) + len(prompt)
    stop = readme.index(end, start)
    return readme[:start] + new + readme[stop:]


def shortened(path):
    """changes.csv with texts of more than 12 words cut to 5 ... 7."""
    rows = list(csv.reader(open(path, encoding="utf-8")))
    for row in rows[1:]:
        words = row[3].split()
        if len(words) > 12:
            row[3] = " ".join(words[:5]) + " ... " + " ".join(words[-7:])
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def diff_example(stance, tmp):
    """The printed summary of the diff example and its three reports."""
    tone = open("lexicons/tone.csv", encoding="utf-8").read()
    assert "\nconstructive,1.5,\n" in tone, "the diff example reweights constructive,1.5"
    tone = tone.replace("\nconstructive,1.5,\n", "\nconstructive,-1.5,\n") + "turning point,2,progress\n"
    lexicon = os.path.join(tmp, "my-tone.csv")
    open(lexicon, "w", encoding="utf-8").write(tone)
    out = os.path.join(tmp, "diff")
    args = ["diff", "--base", "default", "--lexicon", lexicon, "examples", "--fail-on-flip", "--quiet"]
    printed = run(stance, args + ["-o", out], ok=(1,))
    read = lambda name: open(os.path.join(out, name), encoding="utf-8").read()
    return printed, read("summary.csv"), shortened(os.path.join(out, "changes.csv")), read("targets.csv")


def quick_start(stance, tmp):
    out = os.path.join(tmp, "reports")
    run(stance, ["score", "examples", "--quiet", "-o", out])
    read = lambda name: open(os.path.join(out, name), encoding="utf-8").read().splitlines()
    dyads = [l for l in read("dyads.csv") if re.match(r"^(source|EU,CHN|IND,PAK)", l)]
    stance_rows = [
        ",".join(l.split(",")[1:8]) for l in read("stance.csv") if re.search(r",(EU,CHN|IND,PAK),", l)
    ]
    speakers = "\n".join(read("speaker_targets.csv")) + "\n"
    return "\n".join(dyads) + "\n" + STANCE_PROMPT + "\n".join(stance_rows) + "\n", speakers


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stance", default="target/release/stance")
    args = parser.parse_args()
    readme = open("README.md", encoding="utf-8").read()
    with tempfile.TemporaryDirectory() as tmp:
        readme = replace_after(readme, EXPLAIN_PROMPT, "```", run(args.stance, ["explain", EXPLAIN_TEXT]))
        printed, summary, changes, targets = diff_example(args.stance, tmp)
        readme = replace_after(readme, DIFF_PROMPT, "$ echo $?", printed)
        readme = replace_after(readme, SUMMARY_PROMPT, "```", summary)
        readme = replace_after(readme, CHANGES_PROMPT, "```", changes)
        readme = replace_after(readme, TARGETS_PROMPT, "```", targets)
        excerpt, speakers = quick_start(args.stance, tmp)
        readme = replace_after(readme, DYADS_PROMPT, "```", excerpt)
        readme = replace_after(readme, SPEAKERS_PROMPT, "```", speakers)
    open("README.md", "w", encoding="utf-8").write(readme)


if __name__ == "__main__":
    main()
