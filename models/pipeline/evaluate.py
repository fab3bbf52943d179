"""Held-out evaluation of learned policies and baselines -> models/reports/eval.json (issue 2 section 5 shape).

Every policy sees the same networks (odd generator seeds, never used in training) and the same task stream at each
size: episodes = parallel environments of SplitEnv(seed=EvalConfig.seed, split="eval"), one 50-step episode each.
Learned policies act greedily: the node with the highest probability (lowest index on ties).
"""

import math

import torch

from edgesim.baselines import BASELINES

from .config import EvalConfig
from .envs import SplitEnv


def learned_actor(model):
    def act(obs, env, step, gen):
        with torch.no_grad():
            _, probs, _ = model(obs["x"], obs["adj"], obs["mask"])
        return probs.argmax(dim=1)
    return act


def baseline_actor(fn):
    def act(obs, env, step, gen):
        return fn(obs["x"], obs["mask"], gen=gen, step=step, place=env.place)
    return act


def run(act, num_nodes: int, cfg: EvalConfig, split: str = "eval") -> dict:
    """split="train" with another seed is a validation run on training-distribution networks (for tuning)."""
    env = SplitEnv(cfg.episodes, num_nodes, seed=cfg.seed, split=split)
    gen = torch.Generator().manual_seed(cfg.seed)
    obs = env.reset()
    ret = torch.zeros(cfg.episodes, dtype=torch.float64)
    met, lat_sum, placed = 0, 0.0, 0
    done, step = False, 0
    while not done:
        action = act(obs, env, step, gen)
        obs, reward, done, info = env.step(action)
        ret += reward
        met += int(info["deadline_met"].sum())
        lat = info["latency_ms"][info["placed"]]
        lat_sum += float(lat.sum())
        placed += int(info["placed"].sum())
        step += 1
    tasks = cfg.episodes * step
    return {
        "mean_reward": float(ret.mean()),
        "std_reward": float(ret.std(unbiased=False)),
        "deadline_met_rate": met / tasks,
        "mean_latency_ms": lat_sum / placed if placed else math.nan,
    }


def evaluate(models: dict, cfg: EvalConfig, log=print) -> dict:
    """models: name -> torch module. Returns the eval.json document."""
    rows = []
    actors = [(name, "learned", learned_actor(m)) for name, m in models.items()]
    actors += [(name, "baseline", baseline_actor(fn)) for name, fn in BASELINES.items()]
    for n in cfg.sizes:
        for name, kind, act in actors:
            r = run(act, n, cfg)
            rows.append({"policy": name, "kind": kind, "num_nodes": n, **{k: round(v, 6) for k, v in r.items()}})
            log(f"[eval] N={n:4d} {name:14s} mean_reward={r['mean_reward']:8.3f} std={r['std_reward']:6.3f} "
                f"deadline_met={r['deadline_met_rate']:.3f} latency_ms={r['mean_latency_ms']:.1f}")
    return {"seed": cfg.seed, "episodes": cfg.episodes, "results": rows}
