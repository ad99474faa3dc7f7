"""Checks stance's reading of the seed article against its expected reading.

Usage: check_seed.py REPORT_DIR SEED_QUOTES_CSV
Prints one line per check; exits 1 if a gating check fails.
"""
import csv
import sys

out, gold_path = sys.argv[1], sys.argv[2]


def rows(name):
    with open(f"{out}/{name}", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def norm(s):
    return " ".join(s.replace("\u00a0", " ").split()).strip(' ,."')


articles, sentences, quotes = rows("articles.csv"), rows("sentences.csv"), rows("quotes.csv")
stance = rows("stance.csv")
dyads, actors = rows("dyads.csv"), rows("actors.csv")
with open(gold_path, newline="", encoding="utf-8") as f:
    gold = list(csv.DictReader(f))

failures = []


def check(name, ok, detail="", gate=True):
    mark = "ok  " if ok else ("FAIL" if gate else "miss")
    print(f"{mark} {name} {detail}".rstrip())
    if gate and not ok:
        failures.append(name)


a = articles[0]
check("metadata", (a["date"], a["outlet"], a["dateline"]) == ("2019-08-28", "Reuters", "WASHINGTON"),
      f"{a['date']} {a['outlet']} {a['dateline']}")
check("title", a["title"].startswith("US hopes South Korea and Japan"), a["title"])
body = [s for s in sentences if s["paragraph"] != "0"]
check("20 or 21 body sentences", len(body) in (20, 21), str(len(body)))


def found(g):
    for q in quotes:
        if norm(q["text"]) == norm(g["text"]) or (
            norm(g["text"]) and norm(g["text"]) in norm(q["text"]) and g["kind"] != "indirect"
        ):
            return q
    return None


groups = {}
direct = [g for g in gold if g["kind"] != "indirect"]
hits = 0
for g in direct:
    q = found(g)
    ok = q is not None and q["kind"] == g["kind"]
    hits += ok
    if q is not None and g["speaker"]:
        groups.setdefault(g["speaker"], set()).add(q["speaker_id"])
check(">= 12 of 13 quoted spans with their kind", hits >= 12, f"{hits}/13")
grouping = all(len(ids) == 1 and "" not in ids for ids in groups.values()) and len(
    set().union(*groups.values()) if groups else set()) == len(groups) >= 2
check("speaker grouping official-1 / official-2", grouping, str(groups))
usa = all(q["speaker_actor"] == "USA" for g in direct if g["speaker"] for q in [found(g)] if q)
check("speaker_actor USA", usa and hits > 0)
indirect = [g for g in gold if g["kind"] == "indirect"]
ihits = sum(1 for g in indirect if found(g) is not None)
check("indirect spans found", ihits == len(indirect), f"{ihits}/{len(indirect)}")

stray = [q for q in quotes if q["paragraph"] == "11"]
check("stray mark of paragraph 11 never pairs with 12",
      all(not q["text"].startswith("The problem") or "We didn't" not in q["text"] for q in stray)
      and not any(q["paragraph"] == "11" and "We didn't find" in q["text"] for q in quotes))

ids = {r["actor_id"] for r in actors}
check("actors USA KOR JPN PRK CHN", {"USA", "KOR", "JPN", "PRK", "CHN"} <= ids, " ".join(sorted(ids)))
nk = [s for s in sentences if "North Korea" in s["text"]]
check("North Korea never KOR", all("PRK" in s["actors"] for s in nk) and all(
    not ("KOR" in s["actors"].split(";") and "South Korea" not in s["text"] and "Seoul" not in s["text"]
         and "Korea's" not in s["text"]) for s in nk))


def tone_of(fragment):
    for s in sentences:
        if fragment in s["text"]:
            return float(s["tone"])
    return None


t1 = tone_of("We didn't find that exercise particularly helpful")
t2 = tone_of("I'm hopeful both sides have made their point.")
check("'didn't find ... particularly helpful' negative", t1 is not None and t1 < 0, str(t1))
check("'I'm hopeful ...' positive", t2 is not None and t2 > 0, str(t2))
d = {(r["source_actor"], r["target_actor"]): float(r["mean_tone"]) for r in dyads}
check("dyad USA -> KOR negative", d.get(("USA", "KOR"), 0) < 0, str(d.get(("USA", "KOR"))))
check("USA -> JPN milder than USA -> KOR", d.get(("USA", "KOR"), 0) < d.get(("USA", "JPN"), 1) < 0,
      f"{d.get(('USA', 'JPN'))}", gate=False)
folks = [q["quote_no"] for q in quotes if "folks in both countries" in q["text"]]
toward = {r["target_actor"]: r["polarity"] for r in stance
          if r["unit_kind"] == "quote" and r["unit_no"] in folks}
check("'folks in both countries ... eager' positive toward KOR and JPN",
      toward.get("KOR") == toward.get("JPN") == "positive", str(toward))
check("article tone negative", float(a["tone"]) < 0, a["tone"])

if failures:
    print(f"seed: {len(failures)} gating checks failed: {', '.join(failures)}")
    sys.exit(1)
print("seed: all gating checks passed")
