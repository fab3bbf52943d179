"""Parity fixtures (issue 2 section 6): models/fixtures/<name>.json and models/fixtures/networks.json.

Cases are built deterministically from FixtureConfig.seed; every model gets the same requests.
"""

import json
import random

import numpy as np
import torch

from edgesim import spec
from edgesim.generator import generate_network
from edgesim.observation import features, placement
from edgesim.tensors import default_source, network_to_tensors, task_tensors

from .config import FixtureConfig


def f32(v: float) -> float:
    """Shortest decimal that parses back to the same float32."""
    return float(str(np.float32(v)))


def nested32(t: torch.Tensor):
    if t.dim() == 0:
        return f32(float(t))
    return [nested32(s) for s in t] if t.dim() > 1 else [f32(v) for v in t.tolist()]


def binary(t: torch.Tensor):
    return [[int(v) for v in row] for row in t.to(torch.int64).tolist()]


def random_task(rng: random.Random, network: dict, source: int | None = None) -> dict:
    n = len(network["nodes"])
    u = lambda lo_hi: lo_hi[0] + (lo_hi[1] - lo_hi[0]) * rng.random()  # noqa: E731
    return {"source": rng.randrange(n) if source is None else source, "cpu_mcycles": u(spec.TASK_CPU_MCYCLES),
            "mem_mb": u(spec.TASK_MEM_MB), "data_kb": u(spec.TASK_DATA_KB), "deadline_ms": u(spec.TASK_DEADLINE_MS)}


def drop_edges(network: dict, keep) -> dict:
    return {"nodes": network["nodes"], "edges": [e for e in network["edges"] if keep(e)]}


def isolate(network: dict, nodes: set) -> dict:
    return drop_edges(network, lambda e: e[0] not in nodes and e[1] not in nodes)


def patch_nodes(network: dict, idx, **values) -> dict:
    nodes = [dict(nd) for nd in network["nodes"]]
    for i in idx:
        nodes[i].update(values)
    return {"nodes": nodes, "edges": network["edges"]}


def build_requests(cfg: FixtureConfig) -> list[tuple[str, dict]]:
    """(description, request) pairs; a request without "task" means the API's default task and source."""
    rng = random.Random(cfg.seed)
    seed = lambda: rng.randrange(2**31 - 1)  # noqa: E731
    out = []

    def add(desc, net, task="random"):
        req = {"network_state": net}
        if task == "random":
            req["task"] = random_task(rng, net)
        elif task is not None:
            req["task"] = task
        out.append((desc, req))

    for n in (2, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 20, 20, 25, 30, 40, 50, 75, 100, 150, 200):
        add(f"generated network, {n} nodes, random task", generate_network(n, seed()))
    for n in (2, 10, 20):
        add(f"generated network, {n} nodes, no task (API default task and source)", generate_network(n, seed()), task=None)
    net = generate_network(20, seed())
    for src in (0, 5, 16, 19):  # sensors, a fog node, the cloud
        add(f"20 nodes, task from source {src} (node_type {net['nodes'][src]['node_type']})", net,
            random_task(rng, net, source=src))
    for n in (10, 20, 30):
        base = generate_network(n, seed())
        cloud = {i for i, nd in enumerate(base["nodes"]) if nd["node_type"] == spec.CLOUD}
        add(f"disconnected: cloud cut off, {n} nodes", isolate(base, cloud), random_task(rng, base, source=0))
        half = drop_edges(base, lambda e: (e[0] * 7 + e[1]) % 2 == 0)
        add(f"disconnected: half the edges removed, {n} nodes", half, random_task(rng, base, source=1))
    for n in (5, 12, 25):
        base = generate_network(n, seed())
        iso = {1, n - 2}
        add(f"isolated nodes {sorted(iso)}, {n} nodes, source elsewhere", isolate(base, iso), random_task(rng, base, source=0))
        add(f"isolated source node 1, {n} nodes (only itself reachable)", isolate(base, {1}), random_task(rng, base, source=1))
    add("2 nodes, no edges", {"nodes": generate_network(2, seed())["nodes"], "edges": []}, None)
    for n in (8, 20):
        base = generate_network(n, seed())
        add(f"masked: full memory on nodes 0-2, {n} nodes", patch_nodes(base, range(3), mem_util=0.999))
        add(f"masked: cpu over 0.95 on the last 2 nodes, {n} nodes", patch_nodes(base, range(n - 2, n), cpu_util=0.97))
        add(f"masked: queue at 50 on nodes 1 and 3, {n} nodes", patch_nodes(base, (1, 3), queue_len=50.0))
        add(f"masked: drained energy on nodes 0 and 2, {n} nodes", patch_nodes(base, (0, 2), energy=0.01))
    full2 = patch_nodes(generate_network(2, seed()), (0, 1), mem_util=1.0)
    add("every node masked (full memory), 2 nodes", full2)
    full5 = isolate(patch_nodes(generate_network(5, seed()), (0,), cpu_util=0.99), {0})
    add("every node masked: isolated overloaded source, 5 nodes", full5, random_task(rng, full5, source=0))
    tight = generate_network(15, seed())
    add("tight deadline: no node meets it, 15 nodes", tight, {**random_task(rng, tight), "deadline_ms": 1.0})
    add("large data transfer, 15 nodes", tight, {**random_task(rng, tight), "data_kb": 1000.0, "cpu_mcycles": 2000.0})
    add("tiny task, 15 nodes", tight, {**random_task(rng, tight), "cpu_mcycles": 100.0, "mem_mb": 16.0, "data_kb": 10.0})
    add("generated network, 1000 nodes, random task", generate_network(1000, seed()))
    return out


def request_tensors(req: dict):
    """What a request becomes: (x [1,N,15] float32, adj [1,N,N] float32, mask [1,N] float32, placement dict)."""
    net = req["network_state"]
    task = req.get("task") or {**spec.DEFAULT_TASK, "source": default_source(net)}
    nodes, adj = network_to_tensors(net)
    t = task_tensors([task])
    place = placement(nodes[None], adj[None], t)
    x, mask = features(nodes[None], t, place)
    return x, adj[None].to(torch.float32), mask, place


def model_fixture(name: str, model, requests) -> dict:
    model.eval()
    cases = []
    for desc, req in requests:
        x, adj, mask, place = request_tensors(req)
        with torch.no_grad():
            scores, probs, value = model(x, adj, mask)
        selected = int(probs[0].argmax()) if float(mask.sum()) > 0 else -1
        cases.append({
            "description": desc,
            "request": req,
            "tensors": {"x": nested32(x[0][None]), "adj": [binary(adj[0])], "mask": nested32(mask)},
            "expected": {"scores": nested32(scores), "probs": nested32(probs), "value": nested32(value),
                         "selected_node": selected, "node_costs": [float(c) for c in place["cost"][0].tolist()]},
        })
    return {"model": name, "cases": cases}


def network_fixture(cfg: FixtureConfig) -> list[dict]:
    return [{"num_nodes": n, "seed": s, "network_state": generate_network(n, s)} for n, s in cfg.network_pairs]


def write_json(path, doc):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, allow_nan=False, separators=(",", ":")) + "\n")
