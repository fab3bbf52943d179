"""The committed artifacts (produced by `npm run train`) meet the contract and the targets of issue 2."""

import json

import pytest

from pipeline.config import ONNX_DIR, REPORT_DIR, FIXTURE_DIR, EvalConfig
from pipeline.export import sha256

EVAL = REPORT_DIR / "eval.json"
pytestmark = pytest.mark.skipif(not EVAL.exists(), reason="run `npm run train` first")
BASELINES = ("random", "round_robin", "least_loaded", "nearest", "greedy_oracle")


def rows():
    doc = json.loads(EVAL.read_text())
    return doc, {(r["policy"], r["num_nodes"]): r for r in doc["results"]}


def test_eval_json_shape():
    doc, by = rows()
    assert list(doc) == ["seed", "episodes", "results"] and doc["seed"] == 42 and doc["episodes"] == 100
    for r in doc["results"]:
        assert list(r) == ["policy", "kind", "num_nodes", "mean_reward", "std_reward", "deadline_met_rate", "mean_latency_ms"]
    for n in EvalConfig().sizes:
        for p in ("dqn", "ppo", "hybrid") + BASELINES:
            assert (p, n) in by


def test_hybrid_beats_every_baseline_but_the_oracle_at_every_size():
    _, by = rows()
    for n in EvalConfig().sizes:
        for b in BASELINES[:-1]:
            assert by[("hybrid", n)]["mean_reward"] > by[(b, n)]["mean_reward"], (n, b)


def test_dqn_and_ppo_beat_random_and_round_robin_at_training_size():
    _, by = rows()
    for p in ("dqn", "ppo"):
        for b in ("random", "round_robin"):
            assert by[(p, 20)]["mean_reward"] > by[(b, 20)]["mean_reward"]


@pytest.mark.parametrize("name", ["dqn", "ppo", "hybrid"])
def test_manifest_sha_and_fixture(name):
    m = json.loads((ONNX_DIR / f"{name}.json").read_text())
    assert m["onnx"]["sha256"] == sha256(ONNX_DIR / f"{name}.onnx")
    fx = json.loads((FIXTURE_DIR / f"{name}.json").read_text())
    assert fx["model"] == name and len(fx["cases"]) >= 50
    assert m["evaluation"]["results"] and m["training"]["curve"]
