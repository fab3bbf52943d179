import json

import onnx

from pipeline import train_all
from pipeline.config import VERSION


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
        assert (tmp_path / "checkpoints" / f"{name}.pt").exists()
    ev = json.loads((tmp_path / "reports" / "eval.json").read_text())
    assert {r["policy"] for r in ev["results"]} >= {"ppo", "hybrid", "greedy", "planner"}
    assert all((tmp_path / "fixtures" / f).exists() for f in ("networks.json", "simulation.json", "episodes.json"))
