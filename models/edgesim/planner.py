"""Sampled look-ahead rollout planner: the strong reference the learned policies try to match at a fraction of its
cost. It never reads the real future: it samples futures from the arrival model (rate, burst phase and hot region
as they are now) and scores each of the top-K greedy candidates by the mean return of H sampled arrivals placed
greedily after it, over the same M sampled futures for every candidate."""

from dataclasses import dataclass

import torch

from . import spec
from .episodes import greedy_action
from .simulator import F64, advance, commit, outcome


@dataclass
class PlannerConfig:
    candidates: int = 6
    horizon: int = 10
    samples: int = 8


def sample_futures(st, rate: torch.Tensor, burst: torch.Tensor, hot: torch.Tensor, horizon: int, gen: torch.Generator):
    """`horizon` tasks per row drawn from the arrival model (arrivals.arrival_stream's process, torch-sampled)."""
    r = rate.shape[0]
    burst, hot = burst.clone(), hot.clone()
    src_w = st.src_mask.to(F64)
    out = []
    for _ in range(horizon):
        u = torch.rand(r, generator=gen, dtype=F64)
        on = ~burst & (u < spec.BURST_START_P)
        off = burst & (u < spec.BURST_END_P)
        pick = torch.multinomial(src_w, 1, generator=gen).squeeze(1)
        hot = torch.where(on, st.region[torch.arange(r), pick], hot)
        burst = (burst | on) & ~off
        mult = torch.where(burst, torch.full((r,), spec.RATE_BURST, dtype=F64), torch.full((r,), spec.RATE_CALM, dtype=F64))
        gap = -torch.log(1 - torch.rand(r, generator=gen, dtype=F64)) / (rate * mult)
        in_hot = st.src_mask & (st.region == hot[:, None]) & (hot[:, None] >= 0)
        hot_draw = burst & (torch.rand(r, generator=gen, dtype=F64) < spec.HOT_SHARE) & in_hot.any(1)
        w = torch.where(hot_draw[:, None], in_hot.to(F64), src_w)
        task = {"gap_ms": gap, "source": torch.multinomial(w, 1, generator=gen).squeeze(1)}
        for k, (lo, hi) in (("cpu_mcycles", spec.TASK_CPU_MCYCLES), ("mem_mb", spec.TASK_MEM_MB),
                            ("data_kb", spec.TASK_DATA_KB), ("deadline_ms", spec.TASK_DEADLINE_MS)):
            task[k] = lo + (hi - lo) * torch.rand(r, generator=gen, dtype=F64)
        out.append(task)
    return out


def plan(sim, gen: torch.Generator, cfg: PlannerConfig = PlannerConfig()) -> torch.Tensor:
    return plan_values(sim, gen, cfg)[0]


def plan_values(sim, gen: torch.Generator, cfg: PlannerConfig = PlannerConfig()):
    """(choice [E], candidates [E, K], their estimated returns [E, K]); an invalid candidate repeats the best one."""
    e, n = sim.out["reward"].shape
    k, m = min(cfg.candidates, n), cfg.samples
    valid, reward = sim.out["valid"], sim.out["reward"]
    cand = torch.where(valid, reward, torch.full_like(reward, float("-inf"))).topk(k, 1).indices
    cand = torch.where(valid.gather(1, cand), cand, cand[:, :1])
    env_m = torch.arange(e).repeat_interleave(m)
    futures = sample_futures(sim.st.rows(env_m), sim.rate[env_m], sim.task["burst"][env_m], sim.task["hot"][env_m],
                             cfg.horizon, gen)
    rows = torch.arange(e).repeat_interleave(k * m)  # order (env, candidate, sample)
    em = (torch.arange(e)[:, None, None] * m + torch.arange(m)[None, None, :]).expand(e, k, m).reshape(-1)
    st, state = sim.st.rows(rows), sim.state.rows(rows)
    task = {f: v[rows] for f, v in sim.task.items()}
    out = {f: (v[rows] if torch.is_tensor(v) else v) for f, v in sim.out.items()}
    a0 = cand[:, :, None].expand(e, k, m).reshape(-1)
    b = torch.arange(rows.shape[0])
    placed = out["valid"][b, a0]
    total = torch.where(placed, out["reward"][b, a0], torch.full((b.shape[0],), spec.DROP_PENALTY, dtype=F64))
    commit(st, state, task, a0, out, placed)
    for fut in futures:
        ft = {f: v[em] for f, v in fut.items()}
        advance(state, ft["gap_ms"])
        o = outcome(st, state, ft)
        a = greedy_action(o)
        ok = o["valid"][b, a]
        total += torch.where(ok, o["reward"][b, a], torch.full_like(total, spec.DROP_PENALTY))
        commit(st, state, ft, a, o, ok)
    value = total.view(e, k, m).mean(2)
    return cand.gather(1, value.argmax(1, keepdim=True)).squeeze(1), cand, value
