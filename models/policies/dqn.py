"""DQN over a node-wise Q-network, CleanRL style: replay buffer padded to the largest training size, Polyak target
network, linear epsilon schedule, double-DQN targets, masking in action choice and in the target max. The network
learns a residual: Q is DQNConfig.prior times the encoder's one-step reward estimate plus its output (Silver et al.
2018, "Residual Policy Learning").

Run alone: cd models && /usr/bin/python3 -m policies.dqn
"""

import time
from dataclasses import dataclass

import torch
import torch.nn.functional as fn

from edgesim import spec

from .common import NO_LINKS, NODE_KEYS, TRAIN_SIZES, EpisodeSampler, heads, masked_argmax, pad_nodes, random_valid
from .networks import QNetwork
from .progress import Progress
from .threads import set_threads


@dataclass
class DQNConfig:
    seed: int = 1
    num_envs: int = 32
    episodes: int = 14  # batches of num_envs episodes
    hidden: int = 32
    lr: float = 5e-4
    buffer: int = 100_000
    batch: int = 256
    learning_starts: int = 200  # vectorised steps of pure exploration before learning
    eps_start: float = 1.0
    eps_end: float = 0.02
    eps_fraction: float = 0.4  # of all steps over which epsilon decays linearly
    target_tau: float = 0.01  # Polyak averaging of the target network per update
    huber_delta: float = 1.0
    grad_clip: float = 5.0
    probs_tau: float = 0.25  # temperature of the exported Boltzmann probabilities softmax(Q / tau)
    # Q = prior * the encoder's one-step reward estimate + the network's output, so learning starts from the one-step
    # cost and only has to find what it misses (residual policy learning). On validation networks (pipeline.selection's
    # split) at 20 and 200 nodes, loads 0.4/0.7/0.9: with 0, worse than greedy in 5 of 6 cells; with 1, worse in none
    # and better in 3 (seed 1); worse in 1 and better in 2 (seed 2). 40 episodes per cell at 20 nodes, 20 at 200.
    prior: float = 1.0
    gamma: float = spec.GAMMA


class Replay:
    def __init__(self, cap: int, n_max: int, example: dict):
        self.cap, self.n, self.i, self.n_max = cap, 0, 0, n_max
        self.obs = {k: torch.zeros(cap, n_max, *example[k].shape[2:], dtype=example[k].dtype) for k in NODE_KEYS}
        self.nxt = {k: torch.zeros_like(v) for k, v in self.obs.items()}
        self.a = torch.zeros(cap, dtype=torch.long)
        self.r = torch.zeros(cap)

    def add(self, obs, a, r, nxt):
        idx = (torch.arange(a.shape[0]) + self.i) % self.cap
        po, pn = pad_nodes(obs, self.n_max), pad_nodes(nxt, self.n_max)
        for k in NODE_KEYS:
            self.obs[k][idx], self.nxt[k][idx] = po[k], pn[k]
        self.a[idx], self.r[idx] = a, r.float()
        self.i = (self.i + a.shape[0]) % self.cap
        self.n = min(self.n + a.shape[0], self.cap)

    def sample(self, batch: int, gen: torch.Generator):
        j = torch.randint(0, self.n, (batch,), generator=gen)
        return {k: v[j] for k, v in self.obs.items()}, self.a[j], self.r[j], {k: v[j] for k, v in self.nxt.items()}


def q_of(net, o):
    """Q-values; the node-wise network reads no links."""
    return heads(net, {**o, **NO_LINKS})["q"]


def train(cfg: DQNConfig, name: str = "dqn", log=print) -> dict:
    torch.manual_seed(cfg.seed)
    gen = torch.Generator().manual_seed(cfg.seed)
    net, target = QNetwork(cfg.hidden, cfg.probs_tau, cfg.prior), QNetwork(cfg.hidden, cfg.probs_tau, cfg.prior)
    target.load_state_dict(net.state_dict())
    opt = torch.optim.Adam(net.parameters(), lr=cfg.lr)
    sampler = EpisodeSampler(cfg.num_envs, seed=1000 + cfg.seed)
    total = cfg.episodes * spec.EPISODE_TASKS
    prog, t0, curve, rb, step = Progress(name, total), time.time(), [], None, 0
    for _ in range(cfg.episodes):
        sim = sampler.sim()
        obs = sim.reset()
        rb = rb or Replay(cfg.buffer, TRAIN_SIZES[1], obs)
        ret, done = torch.zeros(cfg.num_envs), False
        while not done:
            step += 1
            eps = max(cfg.eps_end, cfg.eps_start - (cfg.eps_start - cfg.eps_end) * step / (cfg.eps_fraction * total))
            with torch.no_grad():
                greedy = masked_argmax(q_of(net, obs), obs["mask"])
            explore = torch.rand(cfg.num_envs, generator=gen) < eps
            action = torch.where(explore, random_valid(obs["mask"], gen), greedy)
            nxt, reward, done, _ = sim.step(action)
            ret += reward.float()
            rb.add(obs, action, reward, nxt)  # the episode's end is a time limit: nxt is a real state to bootstrap from
            obs = nxt
            if step >= cfg.learning_starts:
                o, a, r, o2 = rb.sample(cfg.batch, gen)
                with torch.no_grad():
                    a2 = masked_argmax(q_of(net, o2), o2["mask"])
                    next_v = q_of(target, o2).gather(1, a2[:, None]).squeeze(1)
                    next_v = torch.where(o2["mask"].sum(1) > 0, next_v, torch.zeros_like(next_v))
                    y = r + cfg.gamma * next_v
                q = q_of(net, o).gather(1, a[:, None]).squeeze(1)
                loss = fn.huber_loss(q, y, delta=cfg.huber_delta)
                opt.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(net.parameters(), cfg.grad_clip)
                opt.step()
                with torch.no_grad():
                    for p, tp in zip(net.parameters(), target.parameters()):
                        tp.mul_(1 - cfg.target_tau).add_(p, alpha=cfg.target_tau)
            prog.update(step, epsilon=eps)
        curve.append({"step": step * cfg.num_envs, "episode_return": round(float(ret.mean()), 4), "epsilon": round(eps, 3)})
        prog.update(step, force=True, episode_return=float(ret.mean()), epsilon=eps)
    return {"model": net.eval(), "curve": curve, "steps": total * cfg.num_envs, "wall_s": time.time() - t0}


if __name__ == "__main__":
    set_threads(1)
    train(DQNConfig())
