"""Feature scaling inside the exported graph: raw x [B, N, 15] (API units) -> scaled node features.

Everything here is parameter-free and exported with the network, so clients send raw values (spec.FEATURES).
Padding convention: a node whose 15 raw features are all zero is padding; it never influences a real node.
"""

import torch
from torch import nn

from edgesim import spec

F = {name: i for i, (name, _, _) in enumerate(spec.FEATURES)}
NEG = -1e9  # score of a masked node
REWARD_EST = 25  # index of reward_est / 4 in the encoder's output features


def real_nodes(x):
    """[B, N] float: 1 for real nodes, 0 for padding (all-zero feature rows)."""
    return (x.abs().amax(dim=-1) > 0).to(x.dtype)


def clean_adj(adj, real):
    """Binary, symmetric, no self loops, no edges touching padding."""
    n = adj.shape[-1]
    idx = torch.arange(n, device=adj.device)
    off_diag = (idx[:, None] != idx[None, :]).to(adj.dtype)
    a = (adj > 0.5).to(adj.dtype)
    a = torch.maximum(a, a.transpose(1, 2)) * off_diag
    return a * real[:, :, None] * real[:, None, :]


def masked_mean(h, w):
    """Mean of h [B, N, H] over nodes with weight w [B, N] in {0, 1}; 0 when no node qualifies."""
    return (h * w[..., None]).sum(1) / w.sum(1, keepdim=True).clamp(min=1.0)


def masked_max(h, w):
    """Max of h [B, N, H] over nodes with w > 0; 0 when no node qualifies."""
    m = torch.where(w[..., None] > 0, h, torch.full_like(h, NEG)).amax(dim=1)
    return torch.where(w.sum(1, keepdim=True) > 0, m, torch.zeros_like(m))


def masked_scores(s, valid):
    return torch.where(valid > 0, s, torch.full_like(s, NEG))


def masked_softmax(s, valid):
    """softmax over valid nodes; exactly 0 on masked nodes; all zeros (never NaN) when every node is masked."""
    s = masked_scores(s, valid)
    e = torch.exp(s - s.amax(dim=-1, keepdim=True)) * valid
    z = e.sum(-1, keepdim=True)
    return e / torch.where(z > 0, z, torch.ones_like(z))


def _log(v, scale):
    return torch.log1p(v.clamp(min=0.0)) / scale


class FeatureEncoder(nn.Module):
    """Scaled per-node features. Besides log-scaled raw inputs it derives, from spec constants, the quantities the
    reward is made of (latency/deadline ratio, deadline met, energy, load balance after placement), so the networks
    do not have to rediscover arithmetic the cost model states exactly; what to do with them is learned."""

    def __init__(self):
        super().__init__()
        self.register_buffer("ghz", torch.tensor(spec.CPU_GHZ, dtype=torch.float32))
        self.register_buffer("mem_gb", torch.tensor(spec.MEM_GB, dtype=torch.float32))
        self.register_buffer("e_cpu", torch.tensor(spec.ENERGY_PER_MCYCLE_J, dtype=torch.float32))
        self.register_buffer("drain", torch.tensor(spec.QUEUE_DRAIN_PER_STEP, dtype=torch.float32))

    out_dim = 33

    def forward(self, x, adj, mask):
        """x [B, N, 15] raw, adj [B, N, N], mask [B, N] -> (feat [B, N, 33], real [B, N], valid [B, N], a [B, N, N])."""
        real = real_nodes(x)
        valid = (mask > 0.5).to(x.dtype) * real
        a = clean_adj(adj, real)
        c = lambda name: x[..., F[name]]  # noqa: E731
        ntype = c("node_type")
        onehot = torch.stack([(ntype == float(t)).to(x.dtype) for t in (spec.SENSOR, spec.FOG, spec.CLOUD)], dim=-1)
        ghz, mem_gb, e_cpu = onehot @ self.ghz, onehot @ self.mem_gb, onehot @ self.e_cpu

        tx = c("tx_ms").clamp(min=0.0, max=spec.TX_UNREACHABLE_MS)
        deadline = c("task_deadline_ms").clamp(min=1e-3)
        lat = tx + c("proc_ms") + c("wait_ms")
        ratio = (lat / deadline).clamp(max=spec.TERM_CAP)
        met = (lat <= deadline).to(x.dtype)
        energy_j = c("task_cpu_mcycles") * e_cpu + spec.RADIO_POWER_W * tx / 1000
        e_term = (energy_j / spec.ENERGY_REF_J).clamp(max=spec.TERM_CAP)
        added = c("task_cpu_mcycles") / (ghz.clamp(min=1e-6) * 1000)
        cpu = c("cpu_util")
        after = (cpu + added).clamp(max=1.0)
        mem_after = c("mem_util") + c("task_mem_mb") / (mem_gb.clamp(min=1e-6) * 1024)

        # Load balance after placing on each node: 1 - 2 * population std of cpu_util over real nodes.
        cnt = real.sum(1, keepdim=True).clamp(min=1.0)
        cpu_r = cpu * real
        s1 = cpu_r.sum(1, keepdim=True) - cpu_r + after
        s2 = (cpu_r * cpu_r).sum(1, keepdim=True) - cpu_r * cpu_r + after * after
        mean = s1 / cnt
        balance = 1 - 2 * torch.sqrt((s2 / cnt - mean * mean).clamp(min=0.0))
        reward_est = (spec.W_LATENCY * ratio + spec.W_ENERGY * e_term + spec.W_QOS * met + spec.W_BALANCE * balance)
        mean_cpu = cpu_r.sum(1, keepdim=True) / cnt
        deg = a.sum(-1)

        feats = [
            cpu, c("mem_util"), _log(c("energy"), 12.0), _log(c("latency"), 4.0), _log(c("bandwidth"), 9.0),
            _log(c("queue_len"), 4.0), onehot[..., 0], onehot[..., 1], onehot[..., 2], c("is_source"),
            _log(tx, 12.0), (tx >= spec.TX_UNREACHABLE_MS * 0.999).to(x.dtype), _log(c("proc_ms"), 10.0),
            _log(c("wait_ms"), 12.0), _log(c("task_cpu_mcycles"), 8.0), _log(c("task_mem_mb"), 7.0),
            _log(c("task_data_kb"), 7.0), _log(deadline, 7.0), ratio / spec.TERM_CAP, met, e_term / spec.TERM_CAP,
            ((deadline - lat) / deadline).clamp(min=-4.0, max=1.0) / 4, after, mem_after.clamp(max=2.0),
            balance, reward_est / 4, cpu - mean_cpu, _log(deg, 3.0), valid, _log(ghz, 4.0),
            added.clamp(max=4.0) / 4, _log(c("queue_len") / (onehot @ self.drain).clamp(min=1e-3), 4.0), real,
        ]
        feat = torch.stack(feats, dim=-1) * real[..., None]
        return feat, real, valid, a
