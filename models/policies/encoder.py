"""Feature scaling inside the exported graph: raw contract-v2 inputs (API units) -> scaled node and edge features.

Parameter-free and exported with every network, so clients send raw values (spec.NODE_FEATURES, spec.EDGE_FEATURES).
Padding: a node whose raw features are all zero is padding (a real node has a positive deadline); it never
influences a real node.
"""

import torch
from torch import nn

from edgesim import spec

F = {name: i for i, (name, _, _) in enumerate(spec.NODE_FEATURES)}
FE = {name: i for i, (name, _, _) in enumerate(spec.EDGE_FEATURES)}
NEG = -1e9  # score of a masked node


def scalar(v, like: torch.Tensor, matched: bool = True) -> torch.Tensor:
    """v (a number or a list) as a tensor of like's dtype: a broadcast constant in the exported graph (a Python float
    would export as float64, and a full_like would cost a Shape and a ConstantOfShape per use). Exported with like's
    rank unless matched is False: onnxruntime runs an elementwise op between a [B, N, 1] tensor and a 0-d or 1-d
    constant about 30x slower than with the constant shaped [1, 1, 1] (docs/model-contract.md, "Graph"); the
    broadcast, hence every value, is the same."""
    t = torch.tensor(v, dtype=like.dtype, device=like.device)
    return ranked(t, like) if matched else t


def num(v, like: torch.Tensor):
    """A Python number in elementwise arithmetic with like: as it is in PyTorch (bit for bit what training used), a
    rank-matched constant in the exported graph (see scalar)."""
    return scalar(v, like) if torch.onnx.is_in_onnx_export() else v


def ranked(t: torch.Tensor, like: torch.Tensor) -> torch.Tensor:
    """A constant tensor t with like's rank in the exported graph (see scalar); t itself in PyTorch."""
    if torch.onnx.is_in_onnx_export() and t.dim() < like.dim():
        return t.reshape((1,) * (like.dim() - t.dim()) + tuple(t.shape))
    return t


def _div(t: torch.Tensor, v: float) -> torch.Tensor:
    """t / v; no division at all in the exported graph when v is 1 (t / 1 is t)."""
    return t if torch.onnx.is_in_onnx_export() and v == 1.0 else t / num(v, t)


def masked_mean(h, w):
    """Mean of h [B, N, H] over nodes with weight w [B, N, 1] in {0, 1}: [B, 1, H]; 0 when no node qualifies."""
    return (h * w).sum(1, keepdim=True) / w.sum(1, keepdim=True).clamp(min=1.0)


def masked_max(h, w):
    """Max of h [B, N, H] over nodes with w [B, N, 1] > 0: [B, 1, H]; 0 when no node qualifies."""
    m = torch.where(w > num(0.0, w), h, scalar(NEG, h)).amax(dim=1, keepdim=True)
    return torch.where(w.sum(1, keepdim=True) > num(0.0, w), m, scalar(0.0, m))


def masked_scores(s, valid):
    return torch.where(valid > num(0.0, valid), s, scalar(NEG, s))


def masked_softmax(s, valid, dim=-1):
    """softmax over valid nodes (along dim); exactly 0 on masked nodes; all zeros (never NaN) when every node is
    masked."""
    return softmax_of_masked(masked_scores(s, valid), valid, dim)


def softmax_of_masked(s, valid, dim=-1):
    """masked_softmax of scores s whose masked nodes are already pushed down to about NEG."""
    e = torch.exp(s - s.amax(dim=dim, keepdim=True)) * valid
    # z is 0 (no valid node: e is all 0) or a normal float (the top valid node adds exp(0) = 1 unless every valid
    # score is below NEG): the clamp leaves it as it is and keeps 0 / 0 out.
    z = e.sum(dim, keepdim=True)
    return e / z.clamp(min=torch.finfo(z.dtype).tiny)


def log1p(v):
    """log1p; exported as Log(v + 1) with a rank-matched 1 (the exporter's own form of log1p, with a 0-d 1)."""
    return torch.log(v + scalar(1.0, v)) if torch.onnx.is_in_onnx_export() else torch.log1p(v)


class FeatureEncoder(nn.Module):
    """Scaled per-node and per-route-link features. Besides log-scaled inputs it derives, from spec constants, the
    terms the reward is made of (completion/deadline, deadline met, compute energy, load balance after placement),
    so the networks start from the one-step cost the cost model states exactly; what they learn is how a placement
    shapes the queues later tasks meet."""

    # log1p(v) / scale for the unit-carrying inputs, in one vectorised op over these columns
    LOG_COLS = (("energy", 12.0), ("latency", 4.0), ("bandwidth", 9.0), ("backlog_ms", 8.0), ("tx_ms", 8.0),
                ("link_wait_ms", 8.0), ("proc_ms", 8.0), ("wait_ms", 8.0), ("task_cpu_mcycles", 8.0),
                ("task_mem_mb", 7.0), ("task_data_kb", 7.0), ("task_deadline_ms", 7.0))
    LINEAR_COLS = ("cpu_util", "mem_util", "is_source", "load")
    # the raw columns the derived terms read one by one
    READ_COLS = ("node_type", "tx_ms", "task_deadline_ms", "wait_ms", "proc_ms", "task_cpu_mcycles", "backlog_ms")
    EDGE_SCALES = (9.0, 4.0, 8.0, 7.0)
    node_dim = len(LOG_COLS) + len(LINEAR_COLS) + 3 + 11
    edge_dim = len(EDGE_SCALES) + 1
    LINK_SCALES = (9.0, 4.0, 8.0)  # capacity, latency, backlog
    link_dim = len(LINK_SCALES)
    # Weights of the reward terms within the first 8 derived columns (the reward estimate is the 9th).
    REWARD_WEIGHTS = (0.0, spec.W_LATENCY, spec.W_QOS, spec.W_ENERGY, 0.0, 0.0, 0.0, spec.W_BALANCE)
    # Scales of the node features after the log columns (whose scales are log_inv), applied with them in one product:
    # the linear columns and the one-hot as they are, the derived terms with ratio and energy over TERM_CAP and the
    # slack and the reward estimate over 4 (powers of two, so the product equals the division).
    LATER_SCALES = ((1.0,) * (len(LINEAR_COLS) + 3)
                    + (1.0, 1 / spec.TERM_CAP, 1.0, 1 / spec.TERM_CAP, 1 / 4, 1.0, 1.0, 1.0, 1 / 4, 1.0, 1.0))

    def __init__(self):
        super().__init__()
        self.register_buffer("e_cpu", torch.tensor(spec.ENERGY_PER_MCYCLE_J, dtype=torch.float32))
        self.register_buffer("types", torch.tensor([spec.SENSOR, spec.FOG, spec.CLOUD], dtype=torch.float32))
        self.register_buffer("log_cols", torch.tensor([F[k] for k, _ in self.LOG_COLS]))
        self.register_buffer("log_inv", torch.tensor([1 / s for _, s in self.LOG_COLS]))
        self.register_buffer("lin_cols", torch.tensor([F[k] for k in self.LINEAR_COLS]))
        self.register_buffer("edge_inv", torch.tensor([1 / s for s in self.EDGE_SCALES]))
        self.register_buffer("link_inv", torch.tensor([1 / s for s in self.LINK_SCALES]))

    def forward(self, x, edge_attr, link_attr, mask):
        """-> (node feat [B, N, node_dim], route-link feat [B, N, edge_dim], link feat [L, link_dim], real [B, N, 1],
        valid [B, N, 1]).

        Per-node scalars keep a trailing axis of 1 and the raw columns come from one split, so the exported graph
        needs no gather per column and no unsqueeze before stacking (docs/model-contract.md, "Graph")."""
        # padding: every feature 0, so the L1 norm is 0 exactly then; exported as one ReduceL1, while in torch the sum of
        # |x| is the same test 8x faster than norm(p=1) (0.25 against 2.0 ms at 20 x 1000 nodes, 6% of a forward)
        l1 = x.norm(p=1, dim=-1, keepdim=True) if torch.onnx.is_in_onnx_export() else x.abs().sum(-1, keepdim=True)
        real = (l1 > num(0.0, x)).to(x.dtype)
        valid = torch.where(mask[..., None] > num(0.5, real), real, scalar(0.0, x))
        if torch.onnx.is_in_onnx_export():
            # every raw column read here from one product with a 0/1 matrix and one split: cheaper in onnxruntime than
            # gathers and a split into all 17 columns, and exact for finite inputs (x * 1 + 0s)
            names = self.READ_COLS + tuple(k for k, _ in self.LOG_COLS) + self.LINEAR_COLS
            pick = [[float(F[k] == i) for k in names] for i in range(len(F))]
            *singles, raw_logs, raw_lin = (x @ scalar(pick, x, matched=False)).split(
                [1] * len(self.READ_COLS) + [len(self.LOG_COLS), len(self.LINEAR_COLS)], dim=-1)
            cols = dict(zip(self.READ_COLS, singles))
        else:
            cols = dict(zip(F, x.split(1, dim=-1)))
            raw_logs, raw_lin = x.index_select(-1, self.log_cols), x.index_select(-1, self.lin_cols)
        c = cols.__getitem__
        n = lambda v: num(v, real)  # noqa: E731
        onehot = (c("node_type") == ranked(self.types, x)).to(x.dtype)
        tx = c("tx_ms")
        deadline = c("task_deadline_ms").clamp(min=1e-3)
        finish = tx + c("wait_ms") + c("proc_ms")
        ratio = (finish / deadline).clamp(max=spec.TERM_CAP)
        met = (finish <= deadline).to(x.dtype)
        e_term = _div(c("task_cpu_mcycles") * (onehot @ self.e_cpu[:, None]), spec.ENERGY_REF_J).clamp(max=spec.TERM_CAP)
        # Load balance after placing on each node: 1 - 2 * population std of min(backlog / ref, 1) over real nodes.
        u = (c("backlog_ms") / n(spec.BALANCE_REF_MS)).clamp(max=1.0) * real
        after = (finish / n(spec.BALANCE_REF_MS)).clamp(max=1.0)
        cnt = real.sum(1, keepdim=True).clamp(min=1.0)
        s1 = u.sum(1, keepdim=True) - u + after
        s2 = (u * u).sum(1, keepdim=True) - u * u + after * after
        mean = s1 / cnt
        balance = n(1.0) - n(2.0) * torch.sqrt((s2 / cnt - mean * mean).clamp(min=0.0))
        terms = torch.cat([
            (tx >= n(spec.TX_UNREACHABLE_MS * 0.999)).to(x.dtype), ratio, met, e_term,
            ((deadline - finish) / deadline).clamp(min=-4.0, max=1.0), u, after, balance,
        ], dim=-1)
        if torch.onnx.is_in_onnx_export():
            # the same sum as one product with the terms (equal up to rounding; PyTorch keeps the sum, bit for bit)
            reward_est = terms @ scalar(self.REWARD_WEIGHTS, x, matched=False)[:, None]
        else:
            reward_est = spec.W_LATENCY * ratio + spec.W_ENERGY * e_term + spec.W_QOS * met + spec.W_BALANCE * balance
        derived = torch.cat([terms, reward_est, valid, real], dim=-1)
        logs = log1p(torch.relu(raw_logs))
        scale = torch.cat([self.log_inv, scalar(self.LATER_SCALES, x, matched=False)])
        feat = torch.cat([logs, raw_lin, onehot, derived], dim=-1) * (ranked(scale, real) * real)
        cap = FE["capacity_mbps"]
        has = torch.where(edge_attr[..., cap:cap + 1] > num(0.0, x), real, scalar(0.0, x))
        edge = torch.cat([log1p(torch.relu(edge_attr)) * ranked(self.edge_inv, edge_attr), has], dim=-1) * has
        link = log1p(torch.relu(link_attr)) * ranked(self.link_inv, link_attr)
        return feat, edge, link, real, valid


REWARD_EST = len(FeatureEncoder.LOG_COLS) + len(FeatureEncoder.LINEAR_COLS) + 3 + 8  # reward_est / 4 in node features


def reward_estimate(feat):
    """The one-step reward estimate [B, N, 1] in reward units, read back from the node features feat [B, N, node_dim]
    (stored there over 4, FeatureEncoder.LATER_SCALES). It leaves out the source's radio energy (its first link's
    capacity is not a node feature), so its argmax is not always greedy's choice."""
    return feat[..., REWARD_EST:REWARD_EST + 1] * num(4.0, feat)
