import torch

from edgesim import spec
from policies.encoder import REWARD_EST, FeatureEncoder, clean_adj, masked_max, masked_mean, masked_softmax, real_nodes
from helpers import obs, pad


def test_features_finite_and_padding_zero():
    o = pad(obs(num_nodes=9), 14)
    f, real, valid, a = FeatureEncoder()(o["x"], o["adj"], o["mask"])
    assert f.shape == (4, 14, FeatureEncoder.out_dim)
    assert torch.isfinite(f).all()
    assert (f[:, 9:] == 0).all() and (real[:, 9:] == 0).all() and (a[:, 9:] == 0).all() and (a[:, :, 9:] == 0).all()


def test_padding_does_not_change_real_features():
    o = obs(num_nodes=10, steps=3)
    f1, *_ = FeatureEncoder()(o["x"], o["adj"], o["mask"])
    p = pad(o, 17)
    f2, *_ = FeatureEncoder()(p["x"], p["adj"], p["mask"])
    assert torch.allclose(f1, f2[:, :10], atol=1e-6)


def test_reward_estimate_matches_simulator():
    from pipeline.envs import SplitEnv

    env = SplitEnv(8, 15, seed=3, split="train")
    o = env.reset()
    f, *_ = FeatureEncoder()(o["x"], o["adj"], o["mask"])
    est = f[..., REWARD_EST] * 4
    assert torch.allclose(est.double(), env.place["reward"], atol=2e-3)


def test_clean_adj_binary_symmetric_no_self_loops():
    adj = torch.tensor([[[1.0, 2.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.3, 0.0]]])
    a = clean_adj(adj, torch.ones(1, 3))
    assert torch.equal(a, torch.tensor([[[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 0.0]]]))


def test_masked_softmax_and_pooling_edge_cases():
    s = torch.tensor([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]])
    valid = torch.tensor([[1.0, 0.0, 1.0], [0.0, 0.0, 0.0]])
    p = masked_softmax(s, valid)
    assert torch.isfinite(p).all()
    assert p[0, 1] == 0 and abs(float(p[0].sum()) - 1) < 1e-6
    assert (p[1] == 0).all()
    h = torch.randn(2, 3, 4)
    assert torch.allclose(masked_mean(h, valid)[0], (h[0, 0] + h[0, 2]) / 2)
    assert (masked_mean(h, valid)[1] == 0).all() and (masked_max(h, valid)[1] == 0).all()


def test_real_nodes_and_one_hot_node_type():
    x = torch.zeros(1, 3, spec.NUM_FEATURES)
    x[0, 0, 6] = 2.0  # a cloud node with every other feature 0 is still real
    assert real_nodes(x).tolist() == [[1.0, 0.0, 0.0]]
