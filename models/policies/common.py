"""Small helpers shared by the training algorithms."""

import torch
import torch.nn.functional as fn

from .encoder import NEG


def pad_nodes(t: torch.Tensor, n: int, dims: tuple[int, ...]) -> torch.Tensor:
    """Zero-pad the given node dimensions of t up to n."""
    pad = [0, 0] * t.dim()
    for d in dims:
        pad[2 * (t.dim() - 1 - d) + 1] = n - t.shape[d]
    return fn.pad(t, pad)


def masked_argmax(s: torch.Tensor, valid: torch.Tensor) -> torch.Tensor:
    """Index of the best valid node (0 when none is valid: the environment then drops the task)."""
    return torch.where(valid > 0, s, torch.full_like(s, NEG)).argmax(dim=-1)


def random_valid(valid: torch.Tensor, gen: torch.Generator) -> torch.Tensor:
    w = torch.where(valid.sum(-1, keepdim=True) > 0, valid, torch.ones_like(valid))
    return torch.multinomial(w, 1, generator=gen).squeeze(-1)


def sample_categorical(probs: torch.Tensor, gen: torch.Generator) -> torch.Tensor:
    w = torch.where(probs.sum(-1, keepdim=True) > 0, probs, torch.ones_like(probs))
    return torch.multinomial(w, 1, generator=gen).squeeze(-1)


class EpisodeTracker:
    """Running per-env returns; records the mean return of each finished batch of episodes."""

    def __init__(self, num_envs: int):
        self.ret = torch.zeros(num_envs, dtype=torch.float64)
        self.curve: list[dict] = []
        self.last = float("nan")

    def add(self, reward: torch.Tensor, done: bool, step: int, **extra):
        self.ret += reward
        if done:
            self.last = float(self.ret.mean())
            self.curve.append({"step": step, "episode_return": round(self.last, 4), **extra})
            self.ret.zero_()
