"""What the training algorithms share: training episodes, padding to a common node count, masked choices."""

from dataclasses import dataclass

import torch

from edgesim import spec
from edgesim.episodes import EdgeSim
from edgesim.generator import generate_network

from .encoder import NEG

TRAIN_SIZES = (10, 30)  # node count drawn uniformly from this inclusive range for every batch of episodes
NODE_KEYS = ("x", "parent", "edge_attr", "mask")  # per-node inputs [B, N, ...]; the links are link_index, link_attr
NO_LINKS = {"link_index": torch.zeros(2, 0, dtype=torch.long), "link_attr": torch.zeros(0, 3)}


@dataclass
class EpisodeSampler:
    """Training episodes: networks with even generator seeds (odd ones are held out for evaluation), a size drawn
    from TRAIN_SIZES per batch, a load drawn from spec.LOAD_RANGE per episode, fresh arrival streams."""

    num_envs: int
    seed: int

    def __post_init__(self):
        self.gen = torch.Generator().manual_seed(self.seed)

    def _ints(self, k: int) -> list[int]:
        return torch.randint(0, 2**31 - 1, (k,), generator=self.gen).tolist()

    def sim(self, tasks: int = spec.EPISODE_TASKS, repeats: int = 1) -> EdgeSim:
        """num_envs episodes; with repeats > 1, num_envs / repeats distinct (network, load, arrival stream) triples,
        each run by `repeats` consecutive envs (the same tasks at the same times: only the placements differ)."""
        if self.num_envs % repeats:
            raise ValueError(f"num_envs ({self.num_envs}) is not a multiple of repeats ({repeats})")
        m = self.num_envs // repeats
        n = int(torch.randint(TRAIN_SIZES[0], TRAIN_SIZES[1] + 1, (1,), generator=self.gen))
        nets = [generate_network(n, s & ~1) for s in self._ints(m)]
        lo, hi = spec.LOAD_RANGE
        loads = (lo + (hi - lo) * torch.rand(m, generator=self.gen, dtype=torch.float64)).tolist()
        rep = lambda xs: [x for x in xs for _ in range(repeats)]  # noqa: E731
        return EdgeSim(rep(nets), rep(loads), rep(self._ints(m)), tasks=tasks)


def pad_nodes(obs: dict, n: int) -> dict:
    """The per-node inputs zero-padded to n nodes (padding: features 0, mask 0, parent = itself)."""
    b, m = obs["mask"].shape
    if m == n:
        return {k: obs[k] for k in NODE_KEYS}
    out = {"x": torch.zeros(b, n, obs["x"].shape[-1]), "edge_attr": torch.zeros(b, n, obs["edge_attr"].shape[-1]),
           "mask": torch.zeros(b, n), "parent": torch.arange(n).repeat(b, 1)}
    for k in NODE_KEYS:
        out[k][:, :m] = obs[k]
    return out


def concat_obs(parts: list[dict]) -> dict:
    """One batch from several observations (any sizes): nodes padded to the largest, links re-indexed."""
    n = max(p["mask"].shape[1] for p in parts)
    nodes = [pad_nodes(p, n) for p in parts]
    out = {k: torch.cat([q[k] for q in nodes]) for k in NODE_KEYS}
    index, offset = [], 0
    for p in parts:
        b, m = p["mask"].shape
        li = p["link_index"]
        index.append((li // m) * n + li % m + offset)
        offset += b * n
    out["link_index"] = torch.cat(index, dim=1)
    out["link_attr"] = torch.cat([p["link_attr"] for p in parts])
    return out


def select_graphs(batch: dict, idx: torch.Tensor) -> dict:
    """The graphs idx of a concat_obs batch (in idx's order), their links re-indexed."""
    b, n = batch["mask"].shape
    out = {k: batch[k][idx] for k in NODE_KEYS}
    pos = torch.full((b,), -1, dtype=torch.long)
    pos[idx] = torch.arange(idx.numel())
    li = batch["link_index"]
    at = pos[li[0] // n]
    keep = at >= 0
    out["link_index"] = (at * n)[keep] + li[:, keep] % n
    out["link_attr"] = batch["link_attr"][keep]
    return out


def run(net, obs: dict):
    """The network on an observation dict."""
    return net(obs["x"], obs["parent"], obs["edge_attr"], obs["link_index"], obs["link_attr"], obs["mask"])


def heads(net, obs: dict) -> dict:
    return net.heads(obs["x"], obs["parent"], obs["edge_attr"], obs["link_index"], obs["link_attr"], obs["mask"])


def masked_argmax(s: torch.Tensor, valid: torch.Tensor) -> torch.Tensor:
    """Index of the best valid node (0 when none is valid: the environment then drops the task)."""
    return torch.where(valid > 0, s, torch.full_like(s, NEG)).argmax(dim=-1)


def random_valid(valid: torch.Tensor, gen: torch.Generator) -> torch.Tensor:
    w = torch.where(valid.sum(-1, keepdim=True) > 0, valid, torch.ones_like(valid))
    return torch.multinomial(w, 1, generator=gen).squeeze(-1)


def sample_categorical(probs: torch.Tensor, gen: torch.Generator) -> torch.Tensor:
    w = torch.where(probs.sum(-1, keepdim=True) > 0, probs, torch.ones_like(probs))
    return torch.multinomial(w, 1, generator=gen).squeeze(-1)


def masked_entropy(probs):
    return -(probs * torch.log(probs.clamp(min=1e-12))).sum(-1)


def discounted_returns(rewards: torch.Tensor, gamma: float, bootstrap: torch.Tensor | None = None) -> torch.Tensor:
    """[T, E] rewards -> [T, E] discounted returns-to-go (bootstrapped from `bootstrap` [E] after the last step)."""
    out = torch.zeros_like(rewards)
    run = torch.zeros_like(rewards[0]) if bootstrap is None else bootstrap
    for t in reversed(range(rewards.shape[0])):
        run = rewards[t] + gamma * run
        out[t] = run
    return out
