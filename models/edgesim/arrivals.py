"""Arrival streams of environment v2 (docs/environment.md, "Arrivals"): Markov-modulated Poisson arrivals at a
target load rho of the network's compute, bursts concentrated on one fog region.

A stream depends only on the network, rho and a seed (one mulberry32 stream), never on the placements, so every
policy sees the same tasks and any language can replay it.
"""

import math

from . import spec
from .prng import Mulberry32


def node_speed(node: dict) -> float:
    """Compute speed in Mcycles/ms: CPU_GHZ * max(1 - cpu_util, MIN_FREE_CPU)."""
    return spec.CPU_GHZ[int(node["node_type"])] * max(1.0 - float(node["cpu_util"]), spec.MIN_FREE_CPU)


def arrival_rate(network: dict, load: float) -> float:
    """Tasks per ms that load the network's total compute to `load` on average."""
    return load * sum(node_speed(nd) for nd in network["nodes"]) / spec.MEAN_TASK_MCYCLES


def task_sources(network: dict) -> list[int]:
    """Sensors (every node if there are none), in index order."""
    sensors = [i for i, nd in enumerate(network["nodes"]) if int(nd["node_type"]) == spec.SENSOR]
    return sensors or list(range(len(network["nodes"])))


def regions(network: dict) -> list[int]:
    """Fog region of each node: its lowest-index fog neighbour (-1 if none)."""
    nodes = network["nodes"]
    reg = [-1] * len(nodes)
    for e in network["edges"]:
        s, t = (int(e["source"]), int(e["target"])) if isinstance(e, dict) else (int(e[0]), int(e[1]))
        for a, b in ((s, t), (t, s)):
            if int(nodes[b]["node_type"]) == spec.FOG and (reg[a] < 0 or b < reg[a]):
                reg[a] = b
    return reg


def arrival_stream(network: dict, load: float, seed: int, count: int) -> list[dict]:
    """`count` tasks, each {gap_ms, source, cpu_mcycles, mem_mb, data_kb, deadline_ms, burst, hot, load}; gap_ms is
    the time since the previous arrival, `load` the current arrival rate as a fraction of the network's compute."""
    if not load > 0:
        raise ValueError(f"load must be > 0 (a fraction of the network's compute), got {load}")
    rng = Mulberry32(seed)
    lam = arrival_rate(network, load)
    sources = task_sources(network)
    reg = regions(network)
    burst, hot, hot_sources = False, -1, []
    out = []
    for _ in range(count):
        u = rng()
        if not burst and u < spec.BURST_START_P:
            burst = True
            hot = reg[sources[int(rng() * len(sources))]]
            hot_sources = [s for s in sources if reg[s] == hot] if hot >= 0 else []
        elif burst and u < spec.BURST_END_P:
            burst = False
        mult = spec.RATE_BURST if burst else spec.RATE_CALM
        gap = -math.log(1.0 - rng()) / (lam * mult)
        pool = hot_sources if burst and hot_sources and rng() < spec.HOT_SHARE else sources
        task = {"gap_ms": gap, "source": pool[int(rng() * len(pool))]}
        for k, (lo, hi) in (("cpu_mcycles", spec.TASK_CPU_MCYCLES), ("mem_mb", spec.TASK_MEM_MB),
                            ("data_kb", spec.TASK_DATA_KB), ("deadline_ms", spec.TASK_DEADLINE_MS)):
            task[k] = lo + (hi - lo) * rng()
        task.update(burst=burst, hot=hot if burst else -1, load=load * mult)
        out.append(task)
    return out


def warmup_tasks(num_nodes: int) -> int:
    return max(spec.WARMUP_MIN_TASKS, spec.WARMUP_PER_NODE * num_nodes)


def default_source(network: dict) -> int:
    """The API's default task source: the first sensor, else node 0."""
    return next((i for i, nd in enumerate(network["nodes"]) if int(nd["node_type"]) == spec.SENSOR), 0)
