from edgesim import spec
from pipeline.config import PPOConfig
from pipeline.manifest import build
from policies.networks import ActorCritic

REQUIRED = {"name", "version", "algorithm", "architecture", "features", "inputs", "outputs", "onnx", "training",
            "evaluation", "regenerate"}


def test_manifest_fields():
    ev = {"seed": 42, "episodes": 2, "results": [
        {"policy": "ppo", "kind": "learned", "num_nodes": 20, "mean_reward": 1.0},
        {"policy": "random", "kind": "baseline", "num_nodes": 20, "mean_reward": -1.0}]}
    m = build("ppo", ActorCritic(8), PPOConfig(), "ab" * 32, {"steps": 10, "wall_s": 1.0, "curve": []}, ev)
    assert REQUIRED <= set(m)
    assert [f["name"] for f in m["features"]] == [f[0] for f in spec.FEATURES]
    assert [i["name"] for i in m["inputs"]] == ["x", "adj", "mask"]
    assert [o["name"] for o in m["outputs"]] == ["scores", "probs", "value"]
    assert m["training"]["seed"] == PPOConfig().seed and m["onnx"]["sha256"] == "ab" * 32
    assert m["evaluation"]["results"][0]["policy"] == "ppo"
    assert m["evaluation"]["best_baseline"]["20"]["policy"] == "random"
