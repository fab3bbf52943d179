import json

import onnx

from pipeline import train_all


def test_quick_end_to_end_run(tmp_path):
    train_all.main(["--quick", "--only", "ppo", "--out", str(tmp_path)])
    onnx.checker.check_model(onnx.load(str(tmp_path / "onnx" / "ppo.onnx")))
    manifest = json.loads((tmp_path / "onnx" / "ppo.json").read_text())
    fx = json.loads((tmp_path / "fixtures" / "ppo.json").read_text())
    ev = json.loads((tmp_path / "reports" / "eval.json").read_text())
    assert manifest["training"]["steps"] > 0 and len(fx["cases"]) >= 50
    assert {r["policy"] for r in ev["results"]} >= {"ppo", "greedy_oracle"}
    assert (tmp_path / "checkpoints" / "ppo.pt").exists() and (tmp_path / "fixtures" / "networks.json").exists()
