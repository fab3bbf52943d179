"""Vectorised edge placement environment: E networks of the same size stepped at once with torch tensors.

Each step one task arrives in every network; the action places it on a node. See docs/environment.md.
"""

import torch

from . import spec
from .generator import generate_network
from .observation import features, field, placement, tier_lookup
from .tensors import stack_networks

_DRAIN = torch.tensor(spec.QUEUE_DRAIN_PER_STEP, dtype=torch.float64)
_I = {name: i for i, name in enumerate(spec.NODE_FIELDS)}


def _uniform(gen, n, lo_hi):
    lo, hi = lo_hi
    return lo + (hi - lo) * torch.rand(n, generator=gen, dtype=torch.float64)


class EdgeEnv:
    def __init__(self, num_envs: int, num_nodes: int, seed: int, steps: int = spec.EPISODE_STEPS):
        self.num_envs, self.num_nodes, self.steps = num_envs, num_nodes, steps
        self.gen = torch.Generator().manual_seed(seed)
        self.seed = seed

    def reset(self, num_nodes: int | None = None):
        """New networks (seeded by the env's generator) and the first task. Returns the observation."""
        self.num_nodes = num_nodes or self.num_nodes
        seeds = torch.randint(0, 2**31 - 1, (self.num_envs,), generator=self.gen).tolist()
        self.networks = [generate_network(self.num_nodes, s) for s in seeds]
        self.nodes, self.adj = stack_networks(self.networks)
        self.base = self.nodes.clone()  # background load that excess utilisation decays back to
        self.t = 0
        self._new_task()
        return self.observe()

    def _new_task(self):
        e = self.num_envs
        is_sensor = field(self.nodes, "node_type") == spec.SENSOR
        weights = torch.where(is_sensor.any(dim=1, keepdim=True), is_sensor.double(), torch.ones_like(is_sensor, dtype=torch.float64))
        self.task = {
            "source": torch.multinomial(weights, 1, generator=self.gen).squeeze(1),
            "cpu_mcycles": _uniform(self.gen, e, spec.TASK_CPU_MCYCLES),
            "mem_mb": _uniform(self.gen, e, spec.TASK_MEM_MB),
            "data_kb": _uniform(self.gen, e, spec.TASK_DATA_KB),
            "deadline_ms": _uniform(self.gen, e, spec.TASK_DEADLINE_MS),
        }
        self.place = placement(self.nodes, self.adj, self.task)

    def observe(self):
        """dict with x [E, N, F] float32, adj [E, N, N] float32, mask [E, N] float32."""
        x, mask = features(self.nodes, self.task, self.place)
        return {"x": x, "adj": self.adj.to(torch.float32), "mask": mask}

    def step(self, action: torch.Tensor):
        """Place each env's task on action[e]. Returns (obs, reward [E], done, info)."""
        rows = torch.arange(self.num_envs)
        p = self.place
        ok = p["valid"][rows, action]
        reward = torch.where(ok, p["reward"][rows, action], torch.full((self.num_envs,), spec.DROP_PENALTY, dtype=torch.float64))
        info = {
            "deadline_met": (p["deadline_met"][rows, action] & ok),
            "latency_ms": torch.where(ok, p["latency_ms"][rows, action], torch.full_like(reward, float("nan"))),
            "placed": ok,
        }
        n = self.nodes
        r, a = rows[ok], action[ok]
        n[r, a, _I["queue_len"]] += 1
        n[r, a, _I["cpu_util"]] = torch.clamp(n[r, a, _I["cpu_util"]] + p["cpu_added"][r, a], max=1.0)
        n[r, a, _I["mem_util"]] = torch.clamp(p["mem_after"][r, a], max=1.0)
        n[r, a, _I["energy"]] -= p["compute_j"][r, a]
        src = self.task["source"][ok]
        n[r, src, _I["energy"]] -= spec.RADIO_POWER_W * p["tx_ms"][r, a] / 1000

        # Time passes until the next task: queues drain, load relaxes towards the background.
        n[..., _I["queue_len"]] = torch.clamp(n[..., _I["queue_len"]] - tier_lookup(_DRAIN, n), min=0.0)
        for k, decay in (("cpu_util", spec.CPU_DECAY), ("mem_util", spec.MEM_DECAY)):
            base = self.base[..., _I[k]]
            n[..., _I[k]] = base + (n[..., _I[k]] - base) * decay

        self.t += 1
        done = self.t >= self.steps
        self._new_task()
        return self.observe(), reward, done, info
