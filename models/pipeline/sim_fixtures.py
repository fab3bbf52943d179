"""Parity fixtures of environment v2 for the TypeScript mirror (api/src/simulation/routing.ts, outcome.ts,
heuristics.ts): models/fixtures/simulation.json.

Every case is a request {network_state, task?, load?} and what edgesim.simulator build/outcome/features and
edgesim.heuristics make of it on a batch of one. Run from models/: python -m pipeline.sim_fixtures
"""

import random
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import torch

from edgesim import heuristics, spec
from edgesim.episodes import EdgeSim, greedy_action
from edgesim.generator import generate_network
from edgesim.arrivals import default_source
from edgesim.simulator import F64, build, features, outcome

from .fixtures import f32, write_json

OUT = Path(__file__).resolve().parents[1] / "fixtures" / "simulation.json"
SEED = 2718
MAX_BYTES = 3_000_000
CHOICES = ("greedy", "greedy_static", "jsed", "least_loaded", "nearest")


def resolve_task(req: dict) -> dict:
    """The API's defaults: spec.DEFAULT_TASK, source = first sensor (else 0), load = spec.DEFAULT_LOAD."""
    net = req["network_state"]
    t = {**spec.DEFAULT_TASK, "source": default_source(net), **req.get("task", {})}
    out = {"source": torch.tensor([int(t["source"])], dtype=torch.long),
           "load": torch.tensor([float(req.get("load", spec.DEFAULT_LOAD))], dtype=F64)}
    for k in ("cpu_mcycles", "mem_mb", "data_kb", "deadline_ms"):
        out[k] = torch.tensor([float(t[k])], dtype=F64)
    return out


def finite_or_none(t: torch.Tensor) -> list:
    return [float(v) if np.isfinite(v) else None for v in t.tolist()]


def expected(req: dict) -> dict:
    net = req["network_state"]
    task = resolve_task(req)
    src = int(task["source"][0])
    # Route only from the request's source (the API's way); route trees do not depend on the other sources.
    st, state = build([net], sources_of=lambda _: [src])
    out = outcome(st, state, task)
    feat = features(st, state, task, out)
    m = st.cap.shape[1] - 1
    arrive = out["arrive"][0]
    reach = torch.isfinite(arrive)
    sim = SimpleNamespace(n=st.n, k=0, st=st, state=state, task=task, out=out)
    any_valid = bool(out["valid"].any())
    exp = {
        "arrive": finite_or_none(arrive),
        "link_wait": torch.where(reach, arrive - out["idle"][0], torch.zeros_like(arrive)).tolist(),
        "wait": finite_or_none(out["wait"][0]),
        "finish": finite_or_none(out["finish"][0]),
        "reward": out["reward"][0].tolist(),
        "valid": [int(v) for v in out["valid"][0].tolist()],
        "parent": out["parent"][0].tolist(),
        "link": [k if k < m else -1 for k in out["link"][0].tolist()],
        "depth": st.depth[0, 0].tolist(),
        "x": [[f32(v) for v in row] for row in feat["x"][0].tolist()],
        "edge_attr": [[f32(v) for v in row] for row in feat["edge_attr"][0].tolist()],
        "mask": [int(v) for v in feat["mask"][0].tolist()],
        "link_index": feat["link_index"].tolist(),
        "link_attr": [[f32(v) for v in row] for row in feat["link_attr"].tolist()],
    }
    for name in CHOICES:  # Python returns node 0 when nothing is valid; the API says -1
        exp[name] = int(getattr(heuristics, name)(sim, None)[0]) if any_valid else -1
    return exp


# ---- request builders ---------------------------------------------------------------------------------------------

def random_task(rng: random.Random, net: dict, source: int | None = None) -> dict:
    u = lambda lo_hi: lo_hi[0] + (lo_hi[1] - lo_hi[0]) * rng.random()  # noqa: E731
    return {"source": rng.randrange(len(net["nodes"])) if source is None else source,
            "cpu_mcycles": u(spec.TASK_CPU_MCYCLES), "mem_mb": u(spec.TASK_MEM_MB), "data_kb": u(spec.TASK_DATA_KB),
            "deadline_ms": u(spec.TASK_DEADLINE_MS)}


def pairs(net: dict) -> list:
    return [(e["source"], e["target"]) if isinstance(e, dict) else tuple(e) for e in net["edges"]]


def drop_edges(net: dict, keep) -> dict:
    return {"nodes": net["nodes"], "edges": [e for e, p in zip(net["edges"], pairs(net)) if keep(p)]}


def isolate(net: dict, nodes: set) -> dict:
    return drop_edges(net, lambda p: p[0] not in nodes and p[1] not in nodes)


def patch_nodes(net: dict, idx, **values) -> dict:
    nodes = [dict(nd) for nd in net["nodes"]]
    for i in idx:
        nodes[i].update(values)
    return {"nodes": nodes, "edges": net["edges"]}


def mid_episode(n: int, seed: int, load: float, steps: int, keep_queue_len: bool = True) -> dict:
    """A request at a decision of a greedy-run EdgeSim episode: node backlogs, link backlogs and energy as they are."""
    net = generate_network(n, seed)
    sim = EdgeSim([net], [load], [seed], tasks=steps + 1)
    sim.reset()
    for _ in range(steps):
        sim.step(greedy_action(sim.out), observe=False)
    nodes = []
    for i, nd in enumerate(net["nodes"]):
        node = {**nd, "energy": float(sim.state.energy[0, i]), "backlog_ms": float(sim.state.backlog[0, i])}
        if not keep_queue_len:
            del node["queue_len"]
        nodes.append(node)
    edges = [{"source": s, "target": t, "backlog_ms": float(sim.state.link_backlog[0, k])}
             for k, (s, t) in enumerate(net["edges"])]
    task = {k: float(sim.task[k][0]) for k in ("cpu_mcycles", "mem_mb", "data_kb", "deadline_ms")}
    req = {"network_state": {"nodes": nodes, "edges": edges}, "task": {"source": int(sim.task["source"][0]), **task},
           "load": float(sim.task["load"][0])}
    # the exported request must reproduce the simulator's own view of this decision
    assert torch.equal(outcome(*build([req["network_state"]]), resolve_task(req))["reward"], sim.out["reward"])
    return req


def with_capacities(net: dict, every: int, scale: float) -> dict:
    """Every `every`-th edge as an object with an explicit capacity: scale * the default min-bandwidth one."""
    nodes = net["nodes"]
    edges = []
    for k, (s, t) in enumerate(pairs(net)):
        if k % every == 0:
            edges.append({"source": s, "target": t,
                          "capacity_mbps": scale * min(nodes[s]["bandwidth"], nodes[t]["bandwidth"])})
        else:
            edges.append([s, t])
    return {"nodes": nodes, "edges": edges}


def node(node_type: int, latency: float, bandwidth: float, **kw) -> dict:
    return {"cpu_util": 0.3, "mem_util": 0.3, "energy": 1000.0, "latency": latency, "bandwidth": bandwidth,
            "queue_len": 1.0, "node_type": node_type, **kw}


def tie_network() -> dict:
    """Equal-cost routes 0-1-3 and 0-2-3 (hop weight 1 + 4040/4040 = 2, exact) with parallel 1-3 links (the first
    busy): node 3's parent must be 1 (the lower index) over link 2 (the lower of the pair). 3-4 has parallel links of
    different weights (3 and 2): only link 6 is on the route."""
    nodes = [node(0, 1.0, 4040.0), node(1, 1.0, 4040.0), node(1, 1.0, 4040.0), node(2, 1.0, 4040.0),
             node(1, 1.0, 4040.0)]
    edges = [[0, 2], [0, 1], {"source": 3, "target": 1, "backlog_ms": 30.0}, [1, 3], [2, 3],
             {"source": 4, "target": 3, "capacity_mbps": 2020.0}, [3, 4]]
    return {"nodes": nodes, "edges": edges}


def build_requests() -> list[tuple[str, dict]]:
    rng = random.Random(SEED)
    seed = lambda: rng.randrange(2**31 - 1)  # noqa: E731
    out = []

    def add(desc, net, task="random", load="random"):
        req = {"network_state": net}
        if task == "random":
            req["task"] = random_task(rng, net)
        elif task is not None:
            req["task"] = task
        if load == "random":
            req["load"] = spec.LOAD_RANGE[0] + (spec.LOAD_RANGE[1] - spec.LOAD_RANGE[0]) * rng.random()
        elif load is not None:
            req["load"] = load
        out.append((desc, req))

    for n in (2, 3, 4, 5, 8, 10, 15, 20, 30, 50, 75, 100, 200, 1000):
        add(f"generated network, {n} nodes, random task and source (queue_len only)", generate_network(n, seed()))
    for n in (2, 20):
        add(f"generated network, {n} nodes, no task or load (API defaults)", generate_network(n, seed()), None, None)
    net = generate_network(20, seed())
    for src in (0, 16, 19):  # a sensor, a fog node, the cloud
        add(f"20 nodes, task from node {src} (node_type {net['nodes'][src]['node_type']})", net,
            random_task(rng, net, source=src))

    for n, load, steps, keep in ((6, 0.9, 5, True), (12, 0.9, 20, True), (30, 0.8, 10, False), (60, 0.9, 40, True),
                                 (150, 0.7, 30, True)):
        req = mid_episode(n, seed(), load, steps, keep)
        add(f"mid-episode: {n} nodes after a greedy warm-up and {steps} steps at load {load} (backlog_ms, link "
            f"backlogs{'' if keep else ', no queue_len'})", req["network_state"], req["task"], req["load"])
    busy = mid_episode(40, seed(), 0.9, 15)
    add("mid-episode, 40 nodes, the largest transfer", busy["network_state"],
        {**busy["task"], "data_kb": spec.TASK_DATA_KB[1]}, busy["load"])

    base = generate_network(25, seed())
    add("explicit capacity_mbps on every 3rd edge (a quarter of the default: bottlenecks)",
        with_capacities(base, 3, 0.25))
    add("explicit capacity_mbps on every 2nd edge (4x the default)", with_capacities(base, 2, 4.0))
    dead = with_capacities(generate_network(12, seed()), 4, 0.0)
    add("zero capacity on every 4th edge (infinite hop weight: never on a route), source a fog node", dead,
        random_task(rng, dead, source=9))
    add("equal-cost routes and parallel links (lowest-index parent, lowest link)", tie_network(),
        {"source": 0, "cpu_mcycles": 800.0, "mem_mb": 64.0, "data_kb": 300.0, "deadline_ms": 400.0})

    for n in (10, 30):
        g = generate_network(n, seed())
        cloud = {i for i, nd in enumerate(g["nodes"]) if nd["node_type"] == spec.CLOUD}
        add(f"disconnected: cloud cut off, {n} nodes", isolate(g, cloud), random_task(rng, g, source=0))
        add(f"disconnected: half the edges removed, {n} nodes", drop_edges(g, lambda p: (p[0] * 7 + p[1]) % 2 == 0),
            random_task(rng, g, source=1))
    for n in (5, 25):
        g = generate_network(n, seed())
        add(f"isolated source node 1, {n} nodes (only itself reachable)", isolate(g, {1}),
            random_task(rng, g, source=1))
    g = generate_network(12, seed())
    add("isolated nodes 1 and 10, 12 nodes, source elsewhere", isolate(g, {1, 10}), random_task(rng, g, source=0))
    add("2 nodes, no edges", {"nodes": generate_network(2, seed())["nodes"], "edges": []})

    g = generate_network(20, seed())
    add("masked: full memory on nodes 0-2", patch_nodes(g, range(3), mem_util=0.999), random_task(rng, g, source=4))
    add("masked: cpu 0.96 on the last 2 nodes, exactly 0.95 on node 3 (still valid)",
        patch_nodes(patch_nodes(g, (18, 19), cpu_util=0.96), (3,), cpu_util=0.95), random_task(rng, g, source=4))
    add("masked: backlog_ms 5000 on nodes 1 and 16, 4999.99 on node 2 (still valid)",
        patch_nodes(patch_nodes(g, (1, 16), backlog_ms=5000.0), (2,), backlog_ms=4999.99),
        random_task(rng, g, source=4))
    add("masked: queue_len 40 on nodes 0 and 3 (backlog over 5000 from queue_len alone)",
        patch_nodes(g, (0, 3), queue_len=40.0), random_task(rng, g, source=4))
    add("masked: drained energy on nodes 0, 2 and the fog node 16", patch_nodes(g, (0, 2, 16), energy=0.01),
        random_task(rng, g, source=4))
    add("masked: source has energy for its own compute but not to transmit (only itself valid)",
        patch_nodes(g, (4,), energy=0.3, bandwidth=10.0),
        {**random_task(rng, g, source=4), "cpu_mcycles": 500.0, "data_kb": 1000.0})
    full = patch_nodes(generate_network(8, seed()), range(8), mem_util=1.0)
    add("every node masked (full memory), 8 nodes", full)
    full5 = isolate(patch_nodes(generate_network(5, seed()), (0,), cpu_util=0.99), {0})
    add("every node masked: isolated overloaded source, 5 nodes", full5, random_task(rng, full5, source=0))

    g = generate_network(15, seed())
    add("tight deadline: no node meets it, 15 nodes", g, {**random_task(rng, g), "deadline_ms": 1.0})
    add("largest task and transfer, 15 nodes", g, {**random_task(rng, g), "data_kb": 1000.0, "cpu_mcycles": 2000.0})
    add("tiny task, 15 nodes", g, {**random_task(rng, g), "cpu_mcycles": 100.0, "mem_mb": 16.0, "data_kb": 10.0})
    add("partial task (source and data_kb only), 15 nodes", g, {"source": 3, "data_kb": 640.0})
    mixed = patch_nodes(g, range(0, 15, 2), backlog_ms=750.0)
    add("backlog_ms on even nodes, queue_len elsewhere, 15 nodes", mixed)
    return out


def write_simulation_fixture(path: Path = OUT) -> list[dict]:
    cases = [{"description": desc, "request": req, "expected": expected(req)} for desc, req in build_requests()]
    doc = {"description": "environment v2 parity cases: edgesim.simulator outcome/features and edgesim.heuristics "
                          "choices on a batch of one (written by models/pipeline/sim_fixtures.py)",
           "cases": cases}
    size = write_json(path, doc, max_bytes=MAX_BYTES)
    print(f"[sim_fixtures] {len(cases)} cases, {size / 1e6:.2f} MB -> {path}")
    return cases


if __name__ == "__main__":
    write_simulation_fixture()
