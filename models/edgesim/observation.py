"""Observation and placement cost of one task on every node: the single source of truth the API mirrors.

All arithmetic is float64 in a fixed order (see docs/environment.md) so TypeScript reproduces it.
"""

import torch

from . import spec

_CPU_GHZ = torch.tensor(spec.CPU_GHZ, dtype=torch.float64)
_MEM_GB = torch.tensor(spec.MEM_GB, dtype=torch.float64)
_E_CPU = torch.tensor(spec.ENERGY_PER_MCYCLE_J, dtype=torch.float64)


def field(nodes, name):
    return nodes[..., spec.NODE_FIELDS.index(name)]


def tier_lookup(table, nodes):
    return table[field(nodes, "node_type").long()]


def transmission_ms(nodes, adj, task):
    """Shortest-path transmission time [B, N] from each task's source (Bellman-Ford; inf where unreachable)."""
    lat, bw = field(nodes, "latency"), field(nodes, "bandwidth")
    hop = (lat[:, :, None] + lat[:, None, :]) / 2 + (8 * task["data_kb"])[:, None, None] / torch.minimum(bw[:, :, None], bw[:, None, :])
    w = torch.where(adj, hop, torch.full_like(hop, float("inf")))
    b, n = lat.shape
    dist = torch.full((b, n), float("inf"), dtype=torch.float64)
    dist[torch.arange(b), task["source"]] = 0.0
    for _ in range(n):
        relaxed = torch.minimum(dist, (dist[:, :, None] + w).min(dim=1).values)
        if torch.equal(relaxed, dist):
            break
        dist = relaxed
    return dist


def placement(nodes, adj, task, real=None):
    """Everything about placing each task on each node: dict of [B, N] tensors.

    real [B, N] bool marks real (non-padding) nodes; padding is never valid and is left out of load balance.
    """
    b, n = nodes.shape[:2]
    real = torch.ones(b, n, dtype=torch.bool) if real is None else real
    cpu, mem, energy, queue = (field(nodes, k) for k in ("cpu_util", "mem_util", "energy", "queue_len"))
    col = lambda k: task[k][:, None]  # noqa: E731  (broadcast a per-task scalar over nodes)

    tx = transmission_ms(nodes, adj, task)
    proc = col("cpu_mcycles") / (tier_lookup(_CPU_GHZ, nodes) * torch.clamp(1 - cpu, min=spec.MIN_FREE_CPU))
    wait = queue * proc
    latency = tx + wait + proc
    compute_j = col("cpu_mcycles") * tier_lookup(_E_CPU, nodes)
    energy_j = compute_j + spec.RADIO_POWER_W * tx / 1000
    met = latency <= col("deadline_ms")

    # Load balance after the placement: 1 - 2 * population std of cpu_util over real nodes.
    added = col("cpu_mcycles") / (tier_lookup(_CPU_GHZ, nodes) * 1000)
    after = torch.clamp(cpu + added, max=1.0)
    count = real.sum(dim=1, keepdim=True).to(torch.float64)
    cpu_r = torch.where(real, cpu, torch.zeros_like(cpu))
    s1 = cpu_r.sum(dim=1, keepdim=True) - cpu_r + after
    s2 = (cpu_r * cpu_r).sum(dim=1, keepdim=True) - cpu_r * cpu_r + after * after
    mean = s1 / count
    var = torch.clamp(s2 / count - mean * mean, min=0.0)
    balance = 1 - 2 * torch.sqrt(var)

    reward = (
        spec.W_LATENCY * torch.clamp(latency / col("deadline_ms"), max=spec.TERM_CAP)
        + spec.W_ENERGY * torch.clamp(energy_j / spec.ENERGY_REF_J, max=spec.TERM_CAP)
        + spec.W_QOS * met.to(torch.float64)
        + spec.W_BALANCE * balance
    )
    mem_after = mem + col("mem_mb") / (tier_lookup(_MEM_GB, nodes) * 1024)
    valid = (
        real
        & torch.isfinite(tx)
        & (mem_after <= 1.0)
        & (cpu <= spec.MAX_CPU_UTIL)
        & (queue < spec.MAX_QUEUE_LEN)
        & (energy >= compute_j)
    )
    return {
        "tx_ms": tx, "proc_ms": proc, "wait_ms": wait, "latency_ms": latency, "energy_j": energy_j,
        "compute_j": compute_j, "deadline_met": met, "cpu_added": added, "mem_after": mem_after,
        "reward": reward, "cost": -reward, "valid": valid,
    }


def features(nodes, task, place, real=None):
    """Policy input x [B, N, F] float32 in raw API units (spec.FEATURES order) and mask [B, N] float32."""
    b, n = nodes.shape[:2]
    real = torch.ones(b, n, dtype=torch.bool) if real is None else real
    is_source = torch.zeros(b, n, dtype=torch.float64)
    is_source[torch.arange(b), task["source"]] = 1.0
    tx = torch.where(torch.isfinite(place["tx_ms"]), place["tx_ms"], torch.full_like(place["tx_ms"], spec.TX_UNREACHABLE_MS))
    per_task = [task[k][:, None].expand(b, n) for k in ("cpu_mcycles", "mem_mb", "data_kb", "deadline_ms")]
    x = torch.stack([*nodes.unbind(-1), is_source, tx, place["proc_ms"], place["wait_ms"], *per_task], dim=-1)
    x = torch.where(real[..., None], x, torch.zeros_like(x))
    return x.to(torch.float32), place["valid"].to(torch.float32)
