"""Training-seed selection of the distilled GNNs on validation networks -> models/reports/selection.json.

The same recipe trained with another seed can land anywhere from clearly better than greedy to clearly worse at 1000
nodes, 33-100 times its training size (docs/model-card.md, "Across training seeds"). So `npm run train` distills
`hybrid` and `hybrid_gat` with their config's seed and SelectionConfig.extra_seeds, and fine-tunes and publishes, per
model, the distilled run whose worst validation cell is best. A cell (size, load) scores a run by the paired t
statistic of its return minus greedy's over the cell's episodes: the claim to keep is "better than greedy at every size
and load", so the cell where a run is least surely ahead of greedy decides.

Validation never touches the evaluation's episodes: its networks have even generator seeds (training's side of the
split, at sizes training never draws) and its arrival streams come from SelectionConfig.seed.
"""

import math
from concurrent.futures import Executor
from dataclasses import asdict

import torch

from .config import SelectionConfig
from .evaluate import gains_vs_greedy, paired

CRITERION = ("the distilled run with the largest worst-cell paired t statistic of (run - greedy) per episode over the validation cells "
             "(sizes x loads); ties go to the seed listed first")
REPORT = "selection.json"


def candidates(name: str, seed: int, cfg: SelectionConfig) -> list[int]:
    """The training seeds of `name`: the config's own first, then its extra ones (just the config's for a model
    that is not selected)."""
    return list(dict.fromkeys([seed, *cfg.extra_seeds.get(name, ())]))


def gains(runs: dict, n: int, lo: int, hi: int, cfg: SelectionConfig) -> dict:
    """runs: key -> model. key -> load -> per-episode return of the model minus greedy's on validation episodes
    lo..hi-1 of size n."""
    return gains_vs_greedy(runs, n, lo, hi, cfg.seed, cfg.loads, held=False)


def t_stat(d: torch.Tensor) -> float:
    """Paired t statistic of the differences d; +-inf when they do not vary (and 0 when they are all 0)."""
    mean, sd = float(d.mean()), float(d.std()) if d.numel() > 1 else 0.0
    if sd == 0.0:
        return 0.0 if mean == 0.0 else math.copysign(math.inf, mean)
    return mean / (sd / math.sqrt(d.numel()))


def choose(per_seed: dict) -> tuple[int, dict]:
    """per_seed: seed -> {(n, load): differences}. (chosen seed, seed -> worst-cell t)."""
    worst = {s: min(t_stat(d) for d in cells.values()) for s, cells in per_seed.items()}
    return max(worst, key=lambda s: (worst[s], -list(worst).index(s))), worst


def select(pool: Executor, models: dict, cfg: SelectionConfig, log=print) -> dict:
    """models: name -> {seed: trained torch module}, seeds in candidate order. Runs the validation episodes in the
    pool and returns the report: per name the chosen seed, every run's worst-cell t and its cells."""
    spans = [(n, lo, min(lo + cfg.chunk, cfg.episodes)) for n in cfg.sizes for lo in range(0, cfg.episodes, cfg.chunk)]
    runs = {(name, s): m for name, by in models.items() for s, m in by.items()}
    futures = [pool.submit(gains, runs, n, lo, hi, cfg) for n, lo, hi in spans]
    per = {}
    for (n, _, _), f in zip(spans, futures):
        for (name, s), by_load in f.result().items():
            for load, d in by_load.items():
                per.setdefault(name, {}).setdefault(s, {}).setdefault((n, load), []).append(d)
    out = {k: v for k, v in asdict(cfg).items() if k != "extra_seeds"}
    out["criterion"], out["models"] = CRITERION, {}
    for name, seeds in per.items():
        cells = {s: {c: torch.cat(ds) for c, ds in by.items()} for s, by in seeds.items()}
        chosen, worst = choose(cells)
        out["models"][name] = {
            "chosen": chosen,
            "runs": [{"seed": s, "worst_t": round(worst[s], 3),
                      "cells": [{"num_nodes": n, "load": load, "diff_vs_greedy": [round(v, 4) for v in paired(d)],
                                 "t": round(t_stat(d), 3)} for (n, load), d in sorted(c.items())]}
                     for s, c in cells.items()]}
        log(f"[selection] {name}: seed {chosen} of {list(cells)} (worst-cell t "
            + ", ".join(f"{s}: {w:+.2f}" for s, w in worst.items()) + ")")
    return out
