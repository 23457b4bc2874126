#!/usr/bin/env python3
"""Makes perturbed copies of labelled recordings (used by bench/detector-eval.sh when PERTURB=1).

Usage: detector_perturb.py SOURCE_DIR OUT_DIR
For each NAME.csv + NAME.json (the shared real recordings' sidecar format) it writes variants that keep the
phenomenon and move everything else: the force scaled by 0.6 and 1.5, 15 N added to it (a band with more
pre-tension), every second sample dropped (half the rate), readings in whole newtons (a coarse gauge), one
reading in 150 wild (an HX711 bit slip: 0 N, double, or a random jump), the clock started 1000 s later, and the recording
cut 0.15 s into each effort's rise, 40 % into it, halfway through it at the end, and to 30-80 % of it alone
(as an endurance test that records only its window). Labels move with them: an
effort a cut starts or ends inside is marked truncated_at_start or truncated_at_end, efforts cut away are
dropped, and non-efforts are dropped where times move (nothing scores them). A file whose time goes back
(a restarted clock) gets only the variants that keep its times as they are. The copies are derived from the
recordings, so they stay under bench/target like the recordings stay in shared/.
"""
import json
import os
import random
import sys


def read(path):
    rows = []
    with open(path) as f:
        for line in f:
            if line.startswith("#") or line.startswith("t_s"):
                continue
            t, x = line.strip().split(",")[:2]
            rows.append((float(t), float(x)))
    return rows


def write(out, name, rows, labels, meta):
    with open(os.path.join(out, name + ".csv"), "w") as f:
        f.write("t_s,force_n\n")
        for t, x in rows:
            f.write("%.6f,%.4f\n" % (t, x))
    doc = dict(meta, labels=labels, file=name + ".csv", perturbed_from=meta.get("name"))
    with open(os.path.join(out, name + ".json"), "w") as f:
        json.dump(doc, f)


def wild(rows, rng):
    """One reading in 150, at random, replaced as an HX711 bit slip would: 0 N, double, or a random jump."""
    out = []
    for t, x in rows:
        if rng.random() < 1 / 150:
            x = rng.choice((0.0, 2 * x, x + rng.uniform(-1, 1) * max(100.0, abs(x))))
        out.append((t, x))
    return out


def cut_start(labels, cut):
    efforts = []
    for e in labels["efforts"]:
        end = e.get("end_s")
        if end is not None and end <= cut:
            continue
        efforts.append(dict(e, truncated_at_start=True) if e["start_s"] < cut else dict(e))
    return dict(labels, efforts=efforts, non_efforts=[])


def cut_end(labels, cut):
    efforts = []
    for e in labels["efforts"]:
        if e["start_s"] >= cut - 0.5:
            continue
        end = e.get("end_s")
        efforts.append(dict(e, truncated_at_end=True) if end is None or end > cut else dict(e))
    return dict(labels, efforts=efforts, non_efforts=[])


def main(source, out):
    os.makedirs(out, exist_ok=True)
    made = 0
    for name in sorted(os.listdir(source)):
        if not name.endswith(".json"):
            continue
        stem = name[:-5]
        csv = os.path.join(source, stem + ".csv")
        if not os.path.exists(csv):
            continue
        with open(os.path.join(source, name)) as f:
            meta = json.load(f)
        rows = read(csv)
        labels = meta["labels"]
        monotonic = all(b[0] > a[0] for a, b in zip(rows, rows[1:]))
        variants = {
            "x0.6": ([(t, 0.6 * x) for t, x in rows], labels),
            "x1.5": ([(t, 1.5 * x) for t, x in rows], labels),
            "plus15N": ([(t, x + 15) for t, x in rows], labels),
            "half_rate": (rows[::2], labels),
            "whole_newtons": ([(t, float(round(x))) for t, x in rows], labels),
            "wild_samples": (wild(rows, random.Random(stem)), labels),
        }
        if monotonic:
            shifted = [dict(e, start_s=e["start_s"] + 1000, end_s=None if e.get("end_s") is None else e["end_s"] + 1000)
                       for e in labels["efforts"]]
            variants["t_plus_1000"] = ([(t + 1000, x) for t, x in rows], dict(labels, efforts=shifted, non_efforts=[]))
            for i, e in enumerate(labels["efforts"]):
                end = e.get("end_s")
                if end is None or end - e["start_s"] < 3:
                    continue
                for where, cut in (("rise", e["start_s"] + 0.15), ("hold", e["start_s"] + 0.4 * (end - e["start_s"]))):
                    variants["cut_start_%s_rep%d" % (where, i + 1)] = ([r for r in rows if r[0] >= cut], cut_start(labels, cut))
                cut = e["start_s"] + 0.5 * (end - e["start_s"])
                variants["cut_end_rep%d" % (i + 1)] = ([r for r in rows if r[0] <= cut], cut_end(labels, cut))
                # Only the inside of this effort, as a gauge's endurance test records only its window.
                a, b = e["start_s"] + 0.3 * (end - e["start_s"]), e["start_s"] + 0.8 * (end - e["start_s"])
                inside = dict(e, truncated_at_start=True, truncated_at_end=True)
                variants["inside_rep%d" % (i + 1)] = ([r for r in rows if a <= r[0] <= b],
                                                      dict(labels, efforts=[inside], non_efforts=[]))
        for variant, (vrows, vlabels) in variants.items():
            write(out, "%s__%s" % (stem, variant), vrows, vlabels, meta)
            made += 1
    print("detector-perturb: %d perturbed recordings in %s" % (made, out), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
