import torch

from pipeline.config import PPOConfig
from policies import ppo
from policies.onpolicy import gae


def test_gae_matches_hand_computation():
    r = torch.tensor([[1.0], [2.0]])
    v = torch.tensor([[0.5], [1.0]])
    last = torch.tensor([3.0])
    g, lam = 0.9, 0.8
    d1 = 2.0 + g * 3.0 - 1.0
    d0 = 1.0 + g * 1.0 - 0.5
    adv, ret = gae(r, v, last, g, lam)
    assert torch.allclose(adv[:, 0], torch.tensor([d0 + g * lam * d1, d1]))
    assert torch.allclose(ret, adv + v)


def test_short_training_run():
    out = ppo.train(PPOConfig(iterations=2, num_envs=6, hidden=16))
    assert out["steps"] == 2 * 50 * 6 and len(out["curve"]) == 2
    assert all(c["num_nodes"] >= 10 for c in out["curve"])


def test_entropy_of_uniform():
    p = torch.full((1, 4), 0.25)
    assert abs(float(ppo.masked_entropy(p)) - float(torch.log(torch.tensor(4.0)))) < 1e-6
