"""The committed artifacts (produced by `npm run train`) are complete, consistent, and say what the docs claim."""

import json

import pytest
import torch

from edgesim import spec
from edgesim.heuristics import BASELINES
from pipeline.config import FIXTURE_DIR, REPORT_DIR, REPOSITORY_DIR, EvalConfig
from pipeline.evaluate import paired, reference_identity
from pipeline.export import sha256
from pipeline.repository import CONFIG, GRAPH, MANIFEST

EVAL = REPORT_DIR / "eval.json"
pytestmark = pytest.mark.skipif(not EVAL.exists(), reason="run `npm run train` first")
LEARNED = ("dqn", "ppo", "hybrid", "hybrid_gat")


def doc():
    return json.loads(EVAL.read_text())


def test_eval_json_has_every_policy_in_every_cell():
    d, cfg = doc(), EvalConfig()
    assert list(d) == ["seed", "episodes", "tasks_per_episode", "results", "ablations"]
    assert d["seed"] == cfg.seed and d["episodes"] == cfg.episodes and d["tasks_per_episode"] == spec.EPISODE_TASKS
    cells = {(r["policy"], r["num_nodes"], r["load"]) for r in d["results"]}
    assert cells == {(p, n, ld) for p in (*LEARNED, *BASELINES) for n in cfg.sizes for ld in cfg.loads}
    for r in d["results"]:  # the planner too: on every episode, from planner_reference.json
        assert r["episodes"] == cfg.episodes
    assert {(a["variant"], a["num_nodes"], a["load"]) for a in d["ablations"]} == {
        (v, n, ld) for v in ("no_link_state", "no_graph") for n in cfg.sizes for ld in cfg.loads}


def test_the_planner_rows_are_the_committed_reference():
    """eval.json's planner is planner_reference.json's (pipeline/planner_reference.py), paired with the same greedy."""
    ref = json.loads((REPORT_DIR / "planner_reference.json").read_text())
    f64 = lambda xs: torch.tensor(xs, dtype=torch.float64)  # noqa: E731
    assert ref["identity"] == reference_identity(EvalConfig())
    by = {(r["policy"], r["num_nodes"], r["load"]): r for r in doc()["results"]}
    for c in ref["cells"]:
        key = (c["num_nodes"], c["load"])
        for name in ("greedy", "planner"):
            assert by[(name, *key)]["mean_return"] == round(float(f64(c[name]["ret"]).mean()), 4), (name, key)
        gain = f64(c["planner"]["ret"]) - f64(c["greedy"]["ret"])
        assert by[("planner", *key)]["diff_vs_greedy"] == [round(v, 4) for v in paired(gain)]


def test_every_ablation_has_the_share_of_the_gain_it_keeps_with_its_interval():
    by = {(r["policy"], r["num_nodes"], r["load"]): r for r in doc()["results"]}
    for a in doc()["ablations"]:
        full = by[(a["policy"], a["num_nodes"], a["load"])]["diff_vs_greedy"]
        assert full[0] > 0 and a["gain_kept"] == pytest.approx(a["diff_vs_greedy"][0] / full[0], abs=2e-3)
        lo, hi = a["gain_kept_ci95"]  # hybrid gains over greedy significantly everywhere, so every interval is finite
        assert lo < a["gain_kept"] < hi


def test_hybrid_beats_greedy_in_every_cell():
    """The model card's headline: the paired 95% interval of hybrid - greedy is above 0 everywhere."""
    for r in doc()["results"]:
        if r["policy"] == "hybrid":
            assert r["diff_vs_greedy"][1] > 0, (r["num_nodes"], r["load"], r["diff_vs_greedy"])


def test_the_published_distilled_runs_are_the_ones_validation_chose():
    report = json.loads((REPORT_DIR / "selection.json").read_text())
    assert set(report["models"]) == {"hybrid", "hybrid_gat"} and report["seed"] != EvalConfig().seed
    for name, sel in report["models"].items():
        assert sel["chosen"] == max(sel["runs"], key=lambda r: r["worst_t"])["seed"]
        default = json.loads((REPOSITORY_DIR / name / CONFIG).read_text())["default_version"]
        m = json.loads((REPOSITORY_DIR / name / str(default) / MANIFEST).read_text())
        assert m["training"]["seed"] == sel["chosen"] and m["training"]["seed_selection"]["seeds"] == [r["seed"] for r in sel["runs"]]


@pytest.mark.parametrize("name", LEARNED)
def test_manifest_sha_fixture_and_evaluation_agree(name):
    config = json.loads((REPOSITORY_DIR / name / CONFIG).read_text())
    assert config["name"] == name and config["default_version"] in config["versions"]
    for version in config["versions"]:
        m = json.loads((REPOSITORY_DIR / name / str(version) / MANIFEST).read_text())
        assert m["name"] == name and m["version"] == version and m["onnx"]["file"] == GRAPH
        assert m["onnx"]["sha256"] == sha256(REPOSITORY_DIR / name / str(version) / GRAPH) and m["contract"] == 2
    m = json.loads((REPOSITORY_DIR / name / str(config["default_version"]) / MANIFEST).read_text())
    fx = json.loads((FIXTURE_DIR / f"{name}.json").read_text())
    assert fx["model"] == name and len(fx["cases"]) >= 40
    assert m["evaluation"]["results"] == [r for r in doc()["results"] if r["policy"] == name]
    assert m["training"]["curve"] and m["training"]["steps"] > 0
