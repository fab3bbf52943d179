"""Shared test inputs: real observations from the simulator, and zero-padding."""

import torch

from pipeline.envs import SplitEnv


def obs(num_envs=4, num_nodes=12, seed=0, steps=0):
    env = SplitEnv(num_envs, num_nodes, seed=seed, split="train")
    o = env.reset()
    g = torch.Generator().manual_seed(seed)
    for _ in range(steps):
        o, _, _, _ = env.step(torch.randint(0, num_nodes, (num_envs,), generator=g))
    return o


def pad(o, n):
    b, m, f = o["x"].shape
    x = torch.zeros(b, n, f)
    x[:, :m] = o["x"]
    adj = torch.zeros(b, n, n)
    adj[:, :m, :m] = o["adj"]
    mask = torch.zeros(b, n)
    mask[:, :m] = o["mask"]
    return {"x": x, "adj": adj, "mask": mask}
