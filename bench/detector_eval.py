#!/usr/bin/env python3
"""Scores `isoband analyze` output against labelled traces (used by bench/detector-eval.sh).

Usage: detector_eval.py RESULTS_DIR
RESULTS_DIR holds, per trace, NAME.csv's labels as NAME.json, the analyze JSON lines as NAME.reps.jsonl,
its stderr as NAME.err and a file NAME.family naming the family. Two label formats are read:
- the project's (simulator --labels, core/src/test/resources/traces): {"reps": [{start_s, end_s,
  steady_s, verdict[, truncated]}]}
- the shared real recordings' sidecars: {"labels": {"efforts": [{start_s, end_s, steady_s_estimate,
  verdict_at_6s, truncated_at_end}], "non_efforts": [...]}}; steady_s_estimate is a range, a verdict is
  right when it is one of the verdicts its free text names, a truncated effort is right when marked
  truncated. Efforts shorter than 1 s are twitches: the project's rule is that they are no rep.
A rep that began before the recording has no start error (its label's start precedes the first sample).
Matching: each labelled effort takes the unmatched detected rep overlapping it most; detected reps left
over are extra.
"""
import json
import math
import os
import re
import statistics
import sys

VERDICTS = ("HELD", "SHORT", "MOVED", "UNSTEADY", "INTERRUPTED")


def load_labels(path):
    with open(path) as f:
        doc = json.load(f)
    efforts = []
    if "reps" in doc:
        for r in doc["reps"]:
            efforts.append({
                "start": r["start_s"], "end": r["end_s"],
                "steady": (r["steady_s"], r["steady_s"]) if r.get("steady_s") is not None else None,
                "verdicts": {r["verdict"]} if r.get("verdict") else None,
                "truncated": bool(r.get("truncated", False)),
            })
        return efforts, True
    for e in doc["labels"]["efforts"]:
        end = e.get("end_s")
        if end is not None and end - e["start_s"] < 1.0:
            continue    # a twitch: the project counts it as no rep (an extra if found)
        text = e.get("verdict_at_6s") or ""
        words = set(re.findall(r"[A-Z]+", text)) & set(VERDICTS)
        est = e.get("steady_s_estimate")
        efforts.append({
            "start": e["start_s"], "end": end if end is not None else math.inf,
            "steady": tuple(est) if est else None,
            "verdicts": words or None,
            "truncated": bool(e.get("truncated_at_end") or e.get("truncated_at_start")),
        })
    return efforts, False


def first_time(csv_path):
    """The earliest time in a trace (a clock restart puts it after the first line)."""
    earliest = math.inf
    with open(csv_path) as f:
        for line in f:
            cells = line.split(",")
            try:
                earliest = min(earliest, float(cells[0]))
            except ValueError:
                continue    # a comment or the header
    return earliest


def load_reps(path):
    reps = []
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                line = line.strip()
                if line.startswith("{"):
                    reps.append(json.loads(line))
    return reps


def overlap(a0, a1, b0, b1):
    return max(0.0, min(a1, b1) - max(a0, b0))


def score_trace(efforts, reps):
    used = set()
    rows = []
    for e in efforts:
        best, best_ov = None, 0.0
        for i, r in enumerate(reps):
            if i in used:
                continue
            ov = overlap(e["start"], e["end"], r["start_s"], r["end_s"])
            if ov > best_ov:
                best, best_ov = i, ov
        if best is not None:
            used.add(best)
        rows.append((e, reps[best] if best is not None else None))
    extra = len(reps) - len(used)
    return rows, extra


def steady_error(e, r):
    lo, hi = e["steady"]
    s = r["steady_s"]
    return 0.0 if lo <= s <= hi else min(abs(s - lo), abs(s - hi))


def verdict_ok(e, r, synthetic):
    truncated = bool(r.get("truncated", False))
    if e["truncated"]:
        return truncated
    if e["verdicts"] is None:
        return None
    if truncated:
        return False
    return r["verdict"] in e["verdicts"]


def lost_samples(err_path):
    """Samples analyze dropped as out of order (a clock restart must lose none)."""
    if not os.path.exists(err_path):
        return 0
    with open(err_path) as f:
        text = f.read()
    m = re.search(r"(\d+) out of order", text)
    return int(m.group(1)) if m else 0


def pct(values, q):
    if not values:
        return math.nan
    v = sorted(values)
    k = (len(v) - 1) * q
    lo = math.floor(k)
    hi = math.ceil(k)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def main(results):
    families = {}
    for name in sorted(os.listdir(results)):
        if not name.endswith(".json"):
            continue
        stem = name[:-5]
        with open(os.path.join(results, stem + ".family")) as f:
            family = f.read().strip()
        efforts, synthetic = load_labels(os.path.join(results, name))
        reps = load_reps(os.path.join(results, stem + ".reps.jsonl"))
        rows, extra = score_trace(efforts, reps)
        begins = first_time(os.path.join(results, stem + ".csv"))
        fam = families.setdefault(family, {"traces": 0, "efforts": 0, "found": 0, "extra": 0, "start": [],
                                           "steady": [], "verdict_ok": 0, "verdict_n": 0, "lost": 0,
                                           "synthetic": synthetic, "within1": 0, "unseen": 0})
        fam["traces"] += 1
        fam["efforts"] += len(efforts)
        fam["extra"] += extra
        fam["lost"] += lost_samples(os.path.join(results, stem + ".err"))
        for e, r in rows:
            if r is None:
                continue
            fam["found"] += 1
            if e["truncated"] and e["start"] < begins:
                fam["unseen"] += 1      # it began before the recording: no start to compare
            else:
                err = abs(r["start_s"] - e["start"])
                fam["start"].append(err)
                fam["within1"] += err <= 1.0
            if e["steady"] is not None and not e["truncated"]:
                fam["steady"].append(steady_error(e, r))
            ok = verdict_ok(e, r, synthetic)
            if ok is not None:
                fam["verdict_n"] += 1
                fam["verdict_ok"] += ok
    head = ("| family | traces | efforts | found | extra | F1 | start err median / max (s) | starts <= 1 s "
            "| steady err median / p95 (s) | verdicts right | samples lost |")
    print(head)
    print("| --- " * 11 + "|")
    total = {"traces": 0, "efforts": 0, "found": 0, "extra": 0}
    for family, f in families.items():
        for k in total:
            total[k] += f[k]
        missed = f["efforts"] - f["found"]
        f1 = 2 * f["found"] / (2 * f["found"] + missed + f["extra"]) if f["efforts"] + f["extra"] else 1.0
        start = "%.2f / %.2f" % (statistics.median(f["start"]), max(f["start"])) if f["start"] else "-"
        steady = "%.2f / %.2f" % (pct(f["steady"], 0.5), pct(f["steady"], 0.95)) if f["steady"] else "-"
        verdicts = "%d/%d (%.1f %%)" % (f["verdict_ok"], f["verdict_n"], 100 * f["verdict_ok"] / f["verdict_n"]) \
            if f["verdict_n"] else "-"
        print("| %s | %d | %d | %d | %d | %.3f | %s | %d/%d | %s | %s | %d |" % (
            family, f["traces"], f["efforts"], f["found"], f["extra"], f1, start, f["within1"], f["found"] - f["unseen"],
            steady, verdicts, f["lost"]))
    print()
    print("all: %d traces, %d efforts, %d found, %d extra (%.1f per 10 traces)" % (
        total["traces"], total["efforts"], total["found"], total["extra"],
        10 * total["extra"] / max(1, total["traces"])))


if __name__ == "__main__":
    main(sys.argv[1])
