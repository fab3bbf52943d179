"""PPO over a node-wise actor-critic, CleanRL style: one batch of full episodes per iteration, GAE, clipped
surrogate, value loss, entropy bonus, masked categorical policy. The logits are PPOConfig.prior times the encoder's
one-step reward estimate plus the network's output: the policy starts near the one-step choice and learns a residual.

Run alone: cd models && /usr/bin/python3 -m policies.ppo
"""

import time
from dataclasses import dataclass

import torch

from edgesim import spec

from .common import NO_LINKS, NODE_KEYS, EpisodeSampler, heads, masked_entropy, sample_categorical
from .encoder import masked_softmax
from .networks import ActorCritic
from .progress import Progress
from .threads import set_threads


@dataclass
class PPOConfig:
    seed: int = 2
    num_envs: int = 32
    iterations: int = 30  # one batch of num_envs full episodes each
    hidden: int = 32
    lr: float = 5e-4
    epochs: int = 4
    minibatches: int = 8
    clip: float = 0.2
    ent_coef: float = 0.005
    vf_coef: float = 0.5
    gae_lambda: float = 0.9
    grad_clip: float = 0.5
    gamma: float = spec.GAMMA
    # logits = prior * the encoder's one-step reward estimate + the network's output (residual policy learning). On
    # validation networks at 20 and 200 nodes, loads 0.4/0.7/0.9, the gap to greedy: with 0, -76 to -125 in every
    # cell; with 3, -6 to -50 at 20 nodes and -12 to +0.4 at 200 (1: -8 to -75 at 20; 10: -12 to -70 at 20). 40
    # episodes per cell at 20 nodes, 20 at 200.
    prior: float = 3.0


def gae(r, v, last_v, gamma: float, lam: float):
    """Advantages and lambda-returns [T, E] (no terminal inside a rollout; the end bootstraps from last_v)."""
    adv = torch.zeros_like(r)
    running = torch.zeros_like(last_v)
    for t in reversed(range(r.shape[0])):
        nv = last_v if t == r.shape[0] - 1 else v[t + 1]
        running = r[t] + gamma * nv - v[t] + gamma * lam * running
        adv[t] = running
    return adv, adv + v


def train(cfg: PPOConfig, name: str = "ppo", log=print) -> dict:
    torch.manual_seed(cfg.seed)
    gen = torch.Generator().manual_seed(cfg.seed)
    net = ActorCritic(cfg.hidden, cfg.prior)
    opt = torch.optim.Adam(net.parameters(), lr=cfg.lr, eps=1e-5)
    sampler = EpisodeSampler(cfg.num_envs, seed=1000 + cfg.seed)
    prog, t0, curve = Progress(name, cfg.iterations), time.time(), []

    def policy(o):  # the node-wise network reads no links
        h = heads(net, {**o, **NO_LINKS})
        return masked_softmax(h["logits"], h["valid"]), h["value"]

    for it in range(1, cfg.iterations + 1):
        for g in opt.param_groups:
            g["lr"] = cfg.lr * (1 - (it - 1) / cfg.iterations)
        sim = sampler.sim()
        obs = sim.reset()
        steps, rews, done = [], [], False
        while not done:
            with torch.no_grad():
                probs, value = policy(obs)
            a = sample_categorical(probs, gen)
            steps.append({**obs, "a": a, "logp": torch.log(probs.gather(1, a[:, None]).squeeze(1).clamp(min=1e-12)), "v": value})
            obs, reward, done, _ = sim.step(a)
            rews.append(reward.float())
        with torch.no_grad():
            _, last_v = policy(obs)
        r = torch.stack(rews)
        adv, ret = gae(r, torch.stack([s["v"] for s in steps]), last_v, cfg.gamma, cfg.gae_lambda)
        data = {k: torch.cat([s[k] for s in steps]) for k in (*NODE_KEYS, "a", "logp")}
        data["adv"], data["ret"] = adv.reshape(-1), ret.reshape(-1)
        n = data["a"].shape[0]
        for _ in range(cfg.epochs):
            for mb in torch.randperm(n, generator=gen).chunk(cfg.minibatches):
                probs, value = policy({k: data[k][mb] for k in NODE_KEYS})
                logp = torch.log(probs.gather(1, data["a"][mb, None]).squeeze(1).clamp(min=1e-12))
                a_mb = data["adv"][mb]
                a_mb = (a_mb - a_mb.mean()) / (a_mb.std() + 1e-8)
                ratio = torch.exp(logp - data["logp"][mb])
                pg = -torch.min(ratio * a_mb, ratio.clamp(1 - cfg.clip, 1 + cfg.clip) * a_mb).mean()
                v_loss = 0.5 * ((value - data["ret"][mb]) ** 2).mean()
                ent = masked_entropy(probs).mean()
                loss = pg + cfg.vf_coef * v_loss - cfg.ent_coef * ent
                opt.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(net.parameters(), cfg.grad_clip)
                opt.step()
        ep_ret = float(r.sum(0).mean())
        curve.append({"step": it * cfg.num_envs * spec.EPISODE_TASKS, "episode_return": round(ep_ret, 4), "num_nodes": sim.n})
        prog.update(it, episode_return=ep_ret, v_loss=float(v_loss), entropy=float(ent))
    return {"model": net.eval(), "curve": curve, "steps": cfg.iterations * cfg.num_envs * spec.EPISODE_TASKS,
            "wall_s": time.time() - t0}


if __name__ == "__main__":
    set_threads(1)
    train(PPOConfig())
