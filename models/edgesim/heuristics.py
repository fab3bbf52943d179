"""Baselines of environment v2, each a function (sim, gen) -> action [E] on an EdgeSim at a decision.

All read the exact state the policies see (node and link backlogs, the route tree of the task's source). Ties go to
the lowest node index. The API mirrors every one but the planner in api/src/simulation.
"""

import torch

from .episodes import greedy_action
from .planner import plan
from .simulator import outcome

_NEG = float("-inf")


def argmax_valid(score: torch.Tensor, valid: torch.Tensor) -> torch.Tensor:
    return torch.where(valid, score, torch.full_like(score, _NEG)).argmax(1)


def random_policy(sim, gen):
    v = sim.out["valid"].to(torch.float64)
    return torch.multinomial(torch.where(v.sum(1, keepdim=True) > 0, v, torch.ones_like(v)), 1, generator=gen).squeeze(1)


def round_robin(sim, gen):
    """The first valid node at or after (task number mod N)."""
    n = sim.n
    order = (torch.arange(n)[None, :] - sim.k) % n
    return argmax_valid(-order.to(torch.float64), sim.out["valid"])


def least_loaded(sim, gen):
    """Shortest compute backlog."""
    return argmax_valid(-sim.state.backlog, sim.out["valid"])


def nearest(sim, gen):
    """Shortest route from the source (links taken as idle)."""
    return argmax_valid(-sim.out["idle"], sim.out["valid"])


def greedy(sim, gen):
    """Highest immediate reward, link and node queues included: the exact one-step optimum."""
    return greedy_action(sim.out)


def greedy_static(sim, gen):
    """Highest immediate reward with node queues exact but every link taken as idle (all a per-node transmission
    time tells)."""
    return argmax_valid(outcome(sim.st, sim.state, sim.task, links_idle=True)["reward"], sim.out["valid"])


def jsed(sim, gen):
    """Join the shortest expected delay: earliest completion (transfer, link and node queues, processing)."""
    return argmax_valid(-sim.out["finish"], sim.out["valid"])


def power_of_two(sim, gen):
    """Two distinct valid nodes drawn uniformly; the one with the earlier completion (the lower index on ties)."""
    v = sim.out["valid"].to(torch.float64)
    w = torch.where(v.sum(1, keepdim=True) > 0, v, torch.ones_like(v))
    two = torch.multinomial(w, 2, replacement=bool((w.sum(1) < 2).any()), generator=gen).sort(1).values
    fin = sim.out["finish"].gather(1, two)
    return torch.where(fin[:, 1] < fin[:, 0], two[:, 1], two[:, 0])


def planner(sim, gen):
    return plan(sim, gen)


BASELINES = {
    "random": random_policy,
    "round_robin": round_robin,
    "least_loaded": least_loaded,
    "nearest": nearest,
    "greedy": greedy,
    "greedy_static": greedy_static,
    "jsed": jsed,
    "power_of_two": power_of_two,
    "planner": planner,
}
