"""pipeline/seed_spread.py and its section of the model card."""

from dataclasses import asdict, replace

import pytest

from pipeline import config as C
from pipeline.export import sha256
from pipeline.model_card import seeds_section
from pipeline.seed_spread import spread


def test_each_seed_is_trained_and_measured_against_greedy():
    hp = C.PipelineConfig().hybrid
    hp = replace(hp, rounds=1, num_envs=4, planner=replace(hp.planner, samples=2))
    report = spread("hybrid", hp, [11, 12], 4, C.EvalConfig(loads=(0.7,)), given={}, sizes=(12,), workers=1,
                    taus=[0.01])
    runs = report["runs"]
    assert [(r["seed"], r["weights"], r["tau"], r["num_nodes"], r["load"]) for r in runs] == [
        (11, "trained", hp.tau, 12, 0.7), (11, "trained", 0.01, 12, 0.7),
        (12, "trained", hp.tau, 12, 0.7), (12, "trained", 0.01, 12, 0.7)]
    assert all(lo <= mean <= hi for mean, lo, hi in (r["diff_vs_greedy"] for r in runs))
    assert runs[0]["diff_vs_greedy"] != runs[2]["diff_vs_greedy"]  # two seeds, two policies
    assert report["hyperparameters"] == {k: v for k, v in asdict(hp).items() if k != "seed"}


def test_a_policy_without_a_temperature_is_measured_as_it_acts_and_cannot_vary_one():
    hp = replace(C.PipelineConfig().ppo, iterations=1, num_envs=4, repeats=2)
    report = spread("ppo", hp, [11], 4, C.EvalConfig(loads=(0.7,)), given={}, sizes=(12,), workers=1)
    assert [(r["seed"], r["tau"], r["num_nodes"]) for r in report["runs"]] == [(11, None, 12)]
    mean, lo, hi = report["runs"][0]["diff_vs_greedy"]
    assert lo <= mean <= hi
    with pytest.raises(ValueError, match="no Q temperature"):
        spread("ppo", hp, [11], 4, C.EvalConfig(loads=(0.7,)), given={}, sizes=(12,), workers=1, taus=[0.25])


def test_card_counts_the_seeds_better_than_greedy_at_every_load_and_flags_a_stale_report():
    hp = {k: v for k, v in asdict(C.PipelineConfig().hybrid).items() if k != "seed"}

    def run(seed, load, diff, tau=hp["tau"]):
        return {"seed": seed, "weights": "trained", "tau": tau, "num_nodes": 200, "load": load, "diff_vs_greedy": diff}

    report = {"policy": "hybrid", "hyperparameters": hp, "episodes": 10,
              "checkpoint_sha256": sha256(C.CKPT_DIR / "hybrid.pt"),
              "runs": [run(3, 0.4, [2, 1, 3]), run(3, 0.9, [2, 1, 3]), run(5, 0.4, [2, 1, 3]), run(5, 0.9, [1, -1, 3])]}
    text = seeds_section(report)
    assert "| 5 | trained | +2.0 [+1.0, +3.0] | +1.0 [-1.0, +3.0] |" in text
    assert "at 200 nodes for 1 of 2 seeds" in text
    assert "temperature" not in text
    # the same runs acting with another temperature: their own table, and how often the recipe's gains more
    other = [run(3, 0.4, [3, 2, 4], 9.0), run(3, 0.9, [1, 0.5, 2], 9.0), run(5, 0.4, [1, 0.5, 2], 9.0),
             run(5, 0.9, [0, -1, 1], 9.0)]
    text = seeds_section({**report, "runs": report["runs"] + other})
    assert "| 3 | trained | +3.0 [+2.0, +4.0] | +1.0 [+0.5, +2.0] |" in text
    assert f"Temperature {hp['tau']:g} gains more over greedy than 9 in 3 of 4 seed-cells." in text
    for stale in ({"hyperparameters": {**hp, "rounds": hp["rounds"] + 1}}, {"checkpoint_sha256": "0" * 64}):
        assert "rerun" in seeds_section({**report, **stale}) and "|" not in seeds_section({**report, **stale})


def test_each_temperature_acts_with_the_same_weights(monkeypatch):
    import torch

    from pipeline import seed_spread
    from pipeline.train_all import _model

    hp = C.PipelineConfig().hybrid
    weights = _model("hybrid", hp).state_dict()
    seen = {}

    def fake_gains(runs, *args, **kwargs):
        seen.update(runs)
        return {tau: {} for tau in runs}

    monkeypatch.setattr(seed_spread, "gains_vs_greedy", fake_gains)
    seed_spread.gains("hybrid", hp, weights, 12, 0, 2, C.EvalConfig(), (hp.tau, 0.25))
    assert {tau: m.tau for tau, m in seen.items()} == {hp.tau: hp.tau, 0.25: 0.25}
    for m in seen.values():
        assert all(torch.equal(m.state_dict()[k], v) for k, v in weights.items())
