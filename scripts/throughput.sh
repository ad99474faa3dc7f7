#!/usr/bin/env bash
# End-to-end throughput of `stance score` on corpora built from the bundled
# example articles (text written by this project):
#   - files: one .txt file per article (about 800 bytes each), so the
#     figure includes opening tens of thousands of small files;
#   - jsonl: one JSON Lines file whose records join five articles (about
#     4 KB, the size of a typical news story).
# Each is scored with --threads 1 and --threads 2; the summary line of each
# run is printed, and the reports of the two runs are compared. The JSON
# Lines corpus is then scored as two shards side by side and merged, and
# one shard of 64 is timed alone.
# Usage: scripts/throughput.sh [SIZE_MB]   (default 50)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-50}
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" "$size_mb" <<'PY'
import json, pathlib, sys
work, size = pathlib.Path(sys.argv[1]), int(sys.argv[2]) * 1_000_000
texts = [p.read_text() for p in sorted(pathlib.Path("examples/articles").glob("*.txt"))]
written, i = 0, 0
while written < size:
    d = work / "files" / f"d{i // 1000:04d}"
    d.mkdir(parents=True, exist_ok=True)
    (d / f"a{i:07d}.txt").write_text(texts[i % len(texts)])
    written += len(texts[i % len(texts)].encode())
    i += 1
print(f"files: {i} articles, {written / 1e6:.1f} MB")
written, i = 0, 0
with open(work / "corpus.jsonl", "w") as f:
    while written < size:
        text = "\n\n".join(texts[(i + k) % len(texts)] for k in range(5))
        f.write(json.dumps({"id": str(i), "text": text}) + "\n")
        written += len(text.encode())
        i += 1
print(f"jsonl: {i} records, {written / 1e6:.1f} MB")
PY
for corpus in files corpus.jsonl; do
  for threads in 1 2; do
    echo "$corpus, threads=$threads:"
    ./target/release/stance score "$work/$corpus" -o "$work/out$threads" --threads "$threads" 2>&1 | tail -n 1
  done
  for f in articles sentences quotes stance categories actors dyads dyad_categories speakers speaker_targets errors; do
    cmp -s "$work/out1/$f.csv" "$work/out2/$f.csv" || { echo "$f.csv differs between 1 and 2 threads"; exit 1; }
  done
  echo "reports identical for 1 and 2 threads"
done

# Sharded: two processes with --shard 1/2 and 2/2 side by side, one thread
# each, then stance merge; the merged aggregates must equal the 2-thread
# run's. Then one shard of 64 alone: what a shard costs beyond its share.
seconds() { date +%s.%N; }
t0=$(seconds)
./target/release/stance score "$work/corpus.jsonl" --shard 1/2 --threads 1 --quiet -o "$work/shard1" &
./target/release/stance score "$work/corpus.jsonl" --shard 2/2 --threads 1 --quiet -o "$work/shard2" &
wait %1 && wait %2
t1=$(seconds)
./target/release/stance merge "$work/shard1" "$work/shard2" -o "$work/merged"
t2=$(seconds)
for f in actors dyads dyad_categories speakers speaker_targets; do
  cmp -s "$work/out2/$f.csv" "$work/merged/$f.csv" || { echo "merged $f.csv differs from the 2-thread run"; exit 1; }
done
./target/release/stance score "$work/corpus.jsonl" --shard 1/64 --threads 1 --quiet -o "$work/shard64"
t3=$(seconds)
python3 -c "import sys; a=[float(x) for x in sys.argv[1:]]; print(f'corpus.jsonl, 2 shards side by side: {a[1]-a[0]:.2f} s; stance merge: {a[2]-a[1]:.2f} s (aggregates identical to the 2-thread run); shard 1 of 64 alone: {a[3]-a[2]:.2f} s')" "$t0" "$t1" "$t2" "$t3"
