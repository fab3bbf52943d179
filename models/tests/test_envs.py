import torch

from pipeline.envs import SplitEnv, sample_size


def test_train_and_eval_networks_are_disjoint():
    tr, ev = SplitEnv(50, 12, seed=42, split="train"), SplitEnv(50, 12, seed=42, split="eval")
    tr.reset(), ev.reset()
    assert all(s % 2 == 0 for s in tr.net_seeds) and all(s % 2 == 1 for s in ev.net_seeds)


def test_reset_is_reproducible():
    a, b = SplitEnv(3, 10, seed=5, split="eval"), SplitEnv(3, 10, seed=5, split="eval")
    oa, ob = a.reset(), b.reset()
    assert torch.equal(oa["x"], ob["x"]) and torch.equal(oa["adj"], ob["adj"])


def test_sample_size_in_range():
    g = torch.Generator().manual_seed(0)
    sizes = {sample_size(g, (10, 30)) for _ in range(300)}
    assert min(sizes) == 10 and max(sizes) == 30
