import json

import torch

from edgesim import spec
from edgesim.generator import generate_network
from pipeline.config import FixtureConfig
from pipeline.fixtures import build_requests, f32, model_fixture, network_fixture, request_tensors
from policies.networks import QNetwork

REQS = build_requests(FixtureConfig())


def test_at_least_50_cases_covering_the_required_situations():
    assert len(REQS) >= 50
    sizes = {len(r["network_state"]["nodes"]) for _, r in REQS}
    assert 2 in sizes and 1000 in sizes
    descs = " ".join(d for d, _ in REQS)
    for word in ("disconnected", "isolated", "masked", "every node masked", "source", "no task"):
        assert word in descs
    sources = {r["task"]["source"] for _, r in REQS if "task" in r}
    assert len(sources) > 5
    masked = [request_tensors(r)[2] for _, r in REQS if len(r["network_state"]["nodes"]) < 1000]
    assert any(0 < float(m.sum()) < m.shape[1] for m in masked) and any(float(m.sum()) == 0 for m in masked)


def test_tensors_are_what_the_request_becomes():
    desc, req = REQS[5]
    x, adj, mask, place = request_tensors(req)
    n = len(req["network_state"]["nodes"])
    assert x.shape == (1, n, spec.NUM_FEATURES) and adj.shape == (1, n, n) and mask.shape == (1, n)
    assert torch.equal(adj[0], adj[0].T) and float(adj[0].diagonal().sum()) == 0
    assert float(x[0, req["task"]["source"], 7]) == 1.0


def test_model_fixture_case_shape():
    torch.manual_seed(0)
    small = [r for r in REQS if len(r[1]["network_state"]["nodes"]) <= 20][:6]
    doc = model_fixture("dqn", QNetwork(8, 0.25), small)
    json.dumps(doc, allow_nan=False)
    case = doc["cases"][0]
    assert set(case) == {"description", "request", "tensors", "expected"}
    assert set(case["expected"]) == {"scores", "probs", "value", "selected_node", "node_costs"}
    n = len(case["request"]["network_state"]["nodes"])
    assert len(case["expected"]["node_costs"]) == n and len(case["tensors"]["x"][0]) == n


def test_networks_fixture_is_the_generator():
    nets = network_fixture(FixtureConfig())
    assert {n["num_nodes"] for n in nets} >= {2, 3, 5, 20, 200, 1000}
    assert nets[0]["network_state"] == generate_network(nets[0]["num_nodes"], nets[0]["seed"])


def test_f32_round_trips():
    import numpy as np

    for v in (0.1, 1e-9, 123456.789, -1e9):
        assert np.float32(f32(v)) == np.float32(v)
