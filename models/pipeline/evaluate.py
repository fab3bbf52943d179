"""Held-out evaluation of learned policies and baselines -> models/reports/eval.json.

Per cell (size N, load rho): the same EvalConfig.episodes networks (odd generator seeds, never trained on) and the
same arrival streams for every policy, warmed up once by greedy; then EPISODE_TASKS scored tasks per episode.
Differences against greedy are paired by episode; 95% intervals are mean +- 1.96 standard errors. Learned policies
act by argmax(probs). The planner runs on the first EvalConfig.planner_episodes of each cell; its results on every
episode come from models/reports/planner_reference.json (pipeline/planner_reference.py) when that report is the run
this evaluation would make (adopt_reference). normalized_score = (policy - greedy) / (planner - greedy), each mean
over the episodes the planner has; normalized_score_ci95 is Fieller's 95% interval for that ratio of paired means,
null where it is unbounded (the planner's gain over greedy is not significantly above 0 on those episodes). An
ablation's gain_kept is the share of the full policy's gain over greedy that the variant keeps, (variant - greedy) /
(policy - greedy), with gain_kept_ci95 its Fieller interval on the same episodes.
decision_ms is every policy's mean time per decision (observation, forward pass, choice) on the planner's first
episodes, stepped together as the planner was (EvalConfig.planner_chunk: one at a time at 1000 nodes), so it compares
policies like for like.
"""

import math
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from functools import partial

import torch

from edgesim import spec
from edgesim.episodes import EdgeSim
from edgesim.generator import generate_network
from edgesim.heuristics import BASELINES
from edgesim.simulator import build
from policies.common import NO_LINKS, masked_argmax, run
from policies.progress import Progress

from .config import EvalConfig
from .workers import init_worker

Z95 = 1.96
METRICS = ("ret", "met", "lat", "placed")
PLANNER_COST = 10  # a planner decision in ordinary decisions, to order the work and show progress (nothing else)


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
        _, r, done, info = sim.step(a, observe=False)
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


def ratio_interval(a: torch.Tensor, b: torch.Tensor):
    """Fieller's 95% interval for mean(a) / mean(b) from paired samples: None when it is unbounded (the denominator
    is not significantly away from 0, so no finite interval holds the ratio) or there are fewer than 2 pairs."""
    k = a.numel()
    if k < 2:
        return None
    ma, mb = float(a.mean()), float(b.mean())
    va, vb = float(a.var()) / k, float(b.var()) / k
    cab = float(((a - ma) * (b - mb)).sum()) / (k - 1) / k
    t2 = Z95 * Z95
    qa, qb, qc = mb * mb - t2 * vb, ma * mb - t2 * cab, ma * ma - t2 * va
    disc = qb * qb - qa * qc
    if qa <= 0 or disc < 0:
        return None
    root = math.sqrt(disc)
    return [round((qb - root) / qa, 4), round((qb + root) / qa, 4)]


def episode_ranges(n: int, cfg: EvalConfig) -> list:
    """The work units of one size: the planner's episodes first, in chunks of their own, then the rest."""
    e, chunk = cfg.episodes, cfg.chunk.get(n, cfg.episodes)
    n_plan = min(cfg.planner_episodes.get(n, e), e)
    spans = ((0, n_plan, cfg.planner_chunk.get(n, chunk)), (n_plan, e, chunk))
    return [(lo, min(lo + step, hi)) for start, hi, step in spans for lo in range(start, hi, step)]


def evaluate(models: dict, cfg: EvalConfig, workers: int = 1, log=print, reference: dict | None = None) -> dict:
    """models: name -> torch module; reference: a planner_reference.json document or None. Returns the eval.json
    document. Units of work (one size, a range of episodes, every load) run in parallel worker processes, the costliest
    first; no number depends on the worker count."""
    units = [(n, lo, hi) for n in cfg.sizes for lo, hi in episode_ranges(n, cfg)]
    n_plan = {n: min(cfg.planner_episodes.get(n, cfg.episodes), cfg.episodes) for n in cfg.sizes}

    def cost(u):
        """Rough cost of a unit: episodes x nodes, a planner decision counted as PLANNER_COST ordinary ones."""
        n, lo, hi = u
        return (hi - lo) * n * (1 + PLANNER_COST * (hi <= n_plan[n]))

    done = run_units("eval", units, partial(evaluate_episodes, models, cfg=cfg), cost, workers)
    cells = {(n, load): merged([done[(n, lo, hi)][load] for lo, hi in episode_ranges(n, cfg)])
             for n in sorted(cfg.sizes) for load in cfg.loads}
    adopted, why = adopt_reference(cells, reference, cfg)
    log(f"[eval] planner on every episode from planner_reference.json: {why}" if adopted else
        f"[eval] planner on its first episodes only ({why}; regenerate the reference with {REFERENCE_COMMAND})")
    rows, ablations = [], []
    for (n, load), per in cells.items():
        r, a = cell_rows(n, load, per, cfg.episodes if adopted else n_plan[n], log)
        rows += r
        ablations += a
    return {"seed": cfg.seed, "episodes": cfg.episodes, "tasks_per_episode": spec.EPISODE_TASKS, "results": rows,
            "ablations": ablations}


def run_units(label: str, units: list, work, cost, workers: int) -> dict:
    """unit -> work(*unit) for every unit, in `workers` processes (the costliest first, so no long unit is left for
    the end), with a progress bar weighted by cost."""
    prog, total, done = Progress(label, sum(map(cost, units)), every_s=0.0), 0, {}

    def finished(unit, result):
        nonlocal total
        done[unit] = result
        total += cost(unit)
        prog.update(total, units=f"{len(done)}/{len(units)}", last=f"N={unit[0]}:{unit[1]}-{unit[2]}")

    ordered = sorted(units, key=cost, reverse=True)
    if workers > 1:
        with ProcessPoolExecutor(workers, initializer=init_worker) as pool:
            futures = {pool.submit(work, *u): u for u in ordered}
            for f in as_completed(futures):
                finished(futures[f], f.result())
    else:
        for u in ordered:
            finished(u, work(*u))
    return done


def evaluate_episodes(models: dict, n: int, lo: int, hi: int, cfg: EvalConfig) -> dict:
    """Episodes lo..hi-1 of every load at size n, every policy (the planner if they are among its episodes):
    load -> policy -> per-episode tensors and decision time."""
    actors = [(name, "learned", learned_actor(m)) for name, m in models.items()]
    with_planner = hi <= min(cfg.planner_episodes.get(n, cfg.episodes), cfg.episodes)
    actors += [(name, "baseline", baseline_actor(name)) for name in BASELINES if name != "planner" or with_planner]
    ablate = models.get(cfg.ablation_policy)
    if ablate is not None:
        actors += [(f"{cfg.ablation_policy}/{v}", "ablation", learned_actor(ablate, v)) for v in ("no_link_state", "no_graph")]
    return {load: {name: {"kind": kind, **run_chunk(sim, act, cfg.seed)} for name, kind, act in actors}
            for load, sim in held_out(n, lo, hi, cfg)}


def held_out(n: int, lo: int, hi: int, cfg: EvalConfig):
    """The held-out episodes lo..hi-1 at size n (odd generator seeds), one load after another: (load, their EdgeSim
    warmed up by greedy and snapshotted, for run_chunk to restore before each policy)."""
    return seeded_episodes(n, lo, hi, cfg.seed, cfg.loads, held=True)


def seeded_episodes(n: int, lo: int, hi: int, seed: int, loads, held: bool):
    """Episodes lo..hi-1 at size n of the streams of `seed`: networks with odd generator seeds when held (never
    trained on), even ones otherwise (training's side of the split, at sizes training never draws: validation)."""
    nets = [generate_network(n, 2 * i + int(held) + 2 * seed) for i in range(lo, hi)]
    built = build(nets)
    for load in loads:
        seeds = [seed * 100_003 + int(load * 1000) * 7919 + i for i in range(lo, hi)]
        sim = EdgeSim(nets, [load] * len(nets), seeds, built=built)
        sim.reset()
        sim.snapshot()
        yield load, sim


def gains_vs_greedy(runs: dict, n: int, lo: int, hi: int, seed: int, loads, held: bool) -> dict:
    """runs: key -> model. key -> load -> per-episode return of the model minus greedy's on seeded_episodes(n, lo, hi,
    seed, loads, held) (the networks, greedy warm-ups and greedy's returns shared by every run)."""
    out = {key: {} for key in runs}
    for load, sim in seeded_episodes(n, lo, hi, seed, loads, held):
        greedy = run_chunk(sim, baseline_actor("greedy"), seed)["ret"]
        for key, model in runs.items():
            out[key][load] = run_chunk(sim, learned_actor(model), seed)["ret"] - greedy
    return out


def merged(parts: list) -> dict:
    """One cell's units' outputs (in episode order) -> policy -> kind, per-episode tensors and decision time."""
    per = {}
    for part in parts:
        for name, res in part.items():
            a = per.setdefault(name, {"kind": res["kind"], **{k: [] for k in METRICS}, "decision_s": 0.0, "decisions": 0})
            for k in METRICS:
                a[k].append(res[k])
            if "planner" in part:  # decision times like for like: the planner's episodes, stepped as it was
                a["decision_s"] += res["decision_s"]
                a["decisions"] += res["decisions"]
    return {name: {**a, **{k: torch.cat(a[k]) for k in METRICS}} for name, a in per.items()}


REFERENCE_COMMAND = "cd models && /usr/bin/python3 -m pipeline.planner_reference"


def reference_units(n: int, cfg: EvalConfig) -> list:
    """The units planner_reference.json steps the episodes of size n in: evaluate()'s planner units (the first span of
    episode_ranges), then the other episodes in chunks of the same length."""
    e = cfg.episodes
    n_plan = min(cfg.planner_episodes.get(n, e), e)
    step = cfg.planner_chunk.get(n, cfg.chunk.get(n, e))
    return [(lo, min(lo + step, hi)) for start, hi in ((0, n_plan), (n_plan, e)) for lo in range(start, hi, step)]


def reference_identity(cfg: EvalConfig) -> dict:
    """Everything the per-episode results depend on besides the code: the streams, the episodes, the units they are
    stepped in (the planner's futures are drawn per unit) and the episode length. At a size whose planner units are
    single episodes, how many of them evaluate() reruns does not change it."""
    return {"seed": cfg.seed, "episodes": cfg.episodes, "sizes": list(cfg.sizes), "loads": list(cfg.loads),
            "units": {str(n): [list(u) for u in reference_units(n, cfg)] for n in cfg.sizes},
            "tasks_per_episode": spec.EPISODE_TASKS}


def adopt_reference(cells: dict, reference: dict | None, cfg: EvalConfig):
    """Give the planner of every cell its results on all episodes from `reference` if it is the run this evaluation
    would make: the same identity, greedy's return equal on every episode (the same environment and streams) and
    every planner metric equal on the episodes the planner ran here (the same planner), bit for bit. Else leave the
    cells alone. (adopted, why)."""
    if reference is None:
        return False, "no planner_reference.json"
    if reference.get("identity") != reference_identity(cfg):
        return False, "planner_reference.json was made for another evaluation configuration"
    try:
        by_cell = {(c["num_nodes"], c["load"]): c for c in reference["cells"]}
        for (n, load), per in cells.items():
            ref = by_cell.get((n, load))
            if ref is None:
                return False, f"planner_reference.json has no cell N={n} load={load}"
            if per["greedy"]["ret"].tolist() != ref["greedy"]["ret"]:
                return False, f"greedy's returns differ from planner_reference.json at N={n} load={load} (another environment)"
            k = per["planner"]["ret"].numel()
            if any(per["planner"][m].tolist() != ref["planner"][m][:k] or len(ref["planner"][m]) != cfg.episodes
                   for m in METRICS):
                return False, f"the planner's results differ from planner_reference.json at N={n} load={load} (another planner)"
    except (KeyError, TypeError) as e:
        return False, f"planner_reference.json is malformed ({type(e).__name__}: {e})"
    for (n, load), per in cells.items():
        ref = by_cell[(n, load)]["planner"]
        per["planner"].update({m: torch.tensor(ref[m], dtype=torch.float64) for m in METRICS})
    return True, (f"greedy equal on all {cfg.episodes} episodes of every cell, the planner on the "
                  f"{', '.join(str(min(cfg.planner_episodes.get(n, cfg.episodes), cfg.episodes)) for n in cfg.sizes)} it reran")


def cell_rows(n: int, load: float, per: dict, n_plan: int, log):
    """Result and ablation rows of one cell (merged()); the planner has its first n_plan episodes."""
    g = per["greedy"]["ret"]
    plan_gain = per["planner"]["ret"] - g[:n_plan]
    rows, ablations = [], []
    for name, a in per.items():
        k = a["ret"].numel()
        row_diff = [round(v, 4) for v in paired(a["ret"] - g[:k])]
        if a["kind"] == "ablation":
            base, variant = name.split("/")
            mine, full = a["ret"] - g, per[base]["ret"] - g
            ablations.append({"policy": base, "variant": variant, "num_nodes": n, "load": load,
                              "mean_return": round(float(a["ret"].mean()), 4), "diff_vs_greedy": row_diff,
                              "gain_kept": round(float(mine.mean() / full.mean()), 4) if float(full.mean()) != 0 else None,
                              "gain_kept_ci95": ratio_interval(mine, full)})
            continue
        mine = a["ret"][:n_plan] - g[:n_plan]
        gain = float(plan_gain.mean())
        tasks = k * spec.EPISODE_TASKS
        rows.append({
            "policy": name, "kind": a["kind"], "num_nodes": n, "load": load, "episodes": k,
            "mean_return": round(float(a["ret"].mean()), 4), "std_return": round(float(a["ret"].std()), 4),
            "diff_vs_greedy": row_diff,
            "normalized_score": round(float(mine.mean()) / gain, 4) if gain != 0 else None,
            "normalized_score_ci95": ratio_interval(mine, plan_gain) if name not in ("greedy", "planner") else None,
            "deadline_met_rate": round(float(a["met"].sum()) / tasks, 4),
            "mean_latency_ms": round(float(a["lat"].sum() / a["placed"].sum()), 3) if float(a["placed"].sum()) else None,
            "decision_ms": round(1000 * a["decision_s"] / a["decisions"], 5),
        })
        log(f"[eval] N={n:4d} load={load} {name:14s} return={rows[-1]['mean_return']:9.2f} "
            f"vs greedy {row_diff[0]:+8.2f} [{row_diff[1]:+.2f}, {row_diff[2]:+.2f}] "
            f"score={rows[-1]['normalized_score']} {rows[-1]['normalized_score_ci95']} "
            f"decision={rows[-1]['decision_ms']:.4f} ms ({k} episodes)")
    return rows, ablations
