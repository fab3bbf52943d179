"""Shared test inputs: real observations from the v2 simulator."""

import torch

from edgesim.episodes import EdgeSim
from edgesim.generator import generate_network


def sim(num_envs=3, num_nodes=12, load=0.8, steps=0, tasks=30, seed=0):
    """An EdgeSim after its warm-up and `steps` greedy placements."""
    s = EdgeSim([generate_network(num_nodes, 2 * i + 1 + seed) for i in range(num_envs)], [load] * num_envs,
                list(range(seed, seed + num_envs)), tasks=tasks)
    s.reset()
    for _ in range(steps):
        s.step(torch.where(s.out["valid"], s.out["reward"], torch.full_like(s.out["reward"], -1e30)).argmax(1))
    return s


def obs(**kw):
    return sim(**kw).observe()
