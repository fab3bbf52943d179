import pytest
import torch

from policies.networks import ActorCritic, HybridGNN, QNetwork
from policies.encoder import NEG
from helpers import obs, pad

torch.manual_seed(0)
NETS = {
    "dqn": lambda: QNetwork(16, 0.25),
    "ppo": lambda: ActorCritic(16),
    "hybrid": lambda: HybridGNN(16, 2, 0.25, 0.6, 0.4, "gcn"),
    "hybrid_gat": lambda: HybridGNN(16, 2, 0.25, 0.6, 0.4, "gat"),
}


@pytest.fixture(params=list(NETS))
def net(request):
    torch.manual_seed(1)
    return NETS[request.param]().eval()


@pytest.mark.parametrize("n,b", [(2, 1), (12, 3), (40, 2)])
def test_shapes_and_probs(net, n, b):
    o = obs(num_envs=b, num_nodes=n, steps=2)
    with torch.no_grad():
        scores, probs, value = net(o["x"], o["adj"], o["mask"])
    assert scores.shape == (b, n) and probs.shape == (b, n) and value.shape == (b,)
    assert torch.isfinite(scores).all() and torch.isfinite(probs).all() and torch.isfinite(value).all()
    has = o["mask"].sum(1) > 0
    assert torch.allclose(probs.sum(1)[has], torch.ones(int(has.sum())), atol=1e-5)
    assert (probs[o["mask"] == 0] == 0).all()
    assert (scores[o["mask"] == 0] == NEG).all()


def test_padding_invariance(net):
    """Batches padded to a common N give the same outputs for real nodes."""
    o = obs(num_envs=3, num_nodes=11, steps=4)
    p = pad(o, 25)
    with torch.no_grad():
        a, b = net(o["x"], o["adj"], o["mask"]), net(p["x"], p["adj"], p["mask"])
    assert torch.allclose(a[0], b[0][:, :11], atol=1e-5)
    assert torch.allclose(a[1], b[1][:, :11], atol=1e-6)
    assert torch.allclose(a[2], b[2], atol=1e-5)
    assert (b[1][:, 11:] == 0).all()


def test_mixed_sizes_in_one_padded_batch(net):
    small, big = obs(num_envs=1, num_nodes=6, seed=1), obs(num_envs=1, num_nodes=15, seed=2)
    ps = pad(small, 15)
    batch = {k: torch.cat([ps[k], big[k]]) for k in ("x", "adj", "mask")}
    with torch.no_grad():
        joint = net(batch["x"], batch["adj"], batch["mask"])
        alone = net(small["x"], small["adj"], small["mask"])
    assert torch.allclose(joint[1][0, :6], alone[1][0], atol=1e-6)


def test_all_masked_is_finite(net):
    o = obs(num_envs=2, num_nodes=5)
    with torch.no_grad():
        scores, probs, value = net(o["x"], o["adj"], torch.zeros(2, 5))
    assert torch.isfinite(probs).all() and (probs == 0).all() and torch.isfinite(value).all()


def test_masked_node_gets_no_probability(net):
    o = obs(num_envs=2, num_nodes=8)
    mask = o["mask"].clone()
    mask[:, 0] = 0
    with torch.no_grad():
        _, probs, _ = net(o["x"], o["adj"], mask)
    assert (probs[:, 0] == 0).all()


def test_gnn_uses_topology():
    torch.manual_seed(3)
    net = NETS["hybrid"]().eval()
    o = obs(num_envs=2, num_nodes=10)
    with torch.no_grad():
        a = net(o["x"], o["adj"], o["mask"])[0]
        b = net(o["x"], torch.zeros_like(o["adj"]), o["mask"])[0]
    assert not torch.allclose(a, b)


def test_isolated_padding_self_loops_do_not_leak():
    """A padded node gets a self loop in A+I; it must not change real nodes (GCN normalisation)."""
    torch.manual_seed(4)
    net = NETS["hybrid"]().eval()
    o = obs(num_envs=1, num_nodes=7)
    p = pad(o, 9)
    p["adj"][0, 7, 8] = p["adj"][0, 8, 7] = 1.0  # edges between padding rows are ignored too
    p["adj"][0, 0, 8] = p["adj"][0, 8, 0] = 1.0  # and so are edges from a real node to padding
    with torch.no_grad():
        a, b = net(o["x"], o["adj"], o["mask"]), net(p["x"], p["adj"], p["mask"])
    assert torch.allclose(a[1], b[1][:, :7], atol=1e-6)


def test_hybrid_fusion_and_scores():
    torch.manual_seed(5)
    net = NETS["hybrid"]().eval()
    o = obs(num_envs=3, num_nodes=9, steps=1)
    with torch.no_grad():
        scores, probs, _ = net(o["x"], o["adj"], o["mask"])
        h = net.heads(o["x"], o["adj"], o["mask"])
        from policies.encoder import masked_softmax

        fused = 0.6 * masked_softmax(h["q"] / 0.25, h["valid"]) + 0.4 * masked_softmax(h["logits"], h["valid"])
    assert torch.allclose(probs, fused, atol=1e-6)
    assert torch.allclose(masked_softmax(scores, o["mask"]), probs, atol=1e-5)
    assert torch.equal(scores.argmax(1), probs.argmax(1))


def test_dqn_value_is_max_valid_q():
    torch.manual_seed(6)
    net = NETS["dqn"]().eval()
    o = obs(num_envs=2, num_nodes=9)
    with torch.no_grad():
        scores, _, value = net(o["x"], o["adj"], o["mask"])
    assert torch.allclose(value, scores.max(1).values)
