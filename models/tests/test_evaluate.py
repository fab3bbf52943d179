import math

import torch

from pipeline.config import EvalConfig
from pipeline.evaluate import baseline_actor, evaluate, run
from edgesim.baselines import BASELINES
from policies.networks import ActorCritic

KEYS = ["policy", "kind", "num_nodes", "mean_reward", "std_reward", "deadline_met_rate", "mean_latency_ms"]


def test_eval_document_shape():
    torch.manual_seed(0)
    doc = evaluate({"ppo": ActorCritic(8).eval()}, EvalConfig(episodes=4, sizes=(5, 8)), log=lambda *_: None)
    assert list(doc) == ["seed", "episodes", "results"] and doc["seed"] == 42 and doc["episodes"] == 4
    assert len(doc["results"]) == 2 * (1 + len(BASELINES))
    for r in doc["results"]:
        assert list(r) == KEYS
        assert r["kind"] == ("learned" if r["policy"] == "ppo" else "baseline")
        assert 0 <= r["deadline_met_rate"] <= 1 and math.isfinite(r["mean_latency_ms"])


def test_same_policy_same_numbers_and_oracle_beats_random():
    cfg = EvalConfig(episodes=6)
    a = run(baseline_actor(BASELINES["greedy_oracle"]), 12, cfg)
    b = run(baseline_actor(BASELINES["greedy_oracle"]), 12, cfg)
    c = run(baseline_actor(BASELINES["random"]), 12, cfg)
    assert a == b and a["mean_reward"] > c["mean_reward"]
