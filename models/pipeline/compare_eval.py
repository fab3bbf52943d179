"""How closely one evaluation reproduces another: mean returns of the rows both have (same policy, size, load and
episode count), relative to the first. Used to check that `npm run train` reproduces the committed eval.json.

  /usr/bin/python3 -m pipeline.compare_eval OLD.json NEW.json [--tolerance 0.02]   (exit 1 beyond the tolerance)

With --save REPORT it also keeps the rerun for the model card ("Another numeric kernel"): NEW.json's evaluation, and
from the run it belongs to (NEW.json's ../repository and ../reports) the kernels it was trained on and the seeds
selection chose.
"""

import argparse
import hashlib
import json
import sys
from pathlib import Path

from .repository import CONFIG, MANIFEST
from .selection import REPORT as SELECTION_REPORT

KERNEL_RERUN = "kernel_rerun.json"  # under models/reports/


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


def fingerprint(doc: dict) -> str:
    """sha256 of what an evaluation found: its content without the decision times, which every run measures anew (a
    retrain that reproduces every return keeps its fingerprint), and not its file's formatting."""
    found = {**doc, "results": [{k: v for k, v in r.items() if k != "decision_ms"} for r in doc["results"]]}
    return hashlib.sha256(json.dumps(found, sort_keys=True).encode()).hexdigest()


def rerun_report(old: dict, new_eval: Path) -> dict:
    """The rerun whose evaluation is new_eval, as --save keeps it, with the fingerprint of the evaluation old it
    reruns."""
    root = new_eval.resolve().parents[1]
    kernels = set()
    for config in sorted((root / "repository").glob(f"*/{CONFIG}")):
        default = json.loads(config.read_text())["default_version"]
        path = config.parent / str(default) / MANIFEST
        training = json.loads(path.read_text())["training"]
        if "kernels" not in training:
            raise SystemExit(f"{path} does not say which kernels it was trained on: retrain with this pipeline")
        kernels.add(json.dumps(training["kernels"], sort_keys=True))
    if len(kernels) != 1:
        raise SystemExit(f"{root}: the models were trained on {len(kernels)} sets of kernels, not one")
    selection = json.loads((root / "reports" / SELECTION_REPORT).read_text())
    return {"kernels": json.loads(kernels.pop()), "reference": fingerprint(old),
            "selected_seeds": {name: sel["chosen"] for name, sel in selection["models"].items()},
            "eval": json.loads(new_eval.read_text())}


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--tolerance", type=float, default=0.02)
    ap.add_argument("--save", help=f"write the rerun here for the model card (models/reports/{KERNEL_RERUN})")
    args = ap.parse_args(argv)
    old = json.loads(Path(args.old).read_text())
    rows = compare(old, json.loads(Path(args.new).read_text()))
    beyond = [t for t in rows if t[3] > args.tolerance]
    print(f"{len(rows)} rows compared, {len(beyond)} beyond {100 * args.tolerance:g}%; largest:")
    for (policy, n, load, eps), a, b, rel in rows[:8]:
        print(f"  {policy:14s} N={n:4d} load={load} ({eps} episodes): {a:10.3f} -> {b:10.3f}  {100 * rel:.3f}%")
    if args.save:
        Path(args.save).write_text(json.dumps(rerun_report(old, Path(args.new)), indent=1) + "\n")
    return 1 if beyond else 0


if __name__ == "__main__":
    sys.exit(main())
