"""Size-invariant policy networks on the v2 contract. Each maps (x [B,N,17], parent [B,N] int64, edge_attr [B,N,4],
link_index [2,L] int64, link_attr [L,3], mask [B,N]) to (scores [B,N], probs [B,N], value [B]); heads() returns the
raw heads the training algorithms need.

Two views of the graph, both linear in nodes + links (docs/model-contract.md):
- the network: every link with its state (capacity, latency, backlog); one neighbour aggregation (gather + scatter-add)
  tells each node what surrounds it: how many sensors feed it, how busy its links and neighbours are;
- the task's route tree: parent[v] is the node the task's data comes from on its way to v and edge_attr[v] the state
  of that link; message passing runs down the tree with one gather per layer.
"""

import torch
from torch import nn

from .encoder import (NEG, FeatureEncoder, masked_max, masked_mean, masked_scores, masked_softmax, num, reward_estimate, scalar,
                      softmax_of_masked)


def mlp(sizes, last_act=False):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2 or last_act:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


def pool(h, real, valid):
    """Global context [B, 1, 3H] of h >= 0 (a ReLU output): mean and max over real nodes, max over valid nodes
    (padding never counts)."""
    if torch.onnx.is_in_onnx_export():
        # For h >= 0 the max over the nodes of h * w is masked_max(h, w), 0 included when no node qualifies: a product
        # instead of two selects per mask (the same values; PyTorch keeps the selects, whose gradients add up in the
        # order training has always used).
        hr = h * real
        return torch.cat([hr.sum(1, keepdim=True) / real.sum(1, keepdim=True).clamp(min=1.0), hr.amax(1, keepdim=True),
                          (h * valid).amax(1, keepdim=True)], dim=-1)  # valid nodes are real: h * real * valid
    return torch.cat([masked_mean(h, real), masked_max(h, real), masked_max(h, valid)], dim=-1)


class _RowsOf(torch.autograd.Function):
    """Export form of from_parent: one GatherND over the batch axis instead of an expanded index for GatherElements
    (same rows, no [B, N, H] index tensor built per run)."""

    @staticmethod
    def forward(ctx, h, index):
        return torch.gather(h, 1, index.expand(-1, -1, h.shape[-1]))

    @staticmethod
    def symbolic(g, h, index):
        return g.op("GatherND", h, index, batch_dims_i=1).setType(h.type())


class _NodeShape(torch.autograd.Function):
    """Export form of [B, N, width] for nodes laid out like like [B, N, ...]: one Shape (with end=2) and one Concat,
    computed once per graph and shared by every unflatten() (docs/model-contract.md, "Graph")."""

    @staticmethod
    def forward(ctx, like, width):
        return torch.tensor([like.shape[0], like.shape[1], width])

    @staticmethod
    def symbolic(g, like, width):
        dims = g.op("Shape", like, end_i=2)
        return g.op("Concat", dims, g.op("Constant", value_t=torch.tensor([width], dtype=torch.int64)), axis_i=0)


class _Unflatten(torch.autograd.Function):
    """Export form of rows [B * N, width] -> [B, N, width], shaped by a _NodeShape: a Reshape, which onnxruntime
    runs as a view."""

    @staticmethod
    def forward(ctx, rows, shape):
        return rows.reshape(*shape.tolist())

    @staticmethod
    def symbolic(g, rows, shape):
        return g.op("Reshape", rows, shape).setType(rows.type().with_sizes([None, None, None]))


def from_parent(h, parent):
    """h of each node's route parent: [B, N, H] (a node without a parent gets its own). parent: [B, N, 1]."""
    if torch.onnx.is_in_onnx_export():
        return _RowsOf.apply(h, parent)
    # rows of the flattened batch: index_select (and its index_add backward) copies whole rows, where gather with an
    # expanded index visits the B x N x H cells one at a time; the same values and gradients, an order of magnitude
    # faster on CPU
    b, n, width = h.shape
    rows = (parent.reshape(b, n) + torch.arange(0, b * n, n)[:, None]).reshape(-1)
    return h.reshape(-1, width).index_select(0, rows).view(b, n, width)


class Mix(nn.Module):
    """Per-node MLP over [node embedding, global context]; the context half of the first layer is computed once per
    graph (a linear layer over a concatenation is the sum of two linear layers)."""

    def __init__(self, node_dim: int, ctx_dim: int, hidden: int):
        super().__init__()
        self.node = nn.Linear(node_dim, hidden)
        self.ctx = nn.Linear(ctx_dim, hidden, bias=False)
        self.out = nn.Linear(hidden, hidden)

    def forward(self, h, g):
        return torch.relu(self.out(torch.relu(self.node(h) + self.ctx(g))))

    def rows(self, h, g, shape):
        """forward() over node rows h [B * N, node_dim] -> [B * N, hidden]; the context added per graph on the
        [B, N, hidden] view (shape: a _NodeShape)."""
        mixed = torch.relu(_Unflatten.apply(self.node(h), shape) + self.ctx(g))
        return torch.relu(self.out(mixed.reshape(-1, self.out.in_features)))


class LinkConv(nn.Module):
    """h_v + sum over links u-v of ReLU(W [h_u, link state]): a sum, so a node's catchment (how many neighbours feed
    it) shows, not only their mean."""

    def __init__(self, hidden: int, link_dim: int):
        super().__init__()
        self.msg = nn.Linear(hidden + link_dim, hidden)
        self.out = nn.Linear(hidden, hidden)
        self.hidden = hidden  # a constant, so the exporter knows the scatter's row width

    def forward(self, h, link_index, link):
        return self.rows(h.reshape(-1, self.hidden), link_index, link).view_as(h)

    def rows(self, flat, link_index, link):
        """forward() over node rows [B * N, H]."""
        # each link in both directions: from ends 0 to ends 1, then back
        src = flat.index_select(0, link_index.reshape(-1))
        m = torch.relu(self.msg(torch.cat([src, torch.cat([link, link])], dim=-1)))
        agg = scatter_add_rows(flat, link_index[[1, 0]], m, self.hidden)
        return flat + torch.relu(self.out(agg))


class _ScatterAddRows(torch.autograd.Function):
    """Export form of scatter_add_rows, a segment sum: the rows sorted by target (TopK, which keeps ties in order), a
    running sum down them, and each target's sum as the difference of the running sum at its segment's two ends.
    Every pass works on whole rows, where onnxruntime's ScatterElements(reduction="add") visits the rows x width cells
    one at a time; measured in docs/model-contract.md, "Graph". The running sum is float64 so that the differences
    keep float32 precision however long it grows (in float32 they lose it on large graphs)."""

    @staticmethod
    def forward(ctx, flat, index, rows, width):
        return _index_add_rows(flat, index, rows)

    @staticmethod
    def symbolic(g, flat, index, rows, width):
        def const(v, dtype=torch.int64):
            return g.op("Constant", value_t=torch.tensor(v, dtype=dtype))

        target = g.op("Reshape", index, const([-1]))
        count = g.op("Shape", target)
        _, order = g.op("TopK", target, count, axis_i=0, largest_i=0, sorted_i=1, outputs=2)
        ordered = g.op("Cast", g.op("Gather", rows, order, axis_i=0), to_i=11)  # 11: DOUBLE
        running = g.op("CumSum", g.op("Concat", const([[0.0] * width], torch.float64), ordered, axis_i=0),
                       const(0))
        # rows per target, then where each target's segment ends in the sorted order
        per = g.op("ScatterElements", g.op("ConstantOfShape", g.op("Shape", flat, end_i=1),
                                           value_t=torch.tensor([0], dtype=torch.int64)),
                   target, g.op("ConstantOfShape", count, value_t=torch.tensor([1], dtype=torch.int64)),
                   axis_i=0, reduction_s="add")
        end = g.op("CumSum", per, const(0))
        out = g.op("Sub", g.op("Gather", running, end, axis_i=0),
                   g.op("Gather", running, g.op("Sub", end, per), axis_i=0))
        return g.op("Cast", out, to_i=1).setType(flat.type())  # 1: FLOAT


def scatter_add_rows(flat, index, rows, width: int):
    """out[index[k]] += rows[k] over zeros shaped like flat [R, width], index taken in row-major order (any shape):
    duplicate targets accumulate."""
    if torch.onnx.is_in_onnx_export():
        return _ScatterAddRows.apply(flat, index, rows, width)
    return _index_add_rows(flat, index, rows)


def _index_add_rows(flat, index, rows):
    # whole rows at a time (and index_select in the backward pass): the same sums in the same order as scatter_add over
    # an index expanded to every cell, which visits the cells one at a time
    return torch.zeros_like(flat).index_add(0, index.reshape(-1), rows)


class TreeConv(nn.Module):
    """h_v + ReLU(W_self h_v + W_parent h_parent(v) + W_link e_v): what lies upstream on the route, and the link
    that brings the task in."""

    def __init__(self, hidden: int, edge_dim: int):
        super().__init__()
        self.self_ = nn.Linear(hidden, hidden)
        self.parent = nn.Linear(hidden, hidden, bias=False)
        self.link = nn.Linear(edge_dim, hidden, bias=False)

    def forward(self, h, parent, e):
        """parent: [B, N, 1]."""
        return h + torch.relu(self.self_(h) + self.parent(from_parent(h, parent)) + self.link(e))

    def update(self, h, z):
        """Export form over z = [h, h_parent, e]: the three maps as one, one matrix product instead of three (equal up
        to rounding; PyTorch keeps the three so training stays bit for bit what it was)."""
        w = torch.cat([self.self_.weight, self.parent.weight, self.link.weight], dim=1)
        return h + torch.relu(nn.functional.linear(z, w, self.self_.bias))


class TreeAttention(nn.Module):
    """Attention between a node's own state and the message from its route parent (with the link's state), a
    two-way graph-attention layer over the route tree."""

    def __init__(self, hidden: int, edge_dim: int):
        super().__init__()
        self.msg = nn.Linear(2 * hidden + edge_dim, hidden)
        self.score = nn.Linear(2 * hidden + edge_dim, 2)
        self.out = nn.Linear(hidden, hidden)

    def forward(self, h, parent, e):
        return self.update(h, torch.cat([h, from_parent(h, parent), e], dim=-1))

    def update(self, h, z):
        """The layer over z = [h, h_parent, e] (any leading axes)."""
        a = torch.softmax(nn.functional.leaky_relu(self.score(z), 0.2), dim=-1)
        return h + torch.relu(self.out(a[..., :1] * h + a[..., 1:] * torch.relu(self.msg(z))))


class NodeBackbone(nn.Module):
    """Per-node MLP, pooled global context, per-node mixing: no graph (dqn, ppo). Also returns the encoder's
    one-step reward estimate per node [B, N, 1], which dqn and ppo take as a prior."""

    def __init__(self, hidden: int):
        super().__init__()
        self.enc = FeatureEncoder()
        self.embed = mlp([FeatureEncoder.node_dim + FeatureEncoder.edge_dim, hidden, hidden], last_act=True)
        self.mix = Mix(hidden, 3 * hidden, hidden)
        self.hidden = hidden

    def forward(self, x, parent, edge_attr, link_index, link_attr, mask):
        f, e, _, real, valid = self.enc(x, edge_attr, link_attr, mask)
        if torch.onnx.is_in_onnx_export():
            # on node rows, as GraphBackbone._rows_graph
            shape = _NodeShape.apply(mask, self.hidden)
            h = self.embed(torch.cat([f, e], dim=-1).reshape(-1, FeatureEncoder.node_dim + FeatureEncoder.edge_dim))
            return _Unflatten.apply(self.mix.rows(h, pool(_Unflatten.apply(h, shape), real, valid), shape), shape), \
                real, valid, reward_estimate(f)
        h = self.embed(torch.cat([f, e], dim=-1))
        return self.mix(h, pool(h, real, valid)), real, valid, reward_estimate(f)


class GraphBackbone(nn.Module):
    """Per-node embedding, message passing down the route tree, pooled context, per-node mixing."""

    def __init__(self, hidden: int, layers: int, kind: str = "conv"):
        super().__init__()
        self.enc = FeatureEncoder()
        self.embed = mlp([FeatureEncoder.node_dim, hidden, hidden], last_act=True)
        self.links = LinkConv(hidden, FeatureEncoder.link_dim)
        layer = {"conv": TreeConv, "attention": TreeAttention}[kind]
        self.layers = nn.ModuleList([layer(hidden, FeatureEncoder.edge_dim) for _ in range(layers)])
        self.mix = Mix(2 * hidden, 3 * hidden, hidden)
        self.hidden = hidden

    def forward(self, x, parent, edge_attr, link_index, link_attr, mask):
        if torch.onnx.is_in_onnx_export():
            return self._rows_graph(x, parent, edge_attr, link_index, link_attr, mask)
        f, e, link, real, valid = self.enc(x, edge_attr, link_attr, mask)
        h0 = self.embed(f)
        h = self.links(h0, link_index, link) * real
        parent = parent[..., None]
        for layer in self.layers:
            h = layer(h, parent, e) * real
        return self.mix(torch.cat([h0, h], dim=-1), pool(h, real, valid)), real, valid

    def _rows_graph(self, x, parent, edge_attr, link_index, link_attr, mask):
        """forward() as exported: the per-node layers run on node rows [B * N, .], the 2-D form in which onnxruntime
        fuses a linear layer's MatMul, bias and ReLU into one kernel; the [B, N, .] view (a Reshape, no copy) only
        where a layer looks across nodes (route parent, pooling). Equal up to rounding."""
        H, node_dim = self.hidden, FeatureEncoder.node_dim
        f, e, link, real, valid = self.enc(x, edge_attr, link_attr, mask)
        shape = _NodeShape.apply(mask, H)
        real_rows = real.reshape(-1, 1)
        h0 = self.embed(f.reshape(-1, node_dim))
        h = self.links.rows(h0, link_index, link) * real_rows
        parent = parent[..., None]
        for layer in self.layers:
            h3 = _Unflatten.apply(h, shape)
            z = torch.cat([h3, from_parent(h3, parent), e], dim=-1).reshape(-1, 2 * H + FeatureEncoder.edge_dim)
            h = layer.update(h, z) * real_rows
        z = self.mix.rows(torch.cat([h0, h], dim=-1), pool(_Unflatten.apply(h, shape), real, valid), shape)
        return _Unflatten.apply(z, shape), real, valid


class ValueHead(nn.Module):
    def __init__(self, hidden: int):
        super().__init__()
        self.net = mlp([3 * hidden, hidden, 1])

    def forward(self, z, real, valid):
        """z [B, N, H] >= 0 -> [B]."""
        return self.net(pool(z, real, valid).flatten(1)).reshape(-1)


class QNetwork(nn.Module):
    """dqn: Q(s, node) per node = prior * the encoder's one-step reward estimate + a learned residual (residual
    policy learning: the network learns what the estimate misses, the queues a placement leaves for later tasks).
    probs = Boltzmann softmax(Q / tau) over valid nodes; value = max valid Q."""

    def __init__(self, hidden: int, tau: float, prior: float):
        super().__init__()
        self.backbone = NodeBackbone(hidden)
        self.q = nn.Linear(hidden, 1)
        self.tau, self.prior = tau, prior

    def _heads(self, x, parent, edge_attr, link_index, link_attr, mask):
        """q and valid as [B, N, 1]."""
        z, _, valid, estimate = self.backbone(x, parent, edge_attr, link_index, link_attr, mask)
        return self.q(z) + estimate * num(self.prior, estimate), valid

    def heads(self, x, parent, edge_attr, link_index, link_attr, mask):
        q, valid = self._heads(x, parent, edge_attr, link_index, link_attr, mask)
        return {"q": q.squeeze(-1), "valid": valid.squeeze(-1)}

    def forward(self, x, parent, edge_attr, link_index, link_attr, mask):
        q, valid = self._heads(x, parent, edge_attr, link_index, link_attr, mask)
        value = masked_max(q, valid).reshape(-1)
        return masked_scores(q, valid).squeeze(-1), masked_softmax(q / num(self.tau, q), valid, dim=1).squeeze(-1), value


class ActorCritic(nn.Module):
    """ppo: per-node logits = prior * the encoder's one-step reward estimate + a learned residual, and a pooled
    critic over the actor's features. scores = logits, probs = softmax(logits) over valid nodes."""

    def __init__(self, hidden: int, prior: float):
        super().__init__()
        self.backbone = NodeBackbone(hidden)
        self.pi = nn.Linear(hidden, 1)
        self.v = ValueHead(hidden)
        self.prior = prior

    def _heads(self, x, parent, edge_attr, link_index, link_attr, mask):
        """logits and valid as [B, N, 1], value [B]."""
        z, real, valid, estimate = self.backbone(x, parent, edge_attr, link_index, link_attr, mask)
        # the critic reads the actor's features and does not train them (policies/ppo.py)
        return self.pi(z) + estimate * num(self.prior, estimate), self.v(z.detach(), real, valid), valid

    def heads(self, x, parent, edge_attr, link_index, link_attr, mask):
        logits, value, valid = self._heads(x, parent, edge_attr, link_index, link_attr, mask)
        return {"logits": logits.squeeze(-1), "value": value, "valid": valid.squeeze(-1)}

    def forward(self, x, parent, edge_attr, link_index, link_attr, mask):
        logits, value, valid = self._heads(x, parent, edge_attr, link_index, link_attr, mask)
        return masked_scores(logits, valid).squeeze(-1), masked_softmax(logits, valid, dim=1).squeeze(-1), value


class HybridGNN(nn.Module):
    """hybrid: route-tree GNN feeding a Q head, a policy head and a value head.

    probs = w_q * softmax(Q / tau) + w_pi * softmax(logits) over valid nodes (0.6 / 0.4);
    scores = log(probs) (masked nodes -1e9), so softmax(scores) == probs and argmax(scores) == argmax(probs).
    """

    def __init__(self, hidden: int, layers: int, tau: float, w_q: float, w_pi: float, kind: str = "conv"):
        super().__init__()
        self.backbone = GraphBackbone(hidden, layers, kind)
        self.q = nn.Linear(hidden, 1)
        self.pi = nn.Linear(hidden, 1)
        self.v = ValueHead(hidden)
        self.tau, self.w_q, self.w_pi = tau, w_q, w_pi

    def heads(self, x, parent, edge_attr, link_index, link_attr, mask):
        z, real, valid = self.backbone(x, parent, edge_attr, link_index, link_attr, mask)
        return {"q": self.q(z).squeeze(-1), "logits": self.pi(z).squeeze(-1), "value": self.v(z, real, valid),
                "valid": valid.squeeze(-1)}

    def act(self, x, parent, edge_attr, link_index, link_attr, mask):
        """(fused probs [B, N], value [B]) for PPO fine-tuning (policies/hybrid.py): the critic reads the features
        without training them, as ppo's does."""
        z, real, valid = self.backbone(x, parent, edge_attr, link_index, link_attr, mask)
        return self.fused(self.q(z).squeeze(-1), self.pi(z).squeeze(-1), valid.squeeze(-1)), self.v(z.detach(), real, valid)

    def fused(self, q, logits, valid, dim=-1):
        """The fused policy over the node axis dim."""
        return self.w_q * masked_softmax(q / self.tau, valid, dim) + self.w_pi * masked_softmax(logits, valid, dim)

    def _fused_graph(self, z, valid):
        """fused() as exported: Q / tau and the logits from one linear map side by side [B, N, 2], both softmaxes in
        one pass, their weighted sum as one reduction (equal up to rounding)."""
        w = torch.cat([self.q.weight / self.tau, self.pi.weight])
        qp = nn.functional.linear(z, w, torch.cat([self.q.bias / self.tau, self.pi.bias]))
        # masked nodes pushed down by one per-node penalty [B, N, 1] instead of a select over both columns: the same
        # softmax (their exp is multiplied by 0 either way, and the top score is a valid node's)
        qp = qp + torch.where(valid > num(0.0, valid), scalar(0.0, qp), scalar(NEG, qp))
        return (softmax_of_masked(qp, valid, dim=1) * scalar([self.w_q, self.w_pi], qp)).sum(-1, keepdim=True)

    def forward(self, x, parent, edge_attr, link_index, link_attr, mask):
        z, real, valid = self.backbone(x, parent, edge_attr, link_index, link_attr, mask)
        if torch.onnx.is_in_onnx_export():
            probs = self._fused_graph(z, valid)
        else:
            probs = self.fused(self.q(z), self.pi(z), valid, dim=1)
        scores = masked_scores(torch.log(probs.clamp(min=1e-30)), valid)
        return scores.squeeze(-1), probs.squeeze(-1), self.v(z, real, valid)
