"""Simulator invariants the policies rely on (edgesim is the lead's; these guard the assumptions)."""

import torch

from edgesim import spec
from edgesim.baselines import BASELINES
from pipeline.envs import SplitEnv


def test_invalid_action_is_dropped_with_penalty():
    env = SplitEnv(4, 10, seed=1, split="train")
    o = env.reset()
    env.place["valid"][:, 0] = False
    _, r, _, info = env.step(torch.zeros(4, dtype=torch.long))
    assert (r == spec.DROP_PENALTY).all() and not info["placed"].any()


def test_cost_is_negative_reward_and_mask_matches_valid():
    env = SplitEnv(4, 15, seed=2, split="train")
    o = env.reset()
    assert torch.equal(env.place["cost"], -env.place["reward"])
    assert torch.equal(o["mask"] > 0, env.place["valid"])


def test_episode_length_and_finite_rewards():
    env = SplitEnv(3, 12, seed=3, split="train")
    o, done, t = env.reset(), False, 0
    while not done:
        o, r, done, _ = env.step(BASELINES["least_loaded"](o["x"], o["mask"]))
        assert torch.isfinite(r).all()
        t += 1
    assert t == spec.EPISODE_STEPS


def test_greedy_oracle_beats_random():
    rets = {}
    for name in ("random", "greedy_oracle"):
        env = SplitEnv(16, 15, seed=4, split="eval")
        o, done, total, g = env.reset(), False, torch.zeros(16, dtype=torch.float64), torch.Generator().manual_seed(0)
        while not done:
            a = BASELINES[name](o["x"], o["mask"], gen=g, place=env.place, step=0)
            o, r, done, _ = env.step(a)
            total += r
        rets[name] = float(total.mean())
    assert rets["greedy_oracle"] > rets["random"] + 20
