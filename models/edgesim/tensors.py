"""Turn networks (the API's JSON format) and tasks into batched float64 tensors, and back."""

import torch

from . import spec


def network_to_tensors(network: dict, num_nodes: int | None = None):
    """nodes [N, 7] float64 (spec.NODE_FIELDS order) and adj [N, N] bool, zero-padded to num_nodes."""
    n = len(network["nodes"])
    size = num_nodes or n
    nodes = torch.zeros(size, len(spec.NODE_FIELDS), dtype=torch.float64)
    nodes[:n] = torch.tensor([[float(nd[f]) for f in spec.NODE_FIELDS] for nd in network["nodes"]], dtype=torch.float64)
    adj = torch.zeros(size, size, dtype=torch.bool)
    if network["edges"]:
        e = torch.tensor(network["edges"], dtype=torch.long)
        adj[e[:, 0], e[:, 1]] = True
        adj[e[:, 1], e[:, 0]] = True
    return nodes, adj


def stack_networks(networks: list[dict]):
    """Batch equally sized networks: nodes [B, N, 7], adj [B, N, N]."""
    pairs = [network_to_tensors(n) for n in networks]
    return torch.stack([p[0] for p in pairs]), torch.stack([p[1] for p in pairs])


def task_tensors(tasks: list[dict]) -> dict:
    """Tasks [{source, cpu_mcycles, mem_mb, data_kb, deadline_ms}] -> dict of [B] tensors."""
    out = {"source": torch.tensor([int(t["source"]) for t in tasks], dtype=torch.long)}
    for k in ("cpu_mcycles", "mem_mb", "data_kb", "deadline_ms"):
        out[k] = torch.tensor([float(t[k]) for t in tasks], dtype=torch.float64)
    return out


def default_source(network: dict) -> int:
    """The API's default task source: the first sensor, else node 0."""
    return next((i for i, nd in enumerate(network["nodes"]) if int(nd["node_type"]) == spec.SENSOR), 0)
