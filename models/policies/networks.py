"""Size-invariant policy networks. Each maps (x [B,N,15], adj [B,N,N], mask [B,N]) to the export contract's
(scores [B,N], probs [B,N], value [B]); heads() returns the raw heads the training algorithms need."""

import torch
from torch import nn

from .encoder import FeatureEncoder, masked_max, masked_mean, masked_scores, masked_softmax


def mlp(sizes, last_act=False):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2 or last_act:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


def pool(h, real, valid):
    """Global context [B, 3H]: mean and max over real nodes, max over valid nodes (padding never counts)."""
    return torch.cat([masked_mean(h, real), masked_max(h, real), masked_max(h, valid)], dim=-1)


class Mix(nn.Module):
    """Per-node MLP over [node embedding(s), global context]; the context half of the first layer is computed once
    per graph (a linear layer over a concatenation is the sum of two linear layers)."""

    def __init__(self, node_dim: int, ctx_dim: int, hidden: int):
        super().__init__()
        self.node = nn.Linear(node_dim, hidden)
        self.ctx = nn.Linear(ctx_dim, hidden, bias=False)
        self.out = nn.Linear(hidden, hidden)

    def forward(self, h, g):
        return torch.relu(self.out(torch.relu(self.node(h) + self.ctx(g)[:, None, :])))


class NodeBackbone(nn.Module):
    """Shared per-node MLP, pooled global context, then a second per-node MLP over [node, context]."""

    def __init__(self, hidden: int):
        super().__init__()
        self.enc = FeatureEncoder()
        self.embed = mlp([FeatureEncoder.out_dim, hidden, hidden], last_act=True)
        self.mix = Mix(hidden, 3 * hidden, hidden)

    def forward(self, x, adj, mask):
        f, real, valid, _ = self.enc(x, adj, mask)
        h = self.embed(f)
        g = pool(h, real, valid)
        return self.mix(h, g), real, valid


class GCNLayer(nn.Module):
    """h + ReLU(Â h W) with Â = D^-1/2 (A + I) D^-1/2 (normalisation computed inside the graph)."""

    def __init__(self, hidden: int):
        super().__init__()
        self.lin = nn.Linear(hidden, hidden)

    @staticmethod
    def normalise(a):
        n = a.shape[-1]
        idx = torch.arange(n, device=a.device)
        a_hat = a + (idx[:, None] == idx[None, :]).to(a.dtype)
        d = a_hat.sum(-1).rsqrt()
        return d[:, :, None] * a_hat * d[:, None, :]

    def forward(self, h, a_norm, real, valid):
        return h + torch.relu(a_norm @ self.lin(h))


class GATLayer(nn.Module):
    """Single-head graph attention over neighbours and self (padding excluded via the cleaned adjacency)."""

    def __init__(self, hidden: int):
        super().__init__()
        self.lin = nn.Linear(hidden, hidden)
        self.att_src = nn.Linear(hidden, 1, bias=False)
        self.att_dst = nn.Linear(hidden, 1, bias=False)

    @staticmethod
    def normalise(a):
        n = a.shape[-1]
        idx = torch.arange(n, device=a.device)
        return a + (idx[:, None] == idx[None, :]).to(a.dtype)  # neighbours plus self

    def forward(self, h, a_self, real, valid):
        wh = self.lin(h)
        e = nn.functional.leaky_relu(self.att_dst(wh) + self.att_src(wh).transpose(1, 2), 0.2)  # [B, N, N]
        e = torch.where(a_self > 0, e, torch.full_like(e, -1e9))
        att = torch.softmax(e, dim=-1) * a_self
        return h + torch.relu(att @ wh)


class GraphBackbone(nn.Module):
    """Per-node embedding, message passing over the topology, pooled context, per-node mixing."""

    def __init__(self, hidden: int, layers: int, kind: str = "gcn"):
        super().__init__()
        self.enc = FeatureEncoder()
        self.embed = mlp([FeatureEncoder.out_dim, hidden, hidden], last_act=True)
        layer = {"gcn": GCNLayer, "gat": GATLayer}[kind]
        self.layers = nn.ModuleList([layer(hidden) for _ in range(layers)])
        self.norm = layer.normalise
        self.mix = Mix(2 * hidden, 3 * hidden, hidden)

    def forward(self, x, adj, mask):
        f, real, valid, a = self.enc(x, adj, mask)
        h0 = self.embed(f)
        a_n = self.norm(a)
        h = h0
        for layer in self.layers:
            h = layer(h, a_n, real, valid) * real[..., None]
        g = pool(h, real, valid)
        return self.mix(torch.cat([h0, h], dim=-1), g), real, valid


class ValueHead(nn.Module):
    def __init__(self, hidden: int):
        super().__init__()
        self.net = mlp([3 * hidden, hidden, 1])

    def forward(self, z, real, valid):
        return self.net(pool(z, real, valid)).squeeze(-1)


class QNetwork(nn.Module):
    """dqn: Q(s, node) per node. probs = Boltzmann softmax(Q / tau) over valid nodes; value = max valid Q."""

    def __init__(self, hidden: int, tau: float):
        super().__init__()
        self.backbone = NodeBackbone(hidden)
        self.q = nn.Linear(hidden, 1)
        self.tau = tau

    def heads(self, x, adj, mask):
        z, real, valid = self.backbone(x, adj, mask)
        return {"q": self.q(z).squeeze(-1), "valid": valid}

    def forward(self, x, adj, mask):
        h = self.heads(x, adj, mask)
        q, valid = h["q"], h["valid"]
        value = masked_max(q[..., None], valid).squeeze(-1)
        return masked_scores(q, valid), masked_softmax(q / self.tau, valid), value


class ActorCritic(nn.Module):
    """ppo: per-node logits and a pooled critic. scores = logits, probs = softmax(logits) over valid nodes."""

    def __init__(self, hidden: int):
        super().__init__()
        self.backbone = NodeBackbone(hidden)
        self.pi = nn.Linear(hidden, 1)
        self.v = ValueHead(hidden)

    def heads(self, x, adj, mask):
        z, real, valid = self.backbone(x, adj, mask)
        return {"logits": self.pi(z).squeeze(-1), "value": self.v(z, real, valid), "valid": valid}

    def forward(self, x, adj, mask):
        h = self.heads(x, adj, mask)
        return masked_scores(h["logits"], h["valid"]), masked_softmax(h["logits"], h["valid"]), h["value"]


class HybridGNN(nn.Module):
    """hybrid: graph encoder feeding a Q head, a policy head and a value head.

    probs = w_q * softmax(Q / tau) + w_pi * softmax(logits) over valid nodes (0.6 / 0.4);
    scores = log(probs) (masked nodes -1e9), so softmax(scores) == probs and argmax(scores) == argmax(probs).
    """

    def __init__(self, hidden: int, layers: int, tau: float, w_q: float, w_pi: float, kind: str = "gcn"):
        super().__init__()
        self.backbone = GraphBackbone(hidden, layers, kind)
        self.q = nn.Linear(hidden, 1)
        self.pi = nn.Linear(hidden, 1)
        self.v = ValueHead(hidden)
        self.tau, self.w_q, self.w_pi = tau, w_q, w_pi

    def heads(self, x, adj, mask):
        z, real, valid = self.backbone(x, adj, mask)
        return {"q": self.q(z).squeeze(-1), "logits": self.pi(z).squeeze(-1), "value": self.v(z, real, valid), "valid": valid}

    def fused(self, q, logits, valid):
        return self.w_q * masked_softmax(q / self.tau, valid) + self.w_pi * masked_softmax(logits, valid)

    def forward(self, x, adj, mask):
        h = self.heads(x, adj, mask)
        probs = self.fused(h["q"], h["logits"], h["valid"])
        scores = masked_scores(torch.log(probs.clamp(min=1e-30)), h["valid"])
        return scores, probs, h["value"]
