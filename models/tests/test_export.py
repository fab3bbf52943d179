import onnx
import pytest
import torch

from pipeline.export import export_onnx, save_checkpoint, sha256
from policies.networks import ActorCritic, HybridGNN, QNetwork


@pytest.mark.parametrize("make", [lambda: QNetwork(8, 0.25), lambda: ActorCritic(8),
                                  lambda: HybridGNN(8, 2, 0.25, 0.6, 0.4, "gcn"), lambda: HybridGNN(8, 1, 0.25, 0.6, 0.4, "gat")])
def test_export_passes_checker_with_dynamic_axes(tmp_path, make):
    torch.manual_seed(0)
    path = tmp_path / "m.onnx"
    digest = export_onnx(make(), path)
    assert digest == sha256(path) and len(digest) == 64
    m = onnx.load(str(path))
    onnx.checker.check_model(m, full_check=True)
    assert m.opset_import[0].version == 17
    assert [i.name for i in m.graph.input] == ["x", "adj", "mask"]
    assert [o.name for o in m.graph.output] == ["scores", "probs", "value"]
    dims = {i.name: [d.dim_param or d.dim_value for d in i.type.tensor_type.shape.dim] for i in m.graph.input}
    assert dims == {"x": ["batch", "nodes", 15], "adj": ["batch", "nodes", "nodes"], "mask": ["batch", "nodes"]}
    out = {o.name: [d.dim_param or d.dim_value for d in o.type.tensor_type.shape.dim] for o in m.graph.output}
    assert out["probs"] == ["batch", "nodes"] and out["value"] == ["batch"]


def test_checkpoint_round_trip(tmp_path):
    net = ActorCritic(8)
    save_checkpoint(net, tmp_path / "c.pt", {"name": "ppo"})
    ck = torch.load(tmp_path / "c.pt")
    other = ActorCritic(8)
    other.load_state_dict(ck["state_dict"])
    assert ck["meta"]["name"] == "ppo"
