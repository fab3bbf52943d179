import math

import torch

from pipeline.config import DQNConfig
from policies import dqn
from policies.common import masked_argmax, pad_nodes
from helpers import obs


def test_masked_argmax_ignores_masked_nodes():
    s = torch.tensor([[5.0, 1.0, 3.0], [1.0, 1.0, 1.0]])
    v = torch.tensor([[0.0, 1.0, 1.0], [0.0, 0.0, 0.0]])
    assert masked_argmax(s, v).tolist() == [2, 0]


def test_replay_pads_with_mask_zero():
    rb = dqn.Replay(10, 8, 15)
    o = obs(num_envs=3, num_nodes=5)
    rb.add(o, torch.tensor([0, 1, 2]), torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64), o)
    assert rb.n == 3 and (rb.x[:3, 5:] == 0).all() and (rb.mask[:3, 5:] == 0).all()
    assert torch.equal(rb.x[:3, :5], o["x"]) and pad_nodes(o["mask"], 8, (1,)).shape == (3, 8)


def test_short_training_run_learns_something():
    cfg = DQNConfig(env_steps=60, learning_starts=20, num_envs=8, batch=64, buffer=2000, hidden=16)
    out = dqn.train(cfg)
    assert out["steps"] == 60 * 8 and len(out["curve"]) == 1
    assert math.isfinite(out["curve"][0]["episode_return"])
    o = obs(num_envs=2, num_nodes=13)
    with torch.no_grad():
        scores, probs, value = out["model"](o["x"], o["adj"], o["mask"])
    assert torch.isfinite(probs).all() and torch.isfinite(value).all()


def test_training_is_deterministic():
    cfg = DQNConfig(env_steps=30, learning_starts=10, num_envs=4, batch=32, buffer=500, hidden=8)
    a, b = dqn.train(cfg)["model"], dqn.train(cfg)["model"]
    for p, q in zip(a.parameters(), b.parameters()):
        assert torch.equal(p, q)
