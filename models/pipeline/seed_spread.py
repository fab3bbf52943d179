"""How much a learned policy's result depends on its training seed: the committed checkpoint (for the distilled GNNs,
the seed the pipeline chose on validation networks, pipeline/selection.py) and the same recipe trained with other
seeds, each evaluated against greedy on the evaluation's held-out episodes (the first --episodes of each cell, paired
by episode) at the sizes beyond training -> models/reports/seed_spread_<policy>.json, rendered in docs/model-card.md.
The other seeds are by default the rest of the selection's candidates and OUTSIDERS: on episodes validation never saw,
the report shows whether validation chose well, and what one run without selection can land on. Not part of `npm run train` (about
12 minutes on 2 cores for 4 other seeds).

With --taus every run of a distilled GNN also acts with other Q temperatures on the same weights (the fused policy's
softmax(Q / tau), policies/hybrid.py): whether the recipe's temperature is the better one on episodes its choice never
saw. A policy without a temperature (dqn, ppo) has tau null in the report.

Run from models/:  /usr/bin/python3 -m pipeline.seed_spread  [--policy hybrid] [--seeds 5,6,7,8] [--episodes 100]
                   [--taus 0.25]
"""

import argparse
import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, replace

import torch

from policies.progress import Progress, fmt_time

from . import config as C
from .evaluate import gains_vs_greedy, paired
from .export import sha256
from .fixtures import write_json
from .model_card import render, seed_report
from .reexport import load
from .selection import candidates
from .train_all import TRAINERS, _model, _train
from .workers import init_worker

SIZES = (200, 1000)
CHUNK = 20  # episodes stepped together, as the evaluation does at 1000 nodes
OUTSIDERS = (7, 8)  # seeds no selection ever sees


def train(name: str, hp) -> dict:
    return _train(name, hp)["state_dict"]


def gains(name: str, hp, state_dict: dict, n: int, lo: int, hi: int, cfg: C.EvalConfig, taus: tuple) -> dict:
    """tau -> load -> per-episode return of the model acting with Q temperature tau (the weights trained with hp's)
    minus greedy's on held-out episodes lo..hi-1 of size n (evaluate's)."""
    runs = {}
    for tau in taus:
        runs[tau] = _model(name, hp if tau is None else replace(hp, tau=tau))
        runs[tau].load_state_dict(state_dict)
    return gains_vs_greedy({tau: m.eval() for tau, m in runs.items()}, n, lo, hi, cfg.seed, cfg.loads, held=True)


def spread(name: str, hp, seeds: list, episodes: int, cfg: C.EvalConfig, given: dict, sizes=SIZES, workers: int = 2,
           taus=None, log=print) -> dict:
    """The report for policy `name` with hyper-parameters hp and each of seeds; given: seed -> weights already trained
    (the committed checkpoint), every other seed is trained here. Each run acts with each Q temperature of taus
    (default: hp's own). The caller adds checkpoint_sha256, the committed weights the report goes with."""
    if taus and not hasattr(hp, "tau"):
        raise ValueError(f"{name} has no Q temperature to vary")
    taus = tuple(dict.fromkeys([getattr(hp, "tau", None), *(taus or ())]))
    hps = {s: replace(hp, seed=s) for s in dict.fromkeys([*given, *seeds])}
    weights = dict(given)
    units = [(s, n, lo, min(lo + CHUNK, episodes)) for s in hps for n in sizes for lo in range(0, episodes, CHUNK)]
    with ProcessPoolExecutor(workers, initializer=init_worker) as pool:
        trained = {s: pool.submit(train, name, h) for s, h in hps.items() if s not in weights}
        weights.update({s: f.result() for s, f in trained.items()})
        log(f"[seed_spread] trained seeds {sorted(trained)}")
        parts = [pool.submit(gains, name, hps[s], weights[s], n, lo, hi, cfg, taus) for s, n, lo, hi in units]
        prog = Progress("seed_spread", len(units), every_s=0.0)
        for k, _ in enumerate(as_completed(parts), 1):
            prog.update(k, units=f"{k}/{len(units)}")
        done = [p.result() for p in parts]
    per = {}
    for (s, n, _, _), d in zip(units, done):
        for tau, by_load in d.items():
            for load, g in by_load.items():
                per.setdefault((s, tau, n, load), []).append(g)
    runs = [{"seed": s, "weights": "checkpoint" if s in given else "trained", "tau": tau, "num_nodes": n,
             "load": load, "diff_vs_greedy": [round(v, 4) for v in paired(torch.cat(g))]}
            for (s, tau, n, load), g in per.items()]
    return {"policy": name, "hyperparameters": {k: v for k, v in asdict(hp).items() if k != "seed"},
            "episodes": episodes, "runs": runs}


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--policy", default="hybrid", choices=sorted(TRAINERS))
    ap.add_argument("--seeds", default=None,
                    help="seeds trained besides the committed one (default: the other selection candidates and 7, 8)")
    ap.add_argument("--episodes", type=int, default=100)
    ap.add_argument("--taus", default=None,
                    help="Q temperatures each run also acts with besides its recipe's (e.g. 0.25), on the same weights")
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    args = ap.parse_args(argv)
    init_worker()
    cfg = C.PipelineConfig()
    t0 = time.time()
    model, hp = load(args.policy, getattr(cfg, args.policy))
    pool = [*candidates(args.policy, getattr(cfg, args.policy).seed, cfg.selection), *OUTSIDERS]
    seeds = [int(s) for s in args.seeds.split(",")] if args.seeds else [s for s in pool if s != hp.seed]
    taus = [float(t) for t in args.taus.split(",")] if args.taus else None
    report = spread(args.policy, hp, seeds, args.episodes, cfg.eval, {hp.seed: model.state_dict()}, workers=args.workers,
                    taus=taus)
    report["checkpoint_sha256"] = sha256(C.CKPT_DIR / f"{args.policy}.pt")
    path = C.REPORT_DIR / seed_report(args.policy)
    write_json(path, report, indent=1)
    render()
    print(f"[seed_spread] {path.relative_to(C.ROOT)} and docs/model-card.md written in {fmt_time(time.time() - t0)}",
          flush=True)


if __name__ == "__main__":
    main()
