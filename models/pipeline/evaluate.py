"""Held-out evaluation of learned policies and baselines -> models/reports/eval.json.

Per cell (size N, load rho): the same EvalConfig.episodes networks (odd generator seeds, never trained on) and the
same arrival streams for every policy, warmed up once by greedy; then EPISODE_TASKS scored tasks per episode.
Differences against greedy are paired by episode; 95% intervals are mean +- 1.96 standard errors. Learned policies
act by argmax(probs). normalized_score = (policy - greedy) / (planner - greedy), each mean over the episodes the
planner ran (EvalConfig.planner_episodes).
"""

import math
import time
from concurrent.futures import ProcessPoolExecutor

import torch

from edgesim import spec
from edgesim.episodes import EdgeSim
from edgesim.generator import generate_network
from edgesim.heuristics import BASELINES
from edgesim.simulator import build
from policies.common import NO_LINKS, masked_argmax, run

from .config import EvalConfig
from .workers import init_worker

Z95 = 1.96


def learned_actor(model, variant: str = "full"):
    """variant "no_link_state" zeroes every link's state (route links and network links: capacity, latency, backlog);
    "no_graph" removes the graph: no links, and every node cut from its route parent."""
    def act(sim, gen):
        o = sim.observe()
        if variant != "full":
            o = {**o, "edge_attr": torch.zeros_like(o["edge_attr"]), "link_attr": torch.zeros_like(o["link_attr"])}
        if variant == "no_graph":
            o = {**o, **NO_LINKS, "parent": torch.arange(o["parent"].shape[1]).expand_as(o["parent"])}
        with torch.no_grad():
            _, probs, _ = run(model, o)
        return masked_argmax(probs, o["mask"])
    return act


def baseline_actor(name):
    fn = BASELINES[name]
    return lambda sim, gen: fn(sim, gen)


def run_chunk(sim: EdgeSim, act, seed: int) -> dict:
    """Play the scored part of the episodes from the warmed-up snapshot. Per-episode tensors + decision time."""
    sim.restore()
    gen = torch.Generator().manual_seed(seed)
    e = sim.num_envs
    ret = torch.zeros(e, dtype=torch.float64)
    met = torch.zeros(e, dtype=torch.float64)
    lat, placed = torch.zeros(e, dtype=torch.float64), torch.zeros(e, dtype=torch.float64)
    spent, done = 0.0, False
    while not done:
        t0 = time.perf_counter()
        a = act(sim, gen)
        spent += time.perf_counter() - t0
        _, r, done, info = sim.step(a)
        ret += r
        met += info["deadline_met"].to(torch.float64)
        lat += torch.where(info["placed"], info["latency_ms"], torch.zeros_like(r))
        placed += info["placed"].to(torch.float64)
    return {"ret": ret, "met": met, "lat": lat, "placed": placed, "decision_s": spent, "decisions": e * sim.tasks}


def paired(d: torch.Tensor) -> list:
    if d.numel() < 2:
        return [float(d.mean()), float("nan"), float("nan")]
    half = Z95 * float(d.std()) / math.sqrt(d.numel())
    return [float(d.mean()), float(d.mean()) - half, float(d.mean()) + half]


def evaluate(models: dict, cfg: EvalConfig, workers: int = 1, log=print) -> dict:
    """models: name -> torch module. Returns the eval.json document. Sizes run in parallel worker processes,
    largest first; each cell's numbers do not depend on the worker count."""
    sizes = sorted(cfg.sizes, reverse=True)
    if workers > 1:
        with ProcessPoolExecutor(workers, initializer=init_worker) as pool:
            parts = dict(zip(sizes, pool.map(evaluate_size, [models] * len(sizes), sizes, [cfg] * len(sizes))))
    else:
        parts = {n: evaluate_size(models, n, cfg, log) for n in sizes}
    rows = [r for n in sorted(cfg.sizes) for r in parts[n][0]]
    ablations = [a for n in sorted(cfg.sizes) for a in parts[n][1]]
    return {"seed": cfg.seed, "episodes": cfg.episodes, "tasks_per_episode": spec.EPISODE_TASKS, "results": rows,
            "ablations": ablations}


def evaluate_size(models: dict, n: int, cfg: EvalConfig, log=print):
    """Every policy at every load on n-node networks: (result rows, ablation rows)."""
    actors = [(name, "learned", learned_actor(m)) for name, m in models.items()]
    actors += [(name, "baseline", baseline_actor(name)) for name in BASELINES]
    ablate = models.get(cfg.ablation_policy)
    variants = [("no_link_state", learned_actor(ablate, "no_link_state")),
                ("no_graph", learned_actor(ablate, "no_graph"))] if ablate is not None else []
    rows, ablations = [], []
    nets = [generate_network(n, 2 * i + 1 + 2 * cfg.seed) for i in range(cfg.episodes)]
    chunk = cfg.chunk.get(n, cfg.episodes)
    built = {lo: build(nets[lo:lo + chunk]) for lo in range(0, cfg.episodes, chunk)}
    for load in cfg.loads:
        stream_seeds = [cfg.seed * 100_003 + int(load * 1000) * 7919 + i for i in range(cfg.episodes)]
        n_plan = min(cfg.planner_episodes.get(n, cfg.episodes), cfg.episodes)
        acc: dict = {}
        for lo in range(0, cfg.episodes, chunk):
            hi = min(lo + chunk, cfg.episodes)
            sim = EdgeSim(nets[lo:hi], [load] * (hi - lo), stream_seeds[lo:hi], built=built[lo])
            sim.reset()
            sim.snapshot()
            todo = [(name, kind, act) for name, kind, act in actors if name != "planner" or lo < n_plan]
            todo += [(f"{cfg.ablation_policy}/{v}", "ablation", act) for v, act in variants]
            for name, kind, act in todo:
                if name == "planner" and hi > n_plan:
                    sub = EdgeSim(nets[lo:n_plan], [load] * (n_plan - lo), stream_seeds[lo:n_plan])
                    sub.reset()
                    sub.snapshot()
                    res = run_chunk(sub, act, cfg.seed)
                else:
                    res = run_chunk(sim, act, cfg.seed)
                prev = acc.setdefault(name, {"kind": kind, **{k: [] for k in ("ret", "met", "lat", "placed")},
                                             "decision_s": 0.0, "decisions": 0})
                for k in ("ret", "met", "lat", "placed"):
                    prev[k].append(res[k])
                prev["decision_s"] += res["decision_s"]
                prev["decisions"] += res["decisions"]
        per = {name: {**a, **{k: torch.cat(a[k]) for k in ("ret", "met", "lat", "placed")}} for name, a in acc.items()}
        g = per["greedy"]["ret"]
        plan_gain = float((per["planner"]["ret"] - g[:n_plan]).mean())
        for name, a in per.items():
            k = a["ret"].numel()
            d = a["ret"] - g[:k]
            row_diff = [round(v, 4) for v in paired(d)]
            if a["kind"] == "ablation":
                base, variant = name.split("/")
                ablations.append({"policy": base, "variant": variant, "num_nodes": n, "load": load,
                                  "mean_return": round(float(a["ret"].mean()), 4), "diff_vs_greedy": row_diff})
                continue
            mine = float((a["ret"][:n_plan] - g[:n_plan]).mean())
            tasks = k * spec.EPISODE_TASKS
            rows.append({
                "policy": name, "kind": a["kind"], "num_nodes": n, "load": load, "episodes": k,
                "mean_return": round(float(a["ret"].mean()), 4), "std_return": round(float(a["ret"].std()), 4),
                "diff_vs_greedy": row_diff,
                "normalized_score": round(mine / plan_gain, 4) if plan_gain != 0 else None,
                "deadline_met_rate": round(float(a["met"].sum()) / tasks, 4),
                "mean_latency_ms": round(float(a["lat"].sum() / a["placed"].sum()), 3) if float(a["placed"].sum()) else None,
                "decision_ms": round(1000 * a["decision_s"] / a["decisions"], 5),
            })
            log(f"[eval] N={n:4d} load={load} {name:14s} return={rows[-1]['mean_return']:9.2f} "
                f"vs greedy {row_diff[0]:+8.2f} [{row_diff[1]:+.2f}, {row_diff[2]:+.2f}] "
                f"score={rows[-1]['normalized_score']} decision={rows[-1]['decision_ms']:.4f} ms ({k} episodes)")
    return rows, ablations
