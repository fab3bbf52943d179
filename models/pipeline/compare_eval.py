"""How closely one evaluation reproduces another: mean returns of the rows both have (same policy, size, load and
episode count), relative to the first. Used to check that `npm run train` reproduces the committed eval.json.

  /usr/bin/python3 -m pipeline.compare_eval OLD.json NEW.json [--tolerance 0.02]   (exit 1 beyond the tolerance)
"""

import argparse
import json
import sys


def compare(old: dict, new: dict) -> list:
    """(key, old mean, new mean, relative difference) of every row in both, largest difference first."""
    key = lambda r: (r["policy"], r["num_nodes"], r["load"], r["episodes"])  # noqa: E731
    before = {key(r): r["mean_return"] for r in old["results"]}
    out = []
    for r in new["results"]:
        k = key(r)
        if k in before:
            a, b = before[k], r["mean_return"]
            out.append((k, a, b, abs(b - a) / abs(a) if a else float(b != a)))
    return sorted(out, key=lambda t: -t[3])


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--tolerance", type=float, default=0.02)
    args = ap.parse_args(argv)
    rows = compare(*(json.load(open(p)) for p in (args.old, args.new)))
    beyond = [t for t in rows if t[3] > args.tolerance]
    print(f"{len(rows)} rows compared, {len(beyond)} beyond {100 * args.tolerance:g}%; largest:")
    for (policy, n, load, eps), a, b, rel in rows[:8]:
        print(f"  {policy:14s} N={n:4d} load={load} ({eps} episodes): {a:10.3f} -> {b:10.3f}  {100 * rel:.3f}%")
    return 1 if beyond else 0


if __name__ == "__main__":
    sys.exit(main())
