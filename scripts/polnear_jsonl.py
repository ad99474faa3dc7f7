#!/usr/bin/env python3
"""Writes the PolNeAR articles of a folder as JSON Lines with their dates,
which the plain-text files lack: the date is the YYYY-MM-DD in each file
name ("wash-post_2016-05-29_..." -> 2016-05-29). Dated, the articles can be
scored with date-dependent readings (offices, persons in office):

  scripts/polnear_jsonl.py ../shared/data/polnear/train/text > /tmp/polnear.jsonl
  target/release/stance score /tmp/polnear.jsonl -o /tmp/out

Standard library only.
"""
import glob
import json
import os
import re
import sys


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.txt"))):
        name = os.path.basename(path)[:-len(".txt")]
        date = re.search(r"\d{4}-\d{2}-\d{2}", name)
        text = open(path, encoding="utf-8").read()
        print(json.dumps({"id": name, "date": date and date.group(0), "text": text}))


if __name__ == "__main__":
    main()
