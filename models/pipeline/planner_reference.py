"""The planner on every held-out episode -> models/reports/planner_reference.json.

The planner costs tens of milliseconds per decision at 1000 nodes, so `npm run train` cannot afford it on all
EvalConfig.episodes of every cell inside its 30 minutes: it runs it on the first EvalConfig.planner_episodes only.
This command runs the planner, and greedy, on all of them, once. Its result depends on the environment, the planner
and the evaluation's streams, never on trained weights, so it does not need rerunning after a training run.

The units of work are the evaluation's: the planner's first episodes in the same chunks as evaluate() steps them
(its futures are drawn for the whole chunk at once), then the rest in chunks of the same size. evaluate() takes the
planner's per-episode results from this report only where it is the run it would have made: the same configuration,
greedy's return equal on every episode and the planner's on the episodes it reran, bit for bit; otherwise it uses
its own planner episodes, logs why, and the model card says the reference was not used.

Run from models/:  /usr/bin/python3 -m pipeline.planner_reference  [--workers 2] [--out FILE]
(about an hour on 2 cores).
"""

import argparse
import json
import os
import time
from functools import partial
from pathlib import Path

import torch

from edgesim import spec
from policies.kernels import in_effect
from policies.progress import fmt_time

from . import config as C
from .evaluate import (METRICS, PLANNER_COST, REFERENCE_COMMAND, baseline_actor, held_out, reference_identity,
                       reference_units, run_chunk, run_units)
from .fixtures import write_json
from .workers import init_worker

FILE = C.REPORT_DIR / "planner_reference.json"
POLICIES = ("greedy", "planner")


def run_unit(n: int, lo: int, hi: int, cfg: C.EvalConfig) -> dict:
    """load -> policy -> metric -> per-episode values of episodes lo..hi-1, plus the planner's decision time."""
    out = {}
    for load, sim in held_out(n, lo, hi, cfg):
        out[load] = {}
        for name in POLICIES:
            r = run_chunk(sim, baseline_actor(name), cfg.seed)
            out[load][name] = {**{k: r[k].tolist() for k in METRICS}, "decision_s": r["decision_s"],
                               "decisions": r["decisions"]}
    return out


def build(cfg: C.EvalConfig, workers: int = 1, log=print) -> dict:
    units = [(n, lo, hi) for n in cfg.sizes for lo, hi in reference_units(n, cfg)]
    cost = lambda u: (u[2] - u[1]) * u[0] * PLANNER_COST  # noqa: E731  (episodes x nodes: the planner dominates)
    t0 = time.time()
    done = run_units("planner_reference", units, partial(run_unit, cfg=cfg), cost, workers)
    cells = []
    for n in cfg.sizes:
        parts = [done[(n, lo, hi)] for lo, hi in reference_units(n, cfg)]
        for load in cfg.loads:
            cell = {"num_nodes": n, "load": load}
            for name in POLICIES:
                runs = [p[load][name] for p in parts]
                cell[name] = {k: [v for r in runs for v in r[k]] for k in METRICS}
                seconds, decisions = sum(r["decision_s"] for r in runs), sum(r["decisions"] for r in runs)
                cell[name]["decision_ms"] = round(1000 * seconds / decisions, 5)
            gain = [p - g for p, g in zip(cell["planner"]["ret"], cell["greedy"]["ret"])]
            log(f"[planner_reference] N={n:4d} load={load} planner - greedy {sum(gain) / len(gain):+8.2f} "
                f"({len(gain)} episodes)")
            cells.append(cell)
    return {"identity": reference_identity(cfg), "regenerate": f"{REFERENCE_COMMAND}  (npm run eval:planner)",
            "kernels": in_effect(), "torch": torch.__version__, "wall_s": round(time.time() - t0, 1), "cells": cells}


def load(path: Path = FILE):
    """The committed reference, or None if there is none."""
    return json.loads(path.read_text()) if path.exists() else None


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--out", type=Path, default=FILE)
    args = ap.parse_args(argv)
    init_worker()
    cfg = C.EvalConfig()
    print(f"[planner_reference] {cfg.episodes} episodes per cell, sizes {cfg.sizes}, loads {cfg.loads}, "
          f"kernels {in_effect()}, {args.workers} workers -> {args.out}", flush=True)
    doc = build(cfg, args.workers)
    write_json(args.out, doc)
    print(f"[planner_reference] written in {fmt_time(doc['wall_s'])}", flush=True)


if __name__ == "__main__":
    main()
