"""Hybrid GNN (GCN or GAT encoder) with Q, policy and value heads, acting with the fused distribution
pi = 0.6 softmax(Q / tau) + 0.4 softmax(logits).

Training (both heads meaningful):
- PPO on the fused distribution (behaviour and target policy are both the fused pi, so the ratio is exact); the Q
  term is detached inside pi for this loss, so the policy head learns to improve on what the Q head proposes;
- the value head regresses the lambda-returns (the critic of the fused policy) and feeds GAE;
- the Q head regresses the same lambda-returns for the action taken, i.e. Q(s, a) of the fused policy, which the
  Boltzmann term then turns into a greedier policy (an approximate policy-iteration step every rollout).
"""

import time

import torch

from pipeline.config import HybridConfig
from pipeline.envs import SplitEnv
from pipeline.config import TRAIN_SIZES
from pipeline.progress import Progress

from .networks import HybridGNN
from .onpolicy import collect, flat, gae
from .ppo import masked_entropy


def build(cfg: HybridConfig) -> HybridGNN:
    return HybridGNN(cfg.hidden, cfg.layers, cfg.tau, cfg.w_q, cfg.w_pi, cfg.kind)


def train(cfg: HybridConfig, name: str = "hybrid", log=print):
    torch.manual_seed(cfg.seed)
    gen = torch.Generator().manual_seed(cfg.seed)
    net = build(cfg)
    opt = torch.optim.Adam(net.parameters(), lr=cfg.lr, eps=1e-5)
    env = SplitEnv(cfg.num_envs, TRAIN_SIZES[0], seed=1000 + cfg.seed, split="train")
    curve, prog, t0 = [], Progress(name, cfg.iterations), time.time()

    def act(x, adj, mask):
        h = net.heads(x, adj, mask)
        return net.fused(h["q"], h["logits"], h["valid"]), h["value"]

    for it in range(1, cfg.iterations + 1):
        for g in opt.param_groups:
            g["lr"] = cfg.lr * (1 - (it - 1) / cfg.iterations)
        ro = collect(env, act, gen)
        ro["adv"], ro["ret"] = gae(ro["r"], ro["v"], ro["last_v"], cfg.gamma, cfg.gae_lambda)
        data, env_idx = flat(ro)
        n = data["a"].shape[0]
        for _ in range(cfg.epochs):
            perm = torch.randperm(n, generator=gen)
            for mb in perm.chunk(cfg.minibatches):
                h = net.heads(data["x"][mb], ro["adj"][env_idx[mb]], data["mask"][mb])
                a = data["a"][mb, None]
                probs = net.fused(h["q"].detach(), h["logits"], h["valid"])
                logp = torch.log(probs.gather(1, a).squeeze(1).clamp(min=1e-12))
                adv = data["adv"][mb]
                adv = (adv - adv.mean()) / (adv.std() + 1e-8)
                ratio = torch.exp(logp - data["logp"][mb])
                pg = -torch.min(ratio * adv, ratio.clamp(1 - cfg.clip, 1 + cfg.clip) * adv).mean()
                v_loss = 0.5 * ((h["value"] - data["ret"][mb]) ** 2).mean()
                q_loss = 0.5 * ((h["q"].gather(1, a).squeeze(1) - data["ret"][mb]) ** 2).mean()
                ent = masked_entropy(probs).mean()
                loss = pg + cfg.vf_coef * v_loss + cfg.q_coef * q_loss - cfg.ent_coef * ent
                opt.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(net.parameters(), cfg.grad_clip)
                opt.step()
        ep_ret = float(ro["r"].sum(0).mean())
        curve.append({"step": it * cfg.rollout * cfg.num_envs, "episode_return": round(ep_ret, 4), "num_nodes": ro["x"].shape[2]})
        prog.update(it, episode_return=ep_ret, v_loss=float(v_loss), q_loss=float(q_loss), entropy=float(ent))
    return {"model": net, "curve": curve, "steps": cfg.iterations * cfg.rollout * cfg.num_envs, "wall_s": time.time() - t0}
