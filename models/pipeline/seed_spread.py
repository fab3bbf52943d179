"""How much hybrid's result depends on its training seed: the committed checkpoint (the seed the pipeline chose on
validation networks, pipeline/selection.py) and the same recipe trained with other seeds, each evaluated against
greedy on the evaluation's held-out episodes (the first --episodes of each cell, paired by episode) at the sizes beyond
training -> models/reports/seed_spread.json, rendered in docs/model-card.md. It shows what one run without selection
can land on, and, on episodes validation never saw, whether validation chose well. Not part of `npm run train`
(about 12 minutes on 2 cores for 4 other seeds).

Run from models/:  /usr/bin/python3 -m pipeline.seed_spread  [--seeds 5,6,7,8] [--episodes 100] [--workers 2]
"""

import argparse
import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, replace

import torch

from policies.progress import Progress, fmt_time

from . import config as C
from .evaluate import baseline_actor, held_out, learned_actor, paired, run_chunk
from .export import sha256
from .fixtures import write_json
from .model_card import SEED_REPORT, render
from .reexport import load
from .train_all import _model, _train
from .workers import init_worker

NAME = "hybrid"
SIZES = (200, 1000)
CHUNK = 20  # episodes stepped together, as the evaluation does at 1000 nodes


def train(hp) -> dict:
    return _train(NAME, hp)["state_dict"]


def gains(hp, state_dict: dict, n: int, lo: int, hi: int, cfg: C.EvalConfig) -> dict:
    """load -> per-episode return of the model minus greedy's on episodes lo..hi-1 of size n (evaluate's streams)."""
    model = _model(NAME, hp)
    model.load_state_dict(state_dict)
    model.eval()
    mine, greedy = learned_actor(model), baseline_actor("greedy")
    return {load: run_chunk(sim, mine, cfg.seed)["ret"] - run_chunk(sim, greedy, cfg.seed)["ret"]
            for load, sim in held_out(n, lo, hi, cfg)}


def spread(hp, seeds: list, episodes: int, cfg: C.EvalConfig, given: dict, sizes=SIZES, workers: int = 2,
           log=print) -> dict:
    """The report for hp with each of seeds; given: seed -> weights already trained (the committed checkpoint), every
    other seed is trained here. The caller adds checkpoint_sha256, the committed weights the report goes with."""
    hps = {s: replace(hp, seed=s) for s in dict.fromkeys([*given, *seeds])}
    weights = dict(given)
    units = [(s, n, lo, min(lo + CHUNK, episodes)) for s in hps for n in sizes for lo in range(0, episodes, CHUNK)]
    with ProcessPoolExecutor(workers, initializer=init_worker) as pool:
        trained = {s: pool.submit(train, h) for s, h in hps.items() if s not in weights}
        weights.update({s: f.result() for s, f in trained.items()})
        log(f"[seed_spread] trained seeds {sorted(trained)}")
        parts = [pool.submit(gains, hps[s], weights[s], n, lo, hi, cfg) for s, n, lo, hi in units]
        prog = Progress("seed_spread", len(units), every_s=0.0)
        for k, _ in enumerate(as_completed(parts), 1):
            prog.update(k, units=f"{k}/{len(units)}")
        done = [p.result() for p in parts]
    per = {}
    for (s, n, _, _), d in zip(units, done):
        for load, g in d.items():
            per.setdefault((s, n, load), []).append(g)
    runs = [{"seed": s, "weights": "checkpoint" if s in given else "trained", "num_nodes": n, "load": load,
             "diff_vs_greedy": [round(v, 4) for v in paired(torch.cat(g))]} for (s, n, load), g in per.items()]
    return {"policy": NAME, "hyperparameters": {k: v for k, v in asdict(hp).items() if k != "seed"},
            "episodes": episodes, "runs": runs}


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default="5,6,7,8", help="seeds trained besides the pipeline's own")
    ap.add_argument("--episodes", type=int, default=100)
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    args = ap.parse_args(argv)
    init_worker()
    cfg = C.PipelineConfig()
    t0 = time.time()
    model, hp = load(NAME, cfg.hybrid)
    report = spread(hp, [int(s) for s in args.seeds.split(",")], args.episodes, cfg.eval, {hp.seed: model.state_dict()},
                    workers=args.workers)
    report["checkpoint_sha256"] = sha256(C.CKPT_DIR / f"{NAME}.pt")
    write_json(C.REPORT_DIR / SEED_REPORT, report, indent=1)
    render()
    print(f"[seed_spread] reports/seed_spread.json and docs/model-card.md written in {fmt_time(time.time() - t0)}",
          flush=True)


if __name__ == "__main__":
    main()
