"""Heuristic placement baselines over the observation the policies see (x, mask; adj unused by design).

greedy_oracle reads the simulator's exact immediate cost (place["cost"]), i.e. full knowledge of the cost model.
"""

import torch

from . import spec

_F = {name: i for i, (name, _, _) in enumerate(spec.FEATURES)}
_NEG = float("-inf")


def _argmax_valid(score, mask):
    return torch.where(mask > 0, score, torch.full_like(score, _NEG)).argmax(dim=1)


def random_policy(x, mask, gen: torch.Generator, **_):
    return torch.multinomial(torch.where(mask.sum(1, keepdim=True) > 0, mask, torch.ones_like(mask)), 1, generator=gen).squeeze(1)


def round_robin(x, mask, step: int, **_):
    """The first valid node at or after (step mod N), cycling through node indices."""
    n = mask.shape[1]
    order = (torch.arange(n)[None, :] - step) % n  # distance ahead of the pointer
    return _argmax_valid(-order.to(mask.dtype), mask)


def least_loaded(x, mask, **_):
    """Lowest cpu_util + mem_util, then the shortest queue."""
    load = x[..., _F["cpu_util"]] + x[..., _F["mem_util"]] + 1e-3 * x[..., _F["queue_len"]]
    return _argmax_valid(-load, mask)


def nearest(x, mask, **_):
    """Lowest transmission time from the task's source."""
    return _argmax_valid(-x[..., _F["tx_ms"]], mask)


def greedy_oracle(x, mask, place, **_):
    """Lowest immediate placement cost computed by the simulator."""
    return _argmax_valid(-place["cost"].to(x.dtype), mask)


BASELINES = {
    "random": random_policy,
    "round_robin": round_robin,
    "least_loaded": least_loaded,
    "nearest": nearest,
    "greedy_oracle": greedy_oracle,
}
