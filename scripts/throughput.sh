#!/usr/bin/env bash
# End-to-end throughput of `stance score`: builds a corpus of about SIZE_MB
# megabytes by repeating the bundled example articles, then scores it with
# 1 thread and with 2 threads, printing the summary line of each run.
# Usage: scripts/throughput.sh [SIZE_MB]   (default 50)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-50}
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/corpus" "$size_mb" <<'PY'
import os, sys, pathlib
out, size = pathlib.Path(sys.argv[1]), int(sys.argv[2]) * 1_000_000
texts = [p.read_bytes() for p in sorted(pathlib.Path("examples/articles").glob("*.txt"))]
written, i = 0, 0
while written < size:
    d = out / f"d{i // 1000:04d}"
    d.mkdir(parents=True, exist_ok=True)
    t = texts[i % len(texts)]
    (d / f"a{i:07d}.txt").write_bytes(t)
    written += len(t)
    i += 1
print(f"corpus: {i} articles, {written / 1e6:.1f} MB")
PY
for threads in 1 2; do
  echo "threads=$threads:"
  ./target/release/stance score "$work/corpus" -o "$work/out$threads" --threads "$threads" 2>&1 | tail -n 1
done
cmp -s "$work/out1/stance.csv" "$work/out2/stance.csv" && echo "reports identical for 1 and 2 threads"
