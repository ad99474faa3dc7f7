#!/usr/bin/env bash
# Time and peak memory of `stance score` on two unusual single articles, for
# the figures in README ("Determinism and memory"):
#   - one article of 400,000 short sentences (about 8.8 MB);
#   - one sentence of 48,000 actor mentions with no stop (about 1.2 MB).
# Both should take time linear in their length. Needs GNU time
# (/usr/bin/time) and python3.
# Usage: scripts/long_inputs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import pathlib, random, sys
work = pathlib.Path(sys.argv[1])
random.seed(1)
units = ['Japan and Korea met.', 'Both sides smiled.', 'The country grew.', 'The bloc met.',
         'The EU spoke.', 'China said no.', '"We will win," he said.']
(work / "sentences.txt").write_text(' '.join(random.choice(units) for _ in range(400000)))
(work / "sentence.txt").write_text(
    ' '.join(['Japan criticized China and Korea praised the plan while officials warned'] * 16000))
PY
for f in sentences sentence; do
  printf '%s (%s bytes): ' "$f.txt" "$(wc -c < "$work/$f.txt")"
  /usr/bin/time -f "%e s, peak %M KB" ./target/release/stance score "$work/$f.txt" -o "$work/out" --quiet
done
