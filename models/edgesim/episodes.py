"""Episodes of environment v2: E networks of one size stepped together through their own arrival streams.

An episode is a warm-up (arrival_stream's first warmup_tasks(N) tasks, placed by greedy: the state a deployment
is in when the policy takes over) followed by spec.EPISODE_TASKS scored tasks. Streams never depend on the
placements, so every policy replays the same tasks.
"""

import torch

from . import spec
from .arrivals import arrival_rate, arrival_stream, warmup_tasks
from .simulator import F64, advance, build, commit, features, outcome

_FIELDS = ("gap_ms", "source", "cpu_mcycles", "mem_mb", "data_kb", "deadline_ms", "load", "burst", "hot")


def greedy_action(out: dict) -> torch.Tensor:
    """Highest immediate reward among valid nodes (lowest index on ties; 0 when none is valid)."""
    return torch.where(out["valid"], out["reward"], torch.full_like(out["reward"], float("-inf"))).argmax(1)


def stream_tensors(streams: list[list[dict]]) -> dict:
    """[T, E] tensors per task field."""
    out = {}
    for k in _FIELDS:
        dtype = torch.long if k in ("source", "hot") else torch.bool if k == "burst" else F64
        out[k] = torch.tensor([[s[t][k] for s in streams] for t in range(len(streams[0]))], dtype=dtype)
    return out


class EdgeSim:
    def __init__(self, networks: list[dict], loads: list[float], seeds: list[int], tasks: int = spec.EPISODE_TASKS,
                 warmup: int | None = None, built=None):
        """built: simulator.build(networks) already made (route tables do not depend on load or stream)."""
        self.networks, self.loads = networks, [float(x) for x in loads]
        self.n = len(networks[0]["nodes"])
        self.tasks = tasks
        self.warmup = warmup_tasks(self.n) if warmup is None else warmup
        self.st, self.initial = built or build(networks)
        self.rate = torch.tensor([arrival_rate(net, ld) for net, ld in zip(networks, self.loads)], dtype=F64)
        total = self.warmup + tasks + 1  # one more arrival: the state after the last scored task, to bootstrap from
        self.stream = stream_tensors([arrival_stream(net, ld, sd, total) for net, ld, sd in zip(networks, self.loads, seeds)])

    @property
    def num_envs(self) -> int:
        return len(self.networks)

    def task_at(self, k: int) -> dict:
        return {f: self.stream[f][k] for f in _FIELDS}

    def _arrive(self):
        self.task = self.task_at(self.k)
        advance(self.state, self.task["gap_ms"])
        self.out = outcome(self.st, self.state, self.task)

    def reset(self) -> dict:
        """Warm up with greedy; return the observation of the first scored task. warmup_actions records greedy's
        nodes per env and warm-up task (-1 where the task was dropped)."""
        self.state = self.initial.clone()
        self.k = 0
        self.warmup_actions = []
        self._arrive()
        while self.k < self.warmup:
            action = greedy_action(self.out)
            self.warmup_actions.append(torch.where(self._place(action), action, torch.full_like(action, -1)))
            self.k += 1
            self._arrive()
        return self.observe()

    def snapshot(self):
        """Remember the current decision point (e.g. after the warm-up) so several policies can start from it."""
        self._snap = (self.state.clone(), self.k, self.task, self.out)

    def restore(self):
        state, self.k, self.task, self.out = self._snap
        self.state = state.clone()

    def observe(self) -> dict:
        return features(self.st, self.state, self.task, self.out)

    def _place(self, action: torch.Tensor):
        rows = torch.arange(self.num_envs)
        placed = self.out["valid"][rows, action]
        commit(self.st, self.state, self.task, action, self.out, placed)
        return placed

    def step(self, action: torch.Tensor, observe: bool = True):
        """Place the current task on action[e]. Returns (next obs, reward [E], done, info); after the last scored task
        the next obs is the following arrival's, for bootstrapping. observe=False skips the observation (None): a
        policy that reads sim.out, or observes by itself, does not pay for it twice."""
        rows = torch.arange(self.num_envs)
        out = self.out
        placed = self._place(action)
        reward = torch.where(placed, out["reward"][rows, action], torch.full((self.num_envs,), spec.DROP_PENALTY, dtype=F64))
        info = {"placed": placed, "deadline_met": out["deadline_met"][rows, action] & placed,
                "latency_ms": torch.where(placed, out["latency_ms"][rows, action], torch.full_like(reward, float("nan"))),
                "energy_j": torch.where(placed, out["energy_j"][rows, action], torch.zeros_like(reward))}
        self.k += 1
        self._arrive()
        return self.observe() if observe else None, reward, self.k >= self.warmup + self.tasks, info
