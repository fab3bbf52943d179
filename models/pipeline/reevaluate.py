"""Re-run the held-out evaluation on the committed checkpoints without retraining: models/reports/eval.json, the
evaluation block of each model's default version manifest (older versions keep the one they were published with)
and docs/model-card.md. For a changed EvalConfig or a faster simulator on the same weights; `npm run train` does the
same after training.

Run from models/:  /usr/bin/python3 -m pipeline.reevaluate  [--workers 2] [--root DIR]

--root DIR re-evaluates another run's checkpoints (`train_all --out DIR`) and writes only DIR/reports/eval.json, for
example a rerun on other kernels after the evaluation changed (then `pipeline.compare_eval ... --save`).
"""

import argparse
import json
import os
import time
from pathlib import Path

from policies.progress import fmt_time

from . import config as C, planner_reference
from .evaluate import evaluate
from .fixtures import write_json
from .manifest import evaluation
from .model_card import render
from .reexport import load
from .repository import MANIFEST, version_dir, write_json as write_manifest
from .train_all import TRAINERS
from .workers import init_worker

NAMES = tuple(TRAINERS)  # every model the pipeline trains


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--root", type=Path, help="another run's output directory (default: the committed models)")
    args = ap.parse_args(argv)
    init_worker()
    cfg = C.PipelineConfig()
    report = C.REPORT_DIR if args.root is None else args.root / "reports"
    models = {name: load(name, getattr(cfg, name), args.root and args.root / "checkpoints")[0] for name in NAMES}
    t0 = time.time()
    eval_doc = evaluate(models, cfg.eval, workers=args.workers, reference=planner_reference.load())
    write_json(report / "eval.json", eval_doc, indent=1)
    if args.root is not None:
        print(f"[reevaluate] {report / 'eval.json'} written in {fmt_time(time.time() - t0)}", flush=True)
        return
    for name in NAMES:
        path = version_dir(C.REPOSITORY_DIR, name, C.VERSION) / MANIFEST
        manifest = json.loads(path.read_text())
        manifest["evaluation"] = evaluation(name, eval_doc)
        write_manifest(path, manifest)
    render(eval_doc)
    print(f"[reevaluate] reports/eval.json, version {C.VERSION} manifests and docs/model-card.md written in "
          f"{fmt_time(time.time() - t0)}", flush=True)


if __name__ == "__main__":
    main()
