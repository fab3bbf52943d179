import torch

from pipeline.config import HybridConfig
from policies import hybrid


def test_both_heads_are_trained():
    cfg = HybridConfig(iterations=2, num_envs=6, hidden=16)
    torch.manual_seed(cfg.seed)
    init = hybrid.build(cfg)
    out = hybrid.train(cfg)
    net = out["model"]
    assert not torch.equal(init.q.weight, net.q.weight)
    assert not torch.equal(init.pi.weight, net.pi.weight)
    assert not torch.equal(init.v.net[0].weight, net.v.net[0].weight)
    assert len(out["curve"]) == 2


def test_gat_variant_trains():
    out = hybrid.train(HybridConfig(iterations=1, num_envs=4, hidden=8, kind="gat"), name="hybrid_gat")
    assert out["steps"] == 50 * 4
