import json

import onnx
import pytest
import torch

from pipeline import train_all
from pipeline.config import VERSION
from policies.kernels import in_effect


def test_quick_end_to_end_run(tmp_path):
    train_all.main(["--quick", "--only", "ppo,hybrid", "--out", str(tmp_path), "--workers", "1"])
    for name in ("ppo", "hybrid"):
        version = tmp_path / "repository" / name / str(VERSION)
        onnx.checker.check_model(onnx.load(str(version / "model.onnx")))
        manifest = json.loads((version / "manifest.json").read_text())
        assert manifest["version"] == VERSION and manifest["onnx"]["file"] == "model.onnx"
        config = json.loads((tmp_path / "repository" / name / "config.json").read_text())
        assert config == {"name": name, "versions": [VERSION], "default_version": VERSION}
        fx = json.loads((tmp_path / "fixtures" / f"{name}.json").read_text())
        assert manifest["training"]["steps"] > 0 and len(fx["cases"]) >= 40
        assert manifest["training"]["kernels"] == in_effect()  # the training worker's, inherited from this process
        assert (tmp_path / "checkpoints" / f"{name}.pt").exists()
    ev = json.loads((tmp_path / "reports" / "eval.json").read_text())
    assert {r["policy"] for r in ev["results"]} >= {"ppo", "hybrid", "greedy", "planner"}
    # hybrid was trained with two seeds and the one validation chose is the one published; ppo trains once
    sel = json.loads((tmp_path / "reports" / "selection.json").read_text())["models"]
    assert list(sel) == ["hybrid"] and [r["seed"] for r in sel["hybrid"]["runs"]] == [3, 5]
    hybrid = json.loads((tmp_path / "repository" / "hybrid" / str(VERSION) / "manifest.json").read_text())
    assert hybrid["training"]["seed"] == sel["hybrid"]["chosen"] == hybrid["training"]["seed_selection"]["chosen"]
    # the published run is the one with the best worst validation cell, distilled then fine-tuned
    assert sel["hybrid"]["chosen"] == max(sel["hybrid"]["runs"], key=lambda r: r["worst_t"])["seed"]
    assert [c["phase"] for c in hybrid["training"]["curve"]] == ["distillation", "ppo"]
    assert torch.load(tmp_path / "checkpoints" / "hybrid.pt")["meta"]["hyperparameters"]["seed"] == sel["hybrid"]["chosen"]
    assert all((tmp_path / "fixtures" / f).exists() for f in ("networks.json", "simulation.json", "episodes.json"))


def test_reevaluate_rewrites_eval_and_the_default_manifests_only(tmp_path, monkeypatch):
    from pipeline import config as C
    from pipeline import reevaluate

    repo = tmp_path / "repository"
    for name in reevaluate.NAMES:
        for v in (VERSION - 1, VERSION):
            src = C.REPOSITORY_DIR / name / str(v) / "manifest.json"
            (repo / name / str(v)).mkdir(parents=True)
            (repo / name / str(v) / "manifest.json").write_text(src.read_text())
    small = C.PipelineConfig()
    small.eval = C.EvalConfig(episodes=3, sizes=(12,), loads=(0.7,), planner_episodes={12: 2}, chunk={12: 3})
    monkeypatch.setattr(C, "PipelineConfig", lambda: small)
    monkeypatch.setattr(C, "REPORT_DIR", tmp_path / "reports")
    monkeypatch.setattr(C, "REPOSITORY_DIR", repo)
    cards = []
    monkeypatch.setattr(reevaluate, "render", cards.append)
    reevaluate.main(["--workers", "1"])

    ev = json.loads((tmp_path / "reports" / "eval.json").read_text())
    assert ev["episodes"] == 3 and {r["num_nodes"] for r in ev["results"]} == {12}
    assert cards == [ev]
    for name in reevaluate.NAMES:
        old = json.loads((C.ROOT / "repository" / name / str(VERSION) / "manifest.json").read_text())
        new = json.loads((repo / name / str(VERSION) / "manifest.json").read_text())
        assert new["evaluation"]["results"] == [r for r in ev["results"] if r["policy"] == name]
        assert {k: v for k, v in new.items() if k != "evaluation"} == {k: v for k, v in old.items() if k != "evaluation"}
        # the previous version keeps the evaluation it was published with
        before = (C.ROOT / "repository" / name / str(VERSION - 1) / "manifest.json").read_text()
        assert (repo / name / str(VERSION - 1) / "manifest.json").read_text() == before


def test_reexport_keeps_the_training_record_of_the_version_it_republishes(tmp_path, monkeypatch):
    from pipeline import config as C
    from pipeline import reexport

    previous = json.loads((C.REPOSITORY_DIR / "ppo" / str(VERSION) / "manifest.json").read_text())
    previous["training"]["kernels"] = {"openblas": "Zen", "aten": "AVX2"}  # not this process's: must be carried over
    (tmp_path / "ppo" / "6").mkdir(parents=True)
    (tmp_path / "ppo" / "6" / "manifest.json").write_text(json.dumps(previous))
    monkeypatch.setattr(C, "REPOSITORY_DIR", tmp_path)
    monkeypatch.setattr(C, "FIXTURE_DIR", tmp_path / "fixtures")
    cases = json.loads((C.ROOT / "fixtures" / "simulation.json").read_text())["cases"][:3]
    eval_doc = json.loads((C.REPORT_DIR / "eval.json").read_text())
    reexport.reexport("ppo", C.PipelineConfig().ppo, 6, cases, eval_doc)
    new = json.loads((tmp_path / "ppo" / str(VERSION) / "manifest.json").read_text())
    assert new["training"]["reexport"]["same_weights_as_version"] == 6
    assert {k: new["training"][k] for k in ("steps", "curve", "kernels")} == \
        {k: previous["training"][k] for k in ("steps", "curve", "kernels")}


def test_reevaluate_root_evaluates_another_runs_checkpoints_and_writes_only_its_eval(tmp_path, monkeypatch):
    from pipeline import config as C
    from pipeline import reevaluate

    run = tmp_path / "run"
    (run / "checkpoints").mkdir(parents=True)
    for name in reevaluate.NAMES:  # the committed checkpoints with dqn's weights moved: another run
        ckpt = torch.load(C.CKPT_DIR / f"{name}.pt")
        if name == "dqn":
            ckpt["state_dict"] = {k: v + 0.05 if v.is_floating_point() else v for k, v in ckpt["state_dict"].items()}
        torch.save(ckpt, run / "checkpoints" / f"{name}.pt")
    small = C.PipelineConfig()
    small.eval = C.EvalConfig(episodes=3, sizes=(12,), loads=(0.7,), planner_episodes={12: 2}, chunk={12: 3})
    monkeypatch.setattr(C, "PipelineConfig", lambda: small)
    monkeypatch.setattr(reevaluate, "render", lambda *_: pytest.fail("renders the card"))
    monkeypatch.setattr(reevaluate, "write_manifest", lambda *_: pytest.fail("writes a manifest"))
    before = (C.REPORT_DIR / "eval.json").read_text()
    reevaluate.main(["--workers", "1", "--root", str(run)])
    assert (C.REPORT_DIR / "eval.json").read_text() == before
    theirs = {r["policy"]: r["mean_return"] for r in json.loads((run / "reports" / "eval.json").read_text())["results"]}
    committed = {name: reevaluate.load(name, getattr(small, name))[0] for name in reevaluate.NAMES}
    ours = {r["policy"]: r["mean_return"] for r in reevaluate.evaluate(committed, small.eval, log=lambda *_: None)["results"]}
    assert theirs.keys() == ours.keys() and theirs["dqn"] != ours["dqn"]
    assert {k: v for k, v in theirs.items() if k != "dqn"} == {k: v for k, v in ours.items() if k != "dqn"}
